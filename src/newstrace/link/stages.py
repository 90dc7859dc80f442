"""The collection pipeline: the stages that run over the store after each stored batch.

A collection stage is the per-document `Stage`'s sibling: a class with a
`name`, the collection facts it `needs` and `adds`, and `run(batch)`, where
`batch` (a `LinkPass`) is what one pass knows: the newly stored documents,
what it has loaded from the store and the link index, and the document
fields it will write. The pipeline checks the order when it is built, as
`Pipeline` does for per-document stages.

Facts, in the order the default stages add them:
  entities     the collection's entity registry           (entities/registry.py)
  profiles     link profiles and posting lists            (link/indexing.py)
  duplicates   exact and near duplicates                  (link/duplicates.py)
  families     quote families                             (link/families.py)
  stories      stories as clusters of events              (link/clustering.py)
  origins      story records, first appearances, origins  (link/origins.py)

Every stage touches only what the new documents reach through bounded
posting lists, so a pass costs about the same per new document however
large the collection is.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol

from ..config import Settings
from ..model import LINKED_KINDS, Document, Quote
from ..pipeline import check_order
from ..store import LinkUpdate, Store
from ..store.base import LINK_FIELDS
from .index import LinkIndex, LinkProfile, StoryState, open_link_index
from .origin import origin_key
from .profile import Prepared

if TYPE_CHECKING:
    from .clustering import StoryChange


@dataclass(slots=True)
class PassCounts:
    """How much work link passes did (read by the benchmarks)."""

    documents: int = 0
    duplicate_candidates: int = 0
    story_candidates: int = 0
    stories_compared: int = 0
    quotes_compared: int = 0
    profiles_decoded: int = 0  # stored profiles read whole (vectors and all)
    documents_read: int = 0  # stored documents read whole (bodies and all)
    link_fields_read: int = 0  # stored documents of which only the link fields were read
    seconds: dict[str, float] = field(default_factory=dict)

    def timed(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def add(self, other: PassCounts) -> None:
        self.documents += other.documents
        self.duplicate_candidates += other.duplicate_candidates
        self.story_candidates += other.story_candidates
        self.stories_compared += other.stories_compared
        self.quotes_compared += other.quotes_compared
        self.profiles_decoded += other.profiles_decoded
        self.documents_read += other.documents_read
        self.link_fields_read += other.link_fields_read
        for stage, seconds in other.seconds.items():
            self.timed(stage, seconds)


class LinkPass:
    """What one pass over the collection knows, loaded once and shared by its stages."""

    def __init__(self, store: Store, index: LinkIndex, settings: Settings, new_docs: Sequence[Document]):
        self.store, self.index, self.settings = store, index, settings
        self.new_ids: list[str] = sorted(doc.id for doc in new_docs)
        self.docs: dict[str, Document] = {doc.id: doc for doc in new_docs}
        self._link_fields: dict[str, dict[str, object]] = {}  # of documents not read whole, as stored
        self.prepared: dict[str, Prepared] = {}
        self.profiles: dict[str, LinkProfile] = {}
        self._orders: dict[str, tuple[int, str]] = {}  # stream orders read without their profiles
        self.quotes: dict[str, list[Quote]] = {doc.id: list(doc.quotes) for doc in new_docs}
        self._story_states: dict[str, StoryState | None] = {}  # as stored; None: the story has none
        self.updates: dict[str, dict] = {}  # document id -> link fields to write
        self.counts = PassCounts()
        # Set by the stages, read by the later ones.
        self.original: dict[str, str] = {}  # every document this pass saw -> its duplicate group's original
        self.story_of: dict[str, str] = {}  # representative -> story label, for every decided one
        self.story_changes: dict[str, StoryChange] = {}  # story label -> what clustering decided
        self.family_first: dict[
            str, dict[str, str]
        ] = {}  # document -> {family id: first document}, as changed

    # --- loading, each at most once per pass --------------------------------
    def load(self, ids: Iterable[str]) -> None:
        # A comprehension, not `set - dict.keys()`, which copies the keys: this runs for every lookup.
        missing = sorted({i for i in ids if i not in self.docs})
        if not missing:
            return
        for doc in self.store.documents(missing):
            self.docs[doc.id] = doc
            self.counts.documents_read += 1

    def load_link_fields(self, ids: Iterable[str]) -> None:
        """The link fields of these documents, for `value`, without reading the rest of the
        documents not loaded whole: most candidates are looked up for their original and
        their story only."""
        missing = sorted({i for i in ids if i not in self.docs and i not in self._link_fields})
        if missing:
            found = self.store.link_fields(missing)
            self.counts.link_fields_read += len(found)
            self._link_fields.update(found)

    def load_profiles(self, ids: Iterable[str]) -> None:
        missing = {i for i in ids if i not in self.profiles}
        if missing:
            found = self.index.profiles(missing)
            self.counts.profiles_decoded += len(found)
            self.profiles.update(found)

    def load_orders(self, ids: Iterable[str]) -> None:
        """Where these documents stand in the stream (`LinkProfile.order`), without decoding
        their profiles where they are not loaded; one with no stored profile has none."""
        missing = {i for i in ids if i not in self.profiles and i not in self._orders}
        if missing:
            self._orders.update(self.index.profile_orders(missing))

    def has_order(self, doc_id: str) -> bool:
        return doc_id in self.profiles or doc_id in self._orders

    def order_of(self, doc_id: str) -> tuple[int, str]:
        """The stream order of a document whose profile or order this pass has loaded."""
        profile = self.profiles.get(doc_id)
        return profile.order if profile is not None else self._orders[doc_id]

    def story_states(self, story_ids: Iterable[str]) -> dict[str, StoryState]:
        """The stored states of these stories, each read once per pass (a story is compared
        with by many of the pass's documents). The pass's own objects: clustering absorbs new
        members into the state its `StoryChange` takes, so read a story's state before that."""
        wanted = set(story_ids)
        missing = {i for i in wanted if i not in self._story_states}
        if missing:
            found = self.index.story_states(missing)
            self._story_states.update({i: found.get(i) for i in missing})
        return {i: state for i in wanted if (state := self._story_states[i]) is not None}

    def load_quotes(self, ids: Iterable[str]) -> None:
        missing = sorted({i for i in ids if i not in self.quotes})
        if not missing:
            return
        for doc_id in missing:
            self.quotes[doc_id] = []
        for quote in self.store.quotes_of_documents(missing):
            self.quotes[quote.document_id].append(quote)

    def quotation_firsts(self, doc_id: str, *, quoted_words_only: bool = False) -> dict[str, str]:
        """{family id: the document it was first seen in} for this document's quotes, as this pass
        leaves them; `quoted_words_only` leaves reported speech out."""
        self.load_quotes([doc_id])
        decided = self.family_first.get(doc_id, {})
        found = {}
        for quote in self.quotes[doc_id]:
            if quote.family_id and not (quoted_words_only and quote.kind == "indirect"):
                first = decided.get(quote.family_id, quote.first_document_id)
                if first:
                    found[quote.family_id] = first
        return found

    def origin(self, doc_id: str) -> tuple[str, str, str]:
        """Sort key of first appearance (SPEC): content date, page date, id.

        From the document's own dates (its profile); a document still queued
        for profiling falls back to its stored fields.
        """
        profile = self.profiles.get(doc_id)
        if profile is None:
            self.load([doc_id])
        return origin_key(profile if profile is not None else self.docs[doc_id])

    # --- writing -------------------------------------------------------------
    def set(self, doc_id: str, **fields: object) -> None:
        """Write these link fields of a document at the end of the pass, where they change."""
        pending = self.updates.setdefault(doc_id, {})
        for name, value in fields.items():
            if self._stored(doc_id, name) != value:
                pending[name] = value
            else:
                pending.pop(name, None)

    def value(self, doc_id: str, name: str) -> object:
        """A link field as this pass leaves it."""
        pending = self.updates.get(doc_id, {})
        if name in pending:
            return pending[name]
        return self._stored(doc_id, name)

    def _stored(self, doc_id: str, name: str) -> object:
        """A field as stored (and flushed by this pass): a link field of a document not read
        whole comes from its link fields alone."""
        doc = self.docs.get(doc_id)
        if doc is not None:
            return getattr(doc, name)
        if name in LINK_FIELDS:
            if doc_id not in self._link_fields:  # a look-up on every candidate: no set built when read
                self.load_link_fields([doc_id])
            fields = self._link_fields.get(doc_id)
            if fields is not None:
                return fields[name]
        self.load([doc_id])
        return getattr(self.docs[doc_id], name)

    def flush(self) -> None:
        changes = [LinkUpdate(i, fields) for i, fields in sorted(self.updates.items()) if fields]
        self.store.update_links(changes)
        for change in changes:
            doc = self.docs.get(change.document_id)
            if doc is None:  # `set` read its link fields: they are what it has here
                self._link_fields[change.document_id].update(change.fields)
                continue
            for name, value in change.fields.items():
                setattr(doc, name, value)
        self.updates.clear()


class CollectionStage(Protocol):
    name: ClassVar[str]
    needs: ClassVar[frozenset[str]]
    adds: ClassVar[frozenset[str]]

    def run(self, batch: LinkPass) -> None: ...


class CollectionPipeline:
    def __init__(self, stages: Sequence[CollectionStage]):
        check_order(stages, kind="collection stage")
        self.stages = list(stages)

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def run(self, store: Store, new_docs: Sequence[Document], settings: Settings) -> LinkPass:
        # Only articles and headlines are linked: two stubs or error pages share nothing but boilerplate.
        articles = [doc for doc in new_docs if doc.page_kind in LINKED_KINDS]
        batch = LinkPass(store, open_link_index(store), settings, articles)
        for stage in self.stages:
            started = time.perf_counter()
            stage.run(batch)
            batch.counts.timed(stage.name, time.perf_counter() - started)
        batch.flush()
        return batch


def build_collection_pipeline() -> CollectionPipeline:
    """The default collection stages, in order."""
    from ..entities.registry import RegisterEntities
    from .clustering import ClusterStories
    from .duplicates import FindDuplicates
    from .families import GroupQuoteFamilies
    from .indexing import IndexDocuments
    from .origins import DecideOrigins

    return CollectionPipeline(
        [
            RegisterEntities(),
            IndexDocuments(),
            FindDuplicates(),
            GroupQuoteFamilies(),
            ClusterStories(),
            DecideOrigins(),
        ]
    )
