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
        self._progress.update(self._task, completed=done)  # type: ignore[attr-defined]

    def problem(self, line: str) -> None:
        # Printed above the live counter, unwrapped: one problem, one line.
        self._progress.console.print(line, soft_wrap=True, markup=False, highlight=False)  # type: ignore[attr-defined]


@contextmanager
def reporter(label: str) -> Iterator[Reporter]:
    if not sys.stderr.isatty():
        yield PlainReporter()
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn(label), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as live:
        yield LiveReporter(live, live.add_task(label, total=None))
