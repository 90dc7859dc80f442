"""Storage behind one interface, chosen by URL: a file path is SQLite."""

from __future__ import annotations

from ..errors import StoreError
from .base import LinkUpdate, QuoteFilter, QuoteLinkUpdate, Store

__all__ = ["LinkUpdate", "QuoteFilter", "QuoteLinkUpdate", "Store", "open_store"]


def open_store(url: str) -> Store:
    if url.startswith(("postgresql://", "postgres://")):
        raise StoreError(f"{url}: the PostgreSQL store is not built yet; use a SQLite file path for now")
    from .sqlite import SqliteStore

    return SqliteStore(url.removeprefix("sqlite:///").removeprefix("sqlite://"))
