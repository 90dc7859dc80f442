"""Rules for dates named rather than numbered: holidays, spelled-out years
("nineteen ninety-six", "the year two thousand"), "the weekend", "February this year"."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter  # dateparser's own dependency

from .anchoring import Tense, resolve_weekday, week_value
from .lexicon import MONTH, MONTH_TOKENS, MONTHS, NUMBER_WORDS, UNIT_TOKENS, fold, token_forms
from .registry import Context, Result, Rules

RULES = Rules()

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TWO_DIGITS = rf"(?:(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_TEENS})"


def _spelled(words: str) -> int:
    return sum(NUMBER_WORDS[part] for part in re.split(r"[- ]+", fold(words)) if part != "and")


@RULES.add(
    rf"\b(?:(?P<century>eighteen|nineteen)[- ](?P<rest>{_TWO_DIGITS})|"
    rf"(?P<lead>the year |in )two thousand(?:(?: and)? (?P<small>{_TEENS}|{_UNITS}))?(?=\s*[.,;:!?]|\s*$))",
    near=token_forms(["eighteen", "nineteen", "thousand"]),
)
def spelled_year(m: re.Match[str], ctx: Context) -> Result:
    """Broadcast transcripts spell years out: 'January nineteen ninety-seven'."""
    if m["century"]:
        year = NUMBER_WORDS[fold(m["century"])] * 100 + _spelled(m["rest"])
    else:
        year = 2000 + (_spelled(m["small"]) if m["small"] else 0)
    return "date", f"{year:04d}", False


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _fixed(month: int, day: int):  # type: ignore[no-untyped-def]
    return lambda year: dt.date(year, month, day)


_HOLIDAYS = {
    "new year's day": _fixed(1, 1), "neujahr": _fixed(1, 1), "valentine's day": _fixed(2, 14),
    "independence day": _fixed(7, 4), "halloween": _fixed(10, 31), "christmas eve": _fixed(12, 24),
    "heiligabend": _fixed(12, 24), "christmas day": _fixed(12, 25), "christmas": _fixed(12, 25),
    "weihnachten": _fixed(12, 25), "new year's eve": _fixed(12, 31), "silvester": _fixed(12, 31),
    "tag der deutschen einheit": _fixed(10, 3), "thanksgiving day": _thanksgiving, "thanksgiving": _thanksgiving,
    "easter sunday": easter, "easter": easter, "ostersonntag": easter, "ostern": easter,
}
_HOLIDAY = "|".join(re.escape(name).replace("'", "['’]") for name in sorted(_HOLIDAYS, key=len, reverse=True))
# The longest word of each name, which a page naming the holiday holds as a token.
_HOLIDAY_WORDS = token_forms(max(re.findall(r"\w+", name), key=len) for name in _HOLIDAYS)


@RULES.add(rf"\b(?:(?P<rel>last|next|this|letzte[ns]?|nächste[ns]?|diese[ns]?)\s+)?(?P<h>{_HOLIDAY})(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", near=_HOLIDAY_WORDS)
def holiday(m: re.Match[str], ctx: Context) -> Result:
    when = _HOLIDAYS[fold(m["h"]).replace("’", "'")]
    if m["y"]:
        return "date", when(int(m["y"])).isoformat(), False
    anchor = ctx.anchor
    if anchor is None or not anchor.knows("year"):
        fixed = when(2001)
        return ("date", f"XXXX-{fixed.month:02d}-{fixed.day:02d}", False) if when(2002).month == fixed.month and when(2002).day == fixed.day else ("date", None, False)
    rel = fold(m["rel"] or "")[:4]
    a = anchor.date
    this_year = when(a.year)
    if rel in ("this", "dies") or (not rel and anchor.precision != "day"):
        return "date", this_year.isoformat(), True
    tense: Tense = "past" if rel in ("last", "letz") else "future" if rel in ("next", "näch") else ctx.tense()
    if tense == "future" or (tense is None and this_year >= a):
        chosen = this_year if this_year >= a else when(a.year + 1)
    else:
        chosen = this_year if this_year <= a else when(a.year - 1)
    return "date", chosen.isoformat(), True


@RULES.add(r"\b(?:over\s+|during\s+)?the\s+weekend\b", near=UNIT_TOKENS)
def the_weekend(m: re.Match[str], ctx: Context) -> Result:
    """'the weekend' in news is the one just past, or the next one in future context."""
    if ctx.anchor is None or ctx.anchor.precision != "day":
        return "date", None, True
    future = ctx.tense() == "future"
    saturday = resolve_weekday(ctx.anchor.date, 6, "future" if future else "past")
    if not future and ctx.anchor.date.isoweekday() == 7:
        saturday = ctx.anchor.date - dt.timedelta(days=1)
    return "date", f"{week_value(saturday)}-WE", True


@RULES.add(rf"\b(?P<m>{MONTH})(?![a-zäöü])\s+(?P<rel>this|last|next)\s+year\b", near=MONTH_TOKENS)
def month_of_named_year(m: re.Match[str], ctx: Context) -> Result:
    if ctx.anchor is None:
        return None
    step = {"this": 0, "last": -1, "next": 1}[fold(m["rel"])]
    return "date", f"{ctx.anchor.date.year + step:04d}-{MONTHS[fold(m['m'])]:02d}", True
