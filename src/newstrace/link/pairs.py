"""Which pairs of documents are copies, and which report one story.

Candidates come from band-key lookups (see `profile.py` for which keys a
document stores and which it looks up) and from equal body hashes; every
candidate pair is then decided by a function of the two documents alone,
so the pairs found do not depend on the order the documents came in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from .context import LinkContext
from .features import estimated_jaccard
from .profile import Prepared
from .short import short_same_story
from .stories import story_score

STORY_SCREEN = 0.08  # estimated Jaccard of content words and names below which no pair is scored

Pair = tuple[str, str]


@dataclass(slots=True)
class PairCounts:
    """How much pair work a link pass did (read by benchmarks/links.py)."""

    documents: int = 0
    duplicate_candidates: int = 0
    story_candidates: int = 0
    scored: int = 0

    def add(self, other: PairCounts) -> None:
        self.documents += other.documents
        self.duplicate_candidates += other.duplicate_candidates
        self.story_candidates += other.story_candidates
        self.scored += other.scored


def _ordered(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def candidates(ctx: LinkContext, made: list[Prepared]) -> dict[str, tuple[set[str], set[str]]]:
    """Each new document's near-duplicate and story candidates, from one lookup per kind."""
    wanted = {k for p in made for k in p.duplicate_keys + p.story_lookup_keys}
    members = ctx.store.documents_by_band_key(wanted)
    hashes = {ctx.docs[p.profile.document_id].body_hash for p in made} - {None}
    by_hash: dict[str, set[str]] = defaultdict(set)
    for doc in ctx.store.documents_with_body_hash(hashes):
        by_hash[doc.body_hash].add(doc.id)  # type: ignore[index]
    found = {}
    for p in made:
        doc_id = p.profile.document_id
        body_hash = ctx.docs[doc_id].body_hash
        dup = set(by_hash.get(body_hash, ())) if body_hash else set()
        dup.update(*(members.get(k, ()) for k in p.duplicate_keys))
        story = set().union(*(members.get(k, ()) for k in p.story_lookup_keys))
        found[doc_id] = (dup - {doc_id}, story - {doc_id})
    return found


def find_pairs(ctx: LinkContext, made: list[Prepared], counts: PairCounts) -> tuple[set[Pair], set[Pair]]:
    """The near-duplicate pairs and the same-story pairs among the new documents' candidates."""
    threshold = ctx.settings.near_duplicate_threshold
    found = candidates(ctx, made)
    ctx.load({i for dup, story in found.values() for i in dup | story})
    duplicate_pairs, story_pairs = set(), set()
    counts.documents += len(found)
    for doc_id, (dup_candidates, story_candidates) in found.items():
        counts.duplicate_candidates += len(dup_candidates)
        counts.story_candidates += len(story_candidates - dup_candidates)
        mine = ctx.signature(doc_id, "duplicate_signature")
        body_hash = ctx.docs[doc_id].body_hash
        copies = set()
        for other in dup_candidates:
            same_hash = body_hash and body_hash == ctx.docs[other].body_hash
            if same_hash or (
                other in ctx.profiles
                and estimated_jaccard(mine, ctx.signature(other, "duplicate_signature")) >= threshold
            ):
                copies.add(other)
                duplicate_pairs.add(_ordered(doc_id, other))
        my_story = ctx.signature(doc_id, "story_signature")
        for other in (story_candidates | dup_candidates) - copies:
            if other not in ctx.profiles:
                continue
            counts.scored += 1
            if same_story(ctx, doc_id, other, my_story):
                story_pairs.add(_ordered(doc_id, other))
    return duplicate_pairs, story_pairs


def same_story(ctx: LinkContext, doc_id: str, other: str, my_story: np.ndarray) -> bool:
    short_mine, short_theirs = ctx.short(doc_id), ctx.short(other)
    if short_mine and short_theirs:
        return short_same_story(short_mine, short_theirs)
    # A cheap screen before the full score: words and names barely shared.
    if estimated_jaccard(my_story, ctx.signature(other, "story_signature")) < STORY_SCREEN:
        return False
    return story_score(ctx.features(doc_id), ctx.features(other)) >= ctx.settings.story_threshold
