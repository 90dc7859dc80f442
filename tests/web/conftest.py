"""A collection of the example corpus (and the seeds, where ../shared has them) for the web tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newstrace
from newstrace.examples import example_corpus
from newstrace.web.app import create_app

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    inputs = [str(example_corpus())] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    with newstrace.open(db) as collection:
        collection.ingest(inputs)
        # a page whose text tries to be markup: the UI must show it as text
        hostile = tmp_path_factory.mktemp("hostile") / "hostile.txt"
        hostile.write_text(
            "Harbour board votes on dredging plan\n\n"
            'Port director Elsa Vantori said: "<script>alert(1)</script> the dredging starts <b>in May</b>," '
            "at the harbour board meeting on Tuesday.\n\n"
            "The board will vote on the plan next week, after a public hearing on the costs of the work.\n",
            encoding="utf-8",
        )
        collection.ingest([str(hostile)])
    return db


@pytest.fixture(scope="session")
def client(web_db: str) -> TestClient:
    return TestClient(create_app(web_db), raise_server_exceptions=False)
