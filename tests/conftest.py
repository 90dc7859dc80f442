"""Fixtures shared across the test suite: small fictional articles written for these tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@contextmanager
def fresh_postgres_database(prefix: str) -> Iterator[str]:
    """The URL of a new, empty database on NEWSTRACE_TEST_PG's server, dropped afterwards;
    the calling test skips with a message where no server is set or answers."""
    psycopg = pytest.importorskip("psycopg")
    server = os.environ.get("NEWSTRACE_TEST_PG")
    if not server:
        pytest.skip("NEWSTRACE_TEST_PG is not set (a postgresql:// URL of a server to test against)")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = psycopg.conninfo.make_conninfo(server, dbname="postgres")
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        pytest.skip(f"no PostgreSQL server answers at NEWSTRACE_TEST_PG ({error})")
    try:
        yield f"{server.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')

HARBOUR_STORY = """Port Caldera Gazette

Harbour strike ends after tenth day of talks

Dock workers in Port Caldera voted on Thursday to end a strike that had closed the harbour for ten days, after the port authority agreed to a new shift schedule.

"We did not get everything, but we got the nights back," union leader Maren Okafor told reporters outside the hall.

The port authority said that ships would be unloaded again from Friday morning and that the backlog would clear within a week.

Harbour master Tobias Lindqvist called the agreement "a fair end to a hard month" and thanked both sides for their patience.
"""

ORCHARD_STORY = """Valley Ledger

Frost damages half of the apple harvest in the northern valleys

A late frost in the northern valleys destroyed about half of this year's apple blossom, growers said on Monday.

"I have never seen the trees this bare in May," said Ilka Brandt, who farms forty hectares near Weissfeld.

The regional farmers' association asked the government for emergency support and said insurance would cover only part of the losses.
"""


def html_page(title: str, body_paragraphs: list[str], site: str = "The Ridge Observer") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body_paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}"><meta property="og:title" content="{title}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>© 2024 {site}</footer></body></html>"""


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "harbour.txt").write_text(HARBOUR_STORY, encoding="utf-8")
    (folder / "orchard.txt").write_text(ORCHARD_STORY, encoding="utf-8")
    (folder / "bridge.html").write_text(
        html_page(
            "Council approves new bridge over the Selk river",
            [
                "The city council approved on Tuesday the construction of a second bridge over the Selk river, ending a debate that lasted six years.",
                "Mayor Ottilie Ferreira said the bridge would cut commuting times in half for the eastern districts.",
                "Work is due to start next spring and to take three years, at a cost of 140 million crowns.",
            ],
        ),
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")
