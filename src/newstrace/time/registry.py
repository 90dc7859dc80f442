"""The rule registry: a rule is a compiled pattern and a handler that turns a
match, in its context, into (kind, TIMEX3 value, relative) or None to reject it.
Each rule module keeps its own `RULES`; `expressions` lists the modules in order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .anchoring import Anchor, Tense, sentence_tense


@dataclass(slots=True)
class Expression:
    start: int
    end: int
    kind: str  # date, time, duration, set
    value: str | None
    relative: bool  # the value depends on the anchor
    rule: str


@dataclass(slots=True)
class Context:
    text: str
    anchor: Anchor | None
    start: int
    end: int
    sentence: tuple[int, int]  # the sentence the match stands in

    def tense(self) -> Tense:
        return sentence_tense(self.text, self.start, self.end, self.sentence)

    def before(self, chars: int = 30) -> str:
        return self.text[max(0, self.start - chars) : self.start]

    def after(self, chars: int = 30) -> str:
        return self.text[self.end : self.end + chars]



Result = tuple[str, str | None, bool] | None  # kind, value, relative
Handler = Callable[[re.Match[str], Context], Result]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    # Words one of which every match of the pattern holds, as token forms (see
    # `lexicon.token_forms`), or `DIGITS` among them for a digit: the rule is tried only
    # around them. None: tried over the whole text.
    near: frozenset[str] | None = None


# In a rule's `near`: every match holds a digit (or one of the other words).
DIGITS = "0-9"
ONLY_DIGITS = frozenset({DIGITS})


class Rules(list[Rule]):
    """A module's rules, in the order they were written (ties between equal
    spans go to the earlier rule)."""

    def add(
        self, pattern: str, flags: int = re.I, near: frozenset[str] | None = None
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.append(Rule(handler.__name__, re.compile(pattern, flags), handler, near))
            return handler

        return register
