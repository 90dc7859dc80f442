"""The store interface: what the pipeline, exports and interfaces need of storage.

SQLite (`store.sqlite`) is the embedded default; other backends implement
the same class and are chosen by URL in `store.open_store`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from ..model import DateMention, Document, Entity, Quote, Rejection, Story


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
    {"duplicate_of", "story_id", "republished", "republished_from", "content_date", "content_date_basis"}
)


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

    # --- reading -------------------------------------------------------
    @abstractmethod
    def document(self, doc_id: str) -> Document | None: ...

    @abstractmethod
    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Stored documents (all, or those named), in id order, without quotes."""

    @abstractmethod
    def documents_with_body_hash(self, body_hashes: Iterable[str]) -> list[Document]: ...

    @abstractmethod
    def quotes(self, query: QuoteFilter | None = None) -> list[Quote]:
        """Quotes matching `query` (all when None), by date, document and position."""

    @abstractmethod
    def date_mentions(self, document_id: str | None = None) -> list[DateMention]: ...

    @abstractmethod
    def entities(self) -> list[Entity]: ...

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
