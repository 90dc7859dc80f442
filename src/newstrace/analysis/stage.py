"""Stage: the document's linguistic analysis, shared by every later stage.

needs: body, language      adds: analysis (not stored; dropped when the pipeline ends)
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import ClassVar

from ..model import Document
from .document import ParsePolicy, analyse
from .pipelines import forgetting_new_words


class AnalyseText:
    name: ClassVar[str] = "analyse_text"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "language"})
    adds: ClassVar[frozenset[str]] = frozenset({"analysis"})

    def __init__(self, parse: str = "cued"):
        if parse not in ("cued", "all", "none"):
            raise ValueError(f"analysis_parse must be cued, all or none, not {parse!r}")
        self.parse: ParsePolicy = parse  # type: ignore[assignment]

    def document_scope(self) -> AbstractContextManager[None]:
        """Around each document's whole run (sentences are split before this stage, and
        read after it): the words it brought are forgotten once it is done."""
        return forgetting_new_words()

    def run(self, doc: Document) -> Document:
        doc.analysis = analyse(doc.body, doc.language, self.parse)
        return doc
