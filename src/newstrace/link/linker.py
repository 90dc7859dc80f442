"""Collection stage: link newly stored documents into duplicates, stories, quote families.

needs: stored documents with body, body_hash, quotes, dates
sets:  duplicate_of, story_id, republished_from, content_date(_basis), republished (documents),
       family_id, first_document_id (quotes), story records

Incremental: each new document's MinHash signatures and LSH band keys are
kept in the store; its candidates are the stored documents that share a band
key (or its body hash). Only the stories and duplicate groups that the new
documents join are decided again, from all their members, so the result is
the same as linking the whole collection at once, whatever the order and
the batches the documents came in: groups are connected components of
pairwise decisions, and every "first" is chosen by `origin_key`.

The pass is split by concern: `context.py` loads and caches what is
stored, `pairs.py` finds and decides candidate pairs, `records.py` turns
the groups into story records, dates and quote families.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..config import Settings
from ..model import Document
from ..store import LinkUpdate, Store
from .context import LinkContext
from .groups import UnionFind
from .pairs import PairCounts, find_pairs
from .profile import prepared_for
from .records import story_record, update_families


def _run(ctx: LinkContext, counts: PairCounts) -> int:
    store, settings = ctx.store, ctx.settings
    new = sorted(ctx.docs)
    ctx.backfill(store.pending_link_profiles())
    made = [prepared_for(ctx.docs[i], settings) for i in new]
    store.put_link_profiles(p.profile for p in made)
    ctx.prepared = {p.profile.document_id: p for p in made}
    ctx.profiles.update({p.profile.document_id: p.profile for p in made})

    duplicate_pairs, story_pairs = find_pairs(ctx, made, counts)
    touched = set(new) | {i for pair in duplicate_pairs | story_pairs for i in pair}
    ctx.load(touched)
    # What is already grouped stays grouped: edges are never taken back.
    story_ids = {ctx.docs[i].story_id for i in touched if ctx.docs[i].story_id}
    earlier_members = store.documents_in_stories(story_ids)
    for doc in earlier_members:
        ctx.docs.setdefault(doc.id, doc)
    representatives = {ctx.docs[i].duplicate_of or i for i in touched}
    for doc in store.documents_duplicating(representatives):
        ctx.docs.setdefault(doc.id, doc)
    everyone = set(touched) | {d.id for d in earlier_members} | representatives
    everyone |= {d.id for d in ctx.docs.values() if d.duplicate_of in representatives}
    ctx.load(everyone)

    duplicates, stories = UnionFind(), UnionFind()
    for doc_id in everyone:
        doc = ctx.docs[doc_id]
        duplicates.find(doc_id)
        stories.find(doc_id)
        if doc.duplicate_of and doc.duplicate_of in everyone:
            duplicates.union(doc_id, doc.duplicate_of)
    by_story: dict[str, list[str]] = defaultdict(list)
    for doc_id in everyone:
        if ctx.docs[doc_id].story_id:
            by_story[ctx.docs[doc_id].story_id].append(doc_id)  # type: ignore[index]
    for members in by_story.values():
        for other in members[1:]:
            stories.union(members[0], other)
    for a, b in duplicate_pairs:
        duplicates.union(a, b)
        stories.union(a, b)
    for a, b in story_pairs:
        stories.union(a, b)

    updates: dict[str, dict] = defaultdict(dict)
    for group in duplicates.groups():
        original = min(group, key=ctx.origin)
        for doc_id in group:
            wanted = None if doc_id == original else original
            if ctx.docs[doc_id].duplicate_of != wanted:
                updates[doc_id]["duplicate_of"] = wanted
    new_stories = [story_record(ctx, group, updates) for group in stories.groups()]
    store.update_links(LinkUpdate(i, fields) for i, fields in sorted(updates.items()) if fields)
    kept = {s.id for s in new_stories}
    store.delete_stories(story_ids - kept)
    store.put_stories(new_stories)
    for story in new_stories:
        update_families(ctx, story)
    return sum(1 for i in new if (updates[i].get("duplicate_of", ctx.docs[i].duplicate_of)))


def link_collection(
    store: Store, new_docs: Sequence[Document], settings: Settings, counts: PairCounts | None = None
) -> int:
    """Link the newly stored documents into the collection; returns how many of them are copies.

    `counts`, when given, is increased by the candidate pairs this pass looked at.
    """
    if not new_docs:
        return 0
    return _run(LinkContext(store, settings, new_docs), counts if counts is not None else PairCounts())
