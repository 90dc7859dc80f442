import sqlite3

import pytest

from newstrace.errors import StoreBusy, StoreError
from newstrace.model import DateMention, Document, Entity, Quote, Rejection, RemovedBlock, Story
from newstrace.store import LinkUpdate, QuoteFilter, Store, open_store
from newstrace.store.base import LINK_FIELDS
from newstrace.store.migrations import latest_version


def make_document(doc_id: str, body: str, **fields) -> Document:
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        sha256=doc_id * 4,
        format="text",
        raw=f"RAW {body}",
        body=body,
        **fields,
    )


@pytest.fixture
def store(db_path):
    with open_store(db_path) as opened:
        yield opened


def test_new_store_is_at_the_latest_schema_and_reopens(db_path) -> None:
    with open_store(db_path) as store:
        assert store.schema_version() == latest_version()
    with open_store(db_path) as store:
        assert store.schema_version() == latest_version()
    assert sqlite3.connect(db_path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_newer_schema_is_refused(db_path) -> None:
    open_store(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute(f"PRAGMA user_version={latest_version() + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer newstrace"):
        open_store(db_path)


def test_not_a_database_is_a_store_error(tmp_path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(str(path))


def test_document_round_trip_keeps_every_field(store) -> None:
    quote = Quote(
        id="q1", document_id="d1", text="we got the nights back", start=5, end=27, kind="direct",
        speaker="Maren Okafor", speaker_span=(30, 42), cue="told", cue_span=(43, 47), said_on="2024-03-07",
    )  # fmt: skip
    doc = make_document(
        "d1", "Dock workers voted to end the strike.", title="Strike ends", site="Gazette",
        published="2024-03", published_precision="month", published_text="March 2024",
        categories=["Business"], removed=[RemovedBlock("Share", "share")], republished=False,
        given={"site": "Gazette"}, quotes=[quote],
        date_mentions=[DateMention("t1", "d1", "Thursday", 20, 28, "date", "2024-03-07", "2024-03-08")],
    )  # fmt: skip
    assert store.add_documents([doc]) == 1
    loaded = store.document("d1")
    assert loaded.raw == doc.raw and loaded.body == doc.body
    assert loaded.removed == doc.removed and loaded.categories == ["Business"]
    assert (loaded.published, loaded.published_precision) == ("2024-03", "month")
    assert loaded.republished is False and loaded.given == {"site": "Gazette"}
    assert loaded.quotes == [quote]
    assert loaded.date_mentions == doc.date_mentions


def test_stored_fields_the_fast_json_reader_refuses_are_read_back_all_the_same(store) -> None:
    # A JSON Lines record may carry NaN, which the standard library writes and orjson will not read.
    doc = make_document("d1", "Dock workers voted.", given={"score": float("nan"), "site": "Gazette"})
    store.add_documents([doc])
    given = store.document("d1").given
    assert given["site"] == "Gazette" and given["score"] != given["score"]  # NaN


def test_adding_the_same_document_twice_adds_nothing(store) -> None:
    assert store.add_documents([make_document("d1", "Body one.")]) == 1
    assert store.add_documents([make_document("d1", "Body one.")]) == 0
    assert store.count_documents() == 1
    assert store.known_hashes(["d1" * 4, "zz"]) == {"d1" * 4}


def test_full_text_search_ranks_and_tolerates_any_input(store) -> None:
    store.add_documents([
        make_document("d1", "The harbour strike ended after ten days.", title="Harbour"),
        make_document("d2", "Apple growers lost half the harvest to frost.", title="Frost"),
    ])  # fmt: skip
    assert [d.id for d in store.search_documents("harbour strike")] == ["d1"]
    assert store.search_documents('AND OR "(*') == []


def test_quote_filters(store) -> None:
    quotes = [
        Quote("q1", "d1", "We got the nights back", 0, 22, "direct", speaker="Maren Okafor", said_on="2024-03-07"),
        Quote("q2", "d1", "A fair end to a hard month", 30, 56, "fragment", speaker="Tobias Lindqvist", said_on="2024-03-08"),
        Quote("q3", "d2", "Never seen the trees this bare", 0, 30, "direct", speaker="Ilka Brandt"),
    ]  # fmt: skip
    store.add_documents([
        make_document("d1", "x", quotes=quotes[:2]),
        make_document("d2", "y", quotes=quotes[2:], published="2023-05-15"),
    ])  # fmt: skip
    ids = lambda **kw: [q.id for q in store.quotes(QuoteFilter(**kw))]  # noqa: E731
    assert ids(speaker="okafor") == ["q1"]
    assert ids(since="2024-03-08") == ["q2"]
    assert ids(until="2024-03") == ["q3", "q1", "q2"]
    assert ids(until="2023") == ["q3"]
    assert ids(search="nights") == ["q1"]
    assert ids(search="!!!") == []


def test_link_updates_only_touch_link_fields(store) -> None:
    store.add_documents([make_document("d1", "x"), make_document("d2", "x")])
    store.update_links([LinkUpdate("d2", {"duplicate_of": "d1", "republished": True})])
    assert store.document("d2").duplicate_of == "d1"
    assert store.document("d2").republished is True
    with pytest.raises(ValueError, match="cannot set"):
        LinkUpdate("d2", {"body": "rewritten"})


def check_link_fields(store: Store) -> None:
    """What every backend's link-fields read gives (`test_postgres.py` runs this against PostgreSQL):
    the fields as the whole document has them, unknown ids left out."""
    store.add_documents([make_document("d1", "x"), make_document("d2", "y", content_date="2024-03-08")])
    store.update_links([LinkUpdate("d2", {"duplicate_of": "d1", "story_id": "s1", "republished": True})])
    found = store.link_fields(["d2", "d1", "unknown"])
    assert set(found) == {"d1", "d2"}
    for doc_id, fields in found.items():
        whole = store.document(doc_id)
        assert fields == {name: getattr(whole, name) for name in LINK_FIELDS}
    assert found["d2"]["duplicate_of"] == "d1" and found["d2"]["republished"] is True
    assert found["d1"]["republished"] is None and found["d2"]["content_date"] == "2024-03-08"


def test_the_link_fields_are_read_as_the_documents_have_them(store) -> None:
    check_link_fields(store)


def test_entities_stories_and_rejections_are_kept(store) -> None:
    store.put_entities([Entity("e1", "Maren Okafor", "person", ["Okafor"], ["union leader"], 3)])
    store.put_stories([Story("s1", "Harbour strike ends", ["d1", "d2"], "d1", "2024-03-07")])
    store.add_rejections([Rejection("bad.bin", "binary data"), Rejection("bad.bin", "binary data")])
    assert store.entities()[0].aliases == ["Okafor"]
    assert store.stories()[0].document_ids == ["d1", "d2"]
    assert store.rejections() == [Rejection("bad.bin", "binary data")]


def test_postgres_urls_are_not_taken_for_file_names(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        open_store("postgresql://nobody@127.0.0.1:1/none")  # no server listens on port 1
    assert list(tmp_path.iterdir()) == []


def test_a_transaction_keeps_all_of_its_writes_or_none(store) -> None:
    with store.transaction():
        store.add_documents([make_document("kept", "One body.")])
        store.add_rejections([Rejection("bad.txt", "empty file")])
    with pytest.raises(RuntimeError), store.transaction():
        store.add_documents([make_document("lost", "Another body.")])  # commits on its own outside one
        store.update_links([LinkUpdate("kept", {"story_id": "s-lost"})])
        raise RuntimeError("the process dies here")
    assert store.known_ids(["kept", "lost"]) == {"kept"}
    assert store.document("kept").story_id is None
    assert [r.source for r in store.rejections()] == ["bad.txt"]


def test_a_second_ingest_lock_on_one_store_is_refused_until_the_first_is_released(db_path) -> None:
    with open_store(db_path) as first, open_store(db_path) as second:
        with first.ingest_lock():
            with pytest.raises(StoreBusy, match="another ingest is writing to this collection"):
                with second.ingest_lock():
                    pass
        with second.ingest_lock():
            pass
