"""The date an HTML page states for itself, with the evidence it rests on.

htmldate finds the date; it does not say where it found it, and its last resort
turns a copyright year or a month in the URL into a day ("2015-01-01"). So the
evidence is asked for in order, each step with htmldate's own readers, and the
answer keeps the precision of what it was read from (SPEC: never a date finer
than its evidence):

  1. the URL's full date ("/2024/03/04/"): day, basis "url";
  2. the page head: <meta> tags ("meta") or JSON-LD ("json-ld"): day;
  3. a date htmldate finds in the page itself (time elements, date classes, timestamps,
     free text): basis "page", the day where the page writes it, else the month
     (htmldate makes "July 2020" the 1st); the 1 January it falls back to (a copyright or
     a bare year somewhere on the page) is no date of the page;
  4. a year-month in the URL ("/2013/08/"): the month, basis "url".
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime

from htmldate import find_date
from htmldate.core import examine_header, json_search
from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor
from htmldate.validators import get_max_date, get_min_date
from lxml.html import HtmlElement, tostring

from ..model import DatePrecision
from ..time.lexicon import MONTHS

_URL_MONTH_RE = re.compile(r"/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])(?:/|$)")
_OUTPUT = "%Y-%m-%d"


@dataclass(frozen=True, slots=True)
class PageDate:
    value: str  # ISO, as precise as `precision` says: "2024-03-04", "2024-03", "2024"
    precision: DatePrecision
    basis: str


def read_page_date(tree: HtmlElement, url: str | None) -> PageDate | None:
    today = datetime.now().astimezone().strftime(_OUTPUT)
    options = Extractor(True, get_max_date(today), get_min_date(None), True, _OUTPUT)
    if url is None:
        canonical = tree.find('.//link[@rel="canonical"]')
        url = canonical.get("href") if canonical is not None else None
    in_url = extract_url_date(url, options)
    in_head = examine_header(tree, options)
    in_json = None if in_head else json_search(tree, options)
    stated = in_head or in_json
    if stated and in_url and stated != in_url:
        # The article's own statement over its address: a URL often carries the day the
        # story was filed, the page the day it was published. Said in the basis.
        return PageDate(stated, "day", f"{'meta' if in_head else 'json-ld'} (the URL says {in_url})")
    if in_url:
        return PageDate(in_url, "day", "url")
    if stated:
        return PageDate(stated, "day", "meta" if in_head else "json-ld")
    # One search of the page itself (url="" keeps htmldate from reading the URL again).
    found = find_date(tree, extensive_search=True, original_date=True, url="", max_date=today)
    month = _URL_MONTH_RE.search(url or "")
    if found and found.endswith("-01-01"):
        # htmldate's fallback to a bare or copyright year: no date of this page. A copyright
        # line the cleaner removed is read (as a year) by `describe/published`.
        found = None
    printed = _as_printed(tree, found) if found and not (month and found.endswith("-01")) else None
    if printed:
        return printed
    if month:
        return PageDate(f"{month.group(1)}-{int(month.group(2)):02d}", "month", "url")
    return None


def _as_printed(tree: HtmlElement, value: str) -> PageDate | None:
    """A date htmldate read from the page, as precise as the page prints it: htmldate
    makes "July 2020" or a month archive's heading the 1st of the month, so a 1st must be
    written somewhere in the markup (other days it reads from forms this check does not
    know, a file name's "IMG-20200415", so they stand). Its year at least must be written:
    htmldate's free-text parsers can compose a date from numbers that are no date."""
    # the whole markup: a day in an attribute (datetime=, data-date=) is the page's too
    markup = html.unescape(tostring(tree, encoding="unicode"))
    if not prints_year(markup, value):
        return None
    if not value.endswith("-01"):
        return PageDate(value, "day", "page")
    if prints_day(markup, value):
        return PageDate(value, "day", "page")
    return PageDate(value[:7], "month", "page")


def prints_year(text: str, value: str) -> bool:
    """Whether `text` writes the year of `value`: in full, or as two digits closing a
    numeric day ("31.10.23")."""
    year = value[:4]
    written = rf"(?<!\d){year}(?!\d)|(?<!\d)\d{{1,2}}[./-]\d{{1,2}}[./-]{year[2:]}(?!\d)"
    return re.search(written, text) is not None


def prints_day(text: str, value: str) -> bool:
    """Whether `text` writes the day `value` (YYYY-MM-DD): as digits in the common orders, or
    its day number beside a name of its month (any language with a data file)."""
    year, month, day = value[:4], int(value[5:7]), int(value[8:10])
    digits = (
        rf"{year}-{month:02d}-{day:02d}|{year}/0?{month}/0?{day}(?!\d)|(?<!\d)0?{day}\.\s?0?{month}\.\s?{year}"
        rf"|(?<!\d)0?{month}/0?{day}/{year}|(?<!\d)0?{day}/0?{month}/{year}"
    )
    if re.search(digits, text):
        return True
    names = "|".join(sorted((re.escape(n) for n, number in MONTHS.items() if number == month), key=len, reverse=True))
    near = rf"(?<!\d)0?{day}(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(?:{names})\b|\b(?:{names})\.?\s+0?{day}(?!\d)"
    return bool(names) and re.search(near, text, re.IGNORECASE) is not None
