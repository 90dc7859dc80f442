"""How fast a laptop ingests: per-document stages alone, the whole pipeline, `--jobs 2`, memory.

    python benchmarks/throughput.py [--articles 840] [--html 181] [--repeat 3]

Each measurement runs in a fresh Python process (so its peak memory is its own):

  stages    the per-document stages alone (`analyse_page`, no store), in-process
  ingest-1  the whole `newstrace ingest` (store, linking included) with --jobs 1
  ingest-2  the same with --jobs 2 (worker processes, one writer)
  html      the whole ingest of the AEB pages with --jobs 1, against trafilatura's own
            `bare_extraction(with_metadata=True)` on the same pages in the same run
  spark-2   the whole ingest with --engine spark on local[2] (Spark's start, the models'
            loading in each worker, the Parquet dataset and its load into SQLite included),
            against ingest-2 on the same input
  ingest-pg the whole ingest into a PostgreSQL database (with --pg)

`--only spark-2,ingest-2` runs some of them; `--copies N` feeds every article N times
under new names with one changed word each (distinct bytes, so every copy is
processed), for larger inputs made of real text.

Data: the 840 real articles of ../shared/bench/quotes/polnear/train/text (about 720
words each) and the 181 AEB pages. Reported: documents per second (per core for the
single-process runs), the ratios the issue sets targets on, and peak RSS (MiB). With
`--repeat`, the median of the runs; ratios are the median of each run's own ratio.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, machine_line


def _texts(limit: int) -> list[Path]:
    root = data_dir("quotes", "polnear", "train", "text")
    if root is None:
        sys.exit("throughput.py: ../shared/bench/quotes/polnear/train/text not found")
    return sorted(root.glob("*.txt"))[:limit]


def _aeb(limit: int) -> list[Path]:
    root = data_dir("extraction", "aeb")
    if root is None:
        sys.exit("throughput.py: ../shared/bench/extraction/aeb not found")
    return sorted((root / "html").glob("*.html.gz"))[:limit]


# --- the measurements, each run as `throughput.py --measure NAME` in its own process -----


def measure_stages(paths: list[Path]) -> dict[str, float]:
    from newstrace.config import load_settings
    from newstrace.pipeline import analyse_page, build_pipeline

    pipeline = build_pipeline(load_settings())
    texts = [p.read_text(encoding="utf-8") for p in paths]
    analyse_page(texts[0], is_html=False, pipeline=pipeline)  # models loaded before the clock
    started = time.perf_counter()
    for text in texts:
        analyse_page(text, is_html=False, pipeline=pipeline)
    return {"seconds": time.perf_counter() - started, "documents": len(texts)}


def measure_ingest(
    paths: list[Path], jobs: int, pg: str | None = None, engine: str = "local", copies: int = 1
) -> dict[str, float]:
    """The whole ingest into a fresh SQLite file, or a fresh database on the `pg` server;
    then the time of two reads a user makes (a speaker's quotes, a word search)."""
    import newstrace

    with tempfile.TemporaryDirectory() as scratch, _fresh_database(pg) as pg_db:
        folder = Path(scratch) / "in"
        folder.mkdir()
        for path in paths:
            shutil.copy(path, folder / path.name)
        for copy in range(1, copies):
            for path in paths:
                # one changed word: other bytes, so the copy is processed like a new article
                text = path.read_text(encoding="utf-8", errors="replace").replace(" the ", f" the{copy} ", 1)
                (folder / f"copy{copy}-{path.name}").write_text(text, encoding="utf-8")
        with newstrace.open(pg_db or str(Path(scratch) / "t.db")) as collection:
            collection.ingest([str(folder / paths[0].name)], jobs=1)  # models loaded before the clock
            started = time.perf_counter()
            report = collection.ingest([str(folder)], jobs=jobs, engine=engine)
            seconds = time.perf_counter() - started
            started = time.perf_counter()
            for _ in range(20):
                collection.quotes(speaker="Trump")
                collection.quotes(search="tax plan")
            query_ms = (time.perf_counter() - started) / 40 * 1000
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "seconds": seconds, "documents": report.ingested + report.duplicates + 1,
        "children_mib": children, "query_ms": query_ms,
    }  # fmt: skip


@contextmanager
def _fresh_database(server: str | None) -> Iterator[str | None]:
    if server is None:
        yield None
        return
    import psycopg

    name = f"newstrace_bench_{os.getpid()}"
    admin = psycopg.conninfo.make_conninfo(server, dbname="postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def measure_trafilatura(paths: list[Path]) -> dict[str, float]:
    import trafilatura

    pages = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in paths]
    started = time.perf_counter()
    for page in pages:
        trafilatura.bare_extraction(page, with_metadata=True)
    return {"seconds": time.perf_counter() - started, "documents": len(pages)}


