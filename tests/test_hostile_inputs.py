"""Broken and hostile inputs, through the CLI as a user meets them: the batch finishes, no
traceback, every good document is stored, every refused input is named with its reason,
and nothing is written outside the store."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from .hostile_inputs import write_hostile_inputs
from .test_cli import newstrace


def _files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if not path.is_symlink()}


def test_a_batch_of_hostile_inputs_finishes_and_loses_nothing_good(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    expected = write_hostile_inputs(inputs)
    store = tmp_path / "store" / "news.db"
    work = tmp_path / "cwd"
    work.mkdir()
    before = _files_under(tmp_path)

    result = newstrace("ingest", str(inputs), "--db", str(store), cwd=work)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode in (0, 1), stderr  # 1: some inputs were refused (SPEC)
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr

    # Every refused input is named, on one line, with its reason.
    problems = [line for line in stderr.splitlines() if line.startswith("newstrace: ")]
    for name, outcome in expected.items():
        if outcome.rejected_source:
            matching = [
                line for line in problems
                if outcome.rejected_source in line.split(": ")[1] and outcome.reason in line
            ]  # fmt: skip
            assert matching, (
                f"{name}: no line naming {outcome.rejected_source!r} with {outcome.reason!r}\n{stderr}"
            )

    # Every good document is stored, once.
    exported = tmp_path / "export.jsonl"
    assert newstrace("export", "--db", str(store), "--out", str(exported)).returncode == 0
    documents = [r for r in map(json.loads, exported.read_text().splitlines()) if r["type"] == "document"]
    assert len(documents) == sum(outcome.stored for outcome in expected.values())
    assert len({d["sha256"] for d in documents}) == len(documents)
    bodies = "\n".join(d["body"] for d in documents)
    assert "Мэр города" in bodies  # cp1251, read as such
    assert "\x00" not in bodies and "\ufffd end." in bodies  # NULs dropped; the lone surrogate replaced

    # Nothing written outside the store: no archive member extracted, no stray file.
    after = _files_under(tmp_path)
    created = {path for path in after - before if store.parent != path and store.parent not in path.parents}
    assert created == {exported}, created
    assert not list(work.iterdir())


def test_an_unreadable_input_is_named_with_its_reason(tmp_path: Path) -> None:
    unreadable = tmp_path / "locked.txt"
    unreadable.write_text("An article nobody may read.")
    unreadable.chmod(0)
    # Root reads any file whatever its mode, so a socket stands in for it there: a path that
    # exists and that no open() can read.
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "socket.txt"))
    try:
        result = newstrace(
            "ingest", str(unreadable), str(tmp_path / "socket.txt"), "--db", str(tmp_path / "t.db")
        )
    finally:
        listener.close()
        unreadable.chmod(0o644)
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    assert f"{tmp_path / 'socket.txt'}: cannot be read" in stderr
    if os.geteuid() != 0:
        assert f"{unreadable}: cannot be read (Permission denied)" in stderr


@pytest.mark.parametrize("limit", ["page_max_bytes", "page_max_quotes", "page_max_seconds"])
def test_every_limit_is_a_setting_a_user_can_raise_or_lower(tmp_path: Path, limit: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        ' "We build it," she said.' * 20 + " The end.", encoding="utf-8"
    )
    low = {"page_max_bytes": "100", "page_max_quotes": "5", "page_max_seconds": "0.001"}[limit]
    result = newstrace("ingest", str(page), "--db", str(tmp_path / "t.db"), settings={limit: low})
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr
    assert f"newstrace: {page}: " in stderr and f"({limit})" in stderr, stderr
