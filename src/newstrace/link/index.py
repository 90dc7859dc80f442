"""The link index: what the collection stages keep between passes, behind one small interface.

The `Store` holds documents, quotes, entities and stories; this index holds
linking's own working data, so that a second store backend implements these
few methods once and never learns how candidates are found:

- a **profile** per document (its own dates, story vector, MinHash signature);
- **posting lists**: which documents carry a candidate key (an LSH band, a
  rare term salted with its week), and which quotes carry a quote key;
- a **story state** per story (the centroid its new members are compared
  with, its member count and its stated date range);
- the **pending** queue: stored documents whose profile must be (re)made.

Every lookup is bounded, so no pass reads more than `cap` entries of a
posting list. A document key returns the `cap` earliest documents that carry
it, from a given day on where the caller can use nothing older: a large
story is still found through its first members, who are placed before
anything later is. A quote key carried by more than `cap` quotations
says nothing about which quotation it is, and is left out.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field

# Later than any posting's day (days are ordinals: 2024 is about 739,000), and a 32-bit integer.
LAST_DAY = 2**31 - 1


@dataclass(slots=True)
class LinkProfile:
    """What linking keeps of one document, computed from that document alone.

    The dates are the document's own (before any link pass changed them), so
    linking can always be redone from the same start, whatever order the
    documents arrived in.
    """

    document_id: str
    published: str | None
    content_date: str | None
    content_date_basis: str | None
    republished: bool | None
    dated_by_text: bool
    day: int | None  # ordinal first day of its content date, when known to the day or week
    page_day: int | None  # ordinal last day of the stated page date: the events are no later
    vector: dict[str, float]  # the story vector: rare-word weighted terms, unit length
    names: dict[str, float]  # the same for names and numbers only: what survives translation
    language: str | None
    key_terms: list[str]  # the rarest terms, looked up to find candidates
    duplicate_signature: bytes  # MinHash of word 5-grams, uint64 little-endian
    posting_keys: list[int] = field(default_factory=list)  # stored: others find this one by them

    @property
    def order(self) -> tuple[int, str]:
        """Where the document stands in the stream stories are built from: by its date, then id."""
        return stream_order(self.document_id, self.day, self.page_day)


def stream_order(document_id: str, day: int | None, page_day: int | None) -> tuple[int, str]:
    """A profile's `order` from its two days: its content day, else its page's, else last."""
    when = day if day is not None else page_day
    return (when if when is not None else 10**7, document_id)


@dataclass(slots=True)
class StoryState:
    """What a story's next member is compared with."""

    story_id: str
    centroid: dict[str, float]  # sum of the members' vectors, the strongest terms kept
    names: dict[str, float]  # sum of the members' names vectors
    languages: dict[str, int]  # how many members are in each language
    members: int
    first_day: int | None  # the range of days its members' texts state
    last_day: int | None
    last: tuple[int, str]  # the `order` of its latest member: a later arrival before it re-decides the story
    published_by: int | None = (
        None  # the earliest page date of a member with no day of its own: events before it
    )


class LinkIndex(ABC):
    @abstractmethod
    def put_profiles(self, profiles: Iterable[LinkProfile]) -> None:
        """Keep (or replace) documents' profiles and their posting keys."""

    @abstractmethod
    def profiles(self, ids: Iterable[str]) -> dict[str, LinkProfile]:
        """The stored profiles of these documents (posting keys left empty)."""

    @abstractmethod
    def profile_orders(self, ids: Iterable[str]) -> dict[str, tuple[int, str]]:
        """The `order` of each of these documents that has a stored profile, read without
        decoding its vectors: most candidates are only placed in the stream, never compared."""

    def postings(self, keys: Iterable[int], cap: int, since_day: int | None = None) -> dict[int, list[str]]:
        """For each key, the ids of at most `cap` documents that carry it, earliest (day, id) first.

        With `since_day`, documents of an earlier day are passed over (those with
        no date at all, day 0, never are): the look-up of a document that cannot
        share a story with anything older reads the part of the list it can use.
        Two range reads of the (key, day) index, not "day = 0 OR day >= ?", which
        would scan the whole list.
        """
        found: dict[int, list[str]] = {}
        for key in sorted(set(keys)):
            if since_day is None:
                ids = self.posting_range(key, cap, 0, LAST_DAY)
            else:
                ids = self.posting_range(key, cap, 0, 0)
                if len(ids) < cap:
                    ids += self.posting_range(key, cap - len(ids), max(since_day, 1), LAST_DAY)
            if ids:
                found[key] = ids
        return found

    def posting_range(self, key: int, cap: int, first_day: int, last_day: int) -> list[str]:
        """The ids of at most `cap` documents carrying `key` with a posting day in [first_day,
        last_day], earliest (day, id) first. A posting's day is the document's day, else its
        page's day, 0 when it has neither. What `postings` above reads: a backend that
        answers `postings` itself (PostgreSQL, in one statement) has no need of it."""
        raise NotImplementedError

    @abstractmethod
    def put_quote_keys(self, rows: Iterable[tuple[int, str]]) -> None:
        """Index quotes by their keys: (key, quote id) rows."""

    @abstractmethod
    def quote_postings(self, keys: Iterable[int], cap: int) -> dict[int, list[str]]:
        """For each quote key carried by 1..cap quotes, their ids."""

    @abstractmethod
    def story_states(self, story_ids: Iterable[str]) -> dict[str, StoryState]: ...

    @abstractmethod
    def put_story_states(self, states: Iterable[StoryState]) -> None: ...

    @abstractmethod
    def delete_story_states(self, story_ids: Iterable[str]) -> None: ...

    @abstractmethod
    def pending(self, limit: int) -> list[str]:
        """Stored documents whose profile must be made again (an older schema), at most `limit`."""

    @abstractmethod
    def forget_pending(self, ids: Iterable[str]) -> None: ...


def open_link_index(store: object) -> LinkIndex:
    """The link index that lives beside `store`, in the same database and transaction scope."""
    from ..store.sqlite import SqliteStore

    if isinstance(store, SqliteStore):
        from ..store.sqlite_links import SqliteLinkIndex

        return SqliteLinkIndex(store.connection)
    from ..store.postgres import PostgresStore

    if isinstance(store, PostgresStore):
        from ..store.postgres_links import PostgresLinkIndex

        return PostgresLinkIndex(store.connection)
    raise TypeError(f"no link index for a {type(store).__name__}")
