"""The command line as users and outside evaluations run it: in a subprocess."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from .conftest import REPO

DOCUMENT_FIELDS = {
    "type": str, "id": str, "source": str, "sha256": str, "format": str, "site": (str, type(None)),
    "title": (str, type(None)), "title_language": (str, type(None)), "language": (str, type(None)),
    "author": (str, type(None)), "published": (str, type(None)), "published_text": (str, type(None)),
    "content_date": (str, type(None)), "content_date_basis": (str, type(None)),
    "republished": (bool, type(None)), "republished_from": (str, type(None)),
    "duplicate_of": (str, type(None)), "story_id": (str, type(None)), "body": str, "removed": list,
}  # fmt: skip


def newstrace(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None, settings: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the CLI; `settings` are given as NEWSTRACE_<NAME> environment variables."""
    env = {**os.environ, "NEWSTRACE_CONFIG": "/nonexistent/config.toml"}
    env.update({f"NEWSTRACE_{name.upper()}": value for name, value in (settings or {}).items()})
    return subprocess.run(
        [sys.executable, "-m", "newstrace", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )


def test_ingest_export_round_trip_with_every_document_field(corpus_dir, db_path, tmp_path) -> None:
    result = newstrace("ingest", str(corpus_dir), "--db", db_path)
    assert result.returncode == 0, result.stderr
    assert b"ingested 3 documents" in result.stdout
    out = tmp_path / "export.jsonl"
    assert newstrace("export", "--db", db_path, "--out", str(out)).returncode == 0
    documents = [json.loads(line) for line in out.read_text().splitlines() if '"type": "document"' in line]
    assert len(documents) == 3
    for doc in documents:
        for field, kind in DOCUMENT_FIELDS.items():
            assert isinstance(doc[field], kind), (field, doc[field])
        assert all(set(block) == {"text", "reason"} for block in doc["removed"])


def test_reingest_adds_nothing(corpus_dir, db_path) -> None:
    newstrace("ingest", str(corpus_dir), "--db", db_path)
    again = newstrace("ingest", str(corpus_dir), "--db", db_path, "--jobs", "2")
    assert again.returncode == 0
    assert b"ingested 0 documents" in again.stdout and b"3 already stored" in again.stdout


def test_bad_input_gives_one_line_exit_1_and_keeps_the_rest(corpus_dir, db_path, tmp_path) -> None:
    (corpus_dir / "broken.html").write_bytes(bytes(range(256)) * 8)
    (corpus_dir / "unknown.bin").write_bytes(b"\x00\xff" * 1000)
    result = newstrace("ingest", str(corpus_dir), str(tmp_path / "missing"), "--db", db_path)
    assert result.returncode == 1
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 3, errors
    assert not any("Traceback" in line for line in errors)
    assert any(
        line.endswith("broken.html: binary data, not text, HTML, JSON Lines, WARC or an archive")
        for line in errors
    )
    assert any("missing: no such file or folder" in line for line in errors)
    assert b"ingested 3 documents" in result.stdout


def test_stdin_is_read_with_a_dash(db_path) -> None:
    page = b"Lakeside Courier\n\nFerry returns to service\n\nThe lake ferry returned to service on Sunday after repairs to its engine.\n"
    result = newstrace("ingest", "-", "--db", db_path, stdin=page)
    assert result.returncode == 0, result.stderr
    assert b"ingested 1 documents" in result.stdout


def test_usage_errors_exit_2(db_path) -> None:
    assert newstrace("ingest").returncode == 2
    assert newstrace("ingest", "x", "--engine", "nosuch").returncode == 2
    assert newstrace("show", "no-such-id", "--db", db_path).returncode == 2
    assert newstrace("ingest", "x", "--jobs", "0", "--db", db_path).returncode == 2
    misplaced = newstrace("ingest", "x", "--parquet", "out", "--db", db_path)
    assert misplaced.returncode == 2 and b"--engine spark" in misplaced.stderr
    missing = newstrace("load", "no-such-folder", "--db", db_path)
    assert missing.returncode == 2
    assert missing.stderr.decode().count("\n") == 1 and "no processed dataset" in missing.stderr.decode()


def test_csv_and_parquet_hold_the_same_records(corpus_dir, db_path, tmp_path) -> None:
    newstrace("ingest", str(corpus_dir), "--db", db_path)
    newstrace("export", "--db", db_path, "--format", "jsonl", "--out", str(tmp_path / "e.jsonl"))
    newstrace("export", "--db", db_path, "--format", "csv", "--out", str(tmp_path / "e.csv"))
    newstrace("export", "--db", db_path, "--format", "parquet", "--out", str(tmp_path / "e.parquet"))
    jsonl = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in jsonl] == [r["id"] for r in table]
    assert [r["body"] for r in table if r["type"] == "document"] == [
        r["body"] for r in jsonl if r["type"] == "document"
    ]
    assert json.loads(rows[0]["removed"]) == jsonl[0]["removed"]


