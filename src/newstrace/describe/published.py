"""Stage: the publication date the page states, at the precision it states it.

needs: removed, html_metadata, language      adds: published, published_precision, published_text

Evidence, best first:
  1. a given `published` (JSON Lines): trusted; parsed only to learn its precision;
  2. the date trafilatura read from the HTML (htmldate: meta tags, JSON-LD,
     URL, visible dates), preferring the original over the updated date;
  3. a date line at the top of the text ("Monday, Mar 04, 2024");
  4. a copyright year ("© 2023" gives 2023 and nothing finer).
Relative ages ("3 days ago") are labelled `teaser` by the cleaner and never
read here: without the day they were printed they date nothing. No evidence,
no date: `published` stays None.
"""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from ..clean.datelines import copyright_year, parse_date_text
from ..clean.page_header import findings
from ..model import DatePrecision, Document

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|ⓒ|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?(?:19|20)\d{2}", re.IGNORECASE
)


def parse_stated(value: str, language: str | None = None) -> tuple[str, DatePrecision] | None:
    """An ISO date as written ('2024-03-04', '2024-03', '2024') or a date in words."""
    text = value.strip()
    day = _ISO_DAY.match(text)
    if day:
        return f"{day.group(1)}-{day.group(2)}-{day.group(3)}", "day"
    partial = _ISO_PARTIAL.match(text)
    if partial:
        return (text, "month") if partial.group(2) else (text, "year")
    return parse_date_text(text, language)


def _one_day_apart(first: str, second: str) -> bool:
    try:
        return abs((date.fromisoformat(first) - date.fromisoformat(second)).days) == 1
    except ValueError:  # not both full days
        return False


class DescribePublished:
    name: ClassVar[str] = "describe_published"
    # `language` only to read all-number dates in the page's order.
    needs: ClassVar[frozenset[str]] = frozenset({"removed", "html_metadata", "language"})
    adds: ClassVar[frozenset[str]] = frozenset({"published", "published_precision", "published_text"})

    def run(self, doc: Document) -> Document:
        from_html, from_text = self._from_html(doc), self._from_text(doc)
        if from_html and from_text and _one_day_apart(from_html[0][0], from_text[0][0]):
            # The visible date line is in the page's own time zone; the
            # metadata date may have been converted to UTC across midnight.
            from_html = from_text
        found = self._from_given(doc) or from_html or from_text
        if found:
            (doc.published, doc.published_precision), doc.published_text = found
        return doc

    def _from_given(self, doc: Document) -> tuple[tuple[str, DatePrecision | None], str] | None:
        given = doc.given.get("published")
        if not given:
            return None
        # A given value is trusted even when we cannot read it: it is kept as
        # given, with no claim about its precision.
        return (parse_stated(given, doc.language) or (given.strip(), None)), given

    def _from_html(self, doc: Document) -> tuple[tuple[str, DatePrecision | None], str] | None:
        stated = doc.html_metadata.get("date")
        parsed = parse_stated(stated, doc.language) if stated else None
        return (parsed, stated) if parsed and stated else None

    def _from_text(self, doc: Document) -> tuple[tuple[str, DatePrecision | None], str] | None:
        for line in findings(doc, "dateline"):
            first = line.split("\n", 1)[0]
            parsed = parse_date_text(first, doc.language)
            if parsed:
                return parsed, first.strip()
        for block in findings(doc, "copyright"):
            year = copyright_year(block)
            if year:
                words = _COPYRIGHT_YEAR.search(block)
                return (year, "year"), words.group(0) if words else year
        return None
