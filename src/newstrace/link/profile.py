"""Stage: what linking needs of one document, computed where the document is analysed.

needs: body, quotes, date_mentions, content_date      adds: link_profile

The MinHash signatures, LSH band keys and story terms of a document depend
on that document alone, so they are computed in the per-document pipeline
(in the worker processes under `--jobs N`) rather than in the single-threaded
link pass. The link pass recomputes them only for documents that arrive
without them (stored before migration 3, or analysed with other settings).

Story candidates are windowed in time. A document whose text states its
content date to the day or week stores its story band keys salted with the
week it falls in, and looks up its own week and the two next to it: two
such documents are candidates only when their stated dates lie within
about two weeks, so in a stream of news the candidates of one document
are bounded by how many documents a few weeks hold, not by the size of
the collection. A document without a stated date (or one only to the
month) is a candidate of every other, dated or not, as before: its keys
are salted "undated" and it looks up both kinds. Whether a pair is a
candidate depends only on the two documents, never on the order they came
in. Page dates are not used: a republication's page date is what linking
must see through (seed 000 is a 2025 page of a January 2022 story).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import ClassVar

from ..config import Settings
from ..model import Document
from ..store import LinkProfile
from ..time.content_date import evidence_from_mentions, period
from .features import band_keys, content_terms, lsh_shape, name_terms, shingles, signature, to_bytes, words
from .short import short_terms, term_pair_keys

DUPLICATE_SCHEME, STORY_SCHEME = "dup", "story"
STORY_WINDOW_DAYS = 7  # the width of a week bucket; a dated document looks up its own and both neighbours
_UNDATED, _DATED = "undated", "dated"


def _shape_key(settings: Settings) -> tuple[int, float, float]:
    return (
        settings.minhash_permutations,
        settings.near_duplicate_threshold,
        settings.story_candidate_threshold,
    )


@dataclass(slots=True)
class Prepared:
    """A document's link profile, its band keys, and the term sets its story score compares."""

    profile: LinkProfile
    duplicate_keys: list[int]
    story_keys: list[int]  # stored: other documents find this one by them
    story_lookup_keys: list[int]  # looked up: this document finds others by them
    terms: set[str]
    names: set[str]
    short: set[str] | None
    shape: tuple[int, float, float]

    def fits(self, settings: Settings) -> bool:
        return self.shape == _shape_key(settings)


def make_profile(doc: Document, settings: Settings) -> Prepared:
    """A document's own dates and signatures, before any linking changes them,
    with its near-duplicate and story band keys."""
    num_perm = settings.minhash_permutations
    dup_items = shingles(words(doc.body))
    terms, names = content_terms(doc.body), name_terms(doc.body)
    story_items = terms | {f"name:{n}" for n in names}
    dup_sig, story_sig = signature(dup_items, num_perm), signature(story_items, num_perm)
    dup_keys, story_keys = [], []
    if dup_items:  # an empty body has no signature worth comparing
        dup_keys = band_keys(
            dup_sig, DUPLICATE_SCHEME, *lsh_shape(settings.near_duplicate_threshold, num_perm)
        )
    if story_items:
        story_keys = band_keys(
            story_sig, STORY_SCHEME, *lsh_shape(settings.story_candidate_threshold, num_perm)
        )
    dated_by_text = any(e.absolute and e.value == doc.content_date for e in evidence_from_mentions(doc))
    stored, lookup = windowed_story_keys(story_keys, story_week(doc.content_date, dated_by_text))
    short = short_terms(doc, terms)
    if short:  # headlines: every pair of terms, not windowed (see short.py)
        pair_keys = term_pair_keys(short)
        stored, lookup = stored + pair_keys, lookup + pair_keys
    profile = LinkProfile(
        document_id=doc.id, published=doc.published, content_date=doc.content_date,
        content_date_basis=doc.content_date_basis, republished=doc.republished,
        dated_by_text=dated_by_text, speakers=sorted({q.speaker for q in doc.quotes if q.speaker}),
        duplicate_signature=to_bytes(dup_sig), story_signature=to_bytes(story_sig), band_keys=dup_keys + stored,
    )  # fmt: skip
    return Prepared(profile, dup_keys, stored, lookup, terms, names, short, _shape_key(settings))


def story_week(content_date: str | None, dated_by_text: bool) -> int | None:
    """The week bucket of a content date the text states to the day or week; None otherwise."""
    span = period(content_date) if content_date and dated_by_text else None
    if span is None or (span[1] - span[0]).days >= STORY_WINDOW_DAYS:
        return None
    return span[0].toordinal() // STORY_WINDOW_DAYS


def _salted(keys: list[int], salt: str) -> list[int]:
    person = salt.encode()[:16]
    return [
        int.from_bytes(hashlib.blake2b(k.to_bytes(8, "little", signed=True), digest_size=8, person=person).digest(),
                       "little", signed=True)
        for k in keys
    ]  # fmt: skip


def windowed_story_keys(keys: list[int], week: int | None) -> tuple[list[int], list[int]]:
    """(stored, looked up) story band keys of a document in week `week` (None: undated)."""
    if week is None:
        return _salted(keys, _UNDATED), _salted(keys, _DATED) + _salted(keys, _UNDATED)
    stored = _salted(keys, f"w{week}") + _salted(keys, _DATED)
    lookup = [k for w in (week - 1, week, week + 1) for k in _salted(keys, f"w{w}")] + _salted(keys, _UNDATED)
    return stored, lookup


def prepared_for(doc: Document, settings: Settings) -> Prepared:
    """The profile the pipeline attached to `doc`, or a fresh one when it has none that fits."""
    found = doc.link_profile
    if isinstance(found, Prepared) and found.fits(settings) and found.profile.document_id == doc.id:
        return found
    return make_profile(doc, settings)


class PrepareLinking:
    name: ClassVar[str] = "prepare_linking"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "quotes", "date_mentions", "content_date"})
    adds: ClassVar[frozenset[str]] = frozenset({"link_profile"})

    def __init__(self, settings: Settings):
        self.settings = settings

    def run(self, doc: Document) -> Document:
        doc.link_profile = make_profile(doc, self.settings)
        return doc
