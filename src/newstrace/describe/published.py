"""Stage: the publication date the page states, at the precision of its evidence.

needs: removed, html_metadata, language
adds: published, published_precision, published_text, published_basis

Evidence, best first (the basis recorded in `published_basis`):
  1. a given `published` (JSON Lines): trusted; parsed only to learn its precision ("given");
  2. the page's own date from the HTML (`clean/page_date`): the URL's full date, the head's
     meta tags or JSON-LD, a date printed in the markup ("url", "meta", "json-ld", "page");
  3. a date line at the top of the text ("Monday, Mar 04, 2024"): "byline";
  4. what is only a bound: a year-month in the URL ("url", month), a copyright year
     ("copyright", the year and nothing finer), from the HTML or the text's copyright line.
The article's own date (1-3) wins over a bound (4) whatever the order they are found in.
Relative ages ("3 days ago") are labelled `teaser` by the cleaner and never read here:
without the day they were printed they date nothing. No evidence, no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from ..clean.datelines import copyright_year, parse_date_text
from ..clean.page_header import findings, line_parts
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
    adds: ClassVar[frozenset[str]] = frozenset(
        {"published", "published_precision", "published_text", "published_basis"}
    )

    def run(self, doc: Document) -> Document:
        from_html, dateline = self._from_html(doc), self._dateline(doc)
        if from_html and dateline and _one_day_apart(from_html.value, dateline.value):
            # The visible date line is in the page's own time zone; the
            # metadata date may have been converted to UTC across midnight.
            from_html = dateline
        bound = from_html if from_html and from_html.precision != "day" else None
        own = from_html if bound is None else None
        found = self._from_given(doc) or own or dateline or bound or self._copyright(doc)
        if found:
            doc.published, doc.published_precision = found.value, found.precision
            doc.published_text, doc.published_basis = found.text, found.basis
        return doc

    def _from_given(self, doc: Document) -> _Evidence | None:
        given = doc.given.get("published")
        if not given:
            return None
        # A given value is trusted even when we cannot read it: it is kept as
        # given, with no claim about its precision.
        value, precision = parse_stated(given, doc.language) or (given.strip(), None)
        return _Evidence(value, precision, given, "given")

    def _from_html(self, doc: Document) -> _Evidence | None:
        stated = doc.html_metadata.get("date")
        if not stated:
            return None
        precision = doc.html_metadata.get("date_precision")
        parsed = parse_stated(stated, doc.language)
        if parsed is None:
            return None
        value, read_precision = parsed
        return _Evidence(value, precision or read_precision, stated, doc.html_metadata.get("date_basis", "page"))

    def _dateline(self, doc: Document) -> _Evidence | None:
        for line in findings(doc, "dateline"):
            for part in line_parts(line.split("\n", 1)[0]):
                parsed = parse_date_text(part, doc.language)
                if parsed:
                    return _Evidence(parsed[0], parsed[1], part.strip(), "byline")
        return None

    def _copyright(self, doc: Document) -> _Evidence | None:
        for block in findings(doc, "copyright"):
            year = copyright_year(block)
            if year:
                words = _COPYRIGHT_YEAR.search(block)
                return _Evidence(year, "year", words.group(0) if words else year, "copyright")
        return None


@dataclass(frozen=True, slots=True)
class _Evidence:
    value: str
    precision: DatePrecision | None
    text: str
    basis: str
