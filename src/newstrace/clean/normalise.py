"""Stage: one canonical form of text for every later stage.

needs: body      adds: body (normalised)

Unicode NFC, Unix newlines, no control or zero-width characters, no trailing
spaces, at most one blank line between paragraphs. Quote marks and dashes are
kept as they are: they are evidence for the quote stages.
"""

from __future__ import annotations

import re
import unicodedata
from typing import ClassVar

from ..model import Document

# Control characters other than tab and newline, zero-width characters and the BOM.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n)+")


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text).replace("\u00a0", " ")
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_RUN.sub("\n\n", text).strip("\n ")


class NormaliseText:
    name: ClassVar[str] = "normalise_text"
    needs: ClassVar[frozenset[str]] = frozenset({"body"})
    adds: ClassVar[frozenset[str]] = frozenset({"body"})

    def run(self, doc: Document) -> Document:
        doc.body = normalise_text(doc.body)
        return doc
