"""A collection of the example corpus (and the seeds, where ../shared has them) for the web tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newstrace
from newstrace.examples import example_corpus
from newstrace.web.app import create_app

from ..conftest import fresh_postgres_database

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def _fill(db: str, tmp_path_factory: pytest.TempPathFactory) -> None:
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


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    _fill(db, tmp_path_factory)
    return db


@pytest.fixture(scope="session")
def pg_web_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same collection in a fresh database on NEWSTRACE_TEST_PG's server."""
    with fresh_postgres_database("newstrace_web") as url:
        _fill(url, tmp_path_factory)
        yield url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, web_db: str) -> TestClient:
    """The app over each store: every API and page test runs against both."""
    db = web_db if request.param == "sqlite" else request.getfixturevalue("pg_web_db")
    return TestClient(create_app(db), raise_server_exceptions=False)
