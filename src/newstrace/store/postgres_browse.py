"""`store.browse` over the PostgreSQL store: the SQLite browse's queries, in PostgreSQL's dialect.

What differs: parameters are `%s`, the order quotes were stored in is their `position`
column (SQLite's rowid), words are matched with the `tsvector` columns, documents ranked
with `ts_rank_cd`, names compared with ILIKE; no index hints (the planner takes the
(speaker_id, position) index for a speaker's page by itself).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .postgres import PostgresStore, ts_query
from .sqlite_browse import _RANKED_CANDIDATES, SqliteBrowse


class _Row(tuple):
    """A result row read by position and by column name, as sqlite3.Row is."""

    _index: dict[str, int]

    def keys(self) -> list[str]:
        return list(self._index)

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        return super().__getitem__(self._index[key] if isinstance(key, str) else key)


def _row_factory(cursor: Any) -> Any:
    names = [column.name for column in cursor.description or ()]
    row_class = type("Row", (_Row,), {"_index": {name: i for i, name in enumerate(names)}})
    return lambda values: row_class(values)


class PostgresBrowse(SqliteBrowse):
    position = "q.position"
    document_position = "position"
    like = "ILIKE"

    def __init__(self, store: PostgresStore):  # type: ignore[override]
        super().__init__(store)  # type: ignore[arg-type]

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        # the shared queries mark parameters with "?" and hold no literal "?" or "%"
        cursor = self._db.cursor(row_factory=_row_factory)
        return cursor.execute(sql.replace("?", "%s"), params)

    def _index_hint(self, index: str | None) -> str:
        return ""

    def _document_query(self, text: str) -> str | None:
        return ts_query(text)

    def _positions_with_words(self, text: str, after: int, limit: int) -> list[int]:
        match = ts_query(text)
        if match is None:
            return []
        sql = "SELECT position FROM quotes WHERE words @@ newstrace_words(?) AND position > ? ORDER BY position LIMIT ?"
        return [row[0] for row in self._execute(sql, (match, after, limit))]

    def _words_condition(self, text: str) -> tuple[str, str] | None:
        match = ts_query(text)
        return None if match is None else ("q.words @@ newstrace_words(?)", match)

    def _best_documents(self, match: str, limit: int) -> list[int]:
        sql = (
            "SELECT position, ts_rank_cd(words, newstrace_words(?)) AS rank FROM "
            "(SELECT position, words FROM documents WHERE words @@ newstrace_words(?) LIMIT ?) AS first "
            "ORDER BY rank DESC, position LIMIT ?"
        )
        return [row[0] for row in self._execute(sql, (match, match, _RANKED_CANDIDATES, limit))]
