"""The store interface: what the pipeline, exports and interfaces need of storage.

SQLite (`store.sqlite`) is the embedded default; other backends implement
the same class and are chosen by URL in `store.open_store`.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from ..model import Citation, DateMention, Document, Entity, Quote, Rejection, Story

_SEARCH_TERM = re.compile(r"\w+", re.UNICODE)


def search_terms(text: str) -> list[str]:
    """The words of a user's search, for every backend's full-text query: only words, so
    that no query syntax ("AND", quotes, "*") reaches the search engine."""
    return _SEARCH_TERM.findall(text)


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None
    document_id: str | None = None
    limit: int | None = None


# The document fields that collection-wide (link) stages may change after
# a document is stored; everything else is fixed when it is stored.
LINK_FIELDS = frozenset(
    {
        "duplicate_of", "story_id", "republished", "republished_from", "origin_basis",
        "content_date", "content_date_basis",
    }
)


@dataclass(frozen=True, slots=True)
class QuoteLinkUpdate:
    """The quote-family fields a link stage sets on one stored quote."""

    quote_id: str
    family_id: str
    first_document_id: str


@dataclass(frozen=True, slots=True)
class LinkUpdate:
    """Collection-level fields a link stage sets on one stored document."""

    document_id: str
    fields: dict[str, Any]

    def __post_init__(self) -> None:
        unknown = set(self.fields) - LINK_FIELDS
        if unknown:
            raise ValueError(f"link stages cannot set {sorted(unknown)}")


class Store(ABC):
    """A collection of documents and what was learned from them."""

    url: str

    # --- writing -------------------------------------------------------
    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """One transaction around every write inside it (a stored batch and its link pass):
        a crash inside leaves none of them; the writes' own commits join it."""

    @abstractmethod
    def ingest_lock(self) -> AbstractContextManager[None]:
        """Held for a whole ingest: a second ingest into the same store is refused with
        `StoreBusy` rather than interleaving its link passes with the first one's."""

    @abstractmethod
    def known_hashes(self, sha256s: Iterable[str]) -> set[str]:
        """Which of these raw-input hashes are stored already."""

    @abstractmethod
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are stored already."""

    @abstractmethod
    def add_documents(self, docs: Iterable[Document]) -> int:
        """Store documents with their quotes, mentions and dates; returns how many were new."""

    @abstractmethod
    def add_rejections(self, rejections: Iterable[Rejection]) -> None:
        """Keep a record of inputs that could not be read."""

    @abstractmethod
    def update_links(self, updates: Iterable[LinkUpdate]) -> None: ...

    @abstractmethod
    def put_stories(self, stories: Iterable[Story]) -> None: ...

    @abstractmethod
    def put_entities(self, entities: Iterable[Entity]) -> None: ...

    # --- what the collection stages read and change ----------------------------
    # (their own working data, profiles and posting lists, lives in the link
    # index beside the store: `newstrace.link.index`)
    @abstractmethod
    def documents_in_stories(self, story_ids: Iterable[str]) -> list[Document]: ...

    @abstractmethod
    def documents_duplicating(self, ids: Iterable[str]) -> list[Document]:
        """Documents whose `duplicate_of` is one of these ids."""

    @abstractmethod
    def delete_stories(self, story_ids: Iterable[str]) -> None: ...

    @abstractmethod
    def quotes_of_documents(self, ids: Iterable[str]) -> list[Quote]:
        """The quotes of these documents, by document id then position."""

    @abstractmethod
    def quotes_by_ids(self, ids: Iterable[str]) -> list[Quote]: ...

    @abstractmethod
    def quotes_in_families(self, family_ids: Iterable[str]) -> list[Quote]:
        """Every quote of these quote families."""

    @abstractmethod
    def update_quote_links(self, updates: Iterable[QuoteLinkUpdate]) -> None: ...

    @abstractmethod
    def stories_by_id(self, ids: Iterable[str]) -> list[Story]:
        """The stored records of these stories (unknown ids are left out), in id order."""

    # --- reading -------------------------------------------------------
    @abstractmethod
    def document(self, doc_id: str) -> Document | None: ...

    @abstractmethod
    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Stored documents (all, or those named), in id order, without quotes."""

    def citations(self, ids: Iterable[str]) -> dict[str, Citation]:
        """Title, outlet, address and date of these documents, by id (unknown ids left out)."""
        return {
            doc.id: Citation(doc.id, doc.title, doc.site, doc.url, doc.source, doc.published)
            for doc in self.documents(ids)
        }

    def link_fields(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The link fields (`LINK_FIELDS`) of these documents, by id (unknown ids left out):
        what a link pass reads of most documents it only looks up (their original, their
        story), without the rest of them."""
        return {doc.id: {name: getattr(doc, name) for name in LINK_FIELDS} for doc in self.documents(ids)}

    @abstractmethod
    def documents_with_body_hash(self, body_hashes: Iterable[str]) -> list[Document]: ...

    @abstractmethod
    def quotes(self, query: QuoteFilter | None = None) -> list[Quote]:
        """Quotes matching `query` (all when None), by date, document and position."""

    @abstractmethod
    def date_mentions(self, document_id: str | None = None) -> list[DateMention]: ...

    @abstractmethod
    def entities(self, ids: Iterable[str] | None = None) -> list[Entity]:
        """Stored entities (all, or those named), in id order, as stored: aliases not applied."""

    @abstractmethod
    def resolved_entities(self) -> list[Entity]:
        """The collection's entities with aliases applied: an aliased entity is
        folded into its canonical one (names, roles, mentions), not listed."""

    @abstractmethod
    def people_with_surname(self, surname: str) -> list[Entity]:
        """Person entities of two or more words whose last word is `surname` (any case)."""

    @abstractmethod
    def people_named(self, name: str) -> list[Entity]:
        """Person entities whose whole name is `name` (any case)."""

    @abstractmethod
    def set_entity_alias(self, alias_id: str, canonical_id: str | None) -> None:
        """Read entity `alias_id` as `canonical_id` from now on (None: as itself again).

        Nothing stored is rewritten: quotes keep the speaker their document
        named, and readers (`quotes`, `entities`) apply the aliases, so an
        alias can be withdrawn when the evidence changes.
        """

    @abstractmethod
    def stories(self) -> list[Story]: ...

    @abstractmethod
    def rejections(self) -> list[Rejection]: ...

    @abstractmethod
    def search_documents(self, text: str, limit: int = 20) -> list[Document]:
        """Full-text search over titles and bodies, best first."""

    @abstractmethod
    def count_documents(self) -> int: ...

    # --- lifecycle -----------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
