"""Stable identifiers derived from content, never from counters.

The same inputs give the same ids whatever the order, the number of jobs,
the engine or the store (SPEC: ids are stable), so exports can be compared
and cited.
"""

from __future__ import annotations

import hashlib

_ID_HEX_CHARS = 16


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def derive_id(prefix: str, *parts: object) -> str:
    """`prefix` + a short hash of `parts`; e.g. derive_id("q", doc_id, 10, 42)."""
    joined = "\x1f".join(str(part) for part in parts)
    return f"{prefix}{sha256_hex(joined)[:_ID_HEX_CHARS]}"


def document_id(sha256: str) -> str:
    """A document is named by the hash of the bytes it was read from."""
    return sha256[:_ID_HEX_CHARS]
