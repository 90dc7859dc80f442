"""Does memory stay flat as the collection grows? Resident memory sampled through one long ingest.

    python benchmarks/memory.py [--documents 20000] [--every 2500] [--jobs 1] [--new-words 2] [--undated]

Input: short articles made of real sentences (the PolNeAR texts, split into
sentences and drawn four to six at a time with a fixed seed, so that they share
names, quotes and topics as a news stream does), written to a folder first. A
crawl never runs out of new words (names, places, typos), while these sentences
soon do: each article also names `--new-words` invented words seen nowhere else.
A crawl's pages state when they were published, and arrive roughly in that order:
each article has a dateline, `PER_DAY` articles a day, and one in twenty arrives
late (dated up to a month before its neighbours). `--undated` leaves the datelines
out: every article is then as old as every other, the worst case for story
clustering (see RESULTS.md).
One `newstrace ingest` runs over the folder into a fresh SQLite file; every
`--every` documents the resident memory (VmRSS) and its peak so far (VmHWM) of
the ingest's process, and with `--jobs N` of its largest worker, are read from
/proc. Flat means the resident memory at the end is about what it was after the
first samples: nothing held grows with the collection.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, machine_line


def _memory_mib(process: str = "self") -> tuple[float, float]:
    values = {"VmRSS": 0.0, "VmHWM": 0.0}
    try:
        status = Path(f"/proc/{process}/status").read_text()
    except OSError:  # a worker that has just ended
        return 0.0, 0.0
    for line in status.splitlines():
        name, _, value = line.partition(":")
        if name in values:
            values[name] = int(value.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def _largest_worker_mib() -> tuple[float, float]:
    workers = [_memory_mib(str(child.pid)) for child in multiprocessing.active_children()]
    return max(workers, default=(0.0, 0.0))


_SYLLABLES = ("ka", "ro", "vel", "mi", "tan", "so", "dre", "lu", "bar", "ze", "no", "quil", "fa", "ster", "i", "go")


def _invented_word(draw: random.Random) -> str:
    return "".join(draw.choice(_SYLLABLES) for _ in range(draw.randint(3, 4))).capitalize()


PER_DAY = 200
LATE_SHARE = 0.05


def _dateline(number: int, draw: random.Random) -> str:
    day = number // PER_DAY
    if draw.random() < LATE_SHARE:
        day = max(0, day - draw.randint(1, 30))
    return f"Published {(date(2020, 1, 1) + timedelta(days=day)).strftime('%B %-d, %Y')}\n\n"


def _articles(count: int, folder: Path, new_words: int = 0, dated: bool = True) -> None:
    root = data_dir("quotes", "polnear", "train", "text")
    if root is None:
        sys.exit("memory.py: ../shared/bench/quotes/polnear/train/text not found")
    sentences = [
        s.strip()
        for path in sorted(root.glob("*.txt"))
        for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", path.read_text(encoding="utf-8"))
        if 40 <= len(s.strip()) <= 400
    ]
    draw = random.Random(14)
    for number in range(count):
        body = "\n\n".join(draw.sample(sentences, draw.randint(4, 6)))
        if new_words:
            invented = " and ".join(_invented_word(draw) for _ in range(new_words))
            body += f"\n\nThe report also mentioned {invented}."
        dateline = _dateline(number, draw) if dated else ""
        (folder / f"{number:06}.txt").write_text(f"Report {number}\n\n{dateline}{body}\n", encoding="utf-8")


def article_folder(scratch: str, args: argparse.Namespace) -> Path:
    """The input folder, written under `scratch` from the shared flags (`--documents`, `--new-words`, `--undated`)."""
    folder = Path(scratch) / "in"
    folder.mkdir()
    _articles(args.documents, folder, args.new_words, dated=not args.undated)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--every", type=int, default=2500)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--new-words", type=int, default=2, help="invented words per article (a crawl's new names)")
    parser.add_argument("--undated", action="store_true", help="no datelines: the worst case for story clustering")
    args = parser.parse_args(argv)
    import newstrace

    print(f"memory.py: {machine_line()}; {args.documents} {'undated' if args.undated else 'dated'} articles of "
          f"4-6 real sentences and {args.new_words} invented words each, --jobs {args.jobs}", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        folder = article_folder(scratch, args)
        # (documents, seconds, ingest rss, ingest peak, largest worker rss, its peak)
        samples: list[tuple[int, float, float, float, float, float]] = []
        started = time.perf_counter()
        next_sample = args.every

        def sample(done: int) -> None:
            nonlocal next_sample
            if done >= next_sample:
                rss, peak = _memory_mib()
                worker_rss, worker_peak = _largest_worker_mib()
                samples.append((done, time.perf_counter() - started, rss, peak, worker_rss, worker_peak))
                workers = f"  worker rss {worker_rss:6.0f} MiB  peak {worker_peak:6.0f} MiB" if args.jobs > 1 else ""
                print(f"  {done:>7} documents  {samples[-1][1]:7.0f} s  rss {rss:6.0f} MiB  peak {peak:6.0f} MiB"
                      f"{workers}", flush=True)  # fmt: skip
                next_sample += args.every

        with newstrace.open(str(Path(scratch) / "m.db")) as collection:
            report = collection.ingest([str(folder)], jobs=args.jobs, on_progress=sample)
        rss, peak = _memory_mib()
        print(f"  done: {report.summary()}; {time.perf_counter() - started:.0f} s; rss {rss:.0f} MiB, "
              f"peak {peak:.0f} MiB", flush=True)  # fmt: skip
        if len(samples) >= 2:
            first, last = samples[0], samples[-1]
            columns = [("ingest process", 2)] + ([("largest worker", 4)] if args.jobs > 1 else [])
            for label, column in columns:
                growth = (last[column] - first[column]) / max(1, last[0] - first[0]) * 1000
                print(f"  {label}: resident memory from {first[0]} to {last[0]} documents: "
                      f"{first[column]:.0f} -> {last[column]:.0f} MiB ({growth:+.1f} MiB per 1,000 documents)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