def _run(name: str, args: argparse.Namespace) -> dict[str, float]:
    command = [
        sys.executable, __file__, "--measure", name, "--articles", str(args.articles), "--html", str(args.html),
        "--copies", str(args.copies),
    ]  # fmt: skip
    if args.pg:
        command += ["--pg", args.pg]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _measure(name: str, args: argparse.Namespace) -> None:
    texts, pages = _texts(args.articles), _aeb(args.html)
    result = {
        "stages": lambda: measure_stages(texts),
        "ingest-1": lambda: measure_ingest(texts, 1, copies=args.copies),
        "ingest-2": lambda: measure_ingest(texts, 2, copies=args.copies),
        "spark-2": lambda: measure_ingest(texts, 2, engine="spark", copies=args.copies),
        "ingest-pg": lambda: measure_ingest(texts, 1, args.pg, copies=args.copies),
        "html": lambda: measure_ingest(pages, 1),
        "trafilatura": lambda: measure_trafilatura(pages),
    }[name]()
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=840)
    parser.add_argument("--html", type=int, default=181)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--pg", default=os.environ.get("NEWSTRACE_TEST_PG"),
        help="a PostgreSQL server URL (default $NEWSTRACE_TEST_PG): the ingest is also timed there",
    )  # fmt: skip
    parser.add_argument("--copies", type=int, default=1, help="each article this many times (distinct bytes)")
    parser.add_argument("--only", help="comma-separated measurements (default: all but spark-2)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        _measure(args.measure, args)
        return 0
    print(f"throughput.py: {machine_line()}; {args.articles} PolNeAR articles x {args.copies}, "
          f"{args.html} AEB pages, {args.repeat} runs (medians)", flush=True)  # fmt: skip
    names = ("stages", "ingest-1", "ingest-2", "trafilatura", "html", *(("ingest-pg",) if args.pg else ()))
    if args.only:
        names = tuple(args.only.split(","))
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    for repetition in range(args.repeat):
        for name in names:  # alternating, so that a noisy minute hits every measurement alike
            runs[name].append(_run(name, args))
            last = runs[name][-1]
            print(f"  run {repetition + 1} {name}: {last['documents'] / last['seconds']:.1f} docs/s, "
                  f"peak {last['peak_mib']:.0f} MiB", flush=True)  # fmt: skip

    def rate(name: str) -> float:
        return statistics.median(r["documents"] / r["seconds"] for r in runs[name])

    def paired(faster: str, slower: str) -> float:
        # the median of per-run ratios: each run's two measurements shared the same minute of noise
        return statistics.median(
            (a["documents"] / a["seconds"]) / (b["documents"] / b["seconds"])
            for a, b in zip(runs[faster], runs[slower], strict=True)
        )

    def query(name: str) -> float:
        return statistics.median(r["query_ms"] for r in runs[name])

    def peak(name: str) -> float:
        return statistics.median(max(r["peak_mib"], r.get("children_mib", 0)) for r in runs[name])

    # (label, the measurements it needs, its value, the target)
    rows: list[tuple[str, tuple[str, ...], Callable[[], str], str]] = [
        ("per-document stages, text (docs/s per core)", ("stages",), lambda: f"{rate('stages'):.1f}", ">= 20"),
        ("whole ingest --jobs 1, text (docs/s per core)", ("ingest-1",), lambda: f"{rate('ingest-1'):.1f}", ""),
        ("whole ingest / stages alone (time ratio)", ("stages", "ingest-1"),
         lambda: f"{paired('stages', 'ingest-1'):.2f}", "<= 1.3"),
        ("--jobs 2 speed-up over --jobs 1", ("ingest-1", "ingest-2"),
         lambda: f"{paired('ingest-2', 'ingest-1'):.2f}", ">= 1.7"),
        ("whole ingest --jobs 2, text (docs/s)", ("ingest-2",), lambda: f"{rate('ingest-2'):.1f}", ""),
        ("Spark local[2] whole ingest, text (docs/s)", ("spark-2",), lambda: f"{rate('spark-2'):.1f}", ""),
        ("in-process --jobs 2 / Spark local[2] (time ratio)", ("ingest-2", "spark-2"),
         lambda: f"{paired('ingest-2', 'spark-2'):.2f}", "<= 1.5"),
        ("whole ingest --jobs 1, AEB HTML (docs/s)", ("html",), lambda: f"{rate('html'):.1f}", ""),
        ("trafilatura with metadata, AEB (docs/s)", ("trafilatura",), lambda: f"{rate('trafilatura'):.1f}", ""),
        ("whole HTML ingest / trafilatura (time ratio)", ("html", "trafilatura"),
         lambda: f"{paired('trafilatura', 'html'):.2f}", "<= 2"),
        ("peak RSS, ingest --jobs 1 (MiB)", ("ingest-1",), lambda: f"{peak('ingest-1'):.0f}", ""),
        ("whole ingest --jobs 1 into PostgreSQL (docs/s)", ("ingest-pg",), lambda: f"{rate('ingest-pg'):.1f}", ""),
        ("PostgreSQL ingest time / SQLite's", ("ingest-1", "ingest-pg"),
         lambda: f"{paired('ingest-1', 'ingest-pg'):.2f}", ""),
        ("query ms (speaker; words), SQLite", ("ingest-1",), lambda: f"{query('ingest-1'):.1f}", ""),
        ("query ms (speaker; words), PostgreSQL", ("ingest-pg",), lambda: f"{query('ingest-pg'):.1f}", ""),
        ("peak RSS, ingest --jobs 2, largest process (MiB)", ("ingest-2",), lambda: f"{peak('ingest-2'):.0f}", ""),
        ("peak RSS, Spark driver (MiB)", ("spark-2",), lambda: f"{peak('spark-2'):.0f}", ""),
    ]  # fmt: skip
    print(f"\n  {'measure':<48} {'value':>10}  target")
    for label, needed, value, target in rows:
        if all(name in runs for name in needed):
            print(f"  {label:<48} {value():>10}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
