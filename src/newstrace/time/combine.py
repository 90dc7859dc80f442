"""Passes over the expressions found, where one reading depends on its neighbours."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from .anchoring import quarter_value
from .registry import Expression

_CLOCK = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|XXXX-XX-XX)(T\d{2}:\d{2})$")
_CLOCK_TO_DAY = re.compile(r"\s*,?\s*(?:on\s+|am\s+)?")


def attach_clock_to_day(text: str, expressions: list[Expression]) -> list[Expression]:
    """'noon Thursday', '5 p.m. EST Nov. 9': the clock time is on the day that
    follows it, not on the page's day."""
    merged: list[Expression] = []
    for expression in expressions:
        previous = merged[-1] if merged else None
        clock = _CLOCK.match(previous.value or "") if previous and previous.rule == "clock_time" else None
        if (
            previous is not None
            and clock
            and expression.kind == "date"
            and _DAY_VALUE.match(expression.value or "")
            and _CLOCK_TO_DAY.fullmatch(text[previous.end : expression.start])
        ):
            merged[-1] = Expression(
                previous.start, expression.end, "time", f"{expression.value}{clock.group(1)}",
                previous.relative or expression.relative, "clock_time",
            )
            continue
        merged.append(expression)
    return merged


def order_coordinated_weekdays(text: str, expressions: list[Expression]) -> None:
    """'on Monday and Tuesday': the second day follows the first."""
    for first, second in itertools.pairwise(expressions):
        if first.rule == second.rule == "weekday" and re.fullmatch(r"\s*(?:and|or|to|through|-|–|und|oder|bis)\s*", text[first.end : second.start]):
            if first.value and second.value and _DAY_VALUE.match(first.value) and _DAY_VALUE.match(second.value):
                a, b = dt.date.fromisoformat(first.value), dt.date.fromisoformat(second.value)
                if b < a and a.year < 9999:  # no week past the calendar's end
                    b += dt.timedelta(days=7 * -(-(a - b).days // 7))
                second.value = b.isoformat()


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


def follow_reference_quarter(expressions: list[Expression]) -> None:
    """'a year ago', 'year-earlier', 'the year-ago period' in a report about a
    quarter mean that quarter a year earlier (the reference time of business
    news), not the calendar year; 'the latest period' is that quarter itself."""
    reference: re.Match[str] | None = None
    for expression in expressions:
        match = _QUARTER_VALUE.match(expression.value or "")
        if match and expression.rule != "report_period":
            reference = match
            continue
        if reference is None:
            continue
        year, quarter = int(reference.group(1)), int(reference.group(2))
        if expression.rule in ("ago", "year_earlier") and expression.value == f"{year - 1:04d}":
            expression.value = quarter_value(year - 1, quarter)
        elif expression.rule == "report_period" and match:
            back = int(match.group(1)) < year  # the year-ago period, not the latest
            expression.value = quarter_value(year - back, quarter)
