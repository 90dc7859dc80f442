"""Calendar arithmetic against an anchor, and the news rules for choosing among readings.

The anchor is the page's stated date, at the precision the page gives it.
Relative expressions are resolved only as finely as the anchor allows: with a
year-only anchor "yesterday" has no value, and no rule here invents one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from .tense import Tense, sentence_tense

__all__ = ["Anchor", "Precision", "Tense", "sentence_tense"]

Precision = Literal["day", "month", "year"]

SLACK_DAYS = 60
_ANCHOR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A reference date and how much of it is known (the rest is a placeholder)."""

    date: dt.date
    precision: Precision

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        match = _ANCHOR.match(value or "")
        if not match:
            return None
        year, month, day = match.groups()
        try:
            return cls(
                dt.date(int(year), int(month or 1), int(day or 1)),
                "day" if day else "month" if month else "year",
            )
        except ValueError:
            return None

    @property
    def text(self) -> str:
        return {"day": day_value, "month": month_value, "year": year_value}[self.precision](self.date)

    def knows(self, precision: Precision) -> bool:
        order = {"year": 0, "month": 1, "day": 2}
        return order[self.precision] >= order[precision]


def day_value(date: dt.date) -> str:
    return date.isoformat()


def month_value(date: dt.date) -> str:
    return f"{date.year:04d}-{date.month:02d}"


def year_value(date: dt.date) -> str:
    return f"{date.year:04d}"


def week_value(date: dt.date) -> str:
    year, week, _ = date.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def add_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def resolve_weekday(anchor: dt.date, weekday: int, tense: Tense) -> dt.date:
    """A bare weekday in news: in past reporting the most recent one, in future
    context the next one; the anchor day itself when it matches (a page dated
    Monday saying talks "will open on Monday" means that day)."""
    delta = weekday - anchor.isoweekday()
    if tense == "future":
        return anchor + dt.timedelta(days=delta % 7)
    return anchor - dt.timedelta(days=(-delta) % 7)


def resolve_month_day(anchor: dt.date, month: int, day: int, tense: Tense) -> dt.date | None:
    """'16 June' without a year: the nearest such date consistent with the tense."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    # The tense rules out only readings far on the wrong side: news reports
    # dates a few weeks ahead in the past tense ("said it would act by Dec. 7").
    slack = dt.timedelta(days=SLACK_DAYS)
    if tense == "past":
        options = [d for d in options if d <= anchor + slack] or options
    elif tense == "future":
        options = [d for d in options if d >= anchor - slack] or options
    return min(options, key=lambda d: abs((d - anchor).days))


def resolve_month(anchor: dt.date, month: int, tense: Tense) -> int:
    """The year of a month named without one, nearest to the anchor given the tense."""
    if tense == "past" and month > anchor.month and month - anchor.month <= SLACK_DAYS // 30:
        return anchor.year
    if tense == "future" and month < anchor.month and anchor.month - month <= SLACK_DAYS // 30:
        return anchor.year
    if tense == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    if month - anchor.month > 6:
        return anchor.year - 1
    if anchor.month - month > 6:
        return anchor.year + 1
    return anchor.year


def year_from_weekday(month: int, day: int, weekday: int, near: int, span: int = 11) -> int | None:
    """'Sunday, 9 January' with no year: the year near `near` in which that date
    falls on that weekday. Evidence from the text, not a guess: None when no
    year within `span` fits."""
    best: int | None = None
    for offset in sorted(range(-span, span + 1), key=abs):
        year = near + offset
        try:
            if dt.date(year, month, day).isoweekday() == weekday:
                best = year
                break
        except ValueError:
            return None
    return best
