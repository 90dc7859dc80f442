"""What every executor shares: the contract, and turning stage failures into rejections."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from ..errors import InputError
from ..model import Document, RawRecord, Rejection
from ..pipeline import Pipeline


class Executor(Protocol):
    def map(self, records: Iterable[RawRecord]) -> Iterator[Document | Rejection]: ...

    def close(self) -> None: ...


def process_safely(pipeline: Pipeline, record: RawRecord) -> Document | Rejection:
    """The processed document, or a rejection naming the input and the reason.

    One bad page must never stop a batch, so unexpected errors are caught
    here too; their message names the error type so that they can be
    reported as the bugs they are.
    """
    try:
        return pipeline.process(record)
    except InputError as error:
        return Rejection(record.source, str(error))
    except RecursionError:
        return Rejection(record.source, "page is nested too deeply to process")
    except Exception as error:  # see docstring
        return Rejection(record.source, f"internal error ({type(error).__name__}: {error})")
