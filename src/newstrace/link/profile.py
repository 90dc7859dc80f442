"""Stage: what linking needs of one document, computed where the document is analysed.

needs: body, language, quotes, date_mentions, content_date      adds: link_profile

The story vector, candidate keys and MinHash signature of a document depend
on that document alone, so they are computed in the per-document pipeline
(in the worker processes under `--jobs N`) rather than in the
single-threaded link pass, which recomputes them only for documents that
arrive without them (queued by a migration).

Candidate keys are the document's rarest terms (`features.key_terms`) and
its near-duplicate LSH bands. A document whose content date (else page
date) is known to the day or week also stores each term salted with its
week and looks up its own week and the two beside it, so two dated reports
of one event find each other however common the term is across the whole
collection. Every document stores and looks up the unsalted term too, which
finds reports whatever their dates, as long as few documents carry it (the
index's cap).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..config import Settings
from ..model import LINKED_KINDS, Document
from ..time.content_date import evidence_from_mentions, period
from .features import (
    band_keys,
    key64,
    key_terms,
    lsh_shape,
    names_vector,
    shingles,
    signature,
    story_terms,
    story_vector,
    to_bytes,
    words,
)
from .index import LinkProfile

DUPLICATE_SCHEME = "dup"
WEEK_DAYS = 7
# A headline-only item has no body: its title is what it reports.
SHORT_BODY_CHARACTERS = 300


@dataclass(slots=True)
class Prepared:
    """A document's link profile with the keys it is found by and the keys it looks up."""

    profile: LinkProfile
    duplicate_keys: list[int]
    story_lookup_keys: list[int]
    shape: tuple[int, float]

    def fits(self, settings: Settings) -> bool:
        return self.shape == _shape_key(settings)


def _shape_key(settings: Settings) -> tuple[int, float]:
    return (settings.minhash_permutations, settings.near_duplicate_threshold)


def _key(term: str, salt: str) -> int:
    return key64(f"{term}\x00{salt}".encode(), b"story")


def story_keys(terms: list[str], day: int | None) -> tuple[list[int], list[int]]:
    """(stored, looked up) story keys of a document with these key terms, stated on `day`."""
    anywhere = [_key(term, "any") for term in terms]
    if day is None:
        return anywhere, anywhere
    week = day // WEEK_DAYS
    stored = [_key(term, f"w{week}") for term in terms] + anywhere
    lookup = [_key(term, f"w{w}") for w in (week - 1, week, week + 1) for term in terms] + anywhere
    return stored, lookup


def stated_day(content_date: str | None) -> int | None:
    """The first day of a content date known to the day or week; None otherwise."""
    span = period(content_date) if content_date else None
    if span is None or (span[1] - span[0]).days >= WEEK_DAYS:
        return None
    return span[0].toordinal()


def page_day(published: str | None) -> int | None:
    """The last day the stated page date allows: what a page reports happened no later."""
    span = period(published) if published else None
    return span[1].toordinal() if span else None


def make_profile(doc: Document, settings: Settings) -> Prepared:
    """A document's own dates, story vector, signature and keys, before any linking changes them."""
    num_perm = settings.minhash_permutations
    dup_items = shingles(words(doc.body))
    dup_sig = signature(dup_items, num_perm)
    dup_keys = band_keys(dup_sig, DUPLICATE_SCHEME, *lsh_shape(settings.near_duplicate_threshold, num_perm))
    if not dup_items:  # an empty body has no signature worth comparing
        dup_keys = []
    # The title is left out of long texts, so that a headline in another language
    # over a translated body does not pull the vector apart.
    text = doc.body if len(doc.body) >= SHORT_BODY_CHARACTERS else f"{doc.title or ''}\n{doc.body}"
    terms, names = story_terms(text, doc.language)
    rare = key_terms(terms)
    dated_by_text = any(e.absolute and e.value == doc.content_date for e in evidence_from_mentions(doc))
    # The page date stands in when the text dates nothing: a report is usually of its day's news.
    day = stated_day(doc.content_date) if doc.content_date else stated_day(doc.published)
    stored, lookup = story_keys(rare, day)
    profile = LinkProfile(
        document_id=doc.id, published=doc.published, content_date=doc.content_date,
        content_date_basis=doc.content_date_basis, republished=doc.republished,
        dated_by_text=dated_by_text, day=day, page_day=page_day(doc.published),
        vector=story_vector(terms), names=names_vector(terms, names), language=doc.language,
        key_terms=rare, duplicate_signature=to_bytes(dup_sig), posting_keys=dup_keys + stored,
    )  # fmt: skip
    return Prepared(profile, dup_keys, lookup, _shape_key(settings))


def prepared_for(doc: Document, settings: Settings) -> Prepared:
    """The profile the pipeline attached to `doc`, or a fresh one when it has none that fits."""
    found = doc.link_profile
    if isinstance(found, Prepared) and found.fits(settings) and found.profile.document_id == doc.id:
        return found
    return make_profile(doc, settings)


def lookup_keys(profile: LinkProfile, settings: Settings) -> list[int]:
    """The keys a stored document looks up (its bands are re-derived from its signature)."""
    from .features import from_bytes

    bands = band_keys(
        from_bytes(profile.duplicate_signature),
        DUPLICATE_SCHEME,
        *lsh_shape(settings.near_duplicate_threshold, settings.minhash_permutations),
    )
    return bands + story_keys(profile.key_terms, profile.day)[1]


class PrepareLinking:
    name: ClassVar[str] = "prepare_linking"
    needs: ClassVar[frozenset[str]] = frozenset(
        {"body", "language", "quotes", "date_mentions", "content_date"}
    )
    adds: ClassVar[frozenset[str]] = frozenset({"link_profile"})
    page_kinds: ClassVar[frozenset[str]] = LINKED_KINDS

    def __init__(self, settings: Settings):
        self.settings = settings

    def run(self, doc: Document) -> Document:
        doc.link_profile = make_profile(doc, self.settings)
        return doc
