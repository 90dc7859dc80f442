"""Processed-dataset rows: a processed document survives the trip to Parquet and back exactly."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import newstrace
from newstrace.config import load_settings
from newstrace.errors import UsageError
from newstrace.export import document_record, quote_record
from newstrace.model import Rejection
from newstrace.pipeline import analyse_page, build_pipeline
from newstrace.spark import AlreadyStored, read_processed
from newstrace.spark.records import COLUMNS, document_from_row, document_row, rejection_row, stored_row
from newstrace.store import rows

from ..conftest import HARBOUR_STORY, ORCHARD_STORY


@pytest.fixture(scope="module")
def processed():
    pipeline = build_pipeline(load_settings())
    return [
        analyse_page(text, is_html=False, source=f"{name}.txt", pipeline=pipeline)
        for name, text in (("harbour", HARBOUR_STORY), ("orchard", ORCHARD_STORY))
    ]


def test_a_row_gives_back_the_document_the_store_would_keep(processed) -> None:
    for doc in processed:
        back = document_from_row(document_row(doc, (0, 0), 0))
        assert rows.document_row(back) == rows.document_row(doc)
        assert back.raw == doc.raw
        assert [rows.quote_row(q) for q in back.quotes] == [rows.quote_row(q) for q in doc.quotes]
        assert back.date_mentions == doc.date_mentions
        assert back.mentions == doc.mentions
        assert back.entities == doc.entities
        assert back.link_profile == doc.link_profile
    assert any(doc.quotes for doc in processed), "the fixture stories must have quotes to compare"


def test_rows_hold_spec_records_for_readers_of_the_parquet(processed) -> None:
    doc = processed[0]
    row = document_row(doc, (3, 1), 2)
    assert set(row) == set(COLUMNS)
    assert (row["type"], row["input_file"], row["input_record"], row["repeats"]) == ("document", 3, 1, 2)
    assert row["title"] == document_record(doc)["title"]
    assert json.loads(row["quotes"]) == [quote_record(q) for q in doc.quotes]


def test_read_processed_yields_documents_rejections_and_repeats_in_order(processed, tmp_path) -> None:
    table_rows = [
        document_row(processed[0], (0, 0), 1),
        rejection_row(Rejection("bad.html", "binary data"), (1, 0)),
        stored_row("old.txt", "ab" * 32, (2, 0), 0),
        document_row(processed[1], (3, 0), 0),
    ]
    pq.write_table(pa.Table.from_pylist(table_rows), tmp_path / "part-0.parquet")
    items = list(read_processed(tmp_path))
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["Document", "AlreadyStored", "Rejection", "AlreadyStored", "Document"]
    assert items[2] == Rejection("bad.html", "binary data")
    assert isinstance(items[3], AlreadyStored) and items[3].source == "old.txt"


def test_loading_a_dataset_twice_adds_nothing(processed, tmp_path) -> None:
    pq.write_table(
        pa.Table.from_pylist([document_row(doc, (i, 0), 0) for i, doc in enumerate(processed)]),
        tmp_path / "part-0.parquet",
    )
    with newstrace.open(str(tmp_path / "a.db")) as collection:
        first = collection.load(tmp_path)
        second = collection.load(tmp_path)
        assert (first.ingested, second.ingested, second.already_stored) == (2, 0, 2)
        assert {q.text for q in collection.quotes()} == {q.text for doc in processed for q in doc.quotes}


def test_something_else_is_refused_with_a_usage_error(tmp_path) -> None:
    with pytest.raises(UsageError, match="no processed dataset"):
        list(read_processed(tmp_path / "missing"))
    pq.write_table(pa.Table.from_pylist([{"a": 1}]), tmp_path / "other.parquet")
    with pytest.raises(UsageError, match="not a processed dataset"):
        list(read_processed(tmp_path))
