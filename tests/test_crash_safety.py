"""An ingest killed with SIGKILL at any moment leaves a consistent store, and running it
again completes it: every document stored once, and the export a clean run gives.

The ingest runs in a child process that kills itself (SIGKILL, which nothing can catch
or clean up after) at a chosen point: while pages are processed, inside a batch's
writes, inside a link pass, between batches. Small batches (`store_batch`) make the
example corpus several batches long.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import REPO, fresh_postgres_database

CORPUS = REPO / "examples" / "corpus"
SETTINGS = {"NEWSTRACE_STORE_BATCH": "3", "NEWSTRACE_CONFIG": "/nonexistent/config.toml"}

# The child: wraps one function so that its n-th call kills the process, then ingests.
KILLING_INGEST = """
import os, signal, sys, importlib
import newstrace

module_name, owner_name, function_name, nth = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
module = importlib.import_module(module_name)
owner = getattr(module, owner_name) if owner_name != "-" else module
original = getattr(owner, function_name)
calls = 0

def killing(*args, **kwargs):
    global calls
    calls += 1
    if calls == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    return original(*args, **kwargs)

setattr(owner, function_name, killing)
with newstrace.open(sys.argv[5]) as collection:
    collection.ingest([sys.argv[6]])
"""

# (name, module, owner ("-": the module), function, which call kills)
KILL_POINTS = [
    ("while pages are processed", "newstrace.pipeline", "Pipeline", "process", 8),
    ("inside a batch's document writes", "newstrace.store.rows", "-", "document_row", 5),
    ("inside a link pass, at near duplicates", "newstrace.link.duplicates", "FindDuplicates", "run", 2),
    ("inside a link pass, at stories", "newstrace.link.clustering", "ClusterStories", "run", 3),
    ("as a link pass writes its fields", "newstrace.link.stages", "LinkPass", "flush", 4),
    ("between two batches", "newstrace.collection", "Collection", "_store_and_link", 3),
]


def _run(*args: str) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env={**os.environ, **SETTINGS},
        timeout=600, check=False,
    )  # fmt: skip


def _ingest(db: str) -> None:
    result = _run("-m", "newstrace", "ingest", str(CORPUS), "--db", db)
    assert result.returncode in (0, 1), result.stderr  # 1: the corpus holds two inputs meant to be refused
    assert "Traceback" not in result.stderr


def _export(db: str) -> list[str]:
    result = _run("-m", "newstrace", "export", "--db", db)
    assert result.returncode == 0, result.stderr
    return sorted(result.stdout.splitlines())


# Invariants of a collection, in SQL both stores speak.
INVARIANTS = {
    "a quote whose document is missing": "SELECT count(*) FROM quotes q LEFT JOIN documents d ON d.id = q.document_id WHERE d.id IS NULL",
    "an article in no story": "SELECT count(*) FROM documents WHERE page_kind IN ('article', 'interview') AND duplicate_of IS NULL AND story_id IS NULL",
    "a story id with no story record": "SELECT count(*) FROM documents d LEFT JOIN stories s ON s.id = d.story_id WHERE d.story_id IS NOT NULL AND s.id IS NULL",
    "a quote of an article in no family": "SELECT count(*) FROM quotes q JOIN documents d ON d.id = q.document_id WHERE d.page_kind IN ('article', 'interview') AND q.family_id IS NULL",
    "a duplicate of a missing document": "SELECT count(*) FROM documents d LEFT JOIN documents o ON o.id = d.duplicate_of WHERE d.duplicate_of IS NOT NULL AND o.id IS NULL",
    "a document stored twice": "SELECT count(*) - count(DISTINCT sha256) FROM documents",
}  # fmt: skip


def _check_sqlite(db: str) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for problem, query in INVARIANTS.items():
            assert connection.execute(query).fetchone()[0] == 0, problem


def _check_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url) as connection:
        for problem, query in INVARIANTS.items():
            assert connection.execute(query).fetchone()[0] == 0, problem


def _killed_then_completed(
    db: str, point: tuple[str, str, str, str, int], check: Callable[[str], None]
) -> list[str]:
    name, module, owner, function, nth = point
    killed = _run("-c", KILLING_INGEST, module, owner, function, str(nth), db, str(CORPUS))
    assert killed.returncode == -9, (
        f"{name}: the ingest was not killed there ({killed.returncode})\n{killed.stderr}"
    )
    check(db)
    _ingest(db)
    check(db)
    return _export(db)


@pytest.fixture(scope="module")
def clean_export(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The export of an ingest that nothing interrupted."""
    clean = str(tmp_path_factory.mktemp("clean") / "clean.db")
    _ingest(clean)
    exported = _export(clean)
    assert any(json.loads(line)["type"] == "quote" for line in exported)
    return exported


@pytest.mark.parametrize("point", KILL_POINTS, ids=lambda point: point[0])
def test_sqlite_store_survives_sigkill(
    point: tuple[str, str, str, str, int], tmp_path: Path, clean_export
) -> None:
    exported = _killed_then_completed(str(tmp_path / "killed.db"), point, _check_sqlite)
    assert exported == clean_export, "the completed collection differs from a clean run's"


# Inside a batch's transaction on PostgreSQL by default; the points outside it (processing,
# between batches) are the same code as SQLite's, and run with the slow tests.
POSTGRES_POINTS = [
    point if 1 <= number <= 4 else pytest.param(point, marks=pytest.mark.slow)
    for number, point in enumerate(KILL_POINTS)
]


@pytest.mark.parametrize("point", POSTGRES_POINTS, ids=lambda point: point[0])
def test_postgres_store_survives_sigkill(point: tuple[str, str, str, str, int], clean_export) -> None:
    with fresh_postgres_database("newstrace_crash") as url:
        assert _killed_then_completed(url, point, _check_postgres) == clean_export
