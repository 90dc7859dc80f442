"""Stage: a hash of the body that survives re-punctuation, case and spacing.

needs: body      adds: body_hash

Two pages whose cleaned bodies have the same words in the same order are
exact duplicates, whatever their markup, whitespace or typography.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..ids import sha256_hex
from ..model import Document

_WORD = re.compile(r"\w+")


def body_fingerprint(body: str) -> str | None:
    words = _WORD.findall(body.casefold())
    return sha256_hex(" ".join(words)) if words else None


class FingerprintBody:
    name: ClassVar[str] = "fingerprint_body"
    needs: ClassVar[frozenset[str]] = frozenset({"body"})
    adds: ClassVar[frozenset[str]] = frozenset({"body_hash"})

    def run(self, doc: Document) -> Document:
        doc.body_hash = body_fingerprint(doc.body)
        return doc
