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


class _TimedStage:
    """A pipeline stage that adds its wall time to a shared tally."""

    def __init__(self, stage: Any, seconds: dict[str, float]):
        self.stage, self.seconds = stage, seconds
        self.name, self.needs, self.adds = stage.name, stage.needs, stage.adds
        seconds.setdefault(stage.name, 0.0)
        # newstrace.clean.extract_html -> "clean": the subpackage is the phase
        module = type(stage).__module__.split(".")
        self.phase = module[1] if len(module) > 2 else module[-1]

    def run(self, doc: Any) -> Any:
        start = time.perf_counter()
        try:
            return self.stage.run(doc)
        finally:
            self.seconds[self.name] += time.perf_counter() - start


class Newstrace:
    """newstrace's `analyse_page` bound to one built pipeline, with each
    stage's time tallied (`stage_seconds`) to show where the time goes."""

    def __init__(self) -> None:
        from newstrace.config import load_settings
        from newstrace.pipeline import analyse_page, build_pipeline

        self._analyse_page = analyse_page
        self.pipeline = build_pipeline(load_settings())
        self.stage_seconds: dict[str, float] = {}
        self.stage_phase: dict[str, str] = {}
        stages = getattr(self.pipeline, "stages", None)
        if isinstance(stages, list):
            self.pipeline.stages = [_TimedStage(stage, self.stage_seconds) for stage in stages]
            self.stage_phase = {timed.name: timed.phase for timed in self.pipeline.stages}

    def __call__(self, html: str, source: str, url: str | None) -> Any:
        return self._analyse_page(
            html,
            is_html=True,
            source=source,
            given={"url": url} if url else None,
            pipeline=self.pipeline,
        )

    def reset_stage_seconds(self) -> None:
        for name in self.stage_seconds:
            self.stage_seconds[name] = 0.0


def load_newstrace() -> tuple[Newstrace | None, str | None]:
    """newstrace ready to analyse pages, or why it cannot run yet.

    Prefers the checkout's `src/` over any installed copy, so that the
    benchmark measures the code next to it.
    """
    src = str(REPO / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    try:
        return Newstrace(), None
    except Exception as error:  # any import or build failure: the arm cannot run yet
        return None, f"{type(error).__name__}: {error}"


def stage_ms(newstrace: Newstrace, pages: int, passes: int) -> dict[str, float]:
    """Mean ms/page of each newstrace stage over the timed passes."""
    calls = max(1, pages * passes)
    return {name: 1000 * seconds / calls for name, seconds in newstrace.stage_seconds.items()}


def phase_ms(newstrace: Newstrace, pages: int, passes: int) -> dict[str, float]:
    """Mean ms/page of each phase (the stage's subpackage: clean, describe, time, ...)."""
    phases: dict[str, float] = {}
    for name, ms in stage_ms(newstrace, pages, passes).items():
        phase = newstrace.stage_phase.get(name, "?")
        phases[phase] = phases.get(phase, 0.0) + ms
    return phases


def stage_table(newstrace: Newstrace, pages: int, passes: int) -> str:
    """Two lines: mean ms/page by phase, then by stage, over the timed passes."""
    stages = stage_ms(newstrace, pages, passes)
    phases = phase_ms(newstrace, pages, passes)
    return (
        f"ms/page by phase (sum {sum(phases.values()):.1f}): "
        + ", ".join(f"{name} {ms:.1f}" for name, ms in phases.items())
        + "\n    by stage: "
        + ", ".join(f"{name} {ms:.1f}" for name, ms in stages.items())
    )


# --- running and timing ----------------------------------------------------


@dataclass
class ArmRun:
    """What one system produced on one set: outputs of the first pass, the
    wall and CPU time of every pass, and the pages on which it raised."""

    name: str
    outputs: list[Any] = field(default_factory=list)
    pass_seconds: list[float] = field(default_factory=list)
    pass_cpu_seconds: list[float] = field(default_factory=list)
    failures: dict[int, str] = field(default_factory=dict)

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.pass_seconds) if self.pass_seconds else float("nan")

    @property
    def median_cpu_seconds(self) -> float:
        return statistics.median(self.pass_cpu_seconds) if self.pass_cpu_seconds else float("nan")

    def pages_per_second(self, pages: int) -> float:
        return pages / self.median_seconds if self.pass_seconds else float("nan")

    def ratios(self, peer: ArmRun) -> dict[str, float]:
        """This arm's time over the peer's: of the median wall times, the
        median of the per-repetition wall ratios (the two passes of one
        repetition run back to back, so they share the machine's load), and
        of the median CPU times (least disturbed by other processes)."""
        paired = [
            mine / theirs for mine, theirs in zip(self.pass_seconds, peer.pass_seconds, strict=True) if theirs
        ]
        return {
            "wall": self.median_seconds / peer.median_seconds,
            "wall_paired": statistics.median(paired) if paired else float("nan"),
            "cpu": self.median_cpu_seconds / peer.median_cpu_seconds,
        }


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
    arms: dict[str, Callable[[Any], Any]],
    items: Sequence[Any],
    repeat: int,
    label: str = "",
    after_warmup: Callable[[], None] | None = None,
) -> dict[str, ArmRun]:
    """Run every arm over all items, `repeat` times, one whole pass at a time.

    Each arm is warmed up on the first item (then `after_warmup` runs); each
    pass starts with empty library caches; the order of the arms alternates
    from one repetition to the next, so that neither always runs on a warmer
    machine. Outputs are kept from the first pass (the systems are
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
        except Exception:  # recorded when the timed pass meets it
            pass
    if after_warmup is not None:
        after_warmup()
    for rep in range(repeat):
        order = names if rep % 2 == 0 else names[::-1]
        for name in order:
            fn, run = arms[name], runs[name]
            reset_library_caches()
            wall = 0.0
            cpu_start = time.process_time()
            for index, item in enumerate(items):
                start = time.perf_counter()
                try:
                    result = fn(item)
                except Exception as error:  # a failed page, counted; the run goes on
                    result = None
                    if rep == 0:
                        run.failures[index] = f"{type(error).__name__}: {error}"[:300]
                wall += time.perf_counter() - start
                if rep == 0:
                    run.outputs.append(result)
            run.pass_cpu_seconds.append(time.process_time() - cpu_start)
            run.pass_seconds.append(wall)
            print(
                f"  {label} pass {rep + 1}/{repeat} {name}: {wall:.1f} s wall,"
                f" {run.pass_cpu_seconds[-1]:.1f} s CPU ({len(items) / wall if wall else float('nan'):.1f} pages/s)",
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
    line = "  ".join(
        h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths, strict=False))
    )
    print(line)
    print("-" * len(line))
    for row in cells:
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=False))
            )
        )


def print_failures(run: ArmRun, names: Sequence[str], show: int = 5) -> None:
    if not run.failures:
        return
    print(f"  {run.name}: {len(run.failures)} page(s) raised; first {min(show, len(run.failures))}:")
    for index, message in list(run.failures.items())[:show]:
        print(f"    {names[index]}: {message}")


def write_json(path: str, payload: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(payload, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    print(f"wrote {path}")
