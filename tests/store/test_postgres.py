"""The PostgreSQL store against a real server: the URL comes from NEWSTRACE_TEST_PG
(`.ci/run` sets it and starts the server); each test gets a database of its own."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import newstrace
from newstrace.errors import StoreError
from newstrace.examples import example_corpus
from newstrace.export import export_collection
from newstrace.model import Document, Quote
from newstrace.store import QuoteFilter, open_store
from newstrace.store.migrations import latest_version

from ..conftest import fresh_postgres_database
from .test_sqlite import check_link_fields
from .test_sqlite_links import check_posting_lists

psycopg = pytest.importorskip("psycopg")
SERVER = os.environ.get("NEWSTRACE_TEST_PG")
if not SERVER:
    pytest.skip("NEWSTRACE_TEST_PG is not set (a postgresql:// URL of a server to test against)", allow_module_level=True)
try:
    psycopg.connect(SERVER, connect_timeout=5).close()
except psycopg.Error as error:
    pytest.skip(f"no PostgreSQL server answers at NEWSTRACE_TEST_PG ({error})", allow_module_level=True)

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_postgres_database("newstrace_test") as url:
        yield url


def test_posting_lists_are_read_as_in_sqlite(pg_url: str) -> None:
    from newstrace.link.index import open_link_index

    with open_store(pg_url) as store:
        check_posting_lists(open_link_index(store))


def test_the_link_fields_are_read_as_in_sqlite(pg_url: str) -> None:
    with open_store(pg_url) as store:
        check_link_fields(store)


def test_a_new_store_is_at_the_latest_schema_and_a_newer_one_is_refused(pg_url: str) -> None:
    with open_store(pg_url) as store:
        assert store.schema_version() == latest_version()
    with open_store(pg_url) as store:  # reopening creates nothing twice
        assert store.schema_version() == latest_version()
    with psycopg.connect(pg_url, autocommit=True) as connection:
        connection.execute("UPDATE newstrace_schema SET version = version + 1")
    with pytest.raises(StoreError, match="newer newstrace"):
        open_store(pg_url)


def test_the_tables_have_the_sqlite_stores_columns(pg_url: str, tmp_path: Path) -> None:
    open_store(str(tmp_path / "s.db")).close()
    lite = sqlite3.connect(tmp_path / "s.db")
    tables = [
        row[0]
        for row in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")
    ]
    open_store(pg_url).close()
    with psycopg.connect(pg_url) as connection:
        for table in tables:
            ours = {row[1] for row in lite.execute(f"PRAGMA table_info({table})")}
            theirs = {
                row[0]
                for row in connection.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,)
                )
            }
            # PostgreSQL's own extras: the order of storing (SQLite's rowid) and the search vector
            assert ours == theirs - {"position", "words"}, table


def test_documents_and_quotes_round_trip(pg_url: str) -> None:
    doc = Document(
        id="d1", source="d1.txt", sha256="ab" * 32, format="text", raw="RAW <p>ü</p>", body="Body ü",
        quotes=[Quote("q1", "d1", "“We will stay,” she said", 0, 10, "direct", speaker="Ana Ruiz", speaker_confidence=0.9)],
    )  # fmt: skip
    with open_store(pg_url) as store:
        assert store.add_documents([doc]) == 1
        assert store.add_documents([doc]) == 0
        assert store.known_hashes(["ab" * 32, "cd" * 32]) == {"ab" * 32}
        stored = store.document("d1")
        assert stored is not None and stored.raw == "RAW <p>ü</p>" and stored.body == "Body ü"
        assert [q.speaker for q in store.quotes(QuoteFilter(search="stay"))] == ["Ana Ruiz"]
        assert store.quotes(QuoteFilter(search="AND OR \" *")) == []
        assert [d.id for d in store.search_documents("body")] == ["d1"]


def test_search_matches_words_as_written_and_stemmed_in_the_pages_language(pg_url: str) -> None:
    def page(doc_id: str, language: str, body: str) -> Document:
        return Document(
            id=doc_id, source=f"{doc_id}.txt", sha256=doc_id * 32, format="text", raw=body, body=body,
            language=language, quotes=[Quote(f"q{doc_id}", doc_id, body, 0, len(body), "direct")],
        )  # fmt: skip

    english = page("e1", "en", "The governors announced new tax plans.")
    german = page("d1", "de", "Die Regierungen kündigten Steuerpläne an.")
    other = page("f1", "fr", "Les gouverneurs annoncent des plans.")
    with open_store(pg_url) as store:
        store.add_documents([english, german, other])
        assert [d.id for d in store.search_documents("tax plan")] == ["e1"]  # English stems: plans ~ plan
        assert [d.id for d in store.search_documents("Regierung")] == ["d1"]  # German stems
        assert [d.id for d in store.search_documents("governor announces")] == ["e1"]
        assert [d.id for d in store.search_documents("plans")] == sorted(["e1", "f1"])  # as written, any language
        assert [d.id for d in store.search_documents("plan")] == ["e1"]  # French has no stemmer here
        # a quote is stemmed in every configured language: it carries none of its own
        assert [q.id for q in store.quotes(QuoteFilter(search="tax plan"))] == ["qe1"]
        assert [q.id for q in store.quotes(QuoteFilter(search="Regierung"))] == ["qd1"]


def test_a_store_written_before_stemmed_search_is_upgraded(pg_url: str) -> None:
    from newstrace.store.postgres import UPGRADES

    with open_store(pg_url) as store:
        store.add_documents([Document(id="e1", source="e1.txt", sha256="e1" * 32, format="text", raw="x",
                                      body="New tax plans.", language="en")])  # fmt: skip
    with psycopg.connect(pg_url, autocommit=True) as connection:  # the columns as schema 14 had them
        connection.execute("DROP FUNCTION newstrace_words")
        connection.execute("ALTER TABLE documents DROP COLUMN words")
        connection.execute(
            "ALTER TABLE documents ADD COLUMN words TSVECTOR GENERATED ALWAYS AS "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || body)) STORED"
        )
        connection.execute("ALTER TABLE quotes DROP COLUMN words")
        connection.execute("ALTER TABLE quotes ADD COLUMN words TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED")
        connection.execute("UPDATE newstrace_schema SET version = 14")
    assert 15 in UPGRADES
    with open_store(pg_url) as store:
        assert store.schema_version() == latest_version()
        assert [d.id for d in store.search_documents("tax plan")] == ["e1"]


def test_quotes_that_start_together_are_listed_alike_by_both_stores(pg_url: str, tmp_path: Path) -> None:
    # a fragment inside a reported clause starts where the clause does; ids in both orders
    quotes = [
        Quote("qb", "d1", "“pray for him” in response", 4, 30, "indirect"),
        Quote("qa", "d1", "“pray for him”", 4, 18, "fragment"),
        Quote("qc", "d1", "“pray for him” twice", 4, 30, "indirect"),
    ]
    doc = Document(id="d1", source="d1.txt", sha256="ab" * 32, format="text", raw="x", body="x" * 40, quotes=quotes)
    listed = []
    for url in (pg_url, str(tmp_path / "s.db")):
        with open_store(url) as store:
            store.add_documents([doc])
            listed.append([q.id for q in store.quotes()])
    assert listed == [["qa", "qb", "qc"]] * 2


def test_exports_are_identical_to_the_sqlite_stores_ids_included(pg_url: str, tmp_path: Path) -> None:
    inputs = [str(example_corpus())] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    exports = []
    for db in (str(tmp_path / "lite.db"), pg_url):
        with newstrace.open(db) as collection:
            collection.ingest(inputs)
            collection.ingest(inputs)  # again: adds nothing
            out = tmp_path / f"export-{len(exports)}.jsonl"
            export_collection(collection.store, out, "jsonl")
            exports.append(out.read_text(encoding="utf-8"))
    assert exports[0] == exports[1]
    assert exports[0].count('"type": "quote"') > 100


def test_readers_read_while_an_ingest_writes(pg_url: str) -> None:
    with newstrace.open(pg_url) as collection:
        collection.ingest([str(Path(example_corpus()) / "01-courier-selva-shutdown.txt")])
    counts: list[int] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            with open_store(pg_url) as reader:
                for _ in range(20):
                    counts.append(reader.count_documents())
        except BaseException as error:
            errors.append(error)

    reader = threading.Thread(target=read)
    with newstrace.open(pg_url) as collection:
        reader.start()
        collection.ingest([str(example_corpus())])
    reader.join(timeout=60)
    assert not errors and len(counts) == 20 and min(counts) >= 1


def test_a_transaction_and_the_ingest_lock_behave_as_sqlites(pg_url: str) -> None:
    from newstrace.errors import StoreBusy
    from newstrace.model import Document

    def document(doc_id: str) -> Document:
        return Document(
            id=doc_id, source=f"{doc_id}.txt", sha256=doc_id * 4, format="text", raw="RAW", body="A body."
        )

    with open_store(pg_url) as first, open_store(pg_url) as second:
        with pytest.raises(RuntimeError), first.transaction():
            first.add_documents([document("lost")])
            raise RuntimeError("the process dies here")
        assert second.known_ids(["lost"]) == set()
        with first.ingest_lock():
            with pytest.raises(StoreBusy, match="another ingest is writing"), second.ingest_lock():
                pass
        with second.ingest_lock():
            pass


def test_an_unreachable_server_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as error:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "\n" not in str(error.value) and "secret" not in str(error.value)
