"""Running the quote stages on a text, for the tests of this package."""

from __future__ import annotations

from newstrace.analysis import AnalyseText
from newstrace.describe.language import DescribeLanguage
from newstrace.model import Document
from newstrace.quotes import quote_stages


def analyse(text: str) -> Document:
    """The quote stages over `text` as a body; every quote's offsets are checked on the way."""
    doc = Document(id="d1", source="t", sha256="", format="text", raw=text, body=text)
    for stage in [DescribeLanguage(), AnalyseText(), *quote_stages()]:
        doc = stage.run(doc)
    for quote in doc.quotes:
        assert doc.body[quote.start : quote.end] == quote.text
    return doc
