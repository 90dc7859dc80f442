"""Which way a date without a year (or a week) points: the tense of the clause that governs it.

No tagger is loaded for this (the time stages run on every page, in any
language the pipeline sees), so the governing verb is found with word lists:
auxiliaries and modals, irregular past forms, and regular -ed forms. The
mention's own clause decides; a clause that a subordinator opens after the
mention ("said Friday *that* talks will resume", "a statement Friday
*saying* ...") belongs to another event and is not read.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future"] | None

_FUTURE = re.compile(
    r"\b(?:will|won't|wo n't|shall|'ll|going to|is to|are to|plans? to|planning to|planned to|scheduled|"
    r"expected to|set to|due to|upcoming|next|would|might|hopes? to|intends? to|wird|werden|soll|sollen|"
    r"geplant|kommenden?|bevorstehenden?)\b|’ll",
    re.I,
)
_PAST = re.compile(
    r"\b(?:said|says|was|were|had|did|told|ago|last|earlier|"
    # irregular past forms common in news; regular ones are caught by -ed below
    r"met|held|made|took|gave|came|went|left|began|found|got|sent|spent|won|lost|fell|rose|shot|struck|"
    r"brought|bought|sold|led|ran|saw|thought|became|kept|heard|felt|paid|wrote|spoke|broke|chose|drove|"
    r"flew|fought|knew|stood|threw|woke|sought|caught|taught|drew|grew|hung|swore|tore|"
    r"sagte|sagten|hatte|hatten|war|waren|wurde|wurden|hat|haben|erklärte|vergangenen|letzten|gab|traf)\b",
    re.I,
)
# A weaker sign of the past: any lower-case word in -ed. Adjectives ("unspecified")
# and names ("United") end in -ed too, so it counts only when no clearer marker is near.
_PAST_WEAK = re.compile(r"\b[a-z]{3,}ed\b")
# Right after the mention, these open a clause about another event.
_SUBORDINATE = re.compile(
    r"\b(?:that|saying|says|said|which|who|because|if|when|while|whether|after|before|although|dass|weil|wenn|als|nachdem)\b|``|[\"“”]",
    re.I,
)
# Words right before the mention that bound it from above: "as early as Tuesday",
# "by February", "through January" name a time still ahead.
_UPPER_BOUND = re.compile(r"\b(?:as (?:early|soon) as|no (?:earlier|later) than|by|through|until|till|bis)\s+(?:(?:the\s+)?(?:end|middle|start) of\s+)?$", re.I)
# The past perfect ("had filed by Wednesday", "had been due to expire Friday") puts
# the whole clause before the time of writing, whatever future form it holds.
_PLUPERFECT = re.compile(r"\bhad\s+(?:not\s+|n't\s+|already\s+)?(?:been|\w+ed|[a-z]+en)\b", re.I)
# A participle after a form of "be" is passive, not past: "will be held on Friday".
_PASSIVE = re.compile(r"\b(?:be|been|being)\s+$", re.I)


def sentence_tense(text: str, start: int, end: int, sentence: tuple[int, int]) -> Tense:
    """The tense that governs a mention: its clause's nearest future marker
    ("will", "is to", "wird") or past marker ("said", "met", "-ed", "hatte"),
    then the sentence's. ``sentence`` is the mention's sentence (from the analysis)."""
    left, right = sentence[0] - 1, sentence[1]
    subordinate = _SUBORDINATE.search(text, end, right)
    if subordinate:
        right = subordinate.start()
    # the clause first (between commas), then the whole sentence
    clause_left = max(left, text.rfind(",", 0, start), text.rfind(";", 0, start))
    clause_ends = [i for i in (text.find(",", end, right), text.find(";", end, right)) if i >= 0]
    clause_right = min(clause_ends) if clause_ends else right
    if _PLUPERFECT.search(text, left + 1, right):
        return "past"
    if _UPPER_BOUND.search(text[max(left + 1, start - 40) : start]):
        return "future"
    for low, high in ((clause_left, clause_right), (left, right)):
        for markers in (((_FUTURE, "future"), (_PAST, "past")), ((_PAST_WEAK, "past"),)):
            tense = _nearest_tense(text, start, end, low, high, markers)  # type: ignore[arg-type]
            if tense:
                return tense
    return None


def _nearest_tense(text: str, start: int, end: int, left: int, right: int, markers: tuple[tuple[re.Pattern[str], Tense], ...]) -> Tense:
    best: tuple[int, Tense] | None = None
    for pattern, tense in markers:
        for match in pattern.finditer(text, left + 1, right):
            if match.start() < end and match.end() > start:
                continue
            if tense == "past" and _PASSIVE.search(text, max(0, match.start() - 7), match.start()):
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            if best is None or distance < best[0]:
                best = (distance, tense)  # type: ignore[assignment]
    return best[1] if best else None
