"""Find temporal expressions in English and German text and give each a TIMEX3 value.

Finding is ours (regexes over the words in `lexicon`): dateparser parses a
string it is handed but does not find one in running text, and it has no idea
of news conventions. Parsing the absolute dates we find (month names in either
language, numeric orders) is dateparser's, behind a cache.

`find_expressions(text, anchor)` -> [Expression]: non-overlapping, in text
order; the longest reading wins where rules overlap.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .anchoring import (
    Anchor,
    Tense,
    add_months,
    day_value,
    month_value,
    quarter_value,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    sentence_tense,
    week_value,
    year_from_weekday,
    year_value,
)
from .lexicon import (
    DAY,
    MONTH,
    MONTHS,
    NUMBER,
    ORDINALS,
    SEASONS,
    UNIT_DE,
    UNIT_EN,
    WEEKDAY,
    WEEKDAY_SHORT,
    WEEKDAYS,
    YEAR,
    number_value,
    unit_code,
)


@dataclass(slots=True)
class Expression:
    start: int
    end: int
    kind: str  # date, time, duration, set
    value: str | None
    relative: bool  # the value depends on the anchor
    rule: str


@dataclass(slots=True)
class _Context:
    text: str
    anchor: Anchor | None
    start: int
    end: int

    def tense(self) -> Tense:
        return sentence_tense(self.text, self.start, self.end)

    def before(self, chars: int = 30) -> str:
        return self.text[max(0, self.start - chars) : self.start]

    def after(self, chars: int = 30) -> str:
        return self.text[self.end : self.end + chars]


Result = tuple[str, str | None, bool] | None  # kind, value, relative
_Handler = Callable[[re.Match[str], _Context], Result]
_RULES: list[tuple[str, re.Pattern[str], _Handler]] = []


def rule(pattern: str, flags: int = re.I) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        _RULES.append((handler.__name__, re.compile(pattern, flags), handler))
        return handler

    return register


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
    return MONTHS[word.lower().rstrip(".")]


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= 40 else 2000
    return year


def _plausible_year(year: int, anchor: Anchor | None) -> bool:
    return 1000 <= year <= (anchor.date.year + 20 if anchor else 2100)


@rule(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<t>\d{2}:\d{2}(?::\d{2})?))?\b")
def iso_date(m: re.Match[str], ctx: _Context) -> Result:
    try:
        date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["t"]:
        return "time", f"{date.isoformat()}T{m['t'][:5]}", False
    return "date", date.isoformat(), False


@rule(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)")
def numeric_date(m: re.Match[str], ctx: _Context) -> Result:
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


@rule(r"\b(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\b")
def compact_date(m: re.Match[str], ctx: _Context) -> Result:
    try:
        return "date", dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat(), False
    except ValueError:
        return None


def _month_day(m: re.Match[str], ctx: _Context) -> Result:
    month, day = _month_number(m["m"]), int(m["d"])
    weekday = WEEKDAYS.get((m["wd"] or "").lower().rstrip(".")) if m["wd"] else None
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


@rule(rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<m>{MONTH})(?![a-zäöü])(?:,?\s+(?P<y>{YEAR}))?\b")
def day_month(m: re.Match[str], ctx: _Context) -> Result:
    return _month_day(m, ctx)


@rule(rf"\b{_WD_PREFIX}(?P<m>{MONTH})\s+(?P<d>{DAY})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|\.\d|,\d))(?:,?\s+(?P<y>{YEAR})\b)?")
def month_day(m: re.Match[str], ctx: _Context) -> Result:
    return _month_day(m, ctx)


_AMBIGUOUS_MONTHS = {"may", "mar", "march", "jan", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "feb", "apr", "mai"}
_MONTH_CUES = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|during|through|from|to|before|after|early|late|mid|last|next|this|"
    r"im|seit|bis|ab|vor|nach|Anfang|Mitte|Ende|Monat)\s+|mid-)$",
    re.I,
)


@rule(
    rf"\b(?:(?P<mod>early|mid|late|the end of|end of|the beginning of|the start of|Anfang|Mitte|Ende)[\s-]+)?"
    rf"(?P<m>{MONTH})(?![a-zäöü])(?:\s+of)?,?\s+(?P<y>{YEAR})\b"
)
def month_year(m: re.Match[str], ctx: _Context) -> Result:
    year = int(m["y"])
    if not _plausible_year(year, ctx.anchor):
        return None
    return "date", f"{year:04d}-{_month_number(m['m']):02d}", False


@rule(
    rf"\b(?:(?P<rel>last|next|this|past|coming|previous|vergangenen|letzten|nächsten|kommenden|diesen)\s+)?"
    rf"(?:(?P<mod>early|mid|late|Anfang|Mitte|Ende)[\s-]+)?(?P<m>{MONTH})(?![a-zäöü\w])"
)
def bare_month(m: re.Match[str], ctx: _Context) -> Result:
    word = m["m"].lower().rstrip(".")
    if not m["m"][0].isupper() or len(word) <= 4 and word not in ("june", "july", "juni", "juli", "mai", "märz"):
        if not (m["rel"] or m["mod"]):
            return None
    if (word in _AMBIGUOUS_MONTHS or m["m"].endswith(".")) and not (m["rel"] or m["mod"]):
        if not _MONTH_CUES.search(ctx.before(20)):
            return None
    month = _month_number(m["m"])
    if ctx.anchor is None:
        return "date", f"XXXX-{month:02d}", False
    rel = (m["rel"] or "").lower()
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


@rule(
    rf"\b(?:(?P<pre>fiscal|mid-|early|late|the end of|end of|Anfang|Mitte|Ende|the)[\s-]*)?"
    rf"(?P<y>{YEAR})(?P<s>s|'s)?(?![\d,.]\d|\s*(?:%|percent|Prozent))\b"
)
def year(m: re.Match[str], ctx: _Context) -> Result:
    if ctx.before(1) in ("$", "€", "£", "#") or re.search(r"(?:No\.|Nr\.|number)\s*$", ctx.before(10)):
        return None
    value = int(m["y"])
    if not _plausible_year(value, ctx.anchor) or value < 1800:
        return None
    if m["s"]:
        return "date", m["y"][:3], False
    if (m["pre"] or "").lower() == "the":
        return None
    return "date", f"{value:04d}", False


_PART_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "morgen": "MO", "vormittag": "MO", "nachmittag": "AF", "abend": "EV", "nacht": "NI",
}


@rule(
    rf"\b(?:(?P<rel>last|next|this|coming|past|previous|vergangenen|letzten|nächsten|kommenden|diesen)\s+)?"
    rf"(?P<wd>{WEEKDAY})(?P<plural>s)?(?:\s+(?P<part>morning|afternoon|evening|night|Morgen|Vormittag|Nachmittag|Abend))?\b"
)
def weekday(m: re.Match[str], ctx: _Context) -> Result:
    number = WEEKDAYS[m["wd"].lower()]
    part = _PART_OF_DAY.get((m["part"] or "").lower())
    if m["plural"] or re.search(r"\b(?:every|each|jeden)\s+$", ctx.before(12), re.I):
        return "set", f"XXXX-WXX-{number}" + (f"T{part}" if part else ""), False
    if ctx.anchor is None or ctx.anchor.precision != "day":
        return "date", f"XXXX-WXX-{number}", False
    rel = (m["rel"] or "").lower()
    tense: Tense = ctx.tense()
    if rel in ("last", "past", "previous", "vergangenen", "letzten"):
        tense = "past"
        date = resolve_weekday(ctx.anchor.date - dt.timedelta(days=1), number, "past")
    elif rel in ("next", "coming", "nächsten", "kommenden"):
        date = resolve_weekday(ctx.anchor.date, number, "future")
    else:
        date = resolve_weekday(ctx.anchor.date, number, tense)
    if part:
        return "time", f"{date.isoformat()}T{part}", True
    return "date", date.isoformat(), True


@rule(r"\b(?P<day>the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight|vorgestern|übermorgen|gestern|heute|morgen)(?:\s+(?P<part>morning|afternoon|evening|night|Morgen|Vormittag|Nachmittag|Abend|Nacht|früh))?\b")
def deictic_day(m: re.Match[str], ctx: _Context) -> Result:
    word = m["day"].lower()
    if word == "morgen" and m["day"][0].isupper() and not re.search(r"(?:^|[.!?:]\s*)$", ctx.before(3)):
        return None  # 'Morgen' is the morning; lower-case 'morgen' is tomorrow
    offset = {
        "the day before yesterday": -2, "vorgestern": -2, "yesterday": -1, "gestern": -1,
        "today": 0, "heute": 0, "tonight": 0, "tomorrow": 1, "morgen": 1,
        "the day after tomorrow": 2, "übermorgen": 2,
    }[word]
    part = "NI" if word == "tonight" else _PART_OF_DAY.get((m["part"] or "").lower(), "MO" if (m["part"] or "") == "früh" else None)
    if ctx.anchor is None or ctx.anchor.precision != "day":
        return ("time" if part else "date"), None, True
    date = ctx.anchor.date + dt.timedelta(days=offset)
    if part:
        return "time", f"{date.isoformat()}T{part}", True
    return "date", date.isoformat(), True


@rule(r"\b(?P<rel>this|last|yesterday|Sunday)?\s*(?P<part>morning|afternoon|evening|overnight)\b")
def part_of_day(m: re.Match[str], ctx: _Context) -> Result:
    rel = (m["rel"] or "").lower()
    if rel not in ("this", "last") and m["part"].lower() != "overnight":
        return None
    if ctx.anchor is None or ctx.anchor.precision != "day":
        return "time", None, True
    part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "overnight": "NI"}[m["part"].lower()]
    date = ctx.anchor.date - dt.timedelta(days=1 if rel == "last" else 0)
    return "time", f"{date.isoformat()}T{part}", True


@rule(r"\blast night\b|\bgestern Abend\b")
def last_night(m: re.Match[str], ctx: _Context) -> Result:
    if ctx.anchor is None or ctx.anchor.precision != "day":
        return "time", None, True
    return "time", f"{(ctx.anchor.date - dt.timedelta(days=1)).isoformat()}T{'NI' if 'night' in m[0] else 'EV'}", True


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "jetzt": "PRESENT_REF", "derzeit": "PRESENT_REF", "zurzeit": "PRESENT_REF", "aktuell": "PRESENT_REF",
    "gegenwärtig": "PRESENT_REF", "inzwischen": "PRESENT_REF", "mittlerweile": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF", "lately": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "kürzlich": "PAST_REF", "neulich": "PAST_REF",
    "jüngst": "PAST_REF", "früher": "PAST_REF", "bisher": "PAST_REF", "bislang": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "bald": "FUTURE_REF",
    "künftig": "FUTURE_REF", "zukünftig": "FUTURE_REF", "in zukunft": "FUTURE_REF",
    "recent years": "PAST_REF", "recent months": "PAST_REF", "recent weeks": "PAST_REF", "recent days": "PAST_REF",
    "in recent years": "PAST_REF", "once": "PAST_REF",
}


@rule(
    r"\b(?:the near future|the distant future|the immediate future|the future|future|the present|at present|"
    r"recent (?:years|months|weeks|days)|the past(?! (?:\w+ )?(?:\w+[- ])?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|decades?)\b)|"
    r"nowadays|now|currently|current|presently|recently|lately|"
    r"jetzt|derzeit|zurzeit|aktuell|gegenwärtig|kürzlich|neulich|jüngst|bald|künftig|zukünftig|in Zukunft)\b"
)
def reference(m: re.Match[str], ctx: _Context) -> Result:
    word = m[0].lower()
    if word in ("the near future", "the distant future", "the immediate future"):
        return "date", "FUTURE_REF", True
    if word == "current" and not re.match(r"\s+[a-z]", ctx.after(3)):
        return None
    if word == "future" and not re.search(r"\bin\s+$", ctx.before(4)):
        return None
    if word == "aktuell" and re.match(r"\s*(?:e|en|er|es)\b", ctx.after(3)):
        return None
    return "date", _REFS[word], True


_GRAIN_EN = r"week|weekend|month|quarter|year|decade|century|spring|summer|fall|autumn|winter"
_GRAIN_DE = r"Woche|Wochenende|Monats?|Monat|Quartals?|Jahres|Jahr|Jahrzehnts?|Frühjahrs?|Frühling|Sommers?|Herbstes|Herbst|Winters?"


@rule(
    rf"\b(?:(?P<mod>earlier|later|early|late|mid|the end of|end of|the beginning of|the start of|the middle of|the rest of)[\s-]+)?"
    rf"(?P<rel>this|last|next|past|coming|previous|current|the past|the last|the next|the coming|the previous|the current|the same|that|the following|the preceding)\s+"
    rf"(?P<g>{_GRAIN_EN})(?![-\w])"
)
def relative_grain_en(m: re.Match[str], ctx: _Context) -> Result:
    return _relative_grain(m, ctx)


@rule(
    rf"\b(?:(?P<mod>Anfang|Mitte|Ende)\s+)?(?:im\s+|am\s+)?"
    rf"(?P<rel>diese[snmr]?|vergangene[nmsr]?|letzte[nmsr]?|nächste[nmsr]?|kommende[nmsr]?|vorige[nmsr]?|laufende[nmsr]?|selben)\s+"
    rf"(?P<g>{_GRAIN_DE})\b",
    0,
)
def relative_grain_de(m: re.Match[str], ctx: _Context) -> Result:
    return _relative_grain(m, ctx)


_GRAIN_CODE = {
    "week": "W", "woche": "W", "weekend": "WE", "wochenende": "WE", "month": "M", "monat": "M", "monats": "M",
    "quarter": "Q", "quartal": "Q", "quartals": "Q", "year": "Y", "jahr": "Y", "jahres": "Y",
    "decade": "DE", "jahrzehnt": "DE", "jahrzehnts": "DE", "century": "CE",
}


def _relative_grain(m: re.Match[str], ctx: _Context) -> Result:
    rel = m["rel"].lower()
    grain_word = m["g"].lower()
    if rel in ("the past", "the last", "the next", "the coming") and grain_word in _GRAIN_CODE:
        # 'the past year' is a stretch of time, not a calendar year
        code = _GRAIN_CODE[grain_word]
        return "duration", f"P1{'W' if code == 'WE' else code}" if code != "WE" else "P2D", False
    step = 0
    if rel.startswith(("last", "past", "previous", "vergangen", "letzt", "vorig", "the previous", "the preceding", "the past", "the last")):
        step = -1
    elif rel.startswith(("next", "coming", "nächst", "kommend", "the next", "the coming", "the following")):
        step = 1
    elif rel in ("that", "the same", "selben"):
        return None
    anchor = ctx.anchor
    season = SEASONS.get(grain_word.rstrip("s") if grain_word.endswith("ers") else grain_word)
    if season is None and grain_word.startswith(("frühjahr", "frühling", "sommer", "herbst", "winter")):
        season = SEASONS.get(re.sub(r"(e?s)$", "", grain_word), None)
    if anchor is None:
        return "date", None, True
    a = anchor.date
    if season:
        return "date", f"{a.year + step:04d}-{season}", True
    code = _GRAIN_CODE.get(grain_word)
    if code == "Y":
        return "date", year_value(dt.date(a.year + step, 1, 1)), True
    if code == "DE":
        return "date", f"{(a.year // 10 + step):03d}", True
    if code == "CE":
        return "date", f"{(a.year // 100 + step):02d}", True
    if code == "Q":
        if not anchor.knows("month"):
            return "date", None, True
        index = a.year * 4 + (a.month - 1) // 3 + step
        return "date", quarter_value(index // 4, index % 4 + 1), True
    if code == "M":
        if not anchor.knows("month"):
            return "date", None, True
        return "date", month_value(add_months(a, step)), True
    if code in ("W", "WE"):
        if not anchor.knows("day"):
            return "date", None, True
        monday = a + dt.timedelta(days=7 * step)
        value = week_value(monday)
        return "date", value + ("-WE" if code == "WE" else ""), True
    return None


_NUM_UNIT_EN = rf"(?P<n>{NUMBER})[\s-]+(?P<u>{UNIT_EN})"


@rule(rf"\b{_NUM_UNIT_EN}\s+(?P<dir>ago|earlier|later|before|after|from now|hence|previously|back)\b")
def ago(m: re.Match[str], ctx: _Context) -> Result:
    direction = m["dir"].lower()
    if direction in ("before", "after", "later", "earlier"):
        # 'two days after the vote' is relative to the vote, not to the page
        if direction in ("before", "after") and not re.match(r"\s*[,.;]", ctx.after(2)):
            return "duration", _duration_value(m["n"], m["u"]), False
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    return _shifted(number_value(m["n"]), m["u"], sign, ctx)


@rule(rf"\bvor\s+(?P<n>{NUMBER})\s+(?P<u>{UNIT_DE})\b")
def vor(m: re.Match[str], ctx: _Context) -> Result:
    return _shifted(number_value(m["n"]), m["u"], -1, ctx)


def _shifted(amount: int | None, unit: str, sign: int, ctx: _Context) -> Result:
    if amount is None:
        return "date", "PAST_REF" if sign < 0 else "FUTURE_REF", True
    code, is_time = unit_code(unit)
    anchor = ctx.anchor
    if anchor is None or is_time:
        return "date", None, True
    a = anchor.date
    if code == "D" and anchor.knows("day"):
        return "date", day_value(a + dt.timedelta(days=sign * amount)), True
    if code in ("W", "WE") and anchor.knows("day"):
        return "date", week_value(a + dt.timedelta(days=sign * 7 * amount)), True
    if code == "M" and anchor.knows("month"):
        return "date", month_value(add_months(a, sign * amount)), True
    if code == "Q" and anchor.knows("month"):
        index = a.year * 4 + (a.month - 1) // 3 + sign * amount
        return "date", quarter_value(index // 4, index % 4 + 1), True
    if code == "Y":
        return "date", year_value(dt.date(a.year + sign * amount, 1, 1)), True
    if code == "DE":
        return "date", f"{(a.year + sign * 10 * amount) // 10:03d}", True
    return "date", None, True


def _duration_value(number: str, unit: str) -> str | None:
    code, is_time = unit_code(unit)
    amount = number_value(number)
    if number.lower().startswith("half"):
        return {"H": "PT30M", "D": "PT12H", "Y": "P6M", "M": "P2W"}.get(code)
    count = "X" if amount is None else str(amount)
    if code == "WE":
        return f"P{count}WE"
    if code == "DE":
        return f"P{10 * amount}Y" if amount else "PXDE"
    if code == "2W":
        return f"P{2 * amount}W" if amount else "PXW"
    return f"PT{count}{code}" if is_time else f"P{count}{code}"


@rule(
    rf"\b(?:(?P<det>the|a|an|its|their|his|her|our)\s+)?"
    rf"(?:(?P<rel>past|last|next|first|coming|previous|final|latest|initial|remaining|recent|further|additional|full|whole|entire|following|other)\s+)?"
    rf"{_NUM_UNIT_EN}(?:[\s-]+(?P<tail>long|old))?\b"
)
def duration_en(m: re.Match[str], ctx: _Context) -> Result:
    if m["det"] and m["n"].lower() in ("a", "an") and not m["rel"]:
        return None  # 'the a' never; 'a a' never
    if m["n"].lower() in ("a", "an") and re.search(r"(?:\d|million|billion|percent|%|times|twice|once|cents?|dollars?)\W*$", ctx.before(12), re.I):
        code, _ = unit_code(m["u"])
        return "set", f"P1{code}", False
    if m["tail"] and m["tail"].lower() == "old":
        return None  # an age ('the 6-year-old'), which TimeML does not mark
    amount = number_value(m["n"])
    if amount is not None and amount >= 1000:
        return None  # 'the 1988 second quarter': a year, not a count
    if m["u"].lower().startswith("quarter") and "-" in m[0]:
        return None  # 'three-quarters'
    if m["n"].lower() in ("one",) and m["u"].lower() in ("day",) and not m["det"]:
        return None  # 'one day' is usually 'some day'
    value = _duration_value(m["n"], m["u"])
    return "duration", value, False


@rule(rf"\b(?:(?P<pre>seit|für|über|nach|innerhalb von|binnen)\s+)?(?P<n>{NUMBER})\s+(?P<u>{UNIT_DE})\b", 0)
def duration_de(m: re.Match[str], ctx: _Context) -> Result:
    if not m["u"][0].isupper():
        return None
    if m["pre"] and m["pre"] == "nach":
        return None
    return "duration", _duration_value(m["n"], m["u"]), False


@rule(r"(?:(?<=\bfor )|(?<=\bover ))(?:years|months|weeks|decades|days|hours|centuries)\b")
def vague_duration(m: re.Match[str], ctx: _Context) -> Result:
    code, is_time = unit_code(m[0])
    return "duration", f"PTX{code}" if is_time else f"PX{code}", False


@rule(
    rf"\b(?:(?P<q>every|each|per|jeden|jede|jedes)\s+(?:other\s+)?(?P<u>day|week|month|year|quarter|hour|night|morning|evening|weekend|Tag|Woche|Monat|Jahr|Stunde|Nacht|{WEEKDAY})|"
    r"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|täglich|wöchentlich|monatlich|jährlich|stündlich|"
    r"montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags))\b"
)
def set_expression(m: re.Match[str], ctx: _Context) -> Result:
    if m["adv"]:
        if m["adv"][0].isupper():
            return None  # 'London Daily', 'Weekly Standard': a name
        word = m["adv"].lower()
        if word.endswith("tags") or word.endswith("chs"):
            day = WEEKDAYS[word[:-1]]
            return "set", f"XXXX-WXX-{day}", False
        code = {
            "daily": "P1D", "täglich": "P1D", "nightly": "P1D", "weekly": "P1W", "wöchentlich": "P1W",
            "monthly": "P1M", "monatlich": "P1M", "annually": "P1Y", "yearly": "P1Y", "jährlich": "P1Y",
            "hourly": "PT1H", "stündlich": "PT1H", "quarterly": "P3M",
        }[word]
        if word in ("daily", "weekly", "monthly", "quarterly") and re.match(r"\s+(?:newspaper|paper|news|basis)", ctx.after(12), re.I):
            return None
        return "set", code, False
    unit = m["u"].lower()
    if unit in WEEKDAYS:
        return "set", f"XXXX-WXX-{WEEKDAYS[unit]}", False
    if unit in ("morning", "evening"):
        return "set", f"TMO" if unit == "morning" else "TEV", False
    code = {"tag": "D", "woche": "W", "monat": "M", "jahr": "Y", "stunde": "H", "nacht": "D", "night": "D", "weekend": "WE"}.get(unit)
    if code is None:
        code, _ = unit_code(unit)
    return "set", f"PT1{code}" if code == "H" else f"P1{code}", False


@rule(
    r"\b(?:(?P<h>\d{1,2})(?::(?P<min>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b)|(?P<h2>[01]?\d|2[0-3])[:.](?P<m2>[0-5]\d)(?:\s*(?P<uhr>Uhr|h\b))?|"
    r"(?P<h3>[01]?\d|2[0-3])\s+Uhr|(?P<word>noon|midnight|midday|Mittag|Mitternacht))"
    r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC|MEZ|MESZ)))?"
)
def clock_time(m: re.Match[str], ctx: _Context) -> Result:
    if m["h2"] is not None and m["uhr"] is None and not re.search(r"\b(?:at|um|gegen|by|before|after|from|until|bis|ab)\s+$", ctx.before(8), re.I):
        if m[0].count(".") or not re.match(r"\s*(?:$|[,.;)]|\s+(?:local|GMT|UTC|[A-Z]{2,4}T)\b)", ctx.after(8)):
            return None
    if m["word"]:
        word = m["word"].lower()
        hour, minute = (0, 0) if word in ("midnight", "mitternacht") else (12, 0)
        clock = "T24:00" if word in ("midnight", "mitternacht") else "T12:00"
    else:
        hour = int(m["h"] or m["h2"] or m["h3"])
        minute = int(m["min"] or m["m2"] or 0)
        ap = (m["ap"] or "").lower()
        if ap.startswith("p") and hour < 12:
            hour += 12
        if ap.startswith("a") and hour == 12:
            hour = 0
        if hour > 24:
            return None
        clock = f"T{hour:02d}:{minute:02d}"
    if ctx.anchor is not None and ctx.anchor.precision == "day":
        return "time", f"{ctx.anchor.date.isoformat()}{clock}", True
    return "time", f"XXXX-XX-XX{clock}", False


@rule(
    r"\b(?:the\s+)?(?:(?P<y1>(?:19|20)\d\d)\s+)?(?:(?P<rel>latest|last|current|past|previous|next|coming|year-earlier|year-ago|same|recent|fiscal)\s+)?"
    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal[\s-]+)?(?P<q>quarter|half)(?!s)\b"
    r"(?:\s+of\s+(?P<y2>(?:19|20)\d\d)\b)?"
)
def quarter(m: re.Match[str], ctx: _Context) -> Result:
    if not (m["rel"] or m["ord"] or m[0].lower().startswith("the")):
        return None
    if m["q"].lower() == "half" and not m["ord"]:
        return None
    if re.match(r"\s+of\s+(?:a|an|the|its|their|\d)", ctx.after(8)) and m["q"].lower() == "quarter" and not m["ord"]:
        return None  # 'a quarter of the shares'
    if m["q"].lower() == "half" and re.match(r"\s+of\s+(?:a|an|the|its|their|\d|all)\b", ctx.after(8)):
        return None
    stated = m["y1"] or m["y2"]
    if stated and m["ord"] and m["q"].lower() == "quarter":
        return "date", quarter_value(int(stated), ORDINALS[m["ord"].lower()]), False
    anchor = ctx.anchor
    if anchor is None or not anchor.knows("month"):
        return "date", None, True
    a = anchor.date
    current = a.year * 4 + (a.month - 1) // 3
    if stated:
        return "date", quarter_value(int(stated), (current - 1) % 4 + 1), True
    rel = (m["rel"] or "").lower()
    if m["q"].lower() == "half":
        n = ORDINALS[m["ord"].lower()]
        if n > 2:
            return None
        return "date", f"{a.year:04d}-H{n}", True
    if m["ord"]:
        n = ORDINALS[m["ord"].lower()]
        year = a.year - (1 if rel in ("year-earlier", "year-ago") else 0)
        if n > current % 4 + 1 and ctx.tense() != "future" and rel not in ("next", "coming"):
            year -= 1  # a quarter not yet begun, spoken of in the past: last year's
        return "date", quarter_value(year, n), True
    if rel in ("next", "coming"):
        index = current + 1
    elif rel in ("current",):
        index = current
    elif rel in ("year-earlier", "year-ago"):
        index = current - 5
    else:
        index = current - 1  # business news: 'the quarter' is the one just reported
    return "date", quarter_value(index // 4, index % 4 + 1), True


# --- putting it together -----------------------------------------------------


def find_expressions(text: str, anchor: Anchor | None) -> list[Expression]:
    """Every temporal expression in `text`, longest reading first, without overlaps."""
    found: list[Expression] = []
    for order, (name, pattern, handler) in enumerate(_RULES):
        for match in pattern.finditer(text):
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1] in " ,-":
                end -= 1
            if end <= start:
                continue
            result = handler(match, _Context(text, anchor, start, end))
            if result is None:
                continue
            kind, value, relative = result
            found.append(Expression(start, end, kind, value, relative, name))
    found.sort(key=lambda e: (-(e.end - e.start), e.start))
    kept: list[Expression] = []
    taken: list[tuple[int, int]] = []
    for expression in found:
        if any(expression.start < e and s < expression.end for s, e in taken):
            continue
        kept.append(expression)
        taken.append((expression.start, expression.end))
    kept.sort(key=lambda e: e.start)
    _follow_reference_quarter(kept)
    _order_coordinated_weekdays(text, kept)
    return kept


def _order_coordinated_weekdays(text: str, expressions: list[Expression]) -> None:
    """'on Monday and Tuesday': the second day follows the first."""
    for first, second in zip(expressions, expressions[1:]):
        if first.rule == second.rule == "weekday" and re.fullmatch(r"\s*(?:and|or|to|through|-|–|und|oder|bis)\s*", text[first.end : second.start]):
            if first.value and second.value and _DAY_VALUE.match(first.value) and _DAY_VALUE.match(second.value):
                a, b = dt.date.fromisoformat(first.value), dt.date.fromisoformat(second.value)
                while b < a:
                    b += dt.timedelta(days=7)
                second.value = b.isoformat()


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


def _follow_reference_quarter(expressions: list[Expression]) -> None:
    """'a year ago' in a report about a quarter means that quarter a year
    earlier (the reference time of business news), not the calendar year."""
    reference: re.Match[str] | None = None
    for expression in expressions:
        match = _QUARTER_VALUE.match(expression.value or "")
        if match:
            reference = match
            continue
        if reference and expression.rule == "ago" and expression.value == f"{int(reference.group(1)) - 1:04d}":
            expression.value = quarter_value(int(expression.value), int(reference.group(2)))
