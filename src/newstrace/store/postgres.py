"""The PostgreSQL store (psycopg 3), chosen by a `postgresql://` URL: the same tables, ids and
behaviour as the SQLite store, for a collection a team shares.

Differences from SQLite, all inside this file:
  * full-text search is PostgreSQL's own: a generated `tsvector` column on document
    titles and bodies and on quote texts, with GIN indexes. Each holds the words as
    written (the 'simple' configuration: what SQLite's unicode61 tokenizer finds, so
    PostgreSQL finds every page SQLite does) and their stems in the page's language
    (`text_search_config` in the language's data file: English and German), so that
    "tax plans" also finds "tax plan" and stop words do not have to match. Quotes carry
    no language of their own and are stemmed in every configured language;
  * case-insensitive name lookups go through `lower(...)` expression indexes;
  * the connection runs in autocommit, and every write is one explicit transaction, so
    readers (another `newstrace quotes`, `serve`) never wait on an idle transaction;
  * the schema is created whole at the current version (`SCHEMA`); a later schema change
    adds its PostgreSQL statements to `UPGRADES` beside the SQLite migration.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..entities.merge import fold_alias
from ..errors import StoreBusy, StoreError
from ..lang import languages, resources
from ..model import Citation, DateMention, Document, Entity, Quote, Rejection, Story
from . import rows
from .base import LinkUpdate, QuoteFilter, QuoteLinkUpdate, Store, search_terms
from .migrations import latest_version
from .quote_listing import QUOTE_DATE, Dialect, quote_listing

_BATCH = 1000
# The advisory lock an ingest holds on its database (any number; ours alone uses it).
_INGEST_LOCK = 727273

# PostgreSQL text search configurations by language code, from the language data files.
# A configuration added later changes what the generated columns hold: a migration.
_CONFIGS = {code: config for code in languages() if (config := resources(code).text_search_config)}
_DOCUMENT_TEXT = "coalesce(title, '') || ' ' || body"
_DOCUMENT_WORDS = (
    f"to_tsvector('simple', {_DOCUMENT_TEXT}) || CASE language "
    + " ".join(f"WHEN '{code}' THEN to_tsvector('{config}', {_DOCUMENT_TEXT})" for code, config in _CONFIGS.items())
    + " ELSE ''::tsvector END"
)
_QUOTE_WORDS = " || ".join(f"to_tsvector('{config}', text)" for config in ("simple", *_CONFIGS.values()))
# A search's words as written or stemmed in any configured language: a page matches in
# its own language, or word for word.
_WORDS_FUNCTION = (
    "CREATE OR REPLACE FUNCTION newstrace_words(query TEXT) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$ SELECT "
    + " || ".join(f"to_tsquery('{config}', query)" for config in ("simple", *_CONFIGS.values()))
    + " $$"
)

SCHEMA = [
    "CREATE TABLE newstrace_schema (version INTEGER NOT NULL)",
    f"""CREATE TABLE documents (
        id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
        format TEXT NOT NULL, is_html INTEGER NOT NULL, url TEXT, site TEXT, title TEXT,
        title_language TEXT, language TEXT, author TEXT, published TEXT, published_text TEXT,
        published_precision TEXT, categories TEXT NOT NULL, body TEXT NOT NULL,
        removed TEXT NOT NULL, content_date TEXT, content_date_basis TEXT, republished INTEGER,
        republished_from TEXT, duplicate_of TEXT, story_id TEXT, body_hash TEXT,
        given TEXT NOT NULL, ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(), origin_basis TEXT,
        published_basis TEXT, page_kind TEXT NOT NULL DEFAULT 'article',
        position BIGSERIAL,
        words TSVECTOR GENERATED ALWAYS AS ({_DOCUMENT_WORDS}) STORED)""",
    "CREATE INDEX documents_body_hash ON documents(body_hash)",
    "CREATE INDEX documents_story ON documents(story_id)",
    "CREATE INDEX documents_published ON documents(published)",
    "CREATE INDEX documents_duplicate_of ON documents(duplicate_of)",
    "CREATE INDEX documents_page_kind ON documents(page_kind)",
    "CREATE INDEX documents_site ON documents(site)",
    "CREATE INDEX documents_words ON documents USING GIN (words)",
    "CREATE TABLE raw_inputs (sha256 TEXT PRIMARY KEY, content BYTEA NOT NULL)",
    f"""CREATE TABLE quotes (
        id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id),
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL,
        speaker TEXT, speaker_id TEXT, part_of TEXT, speaker_mention TEXT,
        speaker_start INTEGER, speaker_end INTEGER, cue TEXT, cue_start INTEGER,
        cue_end INTEGER, said_on TEXT, venue TEXT, family_id TEXT, first_document_id TEXT,
        speaker_confidence DOUBLE PRECISION, speaker_basis TEXT, position BIGSERIAL,
        words TSVECTOR GENERATED ALWAYS AS ({_QUOTE_WORDS}) STORED)""",
    "CREATE INDEX quotes_document ON quotes(document_id)",
    "CREATE INDEX quotes_speaker ON quotes(speaker_id, position)",
    "CREATE INDEX quotes_speaker_said ON quotes(speaker_id, said_on)",
    "CREATE INDEX quotes_family ON quotes(family_id)",
    "CREATE INDEX quotes_position ON quotes(position)",
    "CREATE INDEX quotes_words ON quotes USING GIN (words)",
    """CREATE TABLE date_mentions (
        id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id),
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL,
        value TEXT, anchor TEXT)""",
    "CREATE INDEX date_mentions_document ON date_mentions(document_id)",
    """CREATE TABLE mentions (
        document_id TEXT NOT NULL REFERENCES documents(id), text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, entity_id TEXT)""",
    "CREATE INDEX mentions_document ON mentions(document_id)",
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT NOT NULL,
        roles TEXT NOT NULL, mentions INTEGER NOT NULL, surname TEXT,
        kind_mentions TEXT NOT NULL DEFAULT '{}', name_mentions TEXT NOT NULL DEFAULT '{}')""",
    "CREATE INDEX entities_surname ON entities(lower(surname), kind)",
    "CREATE INDEX entities_name ON entities(lower(name), kind)",
    "CREATE TABLE entity_aliases (alias_id TEXT PRIMARY KEY, canonical_id TEXT NOT NULL)",
    "CREATE INDEX entity_aliases_canonical ON entity_aliases(canonical_id)",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, document_ids TEXT NOT NULL,
        first_document_id TEXT NOT NULL, date TEXT)""",
    "CREATE INDEX stories_date ON stories(date)",
    """CREATE TABLE rejections (
        source TEXT NOT NULL, reason TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (source, reason))""",
    # the link index (`store.postgres_links`)
    "CREATE TABLE link_profiles (document_id TEXT PRIMARY KEY, profile TEXT NOT NULL, duplicate_signature BYTEA NOT NULL)",
    "CREATE TABLE link_postings (key BIGINT NOT NULL, day INTEGER NOT NULL, document_id TEXT NOT NULL)",
    "CREATE INDEX link_postings_key ON link_postings(key, day, document_id)",
    "CREATE INDEX link_postings_document ON link_postings(document_id)",
    """CREATE TABLE link_quote_postings (
        key BIGINT NOT NULL, quote_id TEXT NOT NULL, position BIGSERIAL, PRIMARY KEY (quote_id, key))""",
    "CREATE INDEX link_quote_postings_key ON link_quote_postings(key, position)",
    "CREATE TABLE link_stories (story_id TEXT PRIMARY KEY, state TEXT NOT NULL)",
    "CREATE TABLE link_backfill (document_id TEXT PRIMARY KEY)",
]
SCHEMA.append(_WORDS_FUNCTION)
# Schema changes after the version SCHEMA creates: {version: [statements]}, as for SQLite.
UPGRADES: dict[int, list[str]] = {
    # 15: words stemmed in the page's language beside the words as written
    15: [
        _WORDS_FUNCTION,
        "ALTER TABLE documents DROP COLUMN words",
        f"ALTER TABLE documents ADD COLUMN words TSVECTOR GENERATED ALWAYS AS ({_DOCUMENT_WORDS}) STORED",
        "CREATE INDEX documents_words ON documents USING GIN (words)",
        "ALTER TABLE quotes DROP COLUMN words",
        f"ALTER TABLE quotes ADD COLUMN words TSVECTOR GENERATED ALWAYS AS ({_QUOTE_WORDS}) STORED",
        "CREATE INDEX quotes_words ON quotes USING GIN (words)",
    ],
}
SCHEMA_VERSION = 15



def _marks(count: int) -> str:
    return ",".join(["%s"] * count)


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def ts_query(text: str) -> str | None:
    """User words as a tsquery that cannot be a syntax error: every word, all required."""
    terms = search_terms(text)
    return " & ".join("'" + term.replace("'", "''") + "'" for term in terms) if terms else None


def _quote_words(text: str) -> tuple[str, str] | None:
    match = ts_query(text)
    return None if match is None else ("q.words @@ newstrace_words(%s)", match)


# NULLS FIRST and COLLATE "C": SQLite's order (nulls first, text by code point)
_DIALECT = Dialect(
    mark="%s", like="ILIKE", words=_quote_words,
    order=f'{QUOTE_DATE} COLLATE "C" NULLS FIRST, q.document_id COLLATE "C", q.start, q."end", q.id COLLATE "C"',
)  # fmt: skip


def without_nul_characters(connection: Any) -> None:
    """Send every string with NUL replaced by U+FFFD on `connection`: PostgreSQL text cannot
    hold NUL, and a value from outside (an id in a URL, a search) may carry one. Stored text
    never does (the readers drop it), so such a value matches nothing, as in SQLite."""
    from psycopg.types.string import StrBinaryDumper, StrDumperUnknown

    class TextDumper(StrDumperUnknown):
        def dump(self, obj: str) -> Any:
            return super().dump(obj.replace("\x00", "\ufffd"))

    class BinaryDumper(StrBinaryDumper):
        def dump(self, obj: str) -> Any:
            return super().dump(obj.replace("\x00", "\ufffd"))

    connection.adapters.register_dumper(str, TextDumper)
    connection.adapters.register_dumper(str, BinaryDumper)


class PostgresStore(Store):
    def __init__(self, url: str, *, read_only: bool = False, connection: Any = None):
        """`connection`: one opened elsewhere (`serve`'s pool, read-only), used as it is."""
        import psycopg

        self.url = url
        if connection is not None:
            self._db = connection
            return
        try:
            self._db = psycopg.connect(url, autocommit=True)
        except psycopg.Error as error:
            reason = " ".join(str(error).split())  # libpq's message spans lines; ours is one
            raise StoreError(f"{safe_url(url)}: cannot connect to PostgreSQL ({reason})") from None
        without_nul_characters(self._db)
        if read_only:
            # the server refuses every write on this connection (`serve`)
            self._db.execute("SET default_transaction_read_only = on")
        else:
            self._migrate()

    @property
    def connection(self) -> Any:
        """The store's connection, shared by the link index beside it (`link.index.open_link_index`)."""
        return self._db

    # --- schema ----------------------------------------------------------------
    def schema_version(self) -> int:
        found = self._one("SELECT to_regclass('newstrace_schema') IS NOT NULL")
        if not found:
            return 0
        version = self._one("SELECT max(version) FROM newstrace_schema")
        return int(version or 0)

    def _migrate(self) -> None:
        if SCHEMA_VERSION != latest_version() and latest_version() not in UPGRADES:
            raise StoreError(f"the PostgreSQL schema lags SQLite migration {latest_version()}: add it to UPGRADES")
        with self._db.transaction():
            # one creator at a time: two first ingests at once must not both create tables
            self._db.execute("SELECT pg_advisory_xact_lock(727272)")
            current = self.schema_version()
            if current > latest_version():
                raise StoreError(
                    f"{safe_url(self.url)}: written by a newer newstrace (schema {current}, this one knows {latest_version()})"
                )
            if current == 0:
                for statement in SCHEMA:
                    self._db.execute(statement)
                self._db.execute("INSERT INTO newstrace_schema VALUES (%s)", (SCHEMA_VERSION,))
                current = SCHEMA_VERSION
            for version in sorted(v for v in UPGRADES if v > current):
                for statement in UPGRADES[version]:
                    self._db.execute(statement)
                self._db.execute("UPDATE newstrace_schema SET version = %s", (version,))

    # --- transactions ----------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        # The write methods' own transactions nest inside as savepoints; this one commits.
        with self._db.transaction():
            yield

    @contextmanager
    def ingest_lock(self) -> Iterator[None]:
        # A session-level advisory lock: the server drops it when the connection ends,
        # however the ingest ends, so it never goes stale.
        if not self._one("SELECT pg_try_advisory_lock(%s)", (_INGEST_LOCK,)):
            raise StoreBusy(
                f"{safe_url(self.url)}: another ingest is writing to this collection; "
                "run this one when it has finished"
            )
        try:
            yield
        finally:
            self._db.execute("SELECT pg_advisory_unlock(%s)", (_INGEST_LOCK,))

    # --- helpers ---------------------------------------------------------------
    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._db.execute(sql, params).fetchone()
        return row[0] if row else None

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        cursor = self._db.execute(sql, params)
        names = [column.name for column in cursor.description or ()]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def _insert_many(
        self, table: str, columns: tuple[str, ...], values: Iterable[tuple[Any, ...]], conflict: str
    ) -> None:
        quoted = ",".join(f'"{c}"' for c in columns)
        with self._db.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({_marks(len(columns))}) {conflict}", values)

    @staticmethod
    def _replace(key: str, columns: tuple[str, ...]) -> str:
        """SQLite's INSERT OR REPLACE: the row with this key takes the new values."""
        updates = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in columns if c != key)
        return f'ON CONFLICT ("{key}") DO UPDATE SET {updates}'

    # --- writing ---------------------------------------------------------------
    def _known(self, column: str, values: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(set(values))):
            sql = f"SELECT {column} FROM documents WHERE {column} = ANY(%s)"
            found.update(row[0] for row in self._db.execute(sql, (chunk,)))
        return found

    def known_hashes(self, sha256s: Iterable[str]) -> set[str]:
        return self._known("sha256", sha256s)

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        return self._known("id", ids)

    def add_documents(self, docs: Iterable[Document]) -> int:
        added = 0
        columns = rows.DOCUMENT_COLUMNS
        with self._db.transaction(), self._db.cursor() as cursor:
            for doc in docs:
                cursor.execute(
                    f"INSERT INTO documents ({','.join(columns)}) VALUES ({_marks(len(columns))}) ON CONFLICT DO NOTHING",
                    rows.document_row(doc),
                )
                if cursor.rowcount == 0:
                    continue
                added += 1
                cursor.execute(
                    "INSERT INTO raw_inputs (sha256, content) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                    (doc.sha256, rows.compress(doc.raw)),
                )
                quote_columns = rows.QUOTE_COLUMNS
                self._insert_many("quotes", quote_columns, map(rows.quote_row, doc.quotes), self._replace("id", quote_columns))
                date_columns = rows.DATE_MENTION_COLUMNS
                self._insert_many(
                    "date_mentions", date_columns, map(rows.date_mention_row, doc.date_mentions),
                    self._replace("id", date_columns),
                )  # fmt: skip
                self._insert_many(
                    "mentions", rows.MENTION_COLUMNS,
                    ((m.document_id, m.text, m.start, m.end, m.entity_id) for m in doc.mentions), "",
                )  # fmt: skip
        return added

    def add_rejections(self, rejections: Iterable[Rejection]) -> None:
        with self._db.transaction():
            self._insert_many(
                "rejections", ("source", "reason"), ((r.source, r.reason) for r in rejections), "ON CONFLICT DO NOTHING"
            )

    def update_links(self, updates: Iterable[LinkUpdate]) -> None:
        with self._db.transaction():
            for update in updates:
                if not update.fields:
                    continue
                assignments = ", ".join(f"{name} = %s" for name in update.fields)
                values = [int(v) if isinstance(v, bool) else v for v in update.fields.values()]
                self._db.execute(f"UPDATE documents SET {assignments} WHERE id = %s", (*values, update.document_id))

    def put_stories(self, stories: Iterable[Story]) -> None:
        columns = rows.STORY_COLUMNS
        with self._db.transaction():
            self._insert_many("stories", columns, map(rows.story_row, stories), self._replace("id", columns))

    def put_entities(self, entities: Iterable[Entity]) -> None:
        columns = (*rows.ENTITY_COLUMNS, "surname")
        values = ((*rows.entity_row(e), e.name.split()[-1] if e.name.split() else e.name) for e in entities)
        with self._db.transaction():
            self._insert_many("entities", columns, values, self._replace("id", columns))

    def delete_stories(self, story_ids: Iterable[str]) -> None:
        with self._db.transaction():
            for chunk in _chunks(sorted(set(story_ids))):
                self._db.execute("DELETE FROM stories WHERE id = ANY(%s)", (chunk,))

    def update_quote_links(self, updates: Iterable[QuoteLinkUpdate]) -> None:
        with self._db.transaction(), self._db.cursor() as cursor:
            cursor.executemany(
                "UPDATE quotes SET family_id = %s, first_document_id = %s WHERE id = %s",
                [(u.family_id, u.first_document_id, u.quote_id) for u in updates],
            )

    def set_entity_alias(self, alias_id: str, canonical_id: str | None) -> None:
        with self._db.transaction():
            if canonical_id is None:
                self._db.execute("DELETE FROM entity_aliases WHERE alias_id = %s", (alias_id,))
            else:
                self._db.execute(
                    "INSERT INTO entity_aliases (alias_id, canonical_id) VALUES (%s, %s) "
                    "ON CONFLICT (alias_id) DO UPDATE SET canonical_id = EXCLUDED.canonical_id",
                    (alias_id, canonical_id),
                )

    # --- reading ---------------------------------------------------------------
    def _documents_where(self, where: str = "", params: Sequence[Any] = ()) -> Iterator[Document]:
        sql = f'SELECT {",".join(rows.DOCUMENT_COLUMNS)} FROM documents {where} ORDER BY id COLLATE "C"'
        for row in self._dicts(sql, params):
            yield rows.document_from_row(row)

    def _documents_in(self, column: str, values: Iterable[str]) -> list[Document]:
        found: list[Document] = []
        for chunk in _chunks(sorted(set(values))):
            found += self._documents_where(f"WHERE {column} = ANY(%s)", (chunk,))
        return found

    def documents_in_stories(self, story_ids: Iterable[str]) -> list[Document]:
        return self._documents_in("story_id", story_ids)

    def documents_duplicating(self, ids: Iterable[str]) -> list[Document]:
        return self._documents_in("duplicate_of", ids)

    def documents_with_body_hash(self, body_hashes: Iterable[str]) -> list[Document]:
        return self._documents_in("body_hash", body_hashes)

    def document(self, doc_id: str) -> Document | None:
        found = next(self._documents_where("WHERE id = %s", (doc_id,)), None)
        if found is None:
            return None
        raw = self._one("SELECT content FROM raw_inputs WHERE sha256 = %s", (found.sha256,))
        found.raw = rows.decompress(bytes(raw)) if raw else ""
        found.quotes = self.quotes(QuoteFilter(document_id=doc_id))
        found.date_mentions = self.date_mentions(doc_id)
        return found

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        if ids is None:
            yield from self._documents_where()
            return
        for chunk in _chunks(sorted(set(ids))):
            yield from self._documents_where("WHERE id = ANY(%s)", (chunk,))

    def citations(self, ids: Iterable[str]) -> dict[str, Citation]:
        found: dict[str, Citation] = {}
        for chunk in _chunks(sorted(set(ids))):
            sql = "SELECT id, title, site, url, source, published FROM documents WHERE id = ANY(%s)"
            for row in self._db.execute(sql, (chunk,)):
                found[row[0]] = Citation(*row)
        return found

    def link_fields(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        # The link columns only (see SqliteStore.link_fields).
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(sorted(set(ids))):
            sql = f"SELECT id, {','.join(rows.LINK_COLUMNS)} FROM documents WHERE id = ANY(%s)"
            for row in self._db.execute(sql, (chunk,)):
                found[row[0]] = rows.link_fields_from_row(row[1:])
        return found

    def _quotes_in(self, column: str, values: Iterable[str], order: str = 'id COLLATE "C"') -> list[Quote]:
        columns = ",".join(f'"{c}"' for c in rows.QUOTE_COLUMNS)
        found: list[Quote] = []
        for chunk in _chunks(sorted(set(values))):
            sql = f"SELECT {columns} FROM quotes WHERE {column} = ANY(%s) ORDER BY {order}"
            found += [rows.quote_from_row(row) for row in self._dicts(sql, (chunk,))]
        return found

    def quotes_of_documents(self, ids: Iterable[str]) -> list[Quote]:
        return self._quotes_in("document_id", ids, order='document_id COLLATE "C", start, id COLLATE "C"')

    def quotes_by_ids(self, ids: Iterable[str]) -> list[Quote]:
        return self._quotes_in("id", ids)

    def quotes_in_families(self, family_ids: Iterable[str]) -> list[Quote]:
        return self._quotes_in("family_id", family_ids)

    def stories_by_id(self, ids: Iterable[str]) -> list[Story]:
        found: list[Story] = []
        for chunk in _chunks(sorted(set(ids))):
            sql = f'SELECT {",".join(rows.STORY_COLUMNS)} FROM stories WHERE id = ANY(%s) ORDER BY id COLLATE "C"'
            found += [rows.story_from_row(row) for row in self._dicts(sql, (chunk,))]
        return found

    def quotes(self, query: QuoteFilter | None = None) -> list[Quote]:
        listing = quote_listing(query or QuoteFilter(), _DIALECT)
        if listing is None:
            return []
        return [rows.quote_from_row(row) for row in self._dicts(*listing)]

    def date_mentions(self, document_id: str | None = None) -> list[DateMention]:
        columns = ",".join(f'"{c}"' for c in rows.DATE_MENTION_COLUMNS)
        where, params = ("WHERE document_id = %s", (document_id,)) if document_id else ("", ())
        sql = f'SELECT {columns} FROM date_mentions {where} ORDER BY document_id COLLATE "C", start'
        return [rows.date_mention_from_row(row) for row in self._dicts(sql, params)]

    def entities(self, ids: Iterable[str] | None = None) -> list[Entity]:
        select = f"SELECT {','.join(rows.ENTITY_COLUMNS)} FROM entities"
        if ids is None:
            return [rows.entity_from_row(row) for row in self._dicts(f'{select} ORDER BY id COLLATE "C"')]
        found: list[Entity] = []
        for chunk in _chunks(sorted(set(ids))):
            found += [rows.entity_from_row(row) for row in self._dicts(f'{select} WHERE id = ANY(%s) ORDER BY id COLLATE "C"', (chunk,))]
        return found

    def people_with_surname(self, surname: str) -> list[Entity]:
        sql = (
            f"SELECT {','.join(rows.ENTITY_COLUMNS)} FROM entities WHERE lower(surname) = lower(%s) "
            'AND kind = \'person\' AND name != surname ORDER BY id COLLATE "C"'
        )
        candidates = [rows.entity_from_row(row) for row in self._dicts(sql, (surname,))]
        wanted = surname.casefold()
        return [e for e in candidates if len(e.name.split()) > 1 and e.name.split()[-1].casefold() == wanted]

    def people_named(self, name: str) -> list[Entity]:
        sql = (
            f"SELECT {','.join(rows.ENTITY_COLUMNS)} FROM entities WHERE lower(name) = lower(%s) "
            "AND kind = 'person' ORDER BY id COLLATE \"C\""
        )
        return [rows.entity_from_row(row) for row in self._dicts(sql, (name,))]

    def resolved_entities(self) -> list[Entity]:
        aliases = dict(self._db.execute('SELECT alias_id, canonical_id FROM entity_aliases ORDER BY alias_id COLLATE "C"'))
        entities = {entity.id: entity for entity in self.entities()}
        for alias_id, canonical_id in aliases.items():
            if alias_id in entities and canonical_id in entities:
                entities[canonical_id] = fold_alias(entities[canonical_id], entities.pop(alias_id))
        return list(entities.values())

    def stories(self) -> list[Story]:
        sql = f'SELECT {",".join(rows.STORY_COLUMNS)} FROM stories ORDER BY id COLLATE "C"'
        return [rows.story_from_row(row) for row in self._dicts(sql)]

    def rejections(self) -> list[Rejection]:
        sql = 'SELECT source, reason FROM rejections ORDER BY source COLLATE "C", reason COLLATE "C"'
        return [Rejection(source, reason) for source, reason in self._db.execute(sql)]

    def search_documents(self, text: str, limit: int = 20) -> list[Document]:
        match = ts_query(text)
        if match is None:
            return []
        sql = (
            "SELECT id FROM documents WHERE words @@ newstrace_words(%s) "
            "ORDER BY ts_rank_cd(words, newstrace_words(%s)) DESC, id LIMIT %s"
        )
        ids = [row[0] for row in self._db.execute(sql, (match, match, limit))]
        by_id = {doc.id: doc for doc in self.documents(ids)}
        return [by_id[i] for i in ids]

    def count_documents(self) -> int:
        return int(self._one("SELECT count(*) FROM documents"))

    def close(self) -> None:
        self._db.close()


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return url
