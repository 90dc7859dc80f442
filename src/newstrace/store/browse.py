"""Reading the collection a page at a time: what the JSON API and the web UI ask of a store.

Every query here is bounded (a page size, an id) and served by an index, so a
page costs about the same whatever the size of the collection. Listings are
ordered by the order quotes were stored, and continue from a cursor (`after`),
not an offset: the next page is one index seek away, and a page does not shift
when an ingest adds quotes after it.

The SQLite implementation is `store.sqlite_browse`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from ..model import Citation, DateMention, Document, Entity, Quote, Story

# The page size of every listing unless a caller asks for fewer.
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """Filters of a quote listing; every one optional, all of them combined."""

    speaker: str | None = None  # words of the speaker's name
    speaker_id: str | None = None  # an entity id (its aliases included)
    since: str | None = None  # date said, ISO, inclusive
    until: str | None = None  # date said, ISO prefix, inclusive ("2024-03" is all of March)
    text: str | None = None  # words of the quotation (full-text search)
    site: str | None = None
    kind: str | None = None  # direct | indirect | mixed
    language: str | None = None
    story_id: str | None = None
    family_id: str | None = None
    document_id: str | None = None
    min_confidence: float | None = None  # of the speaker


@dataclass(frozen=True, slots=True)
class CitedQuote:
    """A quote with what a citation needs, and its place in the listing order."""

    quote: Quote
    citation: Citation
    date: str | None  # when it was said, else when its events happened, else the page date
    language: str | None
    position: int


@dataclass(slots=True)
class QuotePage:
    items: list[CitedQuote]
    next_after: int | None  # the cursor of the next page; None on the last page


@dataclass(frozen=True, slots=True)
class StoryDocument:
    """A document as a story lists it: no body."""

    id: str
    title: str | None
    site: str | None
    url: str | None
    source: str
    published: str | None
    content_date: str | None
    republished: bool | None
    republished_from: str | None
    language: str | None
    page_kind: str | None
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    entity: Entity
    quotes: int


@dataclass(slots=True)
class DocumentView:
    document: Document
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Counts:
    documents: int
    quotes: int
    speakers: int
    stories: int


class Browse(ABC):
    @abstractmethod
    def counts(self) -> Counts: ...

    @abstractmethod
    def quote_page(
        self, query: QuoteQuery, *, after: int | None = None, limit: int = PAGE_SIZE
    ) -> QuotePage: ...

    @abstractmethod
    def top_speakers(self, limit: int = 10) -> list[SpeakerCount]: ...

    @abstractmethod
    def speakers(self, name: str | None = None, *, limit: int = PAGE_SIZE) -> list[SpeakerCount]: ...

    @abstractmethod
    def speaker(self, entity_id: str) -> Entity | None: ...

    @abstractmethod
    def speaker_timeline(self, entity_id: str) -> dict[str, int]:
        """Quotes by the month they were said ("2024-03" -> count), oldest first."""

    @abstractmethod
    def speaker_documents(self, entity_id: str, *, limit: int = 20) -> list[tuple[StoryDocument, int]]:
        """The documents that quote the speaker most recently stored, with how many quotes each."""

    @abstractmethod
    def latest_stories(self, limit: int = 10) -> list[Story]: ...

    @abstractmethod
    def story(self, story_id: str) -> tuple[Story, list[StoryDocument]] | None: ...

    @abstractmethod
    def family(self, family_id: str) -> list[CitedQuote]:
        """Every quote of a family, the earliest carried first."""

    @abstractmethod
    def document_view(self, document_id: str) -> DocumentView | None: ...

    @abstractmethod
    def search_documents(self, text: str, *, limit: int = 20) -> list[StoryDocument]: ...
