"""Multiprocessing executor: `--jobs N` worker processes, results in input order.

Each worker builds its own pipeline once, from the settings, so nothing but
records and documents crosses process boundaries.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator

from ..config import Settings
from ..logs import quiet_library_warnings
from ..model import Document, RawRecord, Rejection
from ..pipeline import Pipeline, build_pipeline
from .base import process_safely

_worker_pipeline: Pipeline | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_pipeline
    quiet_library_warnings()
    _worker_pipeline = build_pipeline(settings)


def _process_in_worker(record: RawRecord) -> Document | Rejection:
    assert _worker_pipeline is not None, "worker used before _start_worker"
    return process_safely(_worker_pipeline, record)


class ProcessExecutor:
    def __init__(self, settings: Settings):
        self.settings = settings
        # "fork" shares the parent's loaded modules ("spawn" would import
        # trafilatura and its models again in every worker). Workers touch
        # nothing of the parent's but the settings: not its store connection.
        context = multiprocessing.get_context("fork")
        self._pool = context.Pool(settings.jobs, initializer=_start_worker, initargs=(settings,))

    def map(self, records: Iterable[RawRecord]) -> Iterator[Document | Rejection]:
        yield from self._pool.imap(_process_in_worker, records, chunksize=self.settings.chunk_size)

    def close(self) -> None:
        self._pool.close()
        self._pool.join()
