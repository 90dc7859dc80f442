"""Which of several copies came first.

SPEC: the earliest appearance in the collection is decided by content date,
then stated page date, then document id, so the answer never depends on the
order the inputs were given in. Unknown dates sort after every known one.
"""

from __future__ import annotations

from typing import Protocol


class Dated(Protocol):
    content_date: str | None
    published: str | None


_UNKNOWN = "~"  # sorts after every digit, so unknown dates come last


def origin_key(doc: Dated) -> tuple[str, str, str]:
    """Sort key of first appearance; takes a Document or a stored link profile (its own dates)."""
    doc_id = getattr(doc, "id", None) or getattr(doc, "document_id")  # noqa: B009
    return (doc.content_date or _UNKNOWN, doc.published or _UNKNOWN, doc_id)
