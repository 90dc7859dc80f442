"""Executors: where the per-document pipeline runs. No stage knows which.

Each executor turns raw records into documents, or into rejections for the
records a stage could not handle, in the order the records came in.
"""

from __future__ import annotations

from ..config import Settings
from .base import Executor, process_safely
from .local import LocalExecutor
from .processes import ProcessExecutor

__all__ = ["Executor", "LocalExecutor", "ProcessExecutor", "make_executor", "process_safely"]


def make_executor(settings: Settings) -> Executor:
    if settings.jobs > 1:
        return ProcessExecutor(settings)
    return LocalExecutor(settings)
