"""Stage: what linking needs of one document, computed where the document is analysed.

needs: body, quotes, date_mentions, content_date      adds: link_profile

The MinHash signatures, LSH band keys and story terms of a document depend
on that document alone, so they are computed in the per-document pipeline
(in the worker processes under `--jobs N`) rather than in the single-threaded
link pass. The link pass recomputes them only for documents that arrive
without them (stored before migration 3, or analysed with other settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..config import Settings
from ..model import Document
from ..store import LinkProfile
from ..time.content_date import evidence_from_mentions
from .features import band_keys, content_terms, lsh_shape, name_terms, shingles, signature, to_bytes, words
from .short import short_terms, term_pair_keys

DUPLICATE_SCHEME, STORY_SCHEME = "dup", "story"


def _shape_key(settings: Settings) -> tuple[int, float, float]:
    return (settings.minhash_permutations, settings.near_duplicate_threshold, settings.story_candidate_threshold)


@dataclass(slots=True)
class Prepared:
    """A document's link profile, its band keys, and the term sets its story score compares."""

    profile: LinkProfile
    duplicate_keys: list[int]
    story_keys: list[int]
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
        dup_keys = band_keys(dup_sig, DUPLICATE_SCHEME, *lsh_shape(settings.near_duplicate_threshold, num_perm))
    if story_items:
        story_keys = band_keys(story_sig, STORY_SCHEME, *lsh_shape(settings.story_candidate_threshold, num_perm))
    short = short_terms(doc, terms)
    if short:
        story_keys += term_pair_keys(short)
    dated_by_text = any(e.absolute and e.value == doc.content_date for e in evidence_from_mentions(doc))
    profile = LinkProfile(
        document_id=doc.id, published=doc.published, content_date=doc.content_date,
        content_date_basis=doc.content_date_basis, republished=doc.republished,
        dated_by_text=dated_by_text, speakers=sorted({q.speaker for q in doc.quotes if q.speaker}),
        duplicate_signature=to_bytes(dup_sig), story_signature=to_bytes(story_sig), band_keys=dup_keys + story_keys,
    )  # fmt: skip
    return Prepared(profile, dup_keys, story_keys, terms, names, short, _shape_key(settings))


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
