"""Lines that are only a date ("Monday, Mar 04, 2024", "4 Mar. 2024 09:30").

The cleaner removes them and the published-date stage reads them, so both
use this module. Recognition is a cheap regex pass over every line;
dateparser (which knows month names in many languages) is called only on
the few lines that pass it, to turn their words into a date and a precision.
A line without a year is never dated: filling in the current year would be
inventing a date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateparser.data import language_order
from dateparser.date import DateDataParser

from ..model import DatePrecision

# "Published:", "Updated on", "Veröffentlicht am" ... before the date itself.
_PREFIX = re.compile(
    r"^[\s\-–—|•·]*(?:(?:last\s+)?(?:published|updated|posted|modified|created|date|dated|"
    r"veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|atualizado|"
    r"pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|опубликовано|обновлено)"
    r"(?:\s+(?:on|at|am|le|el|il|em|op|в))?\s*[:\-–—]?\s*)+",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
# The pieces a date line is made of: numbers with separators, clock times,
# AM/PM and zone abbreviations, and a few short words (weekday, month, "de", "at").
_TOKEN = re.compile(
    r"\d{1,4}(?:[./\-]\d{1,4}){0,2}\.?|\d{1,2}[:h]\d{2}(?::\d{2})?|[^\W\d_][\w\-]*\.?", re.UNICODE
)
_FILLER = re.compile(r"(?:[\s,|()\[\]•·/–—]|(?<!\w)-|-(?!\w))+")
_MAX_WORDS_IN_DATE = 5
_MAX_TOKENS_IN_DATE = 10

# Languages whose month and weekday names dateparser should try; the page's
# own language, when known, goes first (it also decides 05/10 = 5 Oct or May 10).
_DEFAULT_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl")


def strip_date_prefix(line: str) -> str:
    return _PREFIX.sub("", line.strip(), count=1).strip()


def looks_like_date_line(line: str) -> bool:
    """Cheap test: the line could be only a date (with a year), a time and a prefix.

    Candidates still go through `parse_date_text`; "The 2023 season" passes
    this test and fails that one.
    """
    text = strip_date_prefix(line)
    if not text or len(text) > 60 or not _YEAR.search(text):
        return False
    if _ISO_DATETIME.match(text):
        return True
    remainder = _FILLER.sub(" ", text).strip()
    tokens = _TOKEN.findall(remainder)
    # A year alone ("2023", "$1999") is a number, not a date line.
    if len(tokens) < 2 or len(tokens) > _MAX_TOKENS_IN_DATE:
        return False
    if len("".join(tokens)) < len(remainder.replace(" ", "")) - 2:
        return False  # characters the date grammar does not explain
    alphabetic = [token for token in tokens if token[0].isalpha()]
    return len(alphabetic) <= _MAX_WORDS_IN_DATE and len(tokens) - len(alphabetic) >= 1


# All-number dates are read in the order the page's language writes them
# (05/10/2018 is 5 October in Portuguese); English keeps dateparser's default.
_YEAR_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "hu", "lt"})
_KNOWN_LANGUAGES = frozenset(language_order)


@lru_cache(maxsize=16)
def _parser(languages: tuple[str, ...]) -> DateDataParser:
    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if languages[0] != "en":
        settings["DATE_ORDER"] = "YMD" if languages[0] in _YEAR_FIRST_LANGUAGES else "DMY"
    return DateDataParser(languages=list(languages), settings=settings)


def is_date_line(line: str) -> bool:
    return looks_like_date_line(line) and parse_date_text(line) is not None


@lru_cache(maxsize=1024)
def parse_date_text(text: str, language: str | None = None) -> tuple[str, DatePrecision] | None:
    """`text` as an ISO date at the precision it states, or None.

    '4 Mar. 2024 09:30' -> ('2024-03-04', 'day'); 'June 2023' -> ('2023-06', 'month').
    """
    text = strip_date_prefix(text)
    years = _YEAR.findall(text)
    if not years:
        return None
    languages = _DEFAULT_LANGUAGES
    if language and language != "en" and language in _KNOWN_LANGUAGES:
        languages = (language, *(code for code in _DEFAULT_LANGUAGES if code != language))
    data = _parser(languages).get_date_data(text)
    found = data.date_obj
    # dateparser fills unstated parts from today; a year that is not in the
    # text means it guessed, and a guessed date is not evidence.
    if found is None or str(found.year) not in years:
        return None
    if data.period == "year":
        return f"{found.year:04d}", "year"
    if data.period == "month":
        return f"{found.year:04d}-{found.month:02d}", "month"
    return f"{found.year:04d}-{found.month:02d}-{found.day:02d}", "day"


def copyright_year(line: str) -> str | None:
    """The latest year in a copyright line ('© 2019-2023 X' -> '2023')."""
    years = _YEAR.findall(line)
    return max(years) if years else None
