"""Do the stores and engines give the same collection? SQLite in-process against PostgreSQL and Spark.

    python benchmarks/engines_agree.py [--articles 840] [--html 160] [--pg URL]

Input: the bundled example corpus, the seeds, and real articles (the PolNeAR
texts and AEB HTML pages; 840 + 160 = 1,000 by default). Each run ingests the
same input into an empty collection:

  sqlite    in-process, --jobs 2, into a SQLite file (the reference)
  postgres  in-process, --jobs 2, into a fresh PostgreSQL database (with --pg or $NEWSTRACE_TEST_PG)
  spark     --engine spark on local[2], into a SQLite file

and exports it as JSON Lines. The exports must be equal byte for byte: the same
ids, documents, quotes, speakers, stories and families. Reported: each run's
record counts by type, its time, and whether its export equals the reference
(with the first differing record where not).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, machine_line
from throughput import _fresh_database


def _inputs(folder: Path, articles: int, html: int) -> list[str]:
    from newstrace.examples import example_corpus

    texts = data_dir("quotes", "polnear", "train", "text")
    pages = data_dir("extraction", "aeb")
    seeds = data_dir("..", "seeds")
    if texts is None or pages is None:
        sys.exit("engines_agree.py: ../shared/bench (PolNeAR texts, AEB pages) not found")
    real = folder / "real"
    real.mkdir()
    for path in sorted(texts.glob("*.txt"))[:articles]:
        shutil.copy(path, real / path.name)
    for path in sorted((pages / "html").glob("*.html.gz"))[:html]:
        shutil.copy(path, real / path.name)
    return [str(example_corpus()), *([str(seeds)] if seeds else []), str(real)]


def _run(name: str, db: str, inputs: list[str], out: Path) -> dict:
    import newstrace

    started = time.perf_counter()
    with newstrace.open(db) as collection:
        report = collection.ingest(inputs, jobs=2, engine="spark" if name == "spark" else "local")
        seconds = time.perf_counter() - started
        collection.export(out)
    counts = collections.Counter(json.loads(line)["type"] for line in out.open(encoding="utf-8"))
    return {"seconds": seconds, "counts": dict(sorted(counts.items())), "report": report.summary()}


def _first_difference(a: Path, b: Path) -> str:
    with a.open(encoding="utf-8") as left, b.open(encoding="utf-8") as right:
        for number, (x, y) in enumerate(zip(left, right, strict=False), start=1):
            if x != y:
                return f"line {number}: {x[:160].strip()} | {y[:160].strip()}"
    return "one export is longer than the other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=840)
    parser.add_argument("--html", type=int, default=160)
    parser.add_argument("--pg", default=os.environ.get("NEWSTRACE_TEST_PG"))
    args = parser.parse_args(argv)
    print(f"engines_agree.py: {machine_line()}; example corpus + seeds + {args.articles} PolNeAR articles "
          f"+ {args.html} AEB pages", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch, _fresh_database(args.pg) as pg_db:
        folder = Path(scratch)
        inputs = _inputs(folder, args.articles, args.html)
        runs = {"sqlite": str(folder / "sqlite.db"), "spark": str(folder / "spark.db")}
        if pg_db:
            runs["postgres"] = pg_db
        else:
            print("  (no PostgreSQL server given: --pg or $NEWSTRACE_TEST_PG; that run is skipped)")
        exports = {}
        agree = True
        for name, db in runs.items():
            exports[name] = folder / f"{name}.jsonl"
            result = _run(name, db, inputs, exports[name])
            same = name == "sqlite" or exports[name].read_bytes() == exports["sqlite"].read_bytes()
            agree &= same
            print(f"  {name:<9} {result['seconds']:7.1f} s  {result['report']}")
            print(f"            records {result['counts']}")
            if name != "sqlite":
                verdict = "equal, byte for byte" if same else "DIFFERENT: " + _first_difference(
                    exports["sqlite"], exports[name]
                )
                print(f"            export against SQLite in-process: {verdict}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
