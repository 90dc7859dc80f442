"""Time limits on a block of work: a page that would hang the batch is given up and reported.

Python offers no way to stop a computation from outside but a signal, so this uses
SIGALRM, which only a process's main thread receives: in other threads (a web
request's worker) the block runs without a limit rather than not at all. Limits
nest (the whole page's, inside it HTML extraction's): one timer is armed for the
nearest deadline, and each limit raises its own message when its time is up.
Written here because no maintained library nests SIGALRM deadlines.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .errors import InputError

# After a limit has raised, it raises again this often until its block is left: a
# library that catches every exception (some parsers do) cannot swallow it for good.
_AGAIN_AFTER = 0.5


@dataclass(slots=True, eq=False)
class _Limit:
    deadline: float  # time.monotonic()
    message: str
    fired: bool = False


# Open limits, outermost first.
_open: list[_Limit] = []
_previous_handler: Any = None


@contextmanager
def time_limit(seconds: float, message: str) -> Iterator[None]:
    """Raise InputError(`message`) inside the block once it has run `seconds`."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    global _previous_handler
    if not _open:
        _previous_handler = signal.signal(signal.SIGALRM, _time_is_up)
    limit = _Limit(time.monotonic() + seconds, message)
    _open.append(limit)
    _arm()
    try:
        yield
        if limit.fired:  # the error was caught and dropped inside: the block is still over its time
            raise InputError(message)
    finally:
        _open.remove(limit)
        _arm()
        if not _open:
            signal.signal(signal.SIGALRM, _previous_handler)


def _arm() -> None:
    """Set the timer for the nearest deadline (or clear it when no limit is open)."""
    seconds = max(min(limit.deadline for limit in _open) - time.monotonic(), 0.001) if _open else 0
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _time_is_up(signum: int, frame: object) -> None:
    now = time.monotonic()
    passed = [limit for limit in _open if limit.deadline <= now]
    for limit in passed:
        limit.fired = True
        limit.deadline = now + _AGAIN_AFTER
    _arm()
    if passed:  # (else the timer fired a little early)
        # the outermost limit that has passed: its block is the one to give up
        raise InputError(passed[0].message)
