"""In-process executor: one document after another, in the calling process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..config import Settings
from ..model import Document, RawRecord, Rejection
from ..pipeline import build_pipeline
from .base import process_safely


class LocalExecutor:
    def __init__(self, settings: Settings):
        self.pipeline = build_pipeline(settings)

    def map(self, records: Iterable[RawRecord]) -> Iterator[Document | Rejection]:
        for record in records:
            yield process_safely(self.pipeline, record)

    def close(self) -> None:
        pass
