"""Readers during an ingest: do `serve`, the Python API, `quotes` and `export` keep answering?

    python benchmarks/concurrency.py [--documents 2000] [--interval 0.1]

Input: real PolNeAR articles (each used up to three times, with one word changed so
that every copy is its own document) until --documents. A small first ingest makes the
collection; then one `newstrace ingest` of the rest runs in a child process while the
readers of `tests/concurrent_readers.py` hit the same store every --interval seconds:
the Python API, `serve`'s JSON API and pages over HTTP, and the CLI's `quotes` and
`export`, one after another. Reported: reads of each kind, errors (the target is zero),
the slowest read of each kind, and a second ingest started meanwhile (it must be
refused with one line).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import data_dir, machine_line
from tests.concurrent_readers import Readers


def _articles(count: int, folder: Path) -> list[Path]:
    root = data_dir("quotes", "polnear", "train", "text")
    if root is None:
        sys.exit("concurrency.py: ../shared/bench/quotes/polnear/train/text not found")
    sources = sorted(root.glob("*.txt"))
    written = []
    for number in range(count):
        source = sources[number % len(sources)]
        text = source.read_text(encoding="utf-8")
        copy = number // len(sources)
        if copy:
            text = text.replace(" the ", f" the{copy} ", 1)
        path = folder / f"{number:05}-{source.name}"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--interval", type=float, default=0.1)
    args = parser.parse_args(argv)
    env = {**os.environ, "NEWSTRACE_CONFIG": "/nonexistent/config.toml"}
    print(f"concurrency.py: {machine_line()}; ingest of {args.documents} real articles, readers every "
          f"{args.interval} s", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        first, rest = root / "first", root / "rest"
        first.mkdir()
        rest.mkdir()
        paths = _articles(args.documents, rest)
        paths[0].rename(first / paths[0].name)
        db = str(root / "news.db")
        subprocess.run([sys.executable, "-m", "newstrace", "ingest", str(first), "--db", db], env=env, check=True,
                       capture_output=True)  # fmt: skip
        started = time.perf_counter()
        ingest = subprocess.Popen(
            [sys.executable, "-m", "newstrace", "ingest", str(rest), "--db", db],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        with Readers(db, interval=args.interval) as log:
            time.sleep(5)
            second = subprocess.run(
                [sys.executable, "-m", "newstrace", "ingest", str(first), "--db", db],
                capture_output=True, text=True, env=env, check=False,
            )  # fmt: skip
            _, ingest_errors = ingest.communicate()
        seconds = time.perf_counter() - started
        print(f"  ingest: exit status {ingest.returncode}, {seconds:.0f} s ({args.documents / seconds:.1f} docs/s "
              f"with the readers running)")  # fmt: skip
        if ingest_errors.strip():
            print(f"  ingest stderr: {ingest_errors.strip()[:500]}")
        print(f"  second ingest meanwhile: exit status {second.returncode}: {second.stderr.strip()}")
        for kind in sorted(log.reads):
            print(f"  {kind:<12} {log.reads[kind]:>6} reads, slowest {log.slowest_ms[kind]:8.0f} ms")
        print(f"  errors: {len(log.errors)} (target 0)")
        for error in log.errors[:20]:
            print(f"    {error[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
