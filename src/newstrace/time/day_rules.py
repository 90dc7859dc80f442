"""Rules for days and times of day: weekdays, yesterday/today/tomorrow, parts of the day, clock times, and PRESENT_REF/PAST_REF/FUTURE_REF words."""

from __future__ import annotations

import datetime as dt
import re

from .anchoring import (
    Tense,
    resolve_weekday,
)
from .lexicon import (
    WEEKDAY,
    WEEKDAY_TOKENS,
    WEEKDAYS,
    fold,
    token_forms,
    unit_code,
)
from .registry import ONLY_DIGITS, Context, Result, Rules

RULES = Rules()


_PART_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "morgen": "MO", "vormittag": "MO", "nachmittag": "AF", "abend": "EV", "nacht": "NI",
}


@RULES.add(
    rf"\b(?:(?P<rel>last|next|this|coming|past|previous|vergangenen|letzten|nächsten|kommenden|diesen)\s+)?"
    rf"(?P<wd>{WEEKDAY})(?P<plural>s)?(?:\s+(?P<part>morning|afternoon|evening|night|Morgen|Vormittag|Nachmittag|Abend))?\b",
    near=WEEKDAY_TOKENS,
)
def weekday(m: re.Match[str], ctx: Context) -> Result:
    number = WEEKDAYS[fold(m["wd"])]
    part = _PART_OF_DAY.get(fold(m["part"] or ""))
    if m["plural"] or re.search(r"\b(?:every|each|jeden)\s+$", ctx.before(12), re.I):
        return "set", f"XXXX-WXX-{number}" + (f"T{part}" if part else ""), False
    if ctx.anchor is None or ctx.anchor.precision != "day":
        return "date", f"XXXX-WXX-{number}", False
    rel = fold(m["rel"] or "")
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


@RULES.add(
    r"\b(?P<day>the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight|vorgestern|übermorgen|gestern|heute|morgen)(?:\s+(?P<part>morning|afternoon|evening|night|Morgen|Vormittag|Nachmittag|Abend|Nacht|früh))?\b",
    near=token_forms(["yesterday", "today", "tomorrow", "tonight", "vorgestern", "übermorgen", "gestern", "heute", "morgen"]),
)
def deictic_day(m: re.Match[str], ctx: Context) -> Result:
    word = fold(m["day"])
    if word == "morgen" and m["day"][0].isupper() and not re.search(r"(?:^|[.!?:]\s*)$", ctx.before(3)):
        return None  # 'Morgen' is the morning; lower-case 'morgen' is tomorrow
    offset = {
        "the day before yesterday": -2, "vorgestern": -2, "yesterday": -1, "gestern": -1,
        "today": 0, "heute": 0, "tonight": 0, "tomorrow": 1, "morgen": 1,
        "the day after tomorrow": 2, "übermorgen": 2,
    }[word]
    part = "NI" if word == "tonight" else _PART_OF_DAY.get(fold(m["part"] or ""), "MO" if (m["part"] or "") == "früh" else None)
    if ctx.anchor is None or ctx.anchor.precision != "day":
        return ("time" if part else "date"), None, True
    date = ctx.anchor.date + dt.timedelta(days=offset)
    if part:
        return "time", f"{date.isoformat()}T{part}", True
    return "date", date.isoformat(), True


@RULES.add(
    r"\b(?P<rel>this|last|yesterday|Sunday)?\s*(?P<part>morning|afternoon|evening|overnight)\b",
    near=token_forms(["morning", "afternoon", "evening", "overnight"]),
)
def part_of_day(m: re.Match[str], ctx: Context) -> Result:
    rel = fold(m["rel"] or "")
    if rel not in ("this", "last") and fold(m["part"]) != "overnight":
        return None
    if ctx.anchor is None or ctx.anchor.precision != "day":
        return "time", None, True
    part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "overnight": "NI"}[fold(m["part"])]
    date = ctx.anchor.date - dt.timedelta(days=1 if rel == "last" else 0)
    return "time", f"{date.isoformat()}T{part}", True


@RULES.add(r"\blast night\b|\bgestern Abend\b", near=token_forms(["night", "abend"]))
def last_night(m: re.Match[str], ctx: Context) -> Result:
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
    "once": "PAST_REF",
}


@RULES.add(
    r"\b(?:the near future|the distant future|the immediate future|the future|future|the present|at present|"
    r"recent (?:years|months|weeks|days)|the past(?! (?:\w+ )?(?:\w+[- ])?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|decades?)\b)|"
    r"nowadays|now|currently|current|presently|recently|lately|soon|"
    r"jetzt|derzeit|zurzeit|aktuell|gegenwärtig|kürzlich|neulich|jüngst|bald|künftig|zukünftig|in Zukunft)\b",
    near=token_forms([
        "future", "present", "recent", "past", "nowadays", "now", "currently", "current", "presently", "recently",
        "lately", "soon", "jetzt", "derzeit", "zurzeit", "aktuell", "gegenwärtig", "kürzlich", "neulich", "jüngst",
        "bald", "künftig", "zukünftig", "zukunft",
    ]),
)
def reference(m: re.Match[str], ctx: Context) -> Result:
    word = fold(m[0])
    if word.startswith("recent "):
        # TIMEX3: 'recent years' is a stretch of unknown length, PXY
        return "duration", f"PX{unit_code(word[7:])[0]}", False
    if word in ("the near future", "the distant future", "the immediate future"):
        return "date", "FUTURE_REF", True
    if word == "current" and not re.match(r"\s+[a-z]", ctx.after(3)):
        return None
    if word == "future" and not re.search(r"\bin\s+$", ctx.before(4)):
        return None
    if word == "aktuell" and re.match(r"\s*(?:e|en|er|es)\b", ctx.after(3)):
        return None
    return "date", _REFS[word], True


@RULES.add(
    r"\b(?:(?P<h>\d{1,2})(?::(?P<min>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b)|(?P<h2>[01]?\d|2[0-3])[:.](?P<m2>[0-5]\d)(?:\s*(?P<uhr>Uhr|h\b))?|"
    r"(?P<h3>[01]?\d|2[0-3])\s+Uhr|(?P<word>noon|midnight|midday|Mittag|Mitternacht))"
    r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC|MEZ|MESZ)))?",
    near=ONLY_DIGITS | token_forms(["noon", "midnight", "midday", "mittag", "mitternacht"]),
)
def clock_time(m: re.Match[str], ctx: Context) -> Result:
    if m["h2"] is not None and m["uhr"] is None and not re.search(r"\b(?:at|um|gegen|by|before|after|from|until|bis|ab)\s+$", ctx.before(8), re.I):
        if m[0].count(".") or not re.match(r"\s*(?:$|[,.;)]|\s+(?:local|GMT|UTC|[A-Z]{2,4}T)\b)", ctx.after(8)):
            return None
    if m["word"]:
        word = fold(m["word"])
        hour, minute = (0, 0) if word in ("midnight", "mitternacht") else (12, 0)
        clock = "T24:00" if word in ("midnight", "mitternacht") else "T12:00"
    else:
        hour = int(m["h"] or m["h2"] or m["h3"])
        minute = int(m["min"] or m["m2"] or 0)
        ap = fold(m["ap"] or "")
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
