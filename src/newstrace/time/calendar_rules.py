"""Rules for calendar dates the text states: ISO and numeric dates, day and month, month and year, years."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .anchoring import (
    Anchor,
    resolve_month,
    resolve_month_day,
    year_from_weekday,
)
from .lexicon import (
    DAY,
    MONTH,
    MONTH_TOKENS,
    MONTHS,
    WEEKDAY_SHORT,
    WEEKDAYS,
    YEAR,
    fold,
)
from .registry import ONLY_DIGITS, Context, Result, Rules

RULES = Rules()


# --- absolute dates: parsed by dateparser ----------------------------------

_PARSERS: dict[str, object] = {}


@lru_cache(maxsize=8192)
def parse_absolute(text: str, order: str) -> dt.date | None:
    """dateparser on a date string we found; None when it cannot read it."""
    from dateparser.date import DateDataParser

    parser = _PARSERS.get(order)
    if parser is None:
        parser = DateDataParser(
            languages=["en", "de"],
            settings={"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": dt.datetime(2000, 1, 1)},
        )
        _PARSERS[order] = parser
    data = parser.get_date_data(text)  # type: ignore[attr-defined]
    return data.date_obj.date() if data and data.date_obj else None


def _month_number(word: str) -> int:
    return MONTHS[fold(word)]


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= 40 else 2000
    return year


def _plausible_year(year: int, anchor: Anchor | None) -> bool:
    return 1000 <= year <= (anchor.date.year + 20 if anchor else 2100)


@RULES.add(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<t>\d{2}:\d{2}(?::\d{2})?))?\b", near=ONLY_DIGITS)
def iso_date(m: re.Match[str], ctx: Context) -> Result:
    try:
        date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["t"]:
        return "time", f"{date.isoformat()}T{m['t'][:5]}", False
    return "date", date.isoformat(), False


@RULES.add(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)", near=ONLY_DIGITS)
def numeric_date(m: re.Match[str], ctx: Context) -> Result:
    # '/' is the American month/day order, '.' the German day.month one.
    order = "MDY" if m["sep"] == "/" else "DMY"
    month, day = (int(m["a"]), int(m["b"])) if order == "MDY" else (int(m["b"]), int(m["a"]))
    year = _full_year(m["y"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    parsed = parse_absolute(m[0], order)
    return "date", (parsed or date).isoformat(), False


@RULES.add(r"\b(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\b", near=ONLY_DIGITS)
def compact_date(m: re.Match[str], ctx: Context) -> Result:
    try:
        return "date", dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat(), False
    except ValueError:
        return None


def _month_day(m: re.Match[str], ctx: Context) -> Result:
    month, day = _month_number(m["m"]), int(m["d"])
    weekday = WEEKDAYS.get(fold(m["wd"] or "")) if m["wd"] else None
    if m["y"]:
        year = _full_year(m["y"])
        if not _plausible_year(year, ctx.anchor):
            return None
        date = parse_absolute(f"{day} {m['m']} {year}", "DMY")
        try:
            if date is None or (date.month, date.day) != (month, day):
                date = dt.date(year, month, day)
        except ValueError:
            return None
        return "date", date.isoformat(), False
    if weekday is not None:
        # The weekday fixes the year among nearby ones: evidence, not a guess.
        near = ctx.anchor.date.year if ctx.anchor else None
        if near is not None:
            year = year_from_weekday(month, day, weekday, near)
            if year is not None:
                return "date", dt.date(year, month, day).isoformat(), True
    if ctx.anchor is None or not ctx.anchor.knows("year"):
        return "date", f"XXXX-{month:02d}-{day:02d}", False
    if ctx.anchor.precision != "day":
        if ctx.anchor.precision == "month" and month == ctx.anchor.date.month:
            return "date", f"{ctx.anchor.date.year:04d}-{month:02d}-{day:02d}", True
        return "date", f"XXXX-{month:02d}-{day:02d}", False
    date = resolve_month_day(ctx.anchor.date, month, day, ctx.tense())
    return ("date", date.isoformat(), True) if date else None


_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY_SHORT}),?\s+)?"


@RULES.add(rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<m>{MONTH})(?![a-zäöü])(?:,?\s+(?P<y>{YEAR}))?\b", near=MONTH_TOKENS)
def day_month(m: re.Match[str], ctx: Context) -> Result:
    return _month_day(m, ctx)


@RULES.add(rf"\b{_WD_PREFIX}(?P<m>{MONTH})\s+(?P<d>{DAY})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|\.\d|,\d))(?:,?\s+(?P<y>{YEAR})\b)?", near=MONTH_TOKENS)
def month_day(m: re.Match[str], ctx: Context) -> Result:
    return _month_day(m, ctx)


_AMBIGUOUS_MONTHS = {"may", "mar", "march", "jan", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "feb", "apr", "mai"}
_MONTH_CUES = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|during|through|from|to|before|after|early|late|mid|last|next|this|"
    r"im|seit|bis|ab|vor|nach|Anfang|Mitte|Ende|Monat)\s+|mid-)$",
    re.I,
)


@RULES.add(
    rf"\b(?:(?P<mod>early|mid|late|the end of|end of|the beginning of|the start of|Anfang|Mitte|Ende)[\s-]+)?"
    rf"(?P<m>{MONTH})(?![a-zäöü])(?:\s+of)?,?\s+(?P<y>{YEAR})\b",
    near=MONTH_TOKENS,
)
def month_year(m: re.Match[str], ctx: Context) -> Result:
    year = int(m["y"])
    if not _plausible_year(year, ctx.anchor):
        return None
    return "date", f"{year:04d}-{_month_number(m['m']):02d}", False


@RULES.add(
    rf"\b(?:(?P<rel>last|next|this|past|coming|previous|vergangenen|letzten|nächsten|kommenden|diesen)\s+)?"
    rf"(?:(?P<mod>early|mid|late|Anfang|Mitte|Ende)[\s-]+)?(?P<m>{MONTH})(?![a-zäöü\w])",
    near=MONTH_TOKENS,
)
def bare_month(m: re.Match[str], ctx: Context) -> Result:
    word = fold(m["m"])
    if not m["m"][0].isupper() or (len(word) <= 4 and word not in ("june", "july", "juni", "juli", "mai", "märz")):
        if not (m["rel"] or m["mod"]):
            return None
    if (word in _AMBIGUOUS_MONTHS or m["m"].endswith(".")) and not (m["rel"] or m["mod"]):
        if not _MONTH_CUES.search(ctx.before(20)):
            return None
    month = _month_number(m["m"])
    if ctx.anchor is None:
        return "date", f"XXXX-{month:02d}", False
    rel = fold(m["rel"] or "")
    a = ctx.anchor.date
    if rel in ("last", "past", "previous", "vergangenen", "letzten"):
        year = a.year if month < a.month else a.year - 1
    elif rel in ("next", "coming", "nächsten", "kommenden"):
        year = a.year if month > a.month else a.year + 1
    elif rel in ("this", "diesen"):
        year = a.year
    else:
        if ctx.anchor.precision == "year":
            return "date", f"XXXX-{month:02d}", False
        year = resolve_month(a, month, ctx.tense())
    return "date", f"{year:04d}-{month:02d}", True


@RULES.add(
    rf"\b(?:(?P<pre>fiscal|mid-|early|late|the end of|end of|Anfang|Mitte|Ende|the)[\s-]*)?"
    rf"(?P<y>{YEAR})(?P<s>s|'s)?(?![\d,.]\d|\s*(?:%|percent|Prozent))\b",
    near=ONLY_DIGITS,
)
def year(m: re.Match[str], ctx: Context) -> Result:
    if ctx.before(1) in ("$", "€", "£", "#") or re.search(r"(?:No\.|Nr\.|number)\s*$", ctx.before(10)):
        return None
    value = int(m["y"])
    if not _plausible_year(value, ctx.anchor) or value < 1800:
        return None
    if m["s"]:
        return "date", m["y"][:3], False
    if fold(m["pre"] or "") == "the":
        return None
    return "date", f"{value:04d}", False
