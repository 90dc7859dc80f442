"""Read-only PostgreSQL connections for `serve`: one pool per server process, one connection per request.

A request borrows a connection the first time it reads and gives it back when
its response has been sent (streamed downloads included), so a server holds
at most `serve_connections` connections per process however many threads
answer requests, and a burst beyond that waits for one instead of opening more.
The store and browse objects see one connection (`RequestConnection`) that
stands for whichever the current request borrowed.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import StoreBusy, StoreError
from .postgres import safe_url, without_nul_characters

# How long a request waits for a free connection before it is answered "busy".
WAIT_SECONDS = 20.0


@dataclass
class _Borrowed:
    connection: Any = None
    lock: threading.Lock = field(default_factory=threading.Lock)


_current: contextvars.ContextVar[_Borrowed | None] = contextvars.ContextVar("newstrace_connection", default=None)


def _configure(connection: Any) -> None:
    # the server refuses every write on these connections
    connection.execute("SET default_transaction_read_only = on")
    without_nul_characters(connection)


class ConnectionPool:
    def __init__(self, url: str, size: int):
        import psycopg_pool

        self.url = url
        self._pool = psycopg_pool.ConnectionPool(
            url, min_size=1, max_size=max(1, size), kwargs={"autocommit": True},
            configure=_configure, timeout=WAIT_SECONDS, open=False, name="newstrace-serve",
        )  # fmt: skip
        try:
            self._pool.open(wait=True, timeout=10)
        except psycopg_pool.PoolTimeout:
            self._pool.close()
            raise StoreError(f"{safe_url(url)}: cannot connect to PostgreSQL (no connection within 10 s)") from None

    @contextmanager
    def request(self) -> Iterator[None]:
        """The scope of one request: a connection borrowed inside it is given back at its end."""
        borrowed = _Borrowed()
        token = _current.set(borrowed)
        try:
            yield
        finally:
            _current.reset(token)
            if borrowed.connection is not None:
                self._pool.putconn(borrowed.connection)

    def current(self) -> Any:
        borrowed = _current.get()
        if borrowed is None:  # outside a request (the server's start-up check): a connection of its own
            raise LookupError("no request is being answered")
        import psycopg_pool

        with borrowed.lock:
            if borrowed.connection is None:
                try:
                    borrowed.connection = self._pool.getconn()
                except psycopg_pool.PoolTimeout:
                    raise StoreBusy(f"no free database connection within {WAIT_SECONDS:.0f} s") from None
            return borrowed.connection

    def close(self) -> None:
        self._pool.close()


class RequestConnection:
    """Stands for the connection the current request borrowed from `pool`."""

    def __init__(self, pool: ConnectionPool):
        self._pool = pool

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pool.current(), name)
