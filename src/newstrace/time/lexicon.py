"""Words of time in English and German, and the regex fragments built from them.

No library lists these the way a *finder* needs them (dateparser parses a
string it is given; it does not find one in running text), so they are
written here. Everything is compiled once, at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lang import caseless, languages, resources

# Month and weekday names (ISO: Monday = 1) of every language with a data file.
MONTHS: dict[str, int] = {name: n for code in languages() for name, n in resources(code).months.items()}
WEEKDAYS: dict[str, int] = {name: n for code in languages() for name, n in resources(code).weekdays.items()}

# Every inflected form the unit regexes accept, with its TIMEX3 letter. The
# regexes are built from these keys, so whatever they match can be looked up
# ("Nächten" is a plural of "Nacht" that no prefix rule finds).
UNIT_FORMS: dict[str, str] = {}
for _code, _forms in {
    "S": "second seconds sekunde sekunden",
    "M": "month months monat monate monaten monats",
    "MIN": "minute minutes minuten",
    "H": "hour hours stunde stunden",
    "D": "day days night nights tag tage tagen tages nacht nächte nächten",
    "W": "week weeks woche wochen",
    "WE": "weekend weekends wochenende wochenenden",
    "2W": "fortnight fortnights",
    "Q": "quarter quarters quartal quartale quartalen quartals",
    "Y": "year years jahr jahre jahren jahres",
    "DE": "decade decades jahrzehnt jahrzehnte jahrzehnten jahrzehnts",
    "CE": "century centuries jahrhundert jahrhunderte jahrhunderten jahrhunderts",
}.items():
    for _form in _forms.split():
        UNIT_FORMS[_form] = _code
_ENGLISH_UNITS = {f for f in UNIT_FORMS if f.isascii() and not f.startswith(("tag", "jahr", "monat", "woch", "stund", "quartal", "sekund"))}
_ENGLISH_UNITS -= {"nacht", "minuten"}


def fold(word: str) -> str:
    """A lookup key for a word a case-insensitive regex matched (see `lang.caseless`)."""
    return caseless(word).strip().rstrip(".")


def unit_code(word: str) -> tuple[str, bool]:
    """'hours' -> ('H', True): the TIMEX3 letter and whether it is a time unit.
    ValueError for a word that is not a unit (the regexes never give one)."""
    code = UNIT_FORMS.get(fold(word))
    if code is None:
        raise ValueError(f"not a unit of time: {word!r}")
    if code == "MIN":
        return "M", True
    return code, code in ("S", "H")


NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "eines": 1, "zwei": 2,
    "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
    "fünfzig": 50, "hundert": 100,
}
VAGUE_NUMBERS = {
    "few", "a few", "several", "some", "many", "couple of", "a couple of", "the couple of",
    "mehrere", "einige", "wenige", "ein paar", "viele", "numerous", "dozens of", "hundreds of",
}

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "ersten": 1, "erste": 1, "zweiten": 2, "zweite": 2, "dritten": 3, "dritte": 3,
    "vierten": 4, "vierte": 4,
}

SEASONS = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
    "frühling": "SP", "frühjahr": "SP", "sommer": "SU", "herbst": "FA",
}


def token_forms(words: Iterable[str]) -> frozenset[str]:
    """The lowercase tokens in which the rules meet these words: as listed, with an
    abbreviation's period ("sept."), or with a plural s ("mondays")."""
    return frozenset(form for word in words for form in (word, f"{word}.", f"{word}s"))


# What the rules that need one of them are tried near (`registry.Rule.near`).
MONTH_TOKENS = token_forms(MONTHS)
WEEKDAY_TOKENS = token_forms(WEEKDAYS)
UNIT_TOKENS = token_forms([*UNIT_FORMS, *SEASONS])


def alternation(words: object) -> str:
    """A regex alternation, longest first so that 'sept' beats 'sep'."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER = (
    rf"(?:\d+(?:[.,]\d+)?|(?:{_TENS})(?:[- ](?:{_DIGIT_WORDS}))?|"
    rf"{alternation(w for w in NUMBER_WORDS if w not in ('hundred', 'hundert'))}|"
    rf"{alternation(VAGUE_NUMBERS)}|half an?)"
)
MONTH = rf"(?:{alternation(MONTHS)})\.?"
WEEKDAY = rf"(?:{alternation(w for w in WEEKDAYS if len(w) > 3)})"
WEEKDAY_SHORT = rf"(?:{alternation(WEEKDAYS)})\.?"
UNIT_EN = rf"(?:{alternation(_ENGLISH_UNITS)})"
# German nouns are capitalised; the rules using this pattern match case-sensitively.
UNIT_DE = rf"(?:{alternation(f.capitalize() for f in UNIT_FORMS if f not in _ENGLISH_UNITS or f == 'minute')})"
NUM_UNIT_EN = rf"(?P<n>{NUMBER})[\s-]+(?P<u>{UNIT_EN})"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])"


def number_value(word: str) -> int | None:
    """'twenty four' -> 24, '3' -> 3, 'several' -> None (a vague amount: X in TIMEX3)."""
    w = fold(word)
    if w in VAGUE_NUMBERS or w.startswith("half"):
        return None
    if re.fullmatch(r"\d+", w):
        return int(w)
    if re.fullmatch(r"\d+[.,]\d+", w):
        return None
    total = 0
    for part in re.split(r"[- ]", w):
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total
