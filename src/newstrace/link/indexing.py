"""Collection stage: put the new documents' profiles and candidate keys into the link index.

needs: nothing      adds: profiles

Profiles are made in the per-document pipeline (`profile.py`); this stage
stores them, and makes them for documents that arrive without one (analysed
with other settings) or that a migration queued for re-profiling. Those
queued documents join the pass as if new, a bounded number at a time, so
an upgraded store is relinked over its next ingests without one pass
reading the whole collection.
"""

from __future__ import annotations

from typing import ClassVar

from .profile import prepared_for
from .stages import LinkPass

PENDING_PER_PASS = 500


class IndexDocuments:
    name: ClassVar[str] = "index_documents"
    needs: ClassVar[frozenset[str]] = frozenset()
    adds: ClassVar[frozenset[str]] = frozenset({"profiles"})

    def run(self, batch: LinkPass) -> None:
        queued = [i for i in batch.index.pending(PENDING_PER_PASS) if i not in batch.docs]
        for doc_id in queued:
            doc = batch.store.document(doc_id)  # with its quotes and date mentions
            if doc is not None:
                batch.docs[doc_id] = doc
                batch.quotes[doc_id] = list(doc.quotes)
                batch.new_ids.append(doc_id)
        batch.new_ids.sort()
        made = [prepared_for(batch.docs[i], batch.settings) for i in batch.new_ids]
        batch.index.put_profiles(p.profile for p in made)
        batch.index.forget_pending(queued)
        batch.prepared.update({p.profile.document_id: p for p in made})
        batch.profiles.update({p.profile.document_id: p.profile for p in made})
        batch.counts.documents += len(made)
