"""Readers that hit a store while an ingest writes to it, counting every failed read.

Used by `tests/test_concurrent_use.py` and `benchmarks/concurrency.py`. Three kinds of
reader, as users run them: the Python API (quotes, a word search, a document) every
`interval` seconds; `serve`'s JSON API over HTTP every `interval` seconds; and the CLI's
`quotes` and `export` commands, one after another, each in its own process.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field


@dataclass
class ReadLog:
    reads: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    slowest_ms: dict[str, float] = field(default_factory=dict)

    def record(self, kind: str, started: float, error: str | None = None) -> None:
        self.reads[kind] = self.reads.get(kind, 0) + 1
        elapsed = (time.perf_counter() - started) * 1000
        self.slowest_ms[kind] = max(self.slowest_ms.get(kind, 0.0), elapsed)
        if error:
            self.errors.append(f"{kind}: {error}")


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSTRACE_CONFIG": "/nonexistent/config.toml"}
    return subprocess.run(
        [sys.executable, "-m", "newstrace", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Readers:
    """`with Readers(db) as log:` reads `db` until the block ends; the log holds the outcome.
    `db` must hold a collection already (`serve` refuses to start on nothing)."""

    def __init__(self, db: str, interval: float = 0.1):
        self.db, self.interval = db, interval
        self.log = ReadLog()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server: subprocess.Popen | None = None
        self._port = free_port()

    def __enter__(self) -> ReadLog:
        env = {**os.environ, "NEWSTRACE_CONFIG": "/nonexistent/config.toml"}
        self._server = subprocess.Popen(
            [sys.executable, "-m", "newstrace", "serve", "--db", self.db, "--port", str(self._port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        )  # fmt: skip
        self._wait_for_server()
        for loop in (self._library, self._http, self._commands):
            thread = threading.Thread(target=loop, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self.log

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=600)
        assert self._server is not None
        self._server.terminate()
        self._server.wait(timeout=30)

    def _wait_for_server(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self._port}/api/counts", timeout=5).read()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("serve did not answer within 60 s")

    def _library(self) -> None:
        import newstrace

        with newstrace.open(self.db) as collection:
            while not self._stop.wait(self.interval):
                started = time.perf_counter()
                try:
                    quotes = collection.quotes(limit=20)
                    collection.search("said", limit=5)
                    if quotes:
                        collection.document(quotes[0].document_id)
                    self.log.record("library", started)
                except Exception as error:  # every failure is what this counts
                    self.log.record("library", started, f"{type(error).__name__}: {error}")

    def _http(self) -> None:
        base = f"http://127.0.0.1:{self._port}"
        paths = ["/api/quotes?limit=20", "/api/counts", "/api/stories", "/"]
        turn = 0
        while not self._stop.wait(self.interval):
            path = paths[turn % len(paths)]
            turn += 1
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    body = response.read()
                    if path.startswith("/api/"):
                        json.loads(body)
                self.log.record("http", started)
            except urllib.error.HTTPError as error:
                self.log.record("http", started, f"{path} answered {error.code}")
            except Exception as error:
                self.log.record("http", started, f"{path}: {type(error).__name__}: {error}")

    def _commands(self) -> None:
        turn = 0
        while not self._stop.wait(self.interval):
            args = (("quotes", "--limit", "5", "--db", self.db), ("export", "--db", self.db))[turn % 2]
            turn += 1
            started = time.perf_counter()
            result = _cli(*args)
            problem = None
            if result.returncode != 0:
                problem = f"{args[0]} exited {result.returncode}: {result.stderr.strip()[-300:]}"
            elif args[0] == "export":
                lines = result.stdout.splitlines()
                if not lines or any(not line.startswith("{") for line in lines):
                    problem = "export wrote no records or a broken line"
            self.log.record(f"cli {args[0]}", started, problem)
