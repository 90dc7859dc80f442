"""Find the cue and the speaker mention next to a quotation, in its own words.

The signal is positional: a reporting verb right after the quote with its
subject ("…,” Blinken replied), inverted ("…,” said the official), or a
subject and verb before it in the same sentence ("he underlined that “…”"),
or at the end of the previous paragraph ("He said:"). The subject is the
clause between the last boundary and the verb, accepted only if it looks like
a noun phrase (pronoun, determiner, capitalised name, source noun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import AUX_WORDS, CUE_RE, DETERMINERS, PRONOUNS, SOURCE_NOUNS

_MAX_SUBJECT_WORDS = 11
_WORD_RE = re.compile(r"[\w’'.&-]+")
# Where a subject clause starts: sentence ends, clause punctuation, quote marks, "that".
_BOUNDARY_RE = re.compile(
    r"(?:[.!?]\s+|[,;:(—–]\s*|[“”\"„«»]\s*|\b(?:that|as|while|when|because|if|dass|aber)\s+)"
)
# Sentences end at end punctuation, and never run over a line break.
_SENTENCE_END_RE = re.compile(r"[.!?](?=[\s“”\"»«]|$)|\n")
# An inverted subject ends before a preposition, a comma, or a relative clause.
_INVERTED_END_RE = re.compile(
    r"(?:[,.;:!?()“”\"„«»]|\s(?:in|on|at|during|after|before|when|while|to|from|who|which|"
    r"about|of a|adding|im|am|in einem|gegenüber|dem|der Zeitung|am Montag)\b)"
)
_ACCORDING_RE = re.compile(r"\b(?:[Aa]ccording to|[Ll]aut|[Nn]ach Angaben (?:von|des|der))\s+")
_GERMAN_SO_RE = re.compile(r"[\s,]*so\s+")
_ZUFOLGE_RE = re.compile(r"\s+zufolge\b")


_NOT_SUBJECT_STARTS = frozenset("that dass what how if whether which where when why to".split())
_ED_NOUNS = frozenset("red bed seed need speed".split())
_ADVERB_RE = re.compile(r"[a-z]+ly")
_PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")


@dataclass(slots=True)
class Attribution:
    cue_span: tuple[int, int] | None
    speaker_span: tuple[int, int] | None


def looks_like_subject(text: str) -> bool:
    """A short noun phrase that can name a speaker."""
    words = _WORD_RE.findall(text)
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return False
    first = words[0]
    lower = [w.lower() for w in words]
    if lower[0] in _NOT_SUBJECT_STARTS:
        return False
    # "Biden published an op-ed ..." is a clause, not a noun phrase.
    for left, word in zip(words, words[1:]):
        if left[:1].isupper() and word.islower() and word.endswith("ed") and word not in _ED_NOUNS:
            return False
    if any(w in AUX_WORDS for w in lower[1:]) and len(words) > 3:
        return False
    if CUE_RE.search(text):
        return False
    if len(words) == 1 and first.lower() in PRONOUNS:
        return True
    if first.lower() in DETERMINERS and len(words) >= 2:
        return True
    if first[:1].isupper():
        return first.lower() not in {"however", "but", "and", "in", "on", "it", "this", "there"}
    if lower[-1] in SOURCE_NOUNS or any(w[:1].isupper() for w in words[1:]):
        return True
    return False


def _trim_subject(body: str, start: int, end: int) -> tuple[int, int] | None:
    """Strip auxiliaries/adverbs off the right of a subject, whitespace both sides."""
    text = body[start:end]
    words = list(_WORD_RE.finditer(text))
    while words and (words[-1].group().lower() in AUX_WORDS or _ADVERB_RE.fullmatch(words[-1].group())):
        words.pop()
    while words and words[0].group().lower() in {"and", "but", "und"}:
        words.pop(0)
    if not words:
        return None
    s, e = start + words[0].start(), start + words[-1].end()
    if body[e - 1] in ".," and not body[s:e].endswith(("Jr.", "Sr.", "U.S.")):
        e -= 1
    return (s, e) if e > s else None


def subject_before(body: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase between the last clause boundary in body[lo:cue_start] and the cue."""
    window = body[lo:cue_start]
    start = lo
    for match in _BOUNDARY_RE.finditer(window):
        start = lo + match.end()
    span = _trim_subject(body, start, cue_start)
    if span is None or not looks_like_subject(body[span[0] : span[1]]):
        return None
    return span


