"""Helpers shared by the benchmark scripts: finding the data, reading pages,
running newstrace next to a peer library, timing, and printing.

The evaluation data is never part of the repository (see ../shared/bench/README.md):
it is found at `<repo>/../shared/bench`, or wherever `$NEWSTRACE_BENCH` points.
"""

from __future__ import annotations

import gc
import json
import math
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def bench_root() -> Path:
    explicit = os.environ.get("NEWSTRACE_BENCH")
    return Path(explicit) if explicit else REPO.parent / "shared" / "bench"


def data_dir(*parts: str) -> Path | None:
    """The benchmark folder, or None (with a printed reason) when it is absent."""
    path = bench_root().joinpath(*parts)
    if not path.is_dir():
        print(f"skipped: {'/'.join(parts)} not found at {path} (set NEWSTRACE_BENCH)")
        return None
    return path


def read_page(path: Path) -> str:
    """Raw page bytes -> text, the same way for every system under test.

    trafilatura's own `decode_file` gunzips, takes valid UTF-8 as is and
    otherwise guesses the charset, which is what trafilatura and htmldate do
    when their upstream evaluations hand them bytes. Only a handful of the
    pages (7 of trafilatura-eval, 1 of htmldate-dev) are not UTF-8.
    """
    from trafilatura.utils import decode_file

    return decode_file(path.read_bytes())


# --- newstrace -------------------------------------------------------------

# analyse(html, source, url) -> newstrace Document
Analyse = Callable[[str, str, Any], Any]


def load_newstrace() -> tuple[Analyse | None, str | None]:
    """newstrace's `analyse_page` bound to a built pipeline, or why it cannot run.

    Prefers the checkout's `src/` over any installed copy, so that the
    benchmark measures the code next to it.
    """
    src = str(REPO / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    try:
        from newstrace.config import load_settings
        from newstrace.pipeline import analyse_page, build_pipeline

        pipeline = build_pipeline(load_settings())
    except Exception as error:  # noqa: BLE001 -- any import or build failure: the arm cannot run yet
        return None, f"{type(error).__name__}: {error}"

    def analyse(html: str, source: str, url: str | None) -> Any:
        return analyse_page(
            html,
            is_html=True,
            source=source,
            given={"url": url} if url else None,
            pipeline=pipeline,
        )

    return analyse, None


# --- running and timing ----------------------------------------------------


@dataclass
class ArmRun:
    """What one system produced on one set: outputs of the first pass, the
    wall time of every pass, and the pages on which it raised."""

    name: str
    outputs: list[Any] = field(default_factory=list)
    pass_seconds: list[float] = field(default_factory=list)
    failures: dict[int, str] = field(default_factory=dict)

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.pass_seconds) if self.pass_seconds else float("nan")

    def pages_per_second(self, pages: int) -> float:
        return pages / self.median_seconds if self.pass_seconds else float("nan")


def reset_library_caches() -> None:
    """Empty trafilatura's, htmldate's and courlan's LRU caches (and collect garbage),
    so that no pass profits from a previous pass over the same pages."""
    try:
        from trafilatura.meta import reset_caches

        reset_caches()
    except ImportError:
        from htmldate.meta import reset_caches as reset_htmldate

        reset_htmldate()
    gc.collect()


def run_arms(
    arms: dict[str, Callable[[Any], Any]], items: Sequence[Any], repeat: int, label: str = ""
) -> dict[str, ArmRun]:
    """Run every arm over all items, `repeat` times, one whole pass at a time.

    Each arm is warmed up on the first item; each pass starts with empty
    library caches; the order of the arms alternates from one repetition to
    the next, so neither always runs on a warmer machine. Outputs are kept from the first pass (the systems are
    deterministic). An exception fails that page for that arm, with its
    message, and the benchmark goes on; its output is None.
    """
    runs = {name: ArmRun(name) for name in arms}
    names = list(arms)
    # One untimed call each first, so that lazy imports and one-off set-up
    # (compiled patterns, language data) are not charged to the first pass.
    for fn in arms.values():
        try:
            fn(items[0])
        except Exception:  # noqa: BLE001, S110 -- recorded when the timed pass meets it
            pass
    for rep in range(repeat):
        order = names if rep % 2 == 0 else names[::-1]
        for name in order:
            fn, run = arms[name], runs[name]
            reset_library_caches()
            total = 0.0
            for index, item in enumerate(items):
                start = time.perf_counter()
                try:
                    result = fn(item)
                except Exception as error:  # noqa: BLE001 -- a failed page, counted; the run goes on
                    result = None
                    if rep == 0:
                        run.failures[index] = f"{type(error).__name__}: {error}"[:300]
                total += time.perf_counter() - start
                if rep == 0:
                    run.outputs.append(result)
            run.pass_seconds.append(total)
            print(
                f"  {label} pass {rep + 1}/{repeat} {name}: {total:.1f} s"
                f" ({len(items) / total if total else float('nan'):.1f} pages/s)",
                file=sys.stderr,
                flush=True,
            )
    return runs


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine_line() -> str:
    try:
        with open("/proc/meminfo") as meminfo:
            total_kib = int(meminfo.readline().split()[1])
        memory = f"{total_kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        memory = "? GiB"
    return (
        f"{os.cpu_count()} cores (nproc), {memory} RAM, Python {platform.python_version()},"
        f" {platform.system()} {platform.release()}"
    )


def library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("trafilatura", "htmldate", "lxml", "charset-normalizer"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "absent"
    return found


# --- printing --------------------------------------------------------------


def fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else f"{value:.{digits}f}"
    return str(value)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[fmt(cell) for cell in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths)))
    print(line)
    print("-" * len(line))
    for row in cells:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))


def print_failures(run: ArmRun, names: Sequence[str], show: int = 5) -> None:
    if not run.failures:
        return
    print(f"  {run.name}: {len(run.failures)} page(s) raised; first {min(show, len(run.failures))}:")
    for index, message in list(run.failures.items())[:show]:
        print(f"    {names[index]}: {message}")


def write_json(path: str, payload: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(payload, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    print(f"wrote {path}")
