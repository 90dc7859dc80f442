"""`store.browse` over the SQLite store: bounded, indexed reads for the API and the web UI.

Collection-wide figures (counts, the most-quoted speakers) read whole indexes;
they are kept for a minute, so that a busy home page does not pay for them on
every request while an ingest beside it still shows within a minute.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..model import Citation, Entity, Story
from . import rows
from .base import QuoteFilter
from .browse import (
    PAGE_SIZE,
    Browse,
    CitedQuote,
    Counts,
    DocumentView,
    QuotePage,
    QuoteQuery,
    SpeakerCount,
    StoryDocument,
)
from .quote_listing import (
    QUOTE_DATE,
    RESOLVED_SPEAKER_ID,
    SPEAKER_JOINS,
    resolved_quote_columns,
    said_between,
)
from .sqlite import SqliteStore, fts_query

_CACHE_SECONDS = 60.0
# A speaker name matches at most this many entities (a listing filter, not a report).
_MAX_NAMED_SPEAKERS = 200
# A speaker's "quoted in" list reads their latest quotes only.
_SPEAKER_DOCUMENT_QUOTES = 500
# Full-text matches ranked for a document search (see `search_documents`).
_RANKED_CANDIDATES = 500
_STORY_DOCUMENT_COLUMNS = (
    "id, title, site, url, source, published, content_date, republished, republished_from, "
    "language, page_kind, duplicate_of"
)

T = TypeVar("T")


class SqliteBrowse(Browse):
    """Written in SQLite's dialect; `store.postgres_browse` changes the few parts that differ
    (the hooks below the constructor), and every query is otherwise shared."""

    position = "q.rowid"  # the order quotes were stored in
    document_position = "rowid"
    like = "LIKE"  # case-insensitive

    def __init__(self, store: SqliteStore):
        self._store = store
        self._db = store.connection
        self._cache: dict[str, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._db.execute(sql, params)

    def _index_hint(self, index: str | None) -> str:
        return f"INDEXED BY {index} " if index else ""

    def _document_query(self, text: str) -> str | None:
        return fts_query(text)

    def _cached(self, key: str, compute: Callable[[], T]) -> T:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(key)
            if hit and now - hit[0] < _CACHE_SECONDS:
                return hit[1]
        value = compute()
        with self._lock:
            self._cache[key] = (now, value)
        return value

    # --- the collection ----------------------------------------------------
    def counts(self) -> Counts:
        def compute() -> Counts:
            one = lambda sql: self._execute(sql).fetchone()[0]  # noqa: E731
            return Counts(
                documents=one("SELECT count(*) FROM documents"),
                quotes=one("SELECT count(*) FROM quotes"),
                speakers=one("SELECT count(DISTINCT speaker_id) FROM quotes WHERE speaker_id IS NOT NULL"),
                stories=one("SELECT count(*) FROM stories"),
            )

        return self._cached("counts", compute)

    def top_speakers(self, limit: int = 10) -> list[SpeakerCount]:
        def compute() -> list[SpeakerCount]:
            counted = self._execute(
                f"SELECT {RESOLVED_SPEAKER_ID} AS sid, count(*) AS n FROM quotes q "
                "LEFT JOIN entity_aliases a ON a.alias_id = q.speaker_id "
                "WHERE q.speaker_id IS NOT NULL GROUP BY sid ORDER BY n DESC, sid LIMIT ?",
                (limit,),
            ).fetchall()
            return self._with_entities([(row[0], row[1]) for row in counted])

        return self._cached(f"top_speakers:{limit}", compute)

    def _with_entities(self, counted: list[tuple[str, int]]) -> list[SpeakerCount]:
        entities = {e.id: e for e in self._store.entities([sid for sid, _ in counted])}
        return [SpeakerCount(entities[sid], n) for sid, n in counted if sid in entities]

    # --- quotes --------------------------------------------------------------
    def quote_page(self, query: QuoteQuery, *, after: int | None = None, limit: int = PAGE_SIZE) -> QuotePage:
        if query.text and query == QuoteQuery(text=query.text):
            return self._quotes_with_words(query.text, after=after, limit=limit)
        where, params = self._quote_conditions(query)
        if where is None:
            return QuotePage([], None)
        if after is not None:
            where.append(f"{self.position} > ?")
            params.append(after)
        # One speaker: read their index entries in stored order (SQLite would otherwise take the
        # timeline's (speaker_id, said_on) index and sort tens of thousands of rows for a page).
        single_speaker = "q.speaker_id = ?" in where
        found = self._cited(
            where,
            params,
            order=self.position,
            limit=limit + 1,
            index="quotes_speaker" if single_speaker else None,
        )
        more = len(found) > limit
        found = found[:limit]
        return QuotePage(found, found[-1].position if more else None)

    def _quotes_with_words(self, text: str, *, after: int | None, limit: int) -> QuotePage:
        """Words alone: the full-text index yields matches in stored order and stops at the
        page's end, however many quotes share a common word."""
        positions = self._positions_with_words(text, after or 0, limit + 1)
        if not positions:
            return QuotePage([], None)
        found = self._cited(
            [f"{self.position} IN ({_marks(positions[:limit])})"], positions[:limit], order=self.position, limit=limit
        )
        return QuotePage(found, found[-1].position if len(positions) > limit and found else None)

    def _positions_with_words(self, text: str, after: int, limit: int) -> list[int]:
        match = fts_query(text)
        if match is None:
            return []
        sql = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?"
        return [row[0] for row in self._execute(sql, (match, after, limit))]

    def _words_condition(self, text: str) -> tuple[str, str] | None:
        match = fts_query(text)
        return None if match is None else ("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", match)

    def _quote_conditions(self, query: QuoteQuery) -> tuple[list[str] | None, list[Any]]:
        """SQL conditions for `query`, every value bound; None: nothing can match."""
        where: list[str] = []
        params: list[Any] = []
        speaker_ids: list[str] = []
        if query.speaker_id:
            speaker_ids.append(query.speaker_id)
        if query.speaker:
            named = self._execute(
                f"SELECT id FROM entities WHERE name {self.like} ? OR aliases {self.like} ? LIMIT ?",
                (f"%{query.speaker}%", f"%{query.speaker}%", _MAX_NAMED_SPEAKERS),
            ).fetchall()
            if not named:
                return None, []
            speaker_ids += [row[0] for row in named]
        if speaker_ids:
            # a speaker's quotes are those of the entity and of every alias merged into it
            aliases = self._execute(
                f"SELECT alias_id FROM entity_aliases WHERE canonical_id IN ({_marks(speaker_ids)})",
                speaker_ids,
            ).fetchall()
            every = sorted({*speaker_ids, *(row[0] for row in aliases)})
            # one id reads the speaker index in stored order: no sort, however many quotes
            where.append("q.speaker_id = ?" if len(every) == 1 else f"q.speaker_id IN ({_marks(every)})")
            params += every
        for column, value in (
            ("d.site", query.site),
            ("q.kind", query.kind),
            ("d.language", query.language),
            ("d.story_id", query.story_id),
            ("q.family_id", query.family_id),
            ("q.document_id", query.document_id),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        said_between(query.since, query.until, "?", where, params)
        if query.min_confidence is not None:
            where.append("q.speaker_confidence >= ?")
            params.append(query.min_confidence)
        if query.text:
            words = self._words_condition(query.text)
            if words is None:
                return None, []
            where.append(words[0])
            params.append(words[1])
        return where, params

    def _cited(
        self, where: list[str], params: list[Any], *, order: str, limit: int, index: str | None = None
    ) -> list[CitedQuote]:
        sql = (
            f"SELECT {resolved_quote_columns()}, {self.position} AS position, {QUOTE_DATE} AS quote_date, d.title AS d_title, "
            "d.site AS d_site, d.url AS d_url, d.source AS d_source, d.published AS d_published, "
            f"d.language AS d_language FROM quotes q {self._index_hint(index)}"
            f"JOIN documents d ON d.id = q.document_id {SPEAKER_JOINS} "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order} LIMIT ?"
        )
        found = []
        for row in self._execute(sql, [*params, limit]):
            record = dict(row)
            citation = Citation(
                record["document_id"], record["d_title"], record["d_site"], record["d_url"],
                record["d_source"], record["d_published"],
            )  # fmt: skip
            found.append(
                CitedQuote(
                    rows.quote_from_row(record),
                    citation,
                    record["quote_date"],
                    record["d_language"],
                    record["position"],
                )
            )
        return found

    def family(self, family_id: str) -> list[CitedQuote]:
        return self._cited(
            # a quote no other quote repeats has no family id stored: its own id is its family's
            ["(q.family_id = ? OR (q.id = ? AND q.family_id IS NULL))"],
            [family_id, family_id],
            order=f"d.published IS NULL, d.published, {self.position}",
            limit=1000,
        )

    # --- speakers ------------------------------------------------------------
    def speaker(self, entity_id: str) -> Entity | None:
        found = self._store.entities([entity_id])
        return found[0] if found else None

    def speakers(self, name: str | None = None, *, limit: int = PAGE_SIZE) -> list[SpeakerCount]:
        if not name:
            return self.top_speakers(limit)
        # an alias merged into another entity is listed under that one, with its quotes
        named = [
            row[0]
            for row in self._execute(
                f"SELECT id FROM entities WHERE (name {self.like} ? OR aliases {self.like} ?) AND kind != 'place' "
                "AND id NOT IN (SELECT alias_id FROM entity_aliases) ORDER BY mentions DESC, id LIMIT ?",
                (f"%{name}%", f"%{name}%", limit),
            )
        ]
        counts: Counter[str] = Counter()
        if named:
            sql = (
                f"SELECT {RESOLVED_SPEAKER_ID} FROM quotes q LEFT JOIN entity_aliases a ON a.alias_id = q.speaker_id "
                f"WHERE q.speaker_id IN ({_marks(named)}) OR q.speaker_id IN "
                f"(SELECT alias_id FROM entity_aliases WHERE canonical_id IN ({_marks(named)}))"
            )
            counts.update(row[0] for row in self._execute(sql, [*named, *named]))
        # a speaker is someone quoted: named entities never quoted are left out
        return self._with_entities([(sid, counts[sid]) for sid in named if counts.get(sid)])

    def speaker_timeline(self, entity_id: str) -> dict[str, int]:
        # a speaker with tens of thousands of quotes costs a scan of them: kept a minute
        return self._cached(f"timeline:{entity_id}", lambda: self._timeline(entity_id))

    def _timeline(self, entity_id: str) -> dict[str, int]:
        where, params = self._quote_conditions(QuoteQuery(speaker_id=entity_id))
        assert where is not None  # an id always gives a condition
        speaker = " AND ".join(where)
        months: Counter[str] = Counter()
        # Quotes with their own date said: counted from the (speaker_id, said_on) index alone.
        said = f"SELECT substr(q.said_on, 1, 7), count(*) FROM quotes q WHERE {speaker} AND q.said_on IS NOT NULL GROUP BY 1"
        # The rest take their document's date, as the listings do (`QUOTE_DATE`).
        undated = (
            "SELECT substr(COALESCE(d.content_date, d.published), 1, 7), count(*) FROM quotes q "
            f"JOIN documents d ON d.id = q.document_id WHERE {speaker} AND q.said_on IS NULL GROUP BY 1"
        )
        for sql in (said, undated):
            for month, count in self._execute(sql, params):
                if month and len(month) == 7:
                    months[month] += count
        return dict(sorted(months.items()))

    def speaker_documents(self, entity_id: str, *, limit: int = 20) -> list[tuple[StoryDocument, int]]:
        # read with the timeline on every visit of a speaker's page: kept a minute as well
        return self._cached(f"documents:{entity_id}:{limit}", lambda: self._speaker_documents(entity_id, limit))

    def _speaker_documents(self, entity_id: str, limit: int) -> list[tuple[StoryDocument, int]]:
        where, params = self._quote_conditions(QuoteQuery(speaker_id=entity_id))
        assert where is not None
        # the speaker's latest quotes only: a bounded read however often they are quoted
        counted = self._execute(
            f"SELECT document_id, count(*) FROM (SELECT q.document_id, {self.position} AS position FROM quotes q "
            f"WHERE {' AND '.join(where)} ORDER BY {self.position} DESC LIMIT ?) AS latest "
            "GROUP BY document_id ORDER BY max(position) DESC LIMIT ?",
            [*params, _SPEAKER_DOCUMENT_QUOTES, limit],
        ).fetchall()
        if not counted:
            return []
        ids = [row[0] for row in counted]
        sql = f"SELECT {_STORY_DOCUMENT_COLUMNS} FROM documents WHERE id IN ({_marks(ids)})"
        by_id = {row[0]: _story_document(row) for row in self._execute(sql, ids)}
        return [(by_id[doc_id], n) for doc_id, n in counted if doc_id in by_id]

    # --- stories and documents -------------------------------------------------
    def latest_stories(self, limit: int = 10) -> list[Story]:
        sql = "SELECT * FROM stories ORDER BY date IS NULL, date DESC, id LIMIT ?"
        return [rows.story_from_row(dict(row)) for row in self._execute(sql, (limit,))]

    def story(self, story_id: str) -> tuple[Story, list[StoryDocument]] | None:
        found = self._store.stories_by_id([story_id])
        if not found:
            return None
        sql = (
            f"SELECT {_STORY_DOCUMENT_COLUMNS} FROM documents WHERE story_id = ? "
            "ORDER BY published IS NULL, published, id"
        )
        return found[0], [_story_document(row) for row in self._execute(sql, (story_id,))]

    def document_view(self, document_id: str) -> DocumentView | None:
        found = next(iter(self._store.documents([document_id])), None)
        if found is None:
            return None
        return DocumentView(
            found,
            self._store.quotes(QuoteFilter(document_id=document_id)),
            self._store.date_mentions(document_id),
        )

    def search_documents(self, text: str, *, limit: int = 20) -> list[StoryDocument]:
        match = self._document_query(text)
        if match is None:
            return []
        # Ranked among the first matches only (in stored order): ranking every document
        # with a common word would cost a pass over all of them.
        best = self._best_documents(match, limit)
        if not best:
            return []
        key = self.document_position
        sql = f"SELECT {key}, {_STORY_DOCUMENT_COLUMNS} FROM documents WHERE {key} IN ({_marks(best)})"
        by_rowid = {row[0]: _story_document(row[1:]) for row in self._execute(sql, best)}
        return [by_rowid[rowid] for rowid in best if rowid in by_rowid]

    def _best_documents(self, match: str, limit: int) -> list[int]:
        candidates = self._execute(
            "SELECT rowid, bm25(documents_fts) FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?",
            (match, _RANKED_CANDIDATES),
        ).fetchall()
        return [rowid for rowid, _ in sorted(candidates, key=lambda pair: pair[1])[:limit]]


def _story_document(row: Any) -> StoryDocument:
    values = list(row)
    values[7] = None if values[7] is None else bool(values[7])  # republished
    return StoryDocument(*values)


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values))
