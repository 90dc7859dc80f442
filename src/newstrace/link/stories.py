"""Stories: the same event reported by several outlets, across languages.

A pair of documents is scored from what each holds on its own (no
collection statistics, so the score never depends on what was stored
first): overlap of content words and of capitalised names (names survive
translation, and the title is left out so that a German headline over an
English body does not split a story), then two pieces of evidence that text
overlap cannot give in a collection about the same people:

- a quotation both report (variants count) makes the same story likely;
- the same speaker quoted at length in both with no quotation in common
  means another occasion ("unrelated reports on the same people stay apart");
- content dates stated by both texts that lie far apart mean another event.

Stories are the connected components of the pairs that pass.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Document, Quote
from ..time.content_date import period
from .families import are_variants, quote_stems, speaker_key
from .features import content_terms, name_terms

# Weights fitted once on the SemEval-2022 pair sample (benchmarks/links.py):
# overlap coefficients carry most of the signal for pages of unequal length.
WEIGHTS = {"terms_jaccard": 0.1, "names_jaccard": 0.1, "terms_overlap": 0.4, "names_overlap": 0.4}
SHARED_QUOTE_BONUS = 0.3
STRONG_TEXT = 0.6  # text alone this alike is the same story whatever the quotes say
DATE_GAP_DAYS = 7
_LONG_QUOTE_STEMS = 4


@dataclass(slots=True)
class StoryFeatures:
    document_id: str
    terms: set[str]
    names: set[str]
    quotes: list[Quote] = field(default_factory=list)
    stated_date: str | None = None  # the document's own content date, when its text states it

    @classmethod
    def of(cls, doc: Document, quotes: list[Quote], stated_date: str | None) -> StoryFeatures:
        return cls(doc.id, content_terms(doc.body), name_terms(doc.body), quotes, stated_date)

    def long_quotes_by_speaker(self) -> dict[str, list[Quote]]:
        found: dict[str, list[Quote]] = defaultdict(list)
        for quote in self.quotes:
            key = speaker_key(quote)
            if key and len(quote_stems(quote.text)) >= _LONG_QUOTE_STEMS:
                found[key].append(quote)
        return found


def _jaccard_and_overlap(a: set[str], b: set[str]) -> tuple[float, float]:
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b) if len(a) <= len(b) else len(b & a)
    return shared / (len(a) + len(b) - shared), shared / min(len(a), len(b))


def text_score(a: StoryFeatures, b: StoryFeatures) -> float:
    terms_jaccard, terms_overlap = _jaccard_and_overlap(a.terms, b.terms)
    names_jaccard, names_overlap = _jaccard_and_overlap(a.names, b.names)
    return (
        WEIGHTS["terms_jaccard"] * terms_jaccard
        + WEIGHTS["names_jaccard"] * names_jaccard
        + WEIGHTS["terms_overlap"] * terms_overlap
        + WEIGHTS["names_overlap"] * names_overlap
    )


def shares_quote(a: StoryFeatures, b: StoryFeatures) -> bool:
    return any(
        are_variants(qa.text, qb.text)
        for qa in a.quotes
        for qb in b.quotes
        if len(quote_stems(qa.text)) >= _LONG_QUOTE_STEMS and len(quote_stems(qb.text)) >= _LONG_QUOTE_STEMS
    )


def speaker_conflict(a: StoryFeatures, b: StoryFeatures) -> bool:
    """The same speaker quoted at length in both, but never the same words."""
    by_a, by_b = a.long_quotes_by_speaker(), b.long_quotes_by_speaker()
    for key in by_a.keys() & by_b.keys():
        if len(by_a[key]) >= 2 and len(by_b[key]) >= 2:
            if not any(are_variants(x.text, y.text) for x in by_a[key] for y in by_b[key]):
                return True
    return False


def date_conflict(a: StoryFeatures, b: StoryFeatures) -> bool:
    pa = period(a.stated_date) if a.stated_date else None
    pb = period(b.stated_date) if b.stated_date else None
    if pa is None or pb is None:
        return False
    gap = max((pa[0] - pb[1]).days, (pb[0] - pa[1]).days)
    return gap > DATE_GAP_DAYS


def story_score(a: StoryFeatures, b: StoryFeatures) -> float:
    """How likely the two documents report the same event; compare with `story_threshold`."""
    text = text_score(a, b)
    if text >= STRONG_TEXT:
        return text
    if date_conflict(a, b):
        return 0.0
    if shares_quote(a, b):
        return text + SHARED_QUOTE_BONUS
    if speaker_conflict(a, b):
        return 0.0
    return text


def days_between(later: str, earlier: str) -> int | None:
    """Days from the end of `earlier`'s period to the start of `later`'s (None when either is not a date)."""
    pl, pe = period(later), period(earlier)
    if pl is None or pe is None:
        return None
    return (pl[0] - pe[1]).days