def test_show_prints_the_document_and_what_was_removed(corpus_dir, db_path, tmp_path) -> None:
    newstrace("ingest", str(corpus_dir), "--db", db_path)
    out = tmp_path / "e.jsonl"
    newstrace("export", "--db", db_path, "--out", str(out))
    doc = next(json.loads(line) for line in out.read_text().splitlines() if "Harbour strike" in line)
    shown = newstrace("show", doc["id"], "--db", db_path)
    assert shown.returncode == 0
    assert "Harbour strike ends after tenth day of talks" in shown.stdout.decode()
    assert "we got the nights back" in shown.stdout.decode()


def test_db_defaults_to_the_working_directory(corpus_dir, tmp_path) -> None:
    env_free = tmp_path / "work"
    env_free.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "newstrace", "ingest", str(corpus_dir)], cwd=env_free, capture_output=True, check=False,
        env={k: v for k, v in os.environ.items() if k != "NEWSTRACE_DB"} | {"NEWSTRACE_CONFIG": "/nonexistent"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (env_free / "newstrace.db").is_file()


@pytest.mark.skipif(not (REPO / "examples" / "corpus").is_dir(), reason="example corpus missing")
def test_demo_runs_on_the_bundled_examples() -> None:
    result = newstrace("demo")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Documents by site" in out and "Duplicates" in out
    assert "broken.html" in out  # the deliberately malformed example is reported


@pytest.mark.skipif(not (REPO.parent / "shared" / "seeds").is_dir(), reason="../shared/seeds not found")
def test_seeds_ingest_to_five_documents_with_every_field(db_path, tmp_path) -> None:
    result = newstrace("ingest", str(REPO.parent / "shared" / "seeds"), "--db", db_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "seeds.jsonl"
    newstrace("export", "--db", db_path, "--out", str(out))
    documents = [json.loads(line) for line in out.read_text().splitlines() if '"type": "document"' in line]
    assert len(documents) == 5
    for doc in documents:
        for field, kind in DOCUMENT_FIELDS.items():
            assert isinstance(doc[field], kind), (doc["source"], field, doc[field])


def test_quotes_can_be_cited_in_text_and_json(corpus_dir, db_path) -> None:
    (corpus_dir / "unnamed.txt").write_text(
        'Port fees to rise\n\n"This cannot go on," officials said on Monday about the fees.\n', encoding="utf-8"
    )
    assert newstrace("ingest", str(corpus_dir), "--db", db_path).returncode == 0
    text = newstrace("quotes", "--db", db_path, "--search", "nights").stdout.decode()
    assert "we got the nights back" in text and "Maren Okafor" in text
    assert "Harbour strike ends after tenth day of talks" in text  # the title
    assert "harbour.txt" in text and "document " in text  # where to find it
    lines = newstrace("quotes", "--db", db_path, "--format", "json").stdout.decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(set(r["citation"]) >= {"title", "site", "url", "source", "published"} for r in records)
    unnamed = next(r for r in records if "cannot go on" in r["text"])
    assert unnamed["speaker"] is None and unnamed["speaker_mention"] == "officials"
    shown = newstrace("show", unnamed["document_id"], "--db", db_path).stdout.decode()
    assert "'officials' (not resolved to a person)" in shown and "(unattributed)" not in shown
    as_json = json.loads(newstrace("show", unnamed["document_id"], "--db", db_path, "--format", "json").stdout)
    assert as_json["id"] == unnamed["document_id"] and as_json["quotes"][0]["speaker_mention"] == "officials"
    assert newstrace("quotes", "--db", db_path, "--limit", "0").returncode == 2


def test_library_warnings_stay_off_stderr(tmp_path) -> None:
    script = (
        "import warnings, sys\n"
        "from newstrace.logs import quiet_library_warnings\n"
        "quiet_library_warnings()\n"
        "warnings.warn('tzname EST identified but not understood', UserWarning)\n"
        "import logging; logging.getLogger('trafilatura').warning('a library complains')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True)
    assert result.returncode == 0 and result.stderr == b""


def test_serve_prints_its_address_and_answers_on_it(corpus_dir, db_path, tmp_path) -> None:
    import socket
    import time
    import urllib.request

    assert newstrace("ingest", str(corpus_dir), "--db", db_path).returncode == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NEWSTRACE_CONFIG": "/nonexistent/config.toml"}
    server = subprocess.Popen(
        [sys.executable, "-m", "newstrace", "serve", "--db", db_path, "--port", str(port)],
        stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        assert f"http://127.0.0.1:{port}/" in server.stdout.readline()
        deadline, answer = time.monotonic() + 30, None
        while answer is None and time.monotonic() < deadline:
            try:
                answer = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/counts", timeout=5).read())
            except OSError:
                time.sleep(0.2)
        assert answer and answer["documents"] > 0
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_usage_errors_exit_2(tmp_path) -> None:
    missing = newstrace("serve", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2 and missing.stderr.decode().count("\n") == 1
    assert "none.db" in missing.stderr.decode()
