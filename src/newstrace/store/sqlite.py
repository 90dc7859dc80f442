"""The embedded SQLite store: WAL, one writer, FTS5 search, migrations.

Full-text search uses external-content FTS5 tables kept in step by
triggers, so the text is stored once.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..entities.merge import fold_alias
from ..errors import StoreBusy, StoreError
from ..model import Citation, DateMention, Document, Entity, Quote, Rejection, Story
from . import rows
from .base import LinkUpdate, QuoteFilter, QuoteLinkUpdate, Store, search_terms
from .migrations import MIGRATIONS, latest_version, migration
from .quote_listing import QUOTE_DATE, Dialect, quote_listing
from .sqlite_links import link_index_tables  # noqa: F401  (registers migration 7)

# SQLite accepts at most 999 host parameters in old builds; stay below.
_BATCH = 500


@migration(2)
def full_text_search() -> list[str]:
    """FTS5 over document titles and bodies and over quote texts (SQLite only)."""
    statements = []
    for table, columns in (("documents", "title, body"), ("quotes", "text")):
        new = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
        old = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
        statements += [
            f"CREATE VIRTUAL TABLE {table}_fts USING fts5({columns}, content='{table}', "
            f"content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
            f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {table}_fts(rowid, {columns}) VALUES (new.rowid, {new}); END",
            f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, {columns}) VALUES ('delete', old.rowid, {old}); END",
            f"CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, {columns}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {table}_fts(rowid, {columns}) VALUES (new.rowid, {new}); END",
        ]
    return statements


@migration(3)
def link_profiles() -> list[str]:
    """What the link phase keeps per document (issue 5): own dates, speakers,
    MinHash signatures, and the LSH band keys that find candidates by lookup."""
    return [
        """CREATE TABLE link_profiles (
            document_id TEXT PRIMARY KEY REFERENCES documents(id), published TEXT,
            content_date TEXT, content_date_basis TEXT, republished INTEGER,
            dated_by_text INTEGER NOT NULL, speakers TEXT NOT NULL,
            duplicate_signature BLOB NOT NULL, story_signature BLOB NOT NULL)""",
        "CREATE TABLE link_bands (key INTEGER NOT NULL, document_id TEXT NOT NULL)",
        "CREATE INDEX link_bands_key ON link_bands(key)",
        "CREATE INDEX link_bands_document ON link_bands(document_id)",
        "CREATE INDEX documents_duplicate_of ON documents(duplicate_of)",
    ]


@migration(4)
def link_profile_backfill() -> list[str]:
    """Documents stored before migration 3 have no link profile: list them, so the
    next link pass computes theirs (issue 5) without scanning the collection each time."""
    return [
        "CREATE TABLE link_backfill (document_id TEXT PRIMARY KEY)",
        "INSERT INTO link_backfill SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM link_profiles)",
    ]


@migration(5)
def windowed_story_keys() -> list[str]:
    """Story band keys are salted by week since issue 5's candidate redesign: the keys
    stored before it are never looked up again, so every profiled document is listed
    for the next link pass to compute its keys afresh."""
    return ["INSERT OR IGNORE INTO link_backfill SELECT document_id FROM link_profiles"]


def fts_query(text: str) -> str | None:
    """User words as an FTS5 query that cannot be a syntax error: every word, quoted."""
    terms = search_terms(text)
    return " ".join(f'"{term}"' for term in terms) if terms else None


def _quote_words(text: str) -> tuple[str, str] | None:
    match = fts_query(text)
    return None if match is None else ("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", match)


# Two quotes may start at one offset (a fragment inside a reported clause): end and id settle the
# order, so that every store lists them alike.
_DIALECT = Dialect(
    mark="?", like="LIKE", words=_quote_words, order=f'{QUOTE_DATE}, q.document_id, q.start, q."end", q.id'
)


def _placeholders(count: int) -> str:
    return ",".join("?" * count)


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


class _Connection(sqlite3.Connection):
    """A connection whose `with connection:` blocks (each write method's own commit) join
    an open `SqliteStore.transaction()` instead of committing on their own."""

    joined_by_outer = False

    def __enter__(self) -> _Connection:
        return self if self.joined_by_outer else super().__enter__()

    def __exit__(self, *exc_info: Any) -> bool:
        # an error propagates to the outer transaction, which rolls everything back
        return False if self.joined_by_outer else super().__exit__(*exc_info)


class SqliteStore(Store):
    def __init__(self, path: str, *, read_only: bool = False):
        self.url = path
        try:
            if read_only:
                self._db = sqlite3.connect(
                    f"file:{path}?mode=ro", uri=True, check_same_thread=False, factory=_Connection
                )
            else:
                if path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(path, check_same_thread=False, factory=_Connection)
                # first, so that even opening waits for an ingest's batch to commit rather than failing
                self._db.execute("PRAGMA busy_timeout=10000")
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("PRAGMA foreign_keys=ON")
                self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: cannot open as a newstrace SQLite store ({error})") from None
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA busy_timeout=10000")

    @property
    def connection(self) -> sqlite3.Connection:
        """The store's connection, shared by the link index beside it (`link.index.open_link_index`)."""
        return self._db

    # --- schema ----------------------------------------------------------
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > latest_version():
            raise StoreError(
                f"{self.url}: written by a newer newstrace (schema {current}, this one knows {latest_version()})"
            )
        for version in sorted(v for v in MIGRATIONS if v > current):
            with self._db:
                for statement in MIGRATIONS[version]():
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version={version}")

    # --- writing ---------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._db.joined_by_outer:  # already inside one: the outermost commits
            yield
            return
        # IMMEDIATE takes the write lock now: a link pass reads what it then writes.
        self._db.execute("BEGIN IMMEDIATE")
        self._db.joined_by_outer = True
        try:
            yield
        except BaseException:
            self._db.rollback()
            raise
        else:
            self._db.commit()
        finally:
            self._db.joined_by_outer = False

    @contextmanager
    def ingest_lock(self) -> Iterator[None]:
        if self.url == ":memory:":  # no other process can open it
            yield
            return
        # An advisory lock on a file beside the database, never on the database file itself:
        # closing any descriptor of that file would drop SQLite's own POSIX locks. The
        # kernel releases it when the process ends, killed or not, so it never goes stale.
        descriptor = os.open(f"{self.url}.ingest-lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreBusy(
                    f"{self.url}: another ingest is writing to this collection; "
                    "run this one when it has finished"
                ) from None
            yield
        finally:
            os.close(descriptor)  # releases the lock

    def _known(self, column: str, values: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(set(values))):
            query = f"SELECT {column} FROM documents WHERE {column} IN ({_placeholders(len(chunk))})"
            found.update(row[0] for row in self._db.execute(query, chunk))
        return found

    def known_hashes(self, sha256s: Iterable[str]) -> set[str]:
        return self._known("sha256", sha256s)

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        return self._known("id", ids)

    def add_documents(self, docs: Iterable[Document]) -> int:
        added = 0
        with self._db:
            for doc in docs:
                cursor = self._db.execute(
                    f"INSERT OR IGNORE INTO documents ({','.join(rows.DOCUMENT_COLUMNS)}) "
                    f"VALUES ({_placeholders(len(rows.DOCUMENT_COLUMNS))})",
                    rows.document_row(doc),
                )
                if cursor.rowcount == 0:
                    continue
                added += 1
                self._db.execute(
                    "INSERT OR IGNORE INTO raw_inputs (sha256, content) VALUES (?, ?)",
                    (doc.sha256, rows.compress(doc.raw)),
                )
                self._insert_many("quotes", rows.QUOTE_COLUMNS, map(rows.quote_row, doc.quotes))
                self._insert_many(
                    "date_mentions", rows.DATE_MENTION_COLUMNS, map(rows.date_mention_row, doc.date_mentions)
                )
                self._insert_many(
                    "mentions",
                    rows.MENTION_COLUMNS,
                    ((m.document_id, m.text, m.start, m.end, m.entity_id) for m in doc.mentions),
                )
        return added

    def _insert_many(self, table: str, columns: tuple[str, ...], values: Iterable[tuple[Any, ...]]) -> None:
        quoted = ",".join(f'"{c}"' for c in columns)
        self._db.executemany(
            f"INSERT OR REPLACE INTO {table} ({quoted}) VALUES ({_placeholders(len(columns))})", values
        )

    def add_rejections(self, rejections: Iterable[Rejection]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO rejections (source, reason) VALUES (?, ?)",
                ((r.source, r.reason) for r in rejections),
            )

    def update_links(self, updates: Iterable[LinkUpdate]) -> None:
        with self._db:
            for update in updates:
                if not update.fields:
                    continue
                assignments = ", ".join(f"{name} = ?" for name in update.fields)
                self._db.execute(
                    f"UPDATE documents SET {assignments} WHERE id = ?",
                    (*update.fields.values(), update.document_id),
                )

    def put_stories(self, stories: Iterable[Story]) -> None:
        with self._db:
            self._insert_many("stories", rows.STORY_COLUMNS, map(rows.story_row, stories))

    def put_entities(self, entities: Iterable[Entity]) -> None:
        with self._db:
            self._insert_many(
                "entities",
                (*rows.ENTITY_COLUMNS, "surname"),
                ((*rows.entity_row(e), e.name.split()[-1] if e.name.split() else e.name) for e in entities),
            )

    def documents_in_stories(self, story_ids: Iterable[str]) -> list[Document]:
        found: list[Document] = []
        for chunk in _chunks(sorted(set(story_ids))):
            found += self._documents_where(f"WHERE story_id IN ({_placeholders(len(chunk))})", chunk)
        return found

    def documents_duplicating(self, ids: Iterable[str]) -> list[Document]:
        found: list[Document] = []
        for chunk in _chunks(sorted(set(ids))):
            found += self._documents_where(f"WHERE duplicate_of IN ({_placeholders(len(chunk))})", chunk)
        return found

    def delete_stories(self, story_ids: Iterable[str]) -> None:
        with self._db:
            for chunk in _chunks(sorted(set(story_ids))):
                self._db.execute(f"DELETE FROM stories WHERE id IN ({_placeholders(len(chunk))})", chunk)

    def quotes_of_documents(self, ids: Iterable[str]) -> list[Quote]:
        columns = ",".join(f'"{c}"' for c in rows.QUOTE_COLUMNS)
        found: list[Quote] = []
        for chunk in _chunks(sorted(set(ids))):
            sql = (
                f"SELECT {columns} FROM quotes WHERE document_id IN ({_placeholders(len(chunk))}) "
                "ORDER BY document_id, start, id"
            )
            found += [rows.quote_from_row(dict(row)) for row in self._db.execute(sql, chunk)]
        return found

    def quotes_by_ids(self, ids: Iterable[str]) -> list[Quote]:
        return self._quotes_where("id", ids)

    def quotes_in_families(self, family_ids: Iterable[str]) -> list[Quote]:
        return self._quotes_where("family_id", family_ids)

    def _quotes_where(self, column: str, values: Iterable[str]) -> list[Quote]:
        columns = ",".join(f'"{c}"' for c in rows.QUOTE_COLUMNS)
        found: list[Quote] = []
        for chunk in _chunks(sorted(set(values))):
            sql = f"SELECT {columns} FROM quotes WHERE {column} IN ({_placeholders(len(chunk))}) ORDER BY id"
            found += [rows.quote_from_row(dict(row)) for row in self._db.execute(sql, chunk)]
        return found

    def stories_by_id(self, ids: Iterable[str]) -> list[Story]:
        found: list[Story] = []
        for chunk in _chunks(sorted(set(ids))):
            sql = f"SELECT * FROM stories WHERE id IN ({_placeholders(len(chunk))}) ORDER BY id"
            found += [rows.story_from_row(dict(row)) for row in self._db.execute(sql, chunk)]
        return found

    def update_quote_links(self, updates: Iterable[QuoteLinkUpdate]) -> None:
        with self._db:
            self._db.executemany(
                "UPDATE quotes SET family_id = ?, first_document_id = ? WHERE id = ?",
                ((u.family_id, u.first_document_id, u.quote_id) for u in updates),
            )

    # --- reading ---------------------------------------------------------
    def _documents_where(self, where: str = "", params: Iterable[Any] = ()) -> Iterator[Document]:
        query = f"SELECT {','.join(rows.DOCUMENT_COLUMNS)} FROM documents {where} ORDER BY id"
        for row in self._db.execute(query, tuple(params)):
            yield rows.document_from_row(dict(row))

    def document(self, doc_id: str) -> Document | None:
        found = next(self._documents_where("WHERE id = ?", (doc_id,)), None)
        if found is None:
            return None
        raw = self._db.execute("SELECT content FROM raw_inputs WHERE sha256 = ?", (found.sha256,)).fetchone()
        found.raw = rows.decompress(raw[0]) if raw else ""
        found.quotes = self.quotes(QuoteFilter(document_id=doc_id))
        found.date_mentions = self.date_mentions(doc_id)
        return found

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        if ids is None:
            yield from self._documents_where()
            return
        for chunk in _chunks(sorted(set(ids))):
            yield from self._documents_where(f"WHERE id IN ({_placeholders(len(chunk))})", chunk)

    def citations(self, ids: Iterable[str]) -> dict[str, Citation]:
        # The citing columns only: a quote listing must not decompress every body.
        found: dict[str, Citation] = {}
        for chunk in _chunks(sorted(set(ids))):
            sql = (
                "SELECT id, title, site, url, source, published FROM documents "
                f"WHERE id IN ({_placeholders(len(chunk))})"
            )
            for row in self._db.execute(sql, chunk):
                found[row[0]] = Citation(*row)
        return found

    def link_fields(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        # The link columns only: a link pass looks many documents up for their story and
        # original, and must not decompress their bodies for it.
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(sorted(set(ids))):
            sql = (
                f"SELECT id, {','.join(rows.LINK_COLUMNS)} FROM documents "
                f"WHERE id IN ({_placeholders(len(chunk))})"
            )
            for row in self._db.execute(sql, chunk):
                found[row[0]] = rows.link_fields_from_row(row[1:])
        return found

    def documents_with_body_hash(self, body_hashes: Iterable[str]) -> list[Document]:
        found: list[Document] = []
        for chunk in _chunks(sorted(set(body_hashes))):
            found += self._documents_where(f"WHERE body_hash IN ({_placeholders(len(chunk))})", chunk)
        return found

    def quotes(self, query: QuoteFilter | None = None) -> list[Quote]:
        listing = quote_listing(query or QuoteFilter(), _DIALECT)
        if listing is None:
            return []
        return [rows.quote_from_row(dict(row)) for row in self._db.execute(*listing)]

    def date_mentions(self, document_id: str | None = None) -> list[DateMention]:
        columns = ",".join(f'"{c}"' for c in rows.DATE_MENTION_COLUMNS)
        where, params = ("WHERE document_id = ?", (document_id,)) if document_id else ("", ())
        sql = f"SELECT {columns} FROM date_mentions {where} ORDER BY document_id, start"
        return [rows.date_mention_from_row(dict(row)) for row in self._db.execute(sql, params)]

    def entities(self, ids: Iterable[str] | None = None) -> list[Entity]:
        select = f"SELECT {','.join(rows.ENTITY_COLUMNS)} FROM entities"
        if ids is None:
            return [rows.entity_from_row(dict(row)) for row in self._db.execute(f"{select} ORDER BY id")]
        found: list[Entity] = []
        for chunk in _chunks(sorted(set(ids))):
            query = f"{select} WHERE id IN ({_placeholders(len(chunk))}) ORDER BY id"
            found += [rows.entity_from_row(dict(row)) for row in self._db.execute(query, chunk)]
        return found

    def people_with_surname(self, surname: str) -> list[Entity]:
        query = (
            f"SELECT {','.join(rows.ENTITY_COLUMNS)} FROM entities "
            "WHERE surname = ? COLLATE NOCASE AND kind = 'person' AND name != surname ORDER BY id"
        )
        candidates = [rows.entity_from_row(dict(row)) for row in self._db.execute(query, (surname,))]
        wanted = surname.casefold()
        return [e for e in candidates if len(e.name.split()) > 1 and e.name.split()[-1].casefold() == wanted]

    def people_named(self, name: str) -> list[Entity]:
        query = (
            f"SELECT {','.join(rows.ENTITY_COLUMNS)} FROM entities "
            "WHERE name = ? COLLATE NOCASE AND kind = 'person' ORDER BY id"
        )
        return [rows.entity_from_row(dict(row)) for row in self._db.execute(query, (name,))]

    def set_entity_alias(self, alias_id: str, canonical_id: str | None) -> None:
        with self._db:
            if canonical_id is None:
                self._db.execute("DELETE FROM entity_aliases WHERE alias_id = ?", (alias_id,))
            else:
                self._db.execute(
                    "INSERT OR REPLACE INTO entity_aliases (alias_id, canonical_id) VALUES (?, ?)",
                    (alias_id, canonical_id),
                )

    def resolved_entities(self) -> list[Entity]:
        aliases = dict(self._db.execute("SELECT alias_id, canonical_id FROM entity_aliases ORDER BY alias_id"))
        entities = {entity.id: entity for entity in self.entities()}
        for alias_id, canonical_id in aliases.items():
            if alias_id in entities and canonical_id in entities:
                entities[canonical_id] = fold_alias(entities[canonical_id], entities.pop(alias_id))
        return list(entities.values())

    def stories(self) -> list[Story]:
        sql = f"SELECT {','.join(rows.STORY_COLUMNS)} FROM stories ORDER BY id"
        return [rows.story_from_row(dict(row)) for row in self._db.execute(sql)]

    def rejections(self) -> list[Rejection]:
        return [
            Rejection(row["source"], row["reason"])
            for row in self._db.execute("SELECT source, reason FROM rejections ORDER BY source, reason")
        ]

    def search_documents(self, text: str, limit: int = 20) -> list[Document]:
        match = fts_query(text)
        if match is None:
            return []
        ids = [
            row[0]
            for row in self._db.execute(
                "SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid "
                "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?",
                (match, limit),
            )
        ]
        by_id = {doc.id: doc for doc in self.documents(ids)}
        return [by_id[i] for i in ids]

    def count_documents(self) -> int:
        return self._db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def close(self) -> None:
        self._db.close()
