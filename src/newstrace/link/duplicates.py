"""Collection stage: exact and near duplicates.

needs: profiles      adds: duplicates (sets duplicate_of)

Candidates share the body hash or a near-duplicate LSH band (bounded posting
lists); a pair is a copy when the MinHash estimate of its word 5-gram
Jaccard reaches `near_duplicate_threshold`. A duplicate group is decided
again from all its members whenever one joins, and its original is the
earliest by `origin_key`, so the result does not depend on arrival order.
"""

from __future__ import annotations

from collections import defaultdict
from typing import ClassVar

from .features import estimated_jaccard, from_bytes
from .groups import UnionFind
from .stages import LinkPass


class FindDuplicates:
    name: ClassVar[str] = "find_duplicates"
    needs: ClassVar[frozenset[str]] = frozenset({"profiles"})
    adds: ClassVar[frozenset[str]] = frozenset({"duplicates"})

    def run(self, batch: LinkPass) -> None:
        settings = batch.settings
        new = batch.new_ids
        keys = {k for i in new for k in batch.prepared[i].duplicate_keys}
        postings = batch.index.postings(keys, settings.link_posting_cap)
        hashes = {batch.docs[i].body_hash for i in new} - {None}
        by_hash: dict[str, set[str]] = defaultdict(set)
        for doc in batch.store.documents_with_body_hash(hashes):
            by_hash[doc.body_hash].add(doc.id)  # type: ignore[index]
        candidates: dict[str, set[str]] = {}
        for i in new:
            same_hash = by_hash.get(batch.docs[i].body_hash or "", set())
            banded = {d for k in batch.prepared[i].duplicate_keys for d in postings.get(k, ())}
            candidates[i] = (same_hash | banded) - {i}
        batch.load({c for found in candidates.values() for c in found})
        batch.load_profiles({c for found in candidates.values() for c in found})

        pairs = []
        for doc_id in new:
            mine = from_bytes(batch.profiles[doc_id].duplicate_signature)
            body_hash = batch.docs[doc_id].body_hash
            batch.counts.duplicate_candidates += len(candidates[doc_id])
            for other in sorted(candidates[doc_id]):
                if other not in batch.profiles:
                    continue
                same_hash = body_hash is not None and body_hash == batch.docs[other].body_hash
                theirs = from_bytes(batch.profiles[other].duplicate_signature)
                if same_hash or estimated_jaccard(mine, theirs) >= settings.near_duplicate_threshold:
                    pairs.append((doc_id, other))

        # The groups the new documents join, with everything already in them.
        involved = set(new) | {i for pair in pairs for i in pair}
        batch.load(involved)
        originals = {batch.docs[i].duplicate_of or i for i in involved}
        for doc in batch.store.documents_duplicating(originals):
            batch.docs.setdefault(doc.id, doc)
            involved.add(doc.id)
        involved |= originals
        batch.load(involved)
        batch.load_profiles(involved)
        groups = UnionFind()
        for doc_id in involved:
            groups.find(doc_id)
            original = batch.docs[doc_id].duplicate_of
            if original in involved:
                groups.union(doc_id, original)
        for a, b in pairs:
            groups.union(a, b)
        for members in groups.groups():
            first = min(members, key=batch.origin)
            for doc_id in members:
                batch.original[doc_id] = first
                batch.set(doc_id, duplicate_of=None if doc_id == first else first)
