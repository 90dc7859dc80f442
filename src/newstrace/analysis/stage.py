"""Stage: the document's linguistic analysis, shared by every later stage.

needs: body, language      adds: analysis (not stored; dropped when the pipeline ends)
"""

from __future__ import annotations

from typing import ClassVar

from ..model import Document
from .document import ParsePolicy, analyse


class AnalyseText:
    name: ClassVar[str] = "analyse_text"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "language"})
    adds: ClassVar[frozenset[str]] = frozenset({"analysis"})

    def __init__(self, parse: str = "cued"):
        if parse not in ("cued", "all", "none"):
            raise ValueError(f"analysis_parse must be cued, all or none, not {parse!r}")
        self.parse: ParsePolicy = parse  # type: ignore[assignment]

    def run(self, doc: Document) -> Document:
        doc.analysis = analyse(doc.body, doc.language, self.parse)
        return doc
