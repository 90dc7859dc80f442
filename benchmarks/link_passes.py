"""Does linking keep its pace as the collection grows? Storing and linking alone, timed per window.

    python benchmarks/link_passes.py [--documents 20000] [--every 2000] [--undated] [--processed DIR]

Input: the articles of `memory.py` (4-6 real PolNeAR sentences drawn with a fixed
seed, two invented words, a dateline unless `--undated`). They are processed once
by the per-document stages (two worker processes) and written as a processed
dataset, the Parquet rows `ingest --engine spark` writes. `Collection.load` then
stores and links them into a fresh SQLite file, and only that is timed: for every
`--every` documents, the seconds they took and the loading process's resident
memory. A link pass whose work grows with the collection shows as windows that
take longer and longer; flat windows mean a pass costs the same per document
however large the collection is. At the end: each collection stage's seconds over
the whole load, and the work counters of the passes. `--processed DIR` keeps the
processed dataset in DIR, and a later run given the same DIR loads it again without
processing (to compare two versions of the linking on the same rows).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine_line
from memory import _memory_mib, article_folder

ROWS_PER_WRITE = 256


def _write_processed(folder: Path, out: Path, jobs: int) -> int:
    """Process every page under `folder` and write the processed dataset to `out`; returns the documents."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newstrace.config import load_settings
    from newstrace.model import Document
    from newstrace.read import read_inputs
    from newstrace.read.limits import ReadLimits
    from newstrace.run import make_executor
    from newstrace.spark.records import COLUMNS, document_row

    types = {"string": pa.string(), "long": pa.int64(), "boolean": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS.items()])
    settings = load_settings().with_overrides(jobs=jobs)
    executor = make_executor(settings)
    out.mkdir()
    written, rows = 0, []
    with pq.ParquetWriter(out / "part-00000.parquet", schema) as writer:

        def flush() -> None:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            rows.clear()

        try:
            for number, item in enumerate(executor.map(read_inputs([str(folder)], ReadLimits.from_settings(settings)))):
                if isinstance(item, Document):
                    rows.append(document_row(item, (number, 0), 0))
                    written += 1
                    if len(rows) >= ROWS_PER_WRITE:
                        flush()
        finally:
            executor.close()
        if rows:
            flush()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--every", type=int, default=2000)
    parser.add_argument("--new-words", type=int, default=2)
    parser.add_argument("--undated", action="store_true", help="no datelines: the worst case for story clustering")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the (untimed) processing")
    parser.add_argument("--processed", type=Path, help="where the processed dataset is kept; reused if already there")
    args = parser.parse_args(argv)
    import newstrace
    from newstrace.config import load_settings

    batch = load_settings().store_batch
    if args.every % batch:
        parser.error(f"--every must be a multiple of store_batch ({batch}): documents are stored a batch at a time")

    print(f"link_passes.py: {machine_line()}; {args.documents} {'undated' if args.undated else 'dated'} "
          f"articles, storing and linking alone (Collection.load)", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        processed = args.processed or Path(scratch) / "processed"
        if processed.exists():
            print(f"  processed documents read from {processed} (--processed; not made again)", flush=True)
        else:
            folder = article_folder(scratch, args)
            started = time.perf_counter()
            count = _write_processed(folder, processed, args.jobs)
            print(f"  processed {count} documents in {time.perf_counter() - started:.0f} s (not timed below)", flush=True)

        windows: list[float] = []
        window_started = time.perf_counter()
        next_sample = args.every

        def sample(done: int) -> None:
            nonlocal next_sample, window_started
            if done >= next_sample:
                now = time.perf_counter()
                windows.append(now - window_started)
                rss, _ = _memory_mib()
                print(f"  {done:>7} documents  window {windows[-1]:6.1f} s  "
                      f"({args.every / windows[-1]:5.1f} docs/s)  rss {rss:6.0f} MiB", flush=True)  # fmt: skip
                window_started, next_sample = now, next_sample + args.every

        with newstrace.open(str(Path(scratch) / "linked.db")) as collection:
            report = collection.load(processed, on_progress=sample)
        link = report.link
        stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in link.seconds.items())
        print(f"  done: {report.summary()}")
        print(f"  collection stages over the whole load: {stages}")
        print(f"  work: {link.story_candidates} story candidates, {link.stories_compared} stories compared, "
              f"{link.quotes_compared} quotations compared, {link.duplicate_candidates} duplicate candidates, "
              f"{link.profiles_decoded} profiles decoded, {link.documents_read} documents read whole, "
              f"{link.link_fields_read} read for their link fields only")  # fmt: skip
        if len(windows) >= 4:
            half = len(windows) // 2
            early, late = statistics.median_high(windows[1:half]), statistics.median_high(windows[half:])
            print(f"  median window, first half (after the first) {early:.1f} s, second half {late:.1f} s: "
                  f"x{late / early:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
