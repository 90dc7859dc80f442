"""Collection stage: exact duplicates (the same words in the same order).

needs: body_hash on stored documents      sets: duplicate_of

Incremental: only the hash groups that the new documents fall into are
looked at again, and each is decided afresh from all its members, so a copy
that arrives before its original is corrected when the original arrives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..model import Document
from ..store import LinkUpdate, Store
from .origin import earliest


def link_exact_duplicates(store: Store, new_docs: Sequence[Document]) -> int:
    """Points every copy at the earliest member of its group; returns the number of copies among new_docs."""
    new_ids = {doc.id for doc in new_docs if doc.body_hash}
    hashes = {doc.body_hash for doc in new_docs if doc.body_hash}
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in store.documents_with_body_hash(hashes):
        groups[doc.body_hash].append(doc)  # type: ignore[index]
    updates, new_copies = [], 0
    for members in groups.values():
        original = earliest(members)
        for doc in members:
            wanted = None if doc.id == original.id else original.id
            if wanted and doc.id in new_ids:
                new_copies += 1
            if doc.duplicate_of != wanted:
                updates.append(LinkUpdate(doc.id, {"duplicate_of": wanted}))
    store.update_links(updates)
    return new_copies
