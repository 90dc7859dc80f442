"""Text that once crashed a time stage: any exception rejects the whole document."""

from __future__ import annotations

import pytest

from newstrace.model import Document, Quote
from newstrace.time import Anchor, ContentDate, DateQuotes, TagDates, find_expressions
from newstrace.time.lexicon import UNIT_DE, UNIT_EN, UNIT_FORMS, fold, unit_code


def test_german_umlaut_plural_of_a_unit() -> None:
    # 'Nächten' matched the German unit pattern but was no key of the unit table (KeyError)
    text = "Nach zwei Nächten im Freien wurden die Wanderer gefunden."
    assert ("zwei Nächten", "duration", "P2D") in [
        (text[e.start : e.end], e.kind, e.value) for e in find_expressions(text, Anchor.parse("2022-01-10"))
    ]


def test_every_unit_the_patterns_accept_has_a_code() -> None:
    import re

    for form in UNIT_FORMS:
        for pattern in (UNIT_EN, UNIT_DE):
            if re.fullmatch(pattern, form.capitalize()) or re.fullmatch(pattern, form, re.I):
                assert unit_code(form)[0]


@pytest.mark.parametrize("word", ["FRİDAY", "TONİGHT", "ſept", "DAİLY"])
def test_case_folds_the_regex_accepts_are_lookup_keys(word: str) -> None:
    # re.I matches 'İ' to 'i' and 'ſ' to 's'; str.lower() does not undo them
    assert fold(word).isascii()
    find_expressions(f"It happened {word} at {word} 3 p.m.", Anchor.parse("2022-01-10"))


@pytest.mark.parametrize("published", ["0001-01-01", "0002-03-04", "9999-12-31", "9999-12"])
def test_anchors_at_the_calendar_edges(published: str) -> None:
    body = "Vor 2000 Jahren, 50 years ago, next week, last month, next year, the weekend, Christmas, in 10 days."
    doc = Document(id="d", source="s", sha256="", format="text", raw=body, body=body, published=published)
    TagDates().run(doc)
    ContentDate().run(doc)
    doc.quotes = [Quote(id="q", document_id="d", text=body, start=0, end=len(body), kind="direct")]
    DateQuotes().run(doc)
    assert all(body[m.start : m.end] == m.text for m in doc.date_mentions)


def test_two_thousand_years_ago_has_no_value_before_year_one() -> None:
    values = {e.value for e in find_expressions("It was built 2000 years ago.", Anchor.parse("1999-01-01"))}
    assert values == {None}
