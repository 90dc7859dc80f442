"""The quote listing query (`Store.quotes`), written once for every SQL backend.

A backend passes its dialect: its parameter mark, its case-insensitive LIKE, how it
matches words (FTS5 in SQLite, a tsquery in PostgreSQL) and how it orders text and nulls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import rows
from .base import QuoteFilter

# A quote's speaker as readers see it: its entity's canonical one when the entity registry
# has aliased it (see Store.set_entity_alias): one spelling for every page ("Hillary" /
# "Hilary" share an id), and a bare surname's full name where it is resolved.
RESOLVED_SPEAKER = "COALESCE(canonical.name, q.speaker)"
RESOLVED_SPEAKER_ID = "COALESCE(a.canonical_id, q.speaker_id)"
# A quote's date is when it was said, else when its document's events happened, else the page date.
QUOTE_DATE = "COALESCE(q.said_on, d.content_date, d.published)"
SPEAKER_JOINS = (
    "LEFT JOIN entity_aliases a ON a.alias_id = q.speaker_id "
    f"LEFT JOIN entities canonical ON canonical.id = {RESOLVED_SPEAKER_ID}"
)


@dataclass(frozen=True, slots=True)
class Dialect:
    mark: str  # the parameter placeholder
    like: str  # case-insensitive LIKE
    # the words of a search as (a condition on quote `q` with one mark, its value); None: no words
    words: Callable[[str], tuple[str, str] | None]
    order: str  # the listing order: quote date, document, offset (nulls first, text by code point)


def resolved_quote_columns() -> str:
    resolved = {"speaker": f"{RESOLVED_SPEAKER} AS speaker", "speaker_id": f"{RESOLVED_SPEAKER_ID} AS speaker_id"}
    return ",".join(resolved.get(c, f'q."{c}"') for c in rows.QUOTE_COLUMNS)


def said_between(since: str | None, until: str | None, mark: str, conditions: list[str], params: list[Any]) -> None:
    """Adds the conditions on the quote date: from `since`, to `until` (an ISO prefix:
    "until 2022-01" includes every day of January 2022)."""
    if since:
        conditions.append(f"{QUOTE_DATE} >= {mark}")
        params.append(since)
    if until:
        conditions.append(f"substr({QUOTE_DATE}, 1, {mark}) <= {mark}")
        params += [len(until), until]


def quote_listing(query: QuoteFilter, dialect: Dialect) -> tuple[str, list[Any]] | None:
    """The SQL and parameters of `Store.quotes(query)`; None where nothing can match."""
    mark, conditions, params = dialect.mark, [], []
    if query.document_id:
        conditions.append(f"q.document_id = {mark}")
        params.append(query.document_id)
    if query.speaker:
        conditions.append(
            f"({RESOLVED_SPEAKER} {dialect.like} {mark} OR {RESOLVED_SPEAKER_ID} IN "
            f"(SELECT id FROM entities WHERE name {dialect.like} {mark} OR aliases {dialect.like} {mark}))"
        )
        params += [f"%{query.speaker}%"] * 3
    said_between(query.since, query.until, mark, conditions, params)
    if query.search:
        words = dialect.words(query.search)
        if words is None:
            return None
        conditions.append(words[0])
        params.append(words[1])
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    limit = f"LIMIT {int(query.limit)}" if query.limit else ""
    sql = (
        f"SELECT {resolved_quote_columns()} FROM quotes q JOIN documents d ON d.id = q.document_id "
        f"{SPEAKER_JOINS} {where} ORDER BY {dialect.order} {limit}"
    )
    return sql, params