def subject_after(body: str, cue_end: int, hi: int) -> tuple[int, int] | None:
    """The inverted subject right after a cue: "said the official in a statement"."""
    window = body[cue_end:hi]
    stop = _INVERTED_END_RE.search(window)
    end = cue_end + (stop.start() if stop else len(window))
    span = _trim_subject(body, cue_end, end)
    if span is None or not looks_like_subject(body[span[0] : span[1]]):
        return None
    return span


def sentence_bounds(body: str, lo: int, hi: int, at: int) -> tuple[int, int]:
    """The sentence around offset `at`, within [lo, hi)."""
    start = lo
    for match in _SENTENCE_END_RE.finditer(body, lo, at):
        start = match.end()
    stop = _SENTENCE_END_RE.search(body, at, hi)
    return start, (stop.end() if stop else hi)


def after_quote(body: str, end: int, hi: int) -> Attribution | None:
    """`,” Blinken replied` / `,” said the official` / `„…“, so der Minister`."""
    window_end = min(hi, end + 160)
    stop = _SENTENCE_END_RE.search(body, end, window_end)
    limit = stop.end() if stop else window_end
    for mark in '“”"„«»':
        cut = body.find(mark, end, limit)
        if cut != -1:
            limit = cut
    cue = CUE_RE.search(body, end, limit)
    if cue is None:
        so = _GERMAN_SO_RE.match(body, end, limit)
        if so:
            speaker = subject_after(body, so.end(), limit)
            if speaker:
                return Attribution((so.end() - 3, so.end() - 1), speaker)
        return None
    subject = subject_after(body, cue.end(), limit)
    if subject and body[end : cue.start()].strip(" ,—–-\n") == "":
        return Attribution(cue.span(), subject)
    subject = subject_before(body, end, cue.start())
    if subject:
        return Attribution(cue.span(), subject)
    return None


def before_quote(body: str, lo: int, start: int, first: bool = False) -> Attribution | None:
    """The last (or `first`) `subject cue` in body[lo:start]: `he underlined that “…”`,
    `X said: „…“`. The first suits a fragment inside reported speech, whose main
    verb comes first ("he went on to say that the US considered … “unacceptable”")."""
    according = None
    for match in _ACCORDING_RE.finditer(body, lo, start):
        according = match
    best: Attribution | None = None
    for cue in CUE_RE.finditer(body, lo, start):
        if _PASSIVE_RE.search(body, max(lo, cue.start() - 8), cue.start()):
            continue  # "is expected to", "was told": not the subject speaking
        subject = subject_before(body, lo, cue.start())
        if subject is None and body[lo : cue.start()].strip(" ,:") == "":
            subject = subject_after(body, cue.end(), start)  # "Dazu sagte der Minister: „…“"
        if subject is None and cue.group().endswith("ing"):
            subject = _clause_subject(body, lo, cue.start())  # "X published …, suggesting “…”"
        if subject:
            best = Attribution(cue.span(), subject)
            if first:
                break
    if best is None and according is not None:
        subject = subject_after(body, according.end(), start)
        if subject:
            best = Attribution((according.start(), according.end() - 1), subject)
    return best


def cue_later_in_sentence(body: str, end: int, hi: int) -> Attribution | None:
    """A `subject cue` anywhere after the quote in its sentence, outside other quotes:
    "“would prefer …” with Russia, but has made clear “…,” Blinken has said."."""
    _, stop = sentence_bounds(body, end, hi, end)
    inside = False
    for i in range(end, stop):
        if body[i] in '“”"„«»':
            inside = not inside
        elif not inside and body[i].isalpha() and (i == 0 or not body[i - 1].isalnum()):
            cue = CUE_RE.match(body, i)
            if cue:
                subject = subject_before(body, end, cue.start())
                if subject:
                    return Attribution(cue.span(), subject)
    return None


def _clause_subject(body: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The first name in the sentence, as the subject of a participle cue."""
    from ..entities.names import find_names  # entities sit above quotes; imported late

    names = find_names(body[lo:hi])
    return (lo + names[0].start, lo + names[0].end) if names else None
