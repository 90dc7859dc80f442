"""Issue 2's ingest target: every AEB page, a WARC and a JSON Lines file, then again.

    python benchmarks/ingest.py [--jobs N]

Builds, in a temporary folder, a WARC holding 40 of the AEB pages (as HTTP
responses, the way a crawler stores them) and a JSON Lines file holding 40
others (as `html` records with their URLs), then runs the CLI over the 181
`.html.gz` pages, the WARC and the JSON Lines file; then once more. Reports
documents ingested, rejections, the second run's additions (must be 0),
throughput, and the peak memory of the parent process (workers come on top).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).parent))
from _common import data_dir, machine_line

PAGES_IN_WARC = 40
PAGES_IN_JSONL = 40
_SUMMARY = re.compile(r"ingested (\d+) documents, (\d+) duplicates, (\d+) already stored, (\d+) rejected")


def build_inputs(aeb: Path, scratch: Path) -> tuple[Path, Path]:
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((aeb / "html").glob("*.html.gz"))
    warc_path, jsonl_path = scratch / "crawl.warc.gz", scratch / "articles.jsonl"
    with warc_path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for page in pages[:PAGES_IN_WARC]:
            page_id = page.name.removesuffix(".html.gz")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                truth[page_id]["url"], "response", payload=io.BytesIO(gzip.decompress(page.read_bytes())),
                http_headers=headers,
            )  # fmt: skip
            writer.write_record(record)
    with jsonl_path.open("w", encoding="utf-8") as stream:
        for page in pages[PAGES_IN_WARC : PAGES_IN_WARC + PAGES_IN_JSONL]:
            page_id = page.name.removesuffix(".html.gz")
            html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
            stream.write(json.dumps({"url": truth[page_id]["url"], "html": html}) + "\n")
    return warc_path, jsonl_path


def run_cli(args: list[str]) -> tuple[subprocess.CompletedProcess, float, float]:
    """The CLI's result, wall seconds, and the child's peak RSS in MiB."""
    started = time.perf_counter()
    wrapped = [sys.executable, "-c", (
        "import resource, sys, runpy; sys.argv = ['newstrace'] + sys.argv[1:]\n"
        "try:\n    runpy.run_module('newstrace', run_name='__main__')\n"
        "finally:\n    print('peak_rss_kib', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"
    ), *args]  # fmt: skip
    result = subprocess.run(wrapped, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    peak = re.search(r"peak_rss_kib (\d+)", result.stderr)
    return result, seconds, int(peak.group(1)) / 1024 if peak else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    aeb = data_dir("extraction", "aeb")
    if aeb is None:
        return 0
    with tempfile.TemporaryDirectory(prefix="newstrace-ingest-") as folder:
        scratch = Path(folder)
        warc, jsonl = build_inputs(aeb, scratch)
        db = str(scratch / "bench.db")
        inputs = [str(aeb / "html"), str(warc), str(jsonl)]
        print(machine_line())
        print(
            f"inputs: 181 AEB .html.gz pages, a WARC of {PAGES_IN_WARC} of them, a JSON Lines file of {PAGES_IN_JSONL}"
        )
        print(
            f"{'run':8s} {'exit':>4s} {'ingested':>8s} {'dupl.':>6s} {'already':>7s} {'rejected':>8s} {'seconds':>8s} {'docs/s':>7s} {'parent MiB':>10s}"
        )
        for run in ("first", "again"):
            result, seconds, peak = run_cli(["ingest", *inputs, "--db", db, "--jobs", str(args.jobs)])
            summary = _SUMMARY.search(result.stdout)
            if summary is None:
                print(f"{run}: no summary line; exit {result.returncode}\n{result.stderr[-2000:]}")
                return 1
            ingested, duplicates, already, rejected = map(int, summary.groups())
            rate = (ingested + already) / seconds
            print(
                f"{run:8s} {result.returncode:4d} {ingested:8d} {duplicates:6d} {already:7d} {rejected:8d} {seconds:8.1f} {rate:7.1f} {peak:10.0f}"
            )
            for line in result.stderr.splitlines():
                if not line.startswith("peak_rss_kib"):
                    print(f"  stderr: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
