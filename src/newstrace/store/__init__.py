"""Storage behind one interface, chosen by URL: a file path is SQLite, a postgresql:// URL PostgreSQL."""

from __future__ import annotations

from .base import LinkUpdate, QuoteFilter, QuoteLinkUpdate, Store

__all__ = ["LinkUpdate", "QuoteFilter", "QuoteLinkUpdate", "Store", "is_postgres_url", "open_store"]


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str) -> Store:
    if is_postgres_url(url):
        from .postgres import PostgresStore

        return PostgresStore(url)
    from .sqlite import SqliteStore

    return SqliteStore(url.removeprefix("sqlite:///").removeprefix("sqlite://"))
