"""Rules for durations ("three days", "drei Tage") and sets ("every Monday", "daily")."""

from __future__ import annotations

import re

from .lexicon import (
    NUM_UNIT_EN,
    NUMBER,
    UNIT_DE,
    UNIT_TOKENS,
    WEEKDAY,
    WEEKDAYS,
    fold,
    number_value,
    token_forms,
    unit_code,
)
from .registry import Context, Result, Rules

RULES = Rules()


def duration_value(number: str, unit: str) -> str | None:
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


@RULES.add(
    rf"\b(?:(?P<det>the|a|an|its|their|his|her|our)\s+)?"
    rf"(?:(?P<rel>past|last|next|first|coming|previous|final|latest|initial|remaining|recent|further|additional|full|whole|entire|following|other)\s+)?"
    rf"{NUM_UNIT_EN}(?:[\s-]+(?P<tail>long|old))?\b",
    near=UNIT_TOKENS,
)
def duration_en(m: re.Match[str], ctx: Context) -> Result:
    if m["det"] and fold(m["n"]) in ("a", "an") and not m["rel"]:
        return None  # 'the a' never; 'a a' never
    if fold(m["n"]) in ("a", "an") and re.search(r"(?:\d|million|billion|percent|%|times|twice|once|cents?|dollars?)\W*$", ctx.before(12), re.I):
        code, _ = unit_code(m["u"])
        return "set", f"P1{code}", False
    if m["tail"] and fold(m["tail"]) == "old":
        return None  # an age ('the 6-year-old'), which TimeML does not mark
    amount = number_value(m["n"])
    if amount is not None and amount >= 1000:
        return None  # 'the 1988 second quarter': a year, not a count
    if fold(m["u"]).startswith("quarter") and "-" in m[0]:
        return None  # 'three-quarters'
    if fold(m["n"]) in ("one",) and fold(m["u"]) in ("day",) and not m["det"]:
        return None  # 'one day' is usually 'some day'
    value = duration_value(m["n"], m["u"])
    return "duration", value, False


@RULES.add(rf"\b(?:(?P<pre>seit|für|über|nach|innerhalb von|binnen)\s+)?(?P<n>{NUMBER})\s+(?P<u>{UNIT_DE})\b", 0, near=UNIT_TOKENS)
def duration_de(m: re.Match[str], ctx: Context) -> Result:
    if not m["u"][0].isupper():
        return None
    if m["pre"] and m["pre"] == "nach":
        return None
    return "duration", duration_value(m["n"], m["u"]), False


@RULES.add(r"(?:(?<=\bfor )|(?<=\bover ))(?:years|months|weeks|decades|days|hours|centuries)\b", near=UNIT_TOKENS)
def vague_duration(m: re.Match[str], ctx: Context) -> Result:
    code, is_time = unit_code(m[0])
    return "duration", f"PTX{code}" if is_time else f"PX{code}", False


@RULES.add(
    rf"\b(?:(?P<q>every|each|per|jeden|jede|jedes)\s+(?:other\s+)?(?P<u>day|week|month|year|quarter|hour|night|morning|evening|weekend|Tag|Woche|Monat|Jahr|Stunde|Nacht|{WEEKDAY})|"
    r"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|täglich|wöchentlich|monatlich|jährlich|stündlich|"
    r"montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags))\b",
    near=token_forms([
        "every", "each", "per", "jeden", "jede", "jedes", "daily", "weekly", "monthly", "annually", "yearly",
        "hourly", "nightly", "täglich", "wöchentlich", "monatlich", "jährlich", "stündlich", "montags", "dienstags",
        "mittwochs", "donnerstags", "freitags", "samstags", "sonntags",
    ]),
)
def set_expression(m: re.Match[str], ctx: Context) -> Result:
    if m["adv"]:
        if m["adv"][0].isupper():
            return None  # 'Lakeside Daily', 'Weekly Standard': a name
        word = fold(m["adv"])
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
    unit = fold(m["u"])
    if unit in WEEKDAYS:
        return "set", f"XXXX-WXX-{WEEKDAYS[unit]}", False
    if unit in ("morning", "evening"):
        return "set", "TMO" if unit == "morning" else "TEV", False
    code = {"tag": "D", "woche": "W", "monat": "M", "jahr": "Y", "stunde": "H", "nacht": "D", "night": "D", "weekend": "WE"}.get(unit)
    if code is None:
        code, _ = unit_code(unit)
    return "set", f"PT1{code}" if code == "H" else f"P1{code}", False
