"""Sentence boundaries for attribution, aware of abbreviations and initials.

A period ends a sentence only when it is not part of an abbreviation ("Mr.",
"U.S.", "Sen.", "z.B.") or an initial ("John F. Kennedy"), and what follows
(past closing quote marks and spaces) starts a new sentence: a capital, a
digit or an opening mark. A line break always ends a sentence. Written here
because the quote rules need character offsets over raw prose with NYT-style
marks, which general sentence splitters do not keep.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr gen sen rep reps gov lt col capt prof sgt adm maj gens sens govs
    inc corp co ltd no vs etc jan feb mar apr aug sept sep oct nov dec ft mt rev hon pres supt
    u.s u.k u.n e.u d.c a.m p.m dept univ bzw ca vgl dt nr abs""".split()
)
_END_RE = re.compile(r"[.!?…]+[”\"’'»«]*(?=\s)|\n")
_TOKEN_BEFORE_RE = re.compile(r"([\w.]+)$")
_DOTTED_RE = re.compile(r"(?:\w\.)+\w")


def _ends_sentence(body: str, match: re.Match[str]) -> bool:
    if match.group() == "\n":
        return True
    if match.group()[0] == ".":
        token = _TOKEN_BEFORE_RE.search(body, max(0, match.start() - 12), match.start())
        if token:
            word = token.group(1).lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or _DOTTED_RE.fullmatch(word):
                return False
    nxt = match.end()
    while nxt < len(body) and body[nxt] in " \t":
        nxt += 1
    if nxt >= len(body) or body[nxt] == "\n":
        return True
    char = body[nxt]
    return char.isupper() or char.isdigit() or char in "“\"„«»‘'(‚["


@lru_cache(maxsize=1024)
def sentence_spans(body: str, lo: int, hi: int) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in body[lo:hi], leading whitespace skipped."""
    spans = []
    start = lo
    for match in _END_RE.finditer(body, lo, hi):
        if _ends_sentence(body, match):
            spans.append((start, match.end()))
            start = match.end()
    if start < hi:
        spans.append((start, hi))
    out = []
    for s, e in spans:
        while s < e and body[s].isspace():
            s += 1
        if s < e:
            out.append((s, e))
    return tuple(out)


def sentence_bounds(body: str, lo: int, hi: int, at: int) -> tuple[int, int]:
    """The sentence around offset `at`, within [lo, hi)."""
    for s, e in sentence_spans(body, lo, hi):
        if at < e:
            return s, e
    return (lo, hi)


def next_sentence_end(body: str, start: int, hi: int) -> int | None:
    """Offset just after the first sentence end in body[start:hi], or None."""
    for match in _END_RE.finditer(body, start, hi):
        if _ends_sentence(body, match):
            return match.end()
    return None
