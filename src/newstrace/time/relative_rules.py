"""Rules for periods named relative to the anchor: "last week", "vergangenen Monat", "three days ago", "the third quarter"."""

from __future__ import annotations

import datetime as dt
import re

from .anchoring import (
    add_months,
    day_value,
    month_value,
    quarter_value,
    week_value,
    year_value,
)
from .duration_rules import duration_value
from .lexicon import (
    NUM_UNIT_EN,
    NUMBER,
    ORDINALS,
    SEASONS,
    UNIT_DE,
    UNIT_TOKENS,
    fold,
    number_value,
    token_forms,
    unit_code,
)
from .registry import Context, Result, Rules

RULES = Rules()


_GRAIN_EN = r"week|weekend|month|quarter|year|decade|century|spring|summer|fall|autumn|winter"
_GRAIN_DE = r"Woche|Wochenende|Monats?|Monat|Quartals?|Jahres|Jahr|Jahrzehnts?|Frühjahrs?|Frühling|Sommers?|Herbstes|Herbst|Winters?"


@RULES.add(
    rf"\b(?:(?P<mod>earlier|later|early|late|mid|the end of|end of|the beginning of|the start of|the middle of|the rest of)[\s-]+)?"
    rf"(?P<rel>this|last|next|past|coming|previous|current|the past|the last|the next|the coming|the previous|the current|the same|that|the following|the preceding)\s+"
    rf"(?P<g>{_GRAIN_EN})(?![-\w])",
    near=UNIT_TOKENS,
)
def relative_grain_en(m: re.Match[str], ctx: Context) -> Result:
    return _relative_grain(m, ctx)


@RULES.add(
    rf"\b(?:(?P<mod>Anfang|Mitte|Ende)\s+)?(?:im\s+|am\s+)?"
    rf"(?P<rel>diese[snmr]?|vergangene[nmsr]?|letzte[nmsr]?|nächste[nmsr]?|kommende[nmsr]?|vorige[nmsr]?|laufende[nmsr]?|selben)\s+"
    rf"(?P<g>{_GRAIN_DE})\b",
    0,
    near=token_forms(
        "woche wochenende monat monats quartal quartals jahr jahres jahrzehnt jahrzehnts frühjahr frühjahrs "
        "frühling sommer sommers herbst herbstes winter winters".split()
    ),
)
def relative_grain_de(m: re.Match[str], ctx: Context) -> Result:
    return _relative_grain(m, ctx)


_GRAIN_CODE = {
    "week": "W", "woche": "W", "weekend": "WE", "wochenende": "WE", "month": "M", "monat": "M", "monats": "M",
    "quarter": "Q", "quartal": "Q", "quartals": "Q", "year": "Y", "jahr": "Y", "jahres": "Y",
    "decade": "DE", "jahrzehnt": "DE", "jahrzehnts": "DE", "century": "CE",
}


def _relative_grain(m: re.Match[str], ctx: Context) -> Result:
    rel = fold(m["rel"])
    grain_word = fold(m["g"])
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


@RULES.add(rf"\b{NUM_UNIT_EN}\s+(?P<dir>ago|earlier|later|before|after|from now|hence|previously|back)\b", near=UNIT_TOKENS)
def ago(m: re.Match[str], ctx: Context) -> Result:
    direction = fold(m["dir"])
    if direction in ("before", "after", "later", "earlier"):
        # 'two days after the vote' is relative to the vote, not to the page
        if direction in ("before", "after") and not re.match(r"\s*[,.;]", ctx.after(2)):
            return "duration", duration_value(m["n"], m["u"]), False
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    return _shifted(number_value(m["n"]), m["u"], sign, ctx)


@RULES.add(rf"\bvor\s+(?P<n>{NUMBER})\s+(?P<u>{UNIT_DE})\b", near=UNIT_TOKENS)
def vor(m: re.Match[str], ctx: Context) -> Result:
    return _shifted(number_value(m["n"]), m["u"], -1, ctx)


def _shifted(amount: int | None, unit: str, sign: int, ctx: Context) -> Result:
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


@RULES.add(
    r"\b(?:the\s+)?(?:(?P<y1>(?:19|20)\d\d)\s+)?(?:(?P<rel>latest|last|current|past|previous|next|coming|year-earlier|year-ago|same|recent|fiscal)\s+)?"
    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal[\s-]+)?(?P<q>quarter|half)(?!s)\b"
    r"(?:\s+of\s+(?P<y2>(?:19|20)\d\d)\b)?",
    near=token_forms(["quarter", "half"]),
)
def quarter(m: re.Match[str], ctx: Context) -> Result:
    if not (m["rel"] or m["ord"] or fold(m[0]).startswith("the")):
        return None
    if fold(m["q"]) == "half" and not m["ord"]:
        return None
    if re.match(r"\s+of\s+(?:a|an|the|its|their|\d)", ctx.after(8)) and fold(m["q"]) == "quarter" and not m["ord"]:
        return None  # 'a quarter of the shares'
    if fold(m["q"]) == "half" and re.match(r"\s+of\s+(?:a|an|the|its|their|\d|all)\b", ctx.after(8)):
        return None
    stated = m["y1"] or m["y2"]
    if stated and m["ord"] and fold(m["q"]) == "quarter":
        return "date", quarter_value(int(stated), ORDINALS[fold(m["ord"])]), False
    anchor = ctx.anchor
    if anchor is None or not anchor.knows("month"):
        return "date", None, True
    a = anchor.date
    current = a.year * 4 + (a.month - 1) // 3
    if stated:
        return "date", quarter_value(int(stated), (current - 1) % 4 + 1), True
    rel = fold(m["rel"] or "")
    if fold(m["q"]) == "half":
        n = ORDINALS[fold(m["ord"])]
        if n > 2:
            return None
        return "date", f"{a.year:04d}-H{n}", True
    if m["ord"]:
        n = ORDINALS[fold(m["ord"])]
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
