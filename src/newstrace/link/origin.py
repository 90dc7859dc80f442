"""Which of several copies came first.

SPEC: the earliest appearance in the collection is decided by content date,
then stated page date, then document id, so the answer never depends on the
order the inputs were given in. Unknown dates sort after every known one.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Document

_UNKNOWN = "~"  # sorts after every digit, so unknown dates come last


def origin_key(doc: Document) -> tuple[str, str, str]:
    return (doc.content_date or _UNKNOWN, doc.published or _UNKNOWN, doc.id)


def earliest(docs: Iterable[Document]) -> Document:
    return min(docs, key=origin_key)
