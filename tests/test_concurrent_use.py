"""The store while an ingest writes: readers keep answering, and a second ingest is refused.

`benchmarks/concurrency.py` runs the same readers through an ingest of 2,000 documents;
this is its short version for every test run.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from .concurrent_readers import Readers
from .conftest import REPO
from .test_cli import newstrace

CORPUS = REPO / "examples" / "corpus"


def _copies(folder: Path, copies: int) -> Path:
    """The example corpus `copies` times, each copy with its own bytes."""
    folder.mkdir()
    for copy in range(copies):
        for page in sorted(CORPUS.glob("*.txt")):
            if not page.read_bytes().strip():
                continue  # the corpus's empty file, meant to be refused
            text = page.read_bytes().replace(b" the ", f" the{copy} ".encode(), 1)
            (folder / f"{copy:02}-{page.name}").write_bytes(text)
    return folder


def _start_ingest(folder: Path, db: str, **settings: str) -> subprocess.Popen:
    env = {**os.environ, "NEWSTRACE_CONFIG": "/nonexistent/config.toml"}
    env.update({f"NEWSTRACE_{name.upper()}": value for name, value in settings.items()})
    return subprocess.Popen(
        [sys.executable, "-m", "newstrace", "ingest", str(folder), "--db", db],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


def _documents(db: str) -> int:
    """How many documents `db` holds; 0 before its tables exist."""
    if not Path(db).exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_readers_keep_answering_while_an_ingest_writes(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(CORPUS / "01-courier-selva-shutdown.txt", first)
    assert newstrace("ingest", str(first), "--db", db).returncode == 0
    more = _copies(tmp_path / "more", 6)
    ingest = _start_ingest(more, db, store_batch="4")
    with Readers(db, interval=0.1) as log:
        _, stderr = ingest.communicate(timeout=600)
    assert ingest.returncode == 0, stderr
    distinct = {path.read_bytes() for path in [*first.iterdir(), *more.iterdir()]}
    assert _documents(db) == len(distinct) > 40
    assert log.reads.get("library", 0) >= 20 and log.reads.get("http", 0) >= 20, log.reads
    assert log.reads.get("cli quotes", 0) >= 1 and log.reads.get("cli export", 0) >= 1, log.reads
    assert log.errors == []


def test_a_second_ingest_into_the_same_store_is_refused_with_a_clear_line(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    first = _start_ingest(_copies(tmp_path / "many", 4), db, store_batch="2")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _documents(db) == 0:
        time.sleep(0.1)  # the first ingest holds the store from before its first batch
    second = newstrace("ingest", str(CORPUS), "--db", db)
    _, first_errors = first.communicate(timeout=600)
    assert first.returncode == 0, first_errors
    assert second.returncode == 1
    assert second.stderr.decode().strip() == (
        f"newstrace: {db}: another ingest is writing to this collection; run this one when it has finished"
    )
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # and once the first has finished, the same command goes ahead
    assert newstrace("ingest", str(CORPUS), "--db", db).returncode in (0, 1)
