"""Schema migrations for the SQL stores, registered by version number.

A store's schema version is the highest migration applied; opening a store
applies the missing ones in order, each in its own transaction. A new schema
change is a new function here, never an edit of an old one.
"""

from __future__ import annotations

from collections.abc import Callable

Migration = Callable[[], list[str]]
MIGRATIONS: dict[int, Migration] = {}


def migration(version: int) -> Callable[[Migration], Migration]:
    def register(function: Migration) -> Migration:
        if version in MIGRATIONS:
            raise ValueError(f"migration {version} is registered twice")
        MIGRATIONS[version] = function
        return function

    return register


def latest_version() -> int:
    return max(MIGRATIONS)


@migration(1)
def initial_schema() -> list[str]:
    return [
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
            format TEXT NOT NULL, is_html INTEGER NOT NULL, url TEXT, site TEXT, title TEXT,
            title_language TEXT, language TEXT, author TEXT, published TEXT, published_text TEXT,
            published_precision TEXT, categories TEXT NOT NULL, body TEXT NOT NULL,
            removed TEXT NOT NULL, content_date TEXT, content_date_basis TEXT, republished INTEGER,
            republished_from TEXT, duplicate_of TEXT, story_id TEXT, body_hash TEXT,
            given TEXT NOT NULL, ingested_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)""",
        "CREATE INDEX documents_body_hash ON documents(body_hash)",
        "CREATE INDEX documents_story ON documents(story_id)",
        "CREATE INDEX documents_published ON documents(published)",
        # The bytes as read, so that documents can be re-processed when the
        # stages improve without asking users for their files again.
        "CREATE TABLE raw_inputs (sha256 TEXT PRIMARY KEY, content BLOB NOT NULL)",
        """CREATE TABLE quotes (
            id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id),
            text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL,
            speaker TEXT, speaker_id TEXT, part_of TEXT, speaker_mention TEXT,
            speaker_start INTEGER, speaker_end INTEGER, cue TEXT, cue_start INTEGER,
            cue_end INTEGER, said_on TEXT, venue TEXT, family_id TEXT, first_document_id TEXT)""",
        "CREATE INDEX quotes_document ON quotes(document_id)",
        "CREATE INDEX quotes_speaker ON quotes(speaker_id)",
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
            roles TEXT NOT NULL, mentions INTEGER NOT NULL)""",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, document_ids TEXT NOT NULL,
            first_document_id TEXT NOT NULL, date TEXT)""",
        """CREATE TABLE rejections (
            source TEXT NOT NULL, reason TEXT NOT NULL,
            at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (source, reason))""",
    ]


@migration(6)
def entity_aliases() -> list[str]:
    """Surname-only entities read as the one full name they belong to (entities/registry.py)."""
    return [
        "CREATE TABLE entity_aliases (alias_id TEXT PRIMARY KEY, canonical_id TEXT NOT NULL)",
        "CREATE INDEX entity_aliases_canonical ON entity_aliases(canonical_id)",
    ]


@migration(8)
def entity_name_indexes() -> list[str]:
    """Look up people by surname and by whole name through indexes (issue 9: the entity
    registry scanned the whole entities table for every surname of every batch)."""
    # The text after the last space: rtrim strips every trailing character that is not a space.
    last_word = "substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1)"
    return [
        "ALTER TABLE entities ADD COLUMN surname TEXT",
        f"UPDATE entities SET surname = {last_word}",
        "CREATE INDEX entities_surname ON entities(surname COLLATE NOCASE, kind)",
        "CREATE INDEX entities_name ON entities(name COLLATE NOCASE, kind)",
    ]


@migration(10)
def entity_kind_mentions() -> list[str]:
    """Mentions per kind of each entity, so that its kind is decided by all of them
    whatever order the documents came in (issue 10)."""
    return ["ALTER TABLE entities ADD COLUMN kind_mentions TEXT NOT NULL DEFAULT '{}'"]


@migration(13)
def page_facts() -> list[str]:
    """Where each page date came from, and what kind of page it is (issue 12)."""
    return [
        "ALTER TABLE documents ADD COLUMN published_basis TEXT",
        "ALTER TABLE documents ADD COLUMN page_kind TEXT NOT NULL DEFAULT 'article'",
        "CREATE INDEX documents_page_kind ON documents(page_kind)",
    ]


@migration(12)
def entity_name_mentions() -> list[str]:
    """Mentions per spelling of each entity's name, so that the name shown is the one most
    mentions use, not a typo's (issue 11)."""
    return ["ALTER TABLE entities ADD COLUMN name_mentions TEXT NOT NULL DEFAULT '{}'"]


@migration(11)
def quote_speaker_confidence() -> list[str]:
    """How sure each quote's speaker is, and how it was found (issue 11)."""
    return [
        "ALTER TABLE quotes ADD COLUMN speaker_confidence REAL",
        "ALTER TABLE quotes ADD COLUMN speaker_basis TEXT",
    ]


@migration(14)
def browse_indexes() -> list[str]:
    """Issue 13's pages: a site's quotes, the latest stories and a speaker's quotes by date
    said are index seeks (the last a covering index: no table rows read). A family's quotes
    already are (`quotes_family`, migration 7)."""
    return [
        "CREATE INDEX IF NOT EXISTS quotes_speaker_said ON quotes(speaker_id, said_on)",
        "CREATE INDEX IF NOT EXISTS documents_site ON documents(site)",
        "CREATE INDEX IF NOT EXISTS stories_date ON stories(date)",
    ]


@migration(15)
def stemmed_search_in_postgresql() -> list[str]:
    """PostgreSQL's search also matches stems in the page's language (issue 14; its
    statements are `store.postgres.UPGRADES[15]`). SQLite's full-text index is unchanged."""
    return []
