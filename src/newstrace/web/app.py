"""The web application: the API and the pages over one read-only store, with safety headers.

Safe by construction:
  * the store is opened read-only (SQLite `mode=ro`): no route can write;
  * every page is a Jinja2 template with autoescaping, so article text (untrusted)
    is always text; the Content-Security-Policy allows no inline script or style;
  * SQL values are bound parameters (`store.sqlite_browse`);
  * malformed parameters give 400 with a message, unknown ids 404, never a 500;
  * static files come from the package's own folder (Starlette refuses paths outside it).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..config import load_settings
from ..errors import StoreBusy
from ..store import is_postgres_url
from ..store.browse import Browse
from ..store.postgres_pool import ConnectionPool, RequestConnection
from ..store.sqlite import SqliteStore
from ..store.sqlite_browse import SqliteBrowse
from . import api, pages

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class ReadOnlyCollection:
    """The server's read-only access to the store.

    SQLite: one read-only connection per server thread; neither SQLite's nor
    psycopg's connections serve two threads' queries at once. PostgreSQL: one
    browse over a pool of read-only connections, a connection borrowed per
    request (`store/postgres_pool.py`), so a server process holds a bounded
    number of connections however many threads answer.
    """

    def __init__(self, db: str, connections: int):
        self.db = db
        self._local = threading.local()
        self._pool: ConnectionPool | None = None
        self._shared: Browse | None = None
        if is_postgres_url(db):
            from ..store.postgres import PostgresStore
            from ..store.postgres_browse import PostgresBrowse

            self._pool = ConnectionPool(db, connections)  # fails at start, with the store's own message
            self._shared = PostgresBrowse(PostgresStore(db, connection=RequestConnection(self._pool)))
        else:
            self.browse()  # fail at start, with the store's own message, rather than on the first request

    def browse(self) -> Browse:
        if self._shared is not None:
            return self._shared
        browse = getattr(self._local, "browse", None)
        if browse is None:
            browse = self._local.browse = SqliteBrowse(SqliteStore(self.db, read_only=True))
        return browse

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()

    @contextmanager
    def request(self) -> Iterator[None]:
        """One request's scope: a pooled connection it borrows is given back at its end."""
        if self._pool is None:
            yield
            return
        with self._pool.request():
            yield


class RequestScope:
    """ASGI middleware: each HTTP request runs, and streams its response, inside the collection's
    request scope (the threads that answer it see the same scope: Starlette copies the context)."""

    def __init__(self, app: ASGIApp, collection: ReadOnlyCollection):
        self.app = app
        self.collection = collection

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with self.collection.request():
            await self.app(scope, receive, send)


class SecurityHeaders:
    """Adds `SECURITY_HEADERS` to every response, errors and static files included.
    Plain ASGI: Starlette's `BaseHTTPMiddleware` costs a task and a stream per request."""

    def __init__(self, app: ASGIApp):
        self.app = app
        self.headers = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db: str) -> FastAPI:
    app = FastAPI(
        title="newstrace",
        summary="Who said what, when, and who reported it first: a read-only API over a collection.",
        version=__version__,
        docs_url=None,  # the interactive docs load scripts from a CDN; the OpenAPI document stays
        redoc_url=None,
    )
    app.state.collection = ReadOnlyCollection(db, load_settings().serve_connections)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_middleware(RequestScope, collection=app.state.collection)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'][1:]) or 'request'}: {problem['msg']}"
            for problem in error.errors()
        )
        return _error(request, 400, f"bad parameter: {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return _error(request, error.status_code, str(error.detail))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, error: StoreBusy) -> Response:
        return _error(request, 503, f"busy: {error}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        # a bug, not the caller's fault: logged with its traceback, answered with one line
        logger.exception("%s %s failed", request.method, request.url.path)
        return _error(request, 500, "internal error: the server log has the details")

    return app


def app_from_environment() -> FastAPI:
    """The app for server worker processes, which import it by name: the store's path
    comes from NEWSTRACE_SERVE_DB (set by `newstrace serve --workers N`)."""
    return create_app(os.environ["NEWSTRACE_SERVE_DB"])


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": message}, status_code=status)
    if request.url.path.startswith("/static/"):
        return PlainTextResponse(message, status_code=status)
    return pages.error_page(request, status, message)
