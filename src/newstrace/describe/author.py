"""Stage: who wrote the article, when the page says so.

needs: removed, html_metadata      adds: author

Evidence, best first: a given author; the author trafilatura read from the
page's markup (meta tags, JSON-LD, byline elements); a byline the cleaner
removed from the text ("By Jane Doe and John Roe, Reuters"). "Published by X"
lines are not bylines: blogs print the account that posted, often the site.
No byline, no author.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..clean.markers import agency_name
from ..clean.page_header import findings, is_byline
from ..model import Document

_BY = re.compile(r"^\s*(?:by|von|par|por|di|door|av|af)\s+", re.IGNORECASE)
# Where a byline goes on to something that is not a name: "| Mar 4, 2024",
# " - Reuters", "(Reuters)".
_AFTER_NAMES = re.compile(r"\s*(?:[|•·(]|\s[-–—]\s).*$")
_JOINERS = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*", re.IGNORECASE)


def author_from_byline(line: str) -> str | None:
    """'By Jane Doe and John Roe, Reuters' -> 'Jane Doe; John Roe'."""
    names = _AFTER_NAMES.sub("", _BY.sub("", line.strip(), count=1))
    people = [name.strip() for name in _JOINERS.split(names) if name.strip()]
    people = [name for name in people if not agency_name(name)]
    return "; ".join(people) or None


class DescribeAuthor:
    name: ClassVar[str] = "describe_author"
    needs: ClassVar[frozenset[str]] = frozenset({"removed", "html_metadata"})
    adds: ClassVar[frozenset[str]] = frozenset({"author"})

    def run(self, doc: Document) -> Document:
        doc.author = doc.given.get("author") or doc.html_metadata.get("author")
        if not doc.author:
            bylines = [
                line for block in findings(doc, "credit") for line in block.split("\n") if is_byline(line)
            ]
            doc.author = author_from_byline(bylines[0]) if bylines else None
        return doc
