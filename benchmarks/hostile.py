"""Hostile inputs: does a batch of broken and hostile files finish, within its limits?

    python benchmarks/hostile.py [--jobs 1]

Input: the folder `tests/hostile_inputs.py` writes (a 30 MB line, a gzip and a zip
that inflate to 1 GiB, HTML nested 100,000 deep, 50,000 quotation marks, broken
encodings, NULs, lone surrogates, link loops, escaping archive members, a truncated
WARC, malformed JSON Lines, good pages among them), plus 200 real PolNeAR articles
when ../shared has them, so that the good work is large enough to notice a loss.

One `newstrace ingest` runs over it in a child process; reported: wall time, the
child's peak resident memory, whether a traceback appeared, which expected outcomes
were missed, and whether any file appeared outside the store.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import data_dir, machine_line
from tests.hostile_inputs import write_hostile_inputs


def _files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if not path.is_symlink()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        inputs = root / "inputs"
        expected = write_hostile_inputs(inputs)
        real = data_dir("quotes", "polnear", "train", "text")
        articles = sorted(real.glob("*.txt"))[: args.articles] if real else []
        for path in articles:
            shutil.copy(path, inputs / f"real-{path.name}")
        store, work = root / "store" / "news.db", root / "cwd"
        work.mkdir()
        before = _files(root) | _files(Path.cwd())
        print(f"hostile.py: {machine_line()}; {len(expected)} hostile or broken inputs + {len(articles)} real "
              f"articles, --jobs {args.jobs}", flush=True)  # fmt: skip
        env = {**os.environ, "NEWSTRACE_CONFIG": "/nonexistent/config.toml"}
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "newstrace", "ingest", str(inputs), "--db", str(store), "--jobs", str(args.jobs)],
            capture_output=True, text=True, cwd=work, env=env, check=False,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        stderr = result.stderr
        exported = subprocess.run(
            [sys.executable, "-m", "newstrace", "export", "--db", str(store)],
            capture_output=True, text=True, env=env, check=True,
        ).stdout.splitlines()  # fmt: skip
        documents = [r for r in map(json.loads, exported) if r["type"] == "document"]
        problems = [line for line in stderr.splitlines() if line.startswith("newstrace: ")]
        missed = [
            name for name, outcome in expected.items()
            if outcome.rejected_source and not any(
                outcome.rejected_source in line and outcome.reason in line for line in problems
            )
        ]  # fmt: skip
        wanted = sum(outcome.stored for outcome in expected.values()) + len(articles)
        created = {p for p in _files(root) - before if store.parent != p and store.parent not in p.parents}
        created |= _files(Path.cwd()) - before
        print(
            f"  exit status {result.returncode}; {seconds:.0f} s; peak resident memory {peak:.0f} MiB (target < 2048)"
        )
        print(
            f"  traceback or internal error: {'YES' if 'Traceback' in stderr or 'internal error' in stderr else 'none'}"
        )
        print(f"  documents stored {len(documents)} of {wanted} good ones; rejection lines {len(problems)}")
        print(f"  expected rejections missed: {missed or 'none'}")
        print(f"  files written outside the store: {sorted(map(str, created)) or 'none'}")
        for line in problems:
            print(f"    {line[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
