"""The speaker mention next to a reporting verb: the subject before it
("Marovic replied", "Jane Roe, a lawyer in Ohio, said"), the inverted subject
after it ("said the official", German "sagte der Minister"), accepted only if
it looks like a noun phrase (pronoun, determiner, capitalised name, source
noun). German main clauses put the verb second, so when the sentence opens
with something other than the subject ("Dazu sagte …") the subject follows.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..entities.words import PERSON_TITLES, TITLE_WORDS
from .german_np import ADVERB_ENDINGS, TOPIC_WORDS, inverted_subject, noun_phrase
from .lexicon import ABBREVIATIONS, AUX_WORDS, CUE_RE, DETERMINERS, GERMAN_CUE_WORDS, PRONOUNS, SOURCE_NOUNS

_MAX_SUBJECT_WORDS = 11
_WORD_RE = re.compile(r"[\w’'.&-]+")
# A period after a title or an abbreviation of the language files ("Mr.", "Rev.", "Prof.")
# or after an initial ("U.S.", "John F.") ends nothing; tested once a stop is matched.
_ABBREVIATED = sorted(
    {w[:-1] for w in ABBREVIATIONS | TITLE_WORDS | PERSON_TITLES if w.endswith(".") and len(w) > 1 and "." not in w[:-1]}
)
_STOP = r"[.!?](?<![A-Z]\.)" + "".join(rf"(?<!\b{re.escape(word)}\.)" for word in _ABBREVIATED)
# Where a subject clause starts: sentence ends, clause punctuation, quote marks, "that".
_BOUNDARY_RE = re.compile(
    rf"(?:{_STOP}\s+|(?<![A-Z])[,;:(—–]\s*|(?<![A-Z])[“”\"„«»]\s*|"
    r"\b(?:that|as|while|when|because|if|dass|aber)\s+)"
)
# An inverted subject ends before a preposition, a comma, or a relative clause.
_STRONG_BOUNDARY_RE = re.compile(
    rf"(?:{_STOP}\s+(?=[A-Z“\"])|(?<![A-Z])[;:(—–]\s*|(?<![A-Z])[“”\"„«»]\s*|\b(?:that|dass)\s+)"
)
_INVERTED_END_RE = re.compile(
    rf"(?:{_STOP}|[,;:()“”\"„«»]|\s(?:in|on|at|during|after|before|when|while|to|from|who|which|"
    r"about|of a|adding|im|am|in einem|gegenüber|dem|der Zeitung|am Montag)\b)"
)
_ACCORDING_RE = re.compile(r"\b(?:[Aa]ccording to|[Ll]aut|[Nn]ach Angaben (?:von|des|der))\s+")
_GERMAN_SO_RE = re.compile(r"[\s,]*so\s+")
_ZUFOLGE_RE = re.compile(r"\s+zufolge\b")


_NOT_SUBJECT_STARTS = frozenset("that dass what how if whether which where when why to".split())
_ED_NOUNS = frozenset("red bed seed need speed".split())
_ADVERB_RE = re.compile(r"[a-z]+ly")
PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")


def looks_like_subject(text: str) -> bool:
    """A short noun phrase that can name a speaker."""
    words = _WORD_RE.findall(text)
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return False
    first = words[0]
    lower = [w.lower() for w in words]
    if lower[0] in _NOT_SUBJECT_STARTS:
        return False
    # "Verescu published an op-ed ..." is a clause, not a noun phrase.
    for left, word in pairwise(words):
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
    cue = CUE_RE.match(body, cue_start)
    if cue and cue.group() in GERMAN_CUE_WORDS and (span is None or _german_topic(body[span[0] : span[1]])):
        inverted = inverted_subject(body, cue.end(), min(len(body), cue.end() + 200))  # "Dazu sagte X"
        if inverted or span is not None:
            return inverted
    if span is None and window.rstrip().endswith(","):
        return _appositive_subject(body, lo, cue_start)
    if span is None or not looks_like_subject(body[span[0] : span[1]]):
        return None
    return span


def _german_topic(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 6 or words[0][:1].isdigit():
        return True
    # "Passend zu den Gefahren des Eises warnte …": more than one noun phrase opens the clause
    phrase = noun_phrase(text, 0, len(text))
    if phrase is None or phrase[1] < len(text.rstrip(" ,")):
        return True
    return words[0].lower() in TOPIC_WORDS or words[0].lower().endswith(ADVERB_ENDINGS)


def _appositive_subject(body: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """ "Jane Roe, a lawyer in Ohio, who …, said", "In a letter in May, Zippy Duvall, the
    president of the Farm Bureau, said": the name before the appositives, nearest the cue
    first (a phrase that opens with a capital, not "a lawyer" or "who …")."""
    start = lo
    for match in _STRONG_BOUNDARY_RE.finditer(body, lo, cue_start):
        start = match.end()
    commas = [start - 1] + [i for i in range(start, cue_start) if body[i] == ","]
    if len(commas) < 2:
        return None
    # the last comma closes the appositive; segments before the appositive, nearest first
    for left, right in reversed(list(pairwise(commas[:-1]))):
        span = _trim_subject(body, left + 1, right)
        if span is None:
            continue
        text = body[span[0] : span[1]]
        if text[:1].isupper() and text.split()[0].lower() not in DETERMINERS and looks_like_subject(text):
            return span
    return None


def subject_after(body: str, cue_end: int, hi: int) -> tuple[int, int] | None:
    """The inverted subject right after a cue: "said the official in a statement"."""
    window = body[cue_end:hi]
    stop = _INVERTED_END_RE.search(window)
    end = cue_end + (stop.start() if stop else len(window))
    span = _trim_subject(body, cue_end, end)
    if span is None or not looks_like_subject(body[span[0] : span[1]]):
        return None
    return span
