"""What one link pass knows: the documents, quotes, profiles and features it has loaded.

Everything is read from the store once per pass and cached here, so that
the pair decisions (`pairs.py`) and the group records (`records.py`) never
query the store for the same document twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from ..config import Settings
from ..model import Document, Quote
from ..store import LinkProfile, Store
from .features import from_bytes
from .origin import origin_key
from .profile import Prepared, make_profile
from .short import short_terms
from .stories import StoryFeatures


class LinkContext:
    def __init__(self, store: Store, settings: Settings, new_docs: Sequence[Document]):
        self.store, self.settings = store, settings
        self.docs: dict[str, Document] = {doc.id: doc for doc in new_docs}
        self.profiles: dict[str, LinkProfile] = {}
        self.quotes: dict[str, list[Quote]] = {doc.id: list(doc.quotes) for doc in new_docs}
        self.prepared: dict[str, Prepared] = {}
        self._features: dict[str, StoryFeatures] = {}
        self._signatures: dict[tuple[str, str], np.ndarray] = {}
        self._short: dict[str, set[str] | None] = {}

    def load(self, ids: Iterable[str]) -> None:
        missing = [i for i in set(ids) if i not in self.docs]
        for doc in self.store.documents(missing):
            self.docs[doc.id] = doc
        # Documents may be in `docs` already (a pass adds story members it
        # read itself) without their quotes: look at every id asked for.
        need_quotes = [i for i in set(ids) if i not in self.quotes]
        for quote_id in need_quotes:
            self.quotes[quote_id] = []
        for quote in self.store.quotes_of_documents(need_quotes):
            self.quotes[quote.document_id].append(quote)
        wanted = [i for i in set(ids) if i not in self.profiles]
        self.profiles.update(self.store.link_profiles(wanted))
        self.backfill([i for i in wanted if i not in self.profiles and i in self.docs])

    def backfill(self, ids: Sequence[str]) -> None:
        """Profiles for stored documents that have none (stored before migration 3,
        or listed again by a later migration that changed the band keys).

        Their own dates are the stored ones, which an earlier link pass may
        have changed: the best that is left of them.
        """
        made = []
        for doc_id in sorted(ids):
            doc = self.store.document(doc_id)  # with quotes and date mentions
            if doc is not None:
                made.append(make_profile(doc, self.settings))
        self.store.put_link_profiles(p.profile for p in made)
        self.store.forget_pending_link_profiles([p.profile.document_id for p in made])
        self.profiles.update({p.profile.document_id: p.profile for p in made})

    def features(self, doc_id: str) -> StoryFeatures:
        if doc_id not in self._features:
            profile = self.profiles[doc_id]
            stated = profile.content_date if profile.dated_by_text else None
            doc, quotes = self.docs[doc_id], self.quotes[doc_id]
            known = self.prepared.get(doc_id)
            if known is not None:
                self._features[doc_id] = StoryFeatures(doc_id, known.terms, known.names, quotes, stated)
            else:
                self._features[doc_id] = StoryFeatures.of(doc, quotes, stated)
        return self._features[doc_id]

    def short(self, doc_id: str) -> set[str] | None:
        if doc_id not in self._short:
            known = self.prepared.get(doc_id)
            self._short[doc_id] = (
                known.short if known else short_terms(self.docs[doc_id], self.features(doc_id).terms)
            )
        return self._short[doc_id]

    def signature(self, doc_id: str, which: str) -> np.ndarray:
        key = (doc_id, which)
        if key not in self._signatures:
            self._signatures[key] = from_bytes(getattr(self.profiles[doc_id], which))
        return self._signatures[key]

    def origin(self, doc_id: str) -> tuple[str, str, str]:
        return origin_key(self.profiles[doc_id])
