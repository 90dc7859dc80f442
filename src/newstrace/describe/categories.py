"""Stage: the categories or sections the page files the article under.

needs: removed, html_metadata      adds: categories

Only what the page states: categories trafilatura read from the markup
(article:section, category links), else the category lines the cleaner
removed ("Categories: WORLD", "Filed under: Politics, Europe", or a section
name printed over the headline). Tag lists are not categories and are left out.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..clean.page_header import findings, is_section_line
from ..model import Document

_LABEL = re.compile(
    r"^\s*(?:categories|category|filed under|posted in|rubrik|kategorien?|catégories?|categorias?|categorías?)\s*:\s*",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:[,;|•·/]|\s[-–—]\s)\s*")
_MAX_CATEGORY_WORDS = 5


def categories_from_line(line: str) -> list[str]:
    """'Categories: WORLD, Europe' -> ['WORLD', 'Europe']; 'World' over a headline -> ['World']."""
    label = _LABEL.match(line)
    if label:
        names = _SEPARATORS.split(line[label.end() :])
    elif is_section_line(line):
        names = [line.strip().rstrip(":")]
    else:
        return []
    return [
        name.strip(" .") for name in names if name.strip(" .") and len(name.split()) <= _MAX_CATEGORY_WORDS
    ]


class DescribeCategories:
    name: ClassVar[str] = "describe_categories"
    needs: ClassVar[frozenset[str]] = frozenset({"removed", "html_metadata"})
    adds: ClassVar[frozenset[str]] = frozenset({"categories"})

    def run(self, doc: Document) -> Document:
        stated = doc.html_metadata.get("categories")
        if stated:
            found = [name.strip() for name in stated.split("\x1f") if name.strip()]
        else:
            found = [
                name
                for block in findings(doc, "category")
                for line in block.split("\n")
                for name in categories_from_line(line)
            ]
        # Keep the page's order, each name once.
        doc.categories = list(dict.fromkeys(found))
        return doc
