"""The link index (`newstrace.link.index`) in the SQLite store's own database.

It shares the store's connection, so a link pass's index writes commit with
its document writes. Posting lists are read a key at a time with a LIMIT,
so a key that half the collection carries costs one short index scan, not a
read of its whole list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from ..link.index import LinkIndex, LinkProfile, StoryState, stream_order
from . import rows
from .migrations import migration

_CHUNK = 500


@migration(7)
def link_index_tables() -> list[str]:
    """Issue 9's link index: profiles with story vectors, bounded posting lists of
    candidate keys, story centroids, quote keys; the basis of every origin.

    The old band tables are dropped and every stored document is queued, so
    the next link pass profiles and links the whole collection afresh."""
    return [
        "DROP TABLE IF EXISTS link_bands",
        "DROP TABLE IF EXISTS link_profiles",
        """CREATE TABLE link_profiles (
            document_id TEXT PRIMARY KEY, profile TEXT NOT NULL, duplicate_signature BLOB NOT NULL)""",
        "CREATE TABLE link_postings (key INTEGER NOT NULL, day INTEGER NOT NULL, document_id TEXT NOT NULL)",
        "CREATE INDEX link_postings_key ON link_postings(key, day, document_id)",
        "CREATE INDEX link_postings_document ON link_postings(document_id)",
        "CREATE TABLE link_quote_postings (key INTEGER NOT NULL, quote_id TEXT NOT NULL)",
        "CREATE INDEX link_quote_postings_key ON link_quote_postings(key)",
        "CREATE UNIQUE INDEX link_quote_postings_row ON link_quote_postings(quote_id, key)",
        "CREATE TABLE link_stories (story_id TEXT PRIMARY KEY, state TEXT NOT NULL)",
        "ALTER TABLE documents ADD COLUMN origin_basis TEXT",
        "CREATE INDEX quotes_family ON quotes(family_id)",
        "INSERT OR IGNORE INTO link_backfill SELECT id FROM documents",
    ]


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SqliteLinkIndex(LinkIndex):
    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def put_profiles(self, profiles: Iterable[LinkProfile]) -> None:
        profiles = list(profiles)
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO link_profiles (document_id, profile, duplicate_signature) VALUES (?, ?, ?)",
                ((p.document_id, rows.profile_json(p), p.duplicate_signature) for p in profiles),
            )
            self._db.executemany(
                "DELETE FROM link_postings WHERE document_id = ?", ((p.document_id,) for p in profiles)
            )
            self._db.executemany(
                "INSERT INTO link_postings (key, day, document_id) VALUES (?, ?, ?)",
                (
                    (key, p.day if p.day is not None else (p.page_day or 0), p.document_id)
                    for p in profiles
                    for key in dict.fromkeys(p.posting_keys)
                ),
            )

    def profiles(self, ids: Iterable[str]) -> dict[str, LinkProfile]:
        found: dict[str, LinkProfile] = {}
        for chunk in _chunks(sorted(set(ids))):
            query = (
                "SELECT document_id, profile, duplicate_signature FROM link_profiles "
                f"WHERE document_id IN ({','.join('?' * len(chunk))})"
            )
            for doc_id, profile, signature in self._db.execute(query, chunk):
                found[doc_id] = rows.profile_from_json(doc_id, profile, signature)
        return found

    def profile_orders(self, ids: Iterable[str]) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(sorted(set(ids))):
            query = (
                "SELECT document_id, json_extract(profile, '$.day'), json_extract(profile, '$.page_day') "
                f"FROM link_profiles WHERE document_id IN ({','.join('?' * len(chunk))})"
            )
            for doc_id, day, page_day in self._db.execute(query, chunk):
                found[doc_id] = stream_order(doc_id, day, page_day)
        return found

    def posting_range(self, key: int, cap: int, first_day: int, last_day: int) -> list[str]:
        query = (
            "SELECT document_id FROM link_postings WHERE key = ? AND day BETWEEN ? AND ? "
            "ORDER BY day, document_id LIMIT ?"
        )
        return [row[0] for row in self._db.execute(query, (key, first_day, last_day, cap))]

    def put_quote_keys(self, keys: Iterable[tuple[int, str]]) -> None:
        with self._db:
            self._db.executemany("INSERT OR IGNORE INTO link_quote_postings (key, quote_id) VALUES (?, ?)", keys)

    def quote_postings(self, keys: Iterable[int], cap: int) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        query = "SELECT quote_id FROM link_quote_postings WHERE key = ? LIMIT ?"
        for key in sorted(set(keys)):
            ids = [row[0] for row in self._db.execute(query, (key, cap + 1))]
            if 0 < len(ids) <= cap:  # a stem in more quotations than that says nothing
                found[key] = ids
        return found

    def story_states(self, story_ids: Iterable[str]) -> dict[str, StoryState]:
        found: dict[str, StoryState] = {}
        for chunk in _chunks(sorted(set(story_ids))):
            query = (
                f"SELECT story_id, state FROM link_stories WHERE story_id IN ({','.join('?' * len(chunk))})"
            )
            for story_id, state in self._db.execute(query, chunk):
                found[story_id] = rows.story_state_from_json(story_id, state)
        return found

    def put_story_states(self, states: Iterable[StoryState]) -> None:
        states_json = [(s.story_id, rows.story_state_json(s)) for s in states]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO link_stories (story_id, state) VALUES (?, ?)", states_json)

    def delete_story_states(self, story_ids: Iterable[str]) -> None:
        with self._db:
            self._db.executemany("DELETE FROM link_stories WHERE story_id = ?", ((i,) for i in story_ids))

    def pending(self, limit: int) -> list[str]:
        query = "SELECT document_id FROM link_backfill ORDER BY document_id LIMIT ?"
        return [row[0] for row in self._db.execute(query, (limit,))]

    def forget_pending(self, ids: Iterable[str]) -> None:
        with self._db:
            self._db.executemany("DELETE FROM link_backfill WHERE document_id = ?", ((i,) for i in ids))


@migration(9)
def full_text_on_text_changes_only() -> list[str]:
    """Re-index a document or quote for full-text search only when its text changes:
    link passes update story and family fields of many rows, which re-indexed whole
    bodies before (issue 9's cost bound)."""
    statements = []
    for table, columns in (("documents", "title, body"), ("quotes", "text")):
        new = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
        old = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
        statements += [
            f"DROP TRIGGER {table}_fts_update",
            f"CREATE TRIGGER {table}_fts_update AFTER UPDATE OF {columns} ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, {columns}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {table}_fts(rowid, {columns}) VALUES (new.rowid, {new}); END",
        ]
    return statements
