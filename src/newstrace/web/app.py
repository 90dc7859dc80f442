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
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store.browse import Browse
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
    """One read-only connection per server thread (a pool as large as the server's thread
    pool): neither SQLite's nor psycopg's connections serve two threads' queries at once."""

    def __init__(self, db: str):
        self.db = db
        self._local = threading.local()
        # fail at start, with the store's own message, rather than on the first request
        self.browse()

    def browse(self) -> Browse:
        browse = getattr(self._local, "browse", None)
        if browse is None:
            browse = self._local.browse = open_browse(self.db)
        return browse


def open_browse(db: str) -> Browse:
    """A read-only view of the store at `db`: a SQLite path or a postgresql:// URL."""
    if db.startswith(("postgresql://", "postgres://")):
        from ..store.postgres import PostgresStore
        from ..store.postgres_browse import PostgresBrowse

        return PostgresBrowse(PostgresStore(db, read_only=True))
    return SqliteBrowse(SqliteStore(db, read_only=True))


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
    app.state.collection = ReadOnlyCollection(db)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

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
