"""When and where a quote was said: the date mention in its sentence, or in the one before.

"In an interview with Meridian 24 on Sunday, Marovic said: ..." gives the quote
said_on 2023-12-03 (Sunday anchored to a page date of 2023-12-04) and venue "Meridian 24 interview".
A line that only introduces the quote ("Marovic replied:") belongs to the
quote, so the sentence before *that* is the preceding sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import ClassVar

from ..analysis import analysis_of
from ..model import ARTICLE_KINDS, DateMention, Document, Quote
from .anchoring import sentence_tense

_CONCRETE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?(?:T[\w:]+)?$")
_VENUE = re.compile(
    r"\b(?:(?P<noun>(?i:interview|conversation)|talk|press conference|news conference|briefing|speech|statement|podcast|op-ed)"
    r"\s+(?:with|to|on)\s+(?P<org>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*)"
    r"|(?i:told|speaking to|speaking with|talking to|in remarks to)\s+(?P<org2>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*)"
    r"|(?P<org3>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*)\s+(?P<noun3>interview|broadcast))"
)
_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "On", "In", "Last", "This"}
_VENUE_NAMES = {"conversation": "interview", "talk": "interview", "news conference": "press conference"}


def _context(body: str, spans: list[tuple[int, int]], ends: list[int], position: int) -> list[tuple[int, int]]:
    """The quote's sentence (or the next one, from a gap between two), then the one before
    (skipping a bare 'He said:' line). `ends`: the sentences' ends, in order."""
    index = min(bisect_right(ends, position), len(spans) - 1)
    chosen = [spans[index]]
    back = index - 1
    if back >= 0 and body[spans[back][0] : spans[back][1]].rstrip().endswith(":") and len(body[spans[back][0] : spans[back][1]]) < 60:
        chosen.append(spans[back])
        back -= 1
    if back >= 0:
        chosen.append(spans[back])
    return chosen


def _venue(text: str) -> str | None:
    match = _VENUE.search(text)
    if not match:
        return None
    org = match["org"] or match["org2"] or match["org3"]
    words = [w for w in org.split() if w not in _WEEKDAYS]
    if not words:
        return None
    noun = match["noun"] or match["noun3"] or "interview"
    return f"{' '.join(words)} {_VENUE_NAMES.get(noun.lower(), noun.lower())}"


def date_quotes(doc: Document) -> Document:
    spans = list(analysis_of(doc).sentences)
    # a date in a future clause ("talks which will take place on Tuesday") is
    # when something will happen, not when the quote was said
    usable = [
        m for m in doc.date_mentions
        if m.kind in ("date", "time") and m.value and _CONCRETE.match(m.value)
        and not (m.anchor and m.value[:10] > m.anchor)
        and sentence_tense(doc.body, m.start, m.end, analysis_of(doc).sentence_at(m.start)) != "future"
    ]
    usable.sort(key=lambda m: m.start)
    usable_starts = [m.start for m in usable]
    ends = [end for _, end in spans]
    for quote in doc.quotes:
        position = quote.cue_span[0] if quote.cue_span else quote.start
        for start, end in _context(doc.body, spans, ends, position):
            inside: list[DateMention] = usable[bisect_left(usable_starts, start) : bisect_left(usable_starts, end)]
            if quote.said_on is None and inside:
                nearest = min(inside, key=lambda m: abs(m.start - position))
                quote.said_on = nearest.value[:10] if nearest.value else None
                quote.venue = quote.venue or _venue(doc.body[start:end])
            elif quote.venue is None and quote.said_on is None:
                quote.venue = _venue(doc.body[start:end])
            if quote.said_on:
                break
    return doc


class DateQuotes:
    name: ClassVar[str] = "date_quotes"
    needs: ClassVar[frozenset[str]] = frozenset({"analysis", "date_mentions", "quotes"})
    adds: ClassVar[frozenset[str]] = frozenset({"said_on"})
    page_kinds: ClassVar[frozenset[str]] = ARTICLE_KINDS

    def run(self, doc: Document) -> Document:
        return date_quotes(doc)


__all__ = ["DateQuotes", "Quote", "date_quotes"]
