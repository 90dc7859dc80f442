"""Multiprocessing executor: `--jobs N` worker processes, results in input order.

Each worker builds its own pipeline once, from the settings, so nothing but
records and documents crosses process boundaries.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterable, Iterator

from ..config import Settings
from ..logs import quiet_library_warnings
from ..model import Document, RawRecord, Rejection
from ..pipeline import Pipeline, build_pipeline
from .base import process_safely

_worker_pipeline: Pipeline | None = None
# Chunks per worker that may be processed or waiting to be stored at once.
IN_FLIGHT_CHUNKS = 4


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
        self._closing = False
        self._room: threading.Semaphore | None = None
        context = multiprocessing.get_context("fork")
        self._pool = context.Pool(settings.jobs, initializer=_start_worker, initargs=(settings,))

    def map(self, records: Iterable[RawRecord]) -> Iterator[Document | Rejection]:
        # At most `room` records handed out and not yet taken back: the pool reads its input
        # as fast as it can and keeps every result until it is asked for, so when storing and
        # linking are slower than the workers (short pages, a large collection) the finished
        # documents would pile up in this process without end.
        room = threading.Semaphore(IN_FLIGHT_CHUNKS * self.settings.chunk_size * self.settings.jobs)

        def handed_out() -> Iterator[RawRecord]:
            for record in records:  # runs in the pool's feeding thread
                room.acquire()
                if self._closing:
                    return
                yield record

        self._room = room
        for result in self._pool.imap(_process_in_worker, handed_out(), chunksize=self.settings.chunk_size):
            room.release()
            yield result

    def close(self) -> None:
        # A caller that stopped early leaves the feeding thread waiting for room: let it end.
        self._closing = True
        if self._room is not None:
            self._room.release()
        self._pool.close()
        self._pool.join()
