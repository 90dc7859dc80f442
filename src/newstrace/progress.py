"""What a long ingest tells the person watching: a live counter, and problems as they come.

On a terminal the counter is drawn by rich; elsewhere (pipes, CI, logs)
nothing is drawn and each problem is one plain line on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Reporter(Protocol):
    def progress(self, done: int) -> None: ...

    def problem(self, line: str) -> None: ...


class PlainReporter:
    def progress(self, done: int) -> None:
        pass

    def problem(self, line: str) -> None:
        print(line, file=sys.stderr, flush=True)


class LiveReporter:
    def __init__(self, progress: object, task: object):
        self._progress, self._task = progress, task

    def progress(self, done: int) -> None:
        elapsed = self._progress.tasks[self._task].elapsed or 0  # type: ignore[attr-defined]
        rate = f"{done / elapsed:.1f} docs/s" if elapsed > 1 else ""
        self._progress.update(self._task, completed=done, rate=rate)  # type: ignore[attr-defined]

    def problem(self, line: str) -> None:
        # Printed above the live counter, unwrapped: one problem, one line.
        self._progress.console.print(line, soft_wrap=True, markup=False, highlight=False)  # type: ignore[attr-defined]


@contextmanager
def reporter(label: str, total: int | None = None) -> Iterator[Reporter]:
    """A live counter with the rate (documents per second) and, where `total` is known,
    a bar and the time left."""
    if not sys.stderr.isatty():
        yield PlainReporter()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    rate = TextColumn("{task.fields[rate]}")
    columns = [SpinnerColumn(), TextColumn(label), MofNCompleteColumn(), rate, TimeElapsedColumn()]
    if total is not None:
        columns[3:3] = [BarColumn()]
        columns.append(TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as live:
        yield LiveReporter(live, live.add_task(label, total=total, rate=""))
