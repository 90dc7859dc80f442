"""Temporal expressions: spans, kinds, TIMEX3 values and anchors, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newstrace.model import Document
from newstrace.time import Anchor, find_expressions, tag_dates

MONDAY = Anchor.parse("2022-01-10")  # a Monday


def found(text: str, anchor: Anchor | None = MONDAY) -> list[tuple[str, str, str | None]]:
    return [(text[e.start : e.end], e.kind, e.value) for e in find_expressions(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor spoke to reporters on Sunday.", ("Sunday", "date", "2022-01-09")),
        ("The ferry sailed on Monday.", ("Monday", "date", "2022-01-10")),
        ("The council will vote on Friday.", ("Friday", "date", "2022-01-14")),
        ("Der Bürgermeister sagte am Sonntag, die Brücke sei sicher.", ("Sonntag", "date", "2022-01-09")),
        ("The bakery closed yesterday.", ("yesterday", "date", "2022-01-09")),
        ("Prices rose last week.", ("last week", "date", "2022-W01")),
        ("Ahead of this week's harbour talks, the union met.", ("this week", "date", "2022-W02")),
        ("The mill reopens next month.", ("next month", "date", "2022-02")),
        ("Die Preise stiegen vergangenen Monat.", ("vergangenen Monat", "date", "2021-12")),
        ("The storm hit three days ago.", ("three days ago", "date", "2022-01-07")),
        ("The talks lasted three days.", ("three days", "duration", "P3D")),
        ("The market opens every Monday.", ("every Monday", "set", "XXXX-WXX-1")),
        ("The report was filed on 16 June 2021.", ("16 June 2021", "date", "2021-06-16")),
        ("Der Bericht erschien am 16. Juni 2021.", ("16. Juni 2021", "date", "2021-06-16")),
        ("The dam was finished in March 1998.", ("March 1998", "date", "1998-03")),
        ("The bridge was built in 1931.", ("1931", "date", "1931")),
        ("Results came out Aug. 7, 1998.", ("Aug. 7, 1998", "date", "1998-08-07")),
        ("Filed 11/02/89 by the clerk.", ("11/02/89", "date", "1989-11-02")),
        ("The board met at 3 p.m. to decide.", ("3 p.m.", "time", "2022-01-10T15:00")),
        ("Fishing is now banned.", ("now", "date", "PRESENT_REF")),
    ],
)
def test_values_and_spans(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


def test_month_day_without_year_takes_the_nearest_year_for_the_tense() -> None:
    assert ("16 June", "date", "2022-06-16") in found("The two mayors will meet on 16 June.")
    assert ("3 December", "date", "2021-12-03") in found("The mayors met on 3 December.")


def test_weekday_fixes_the_year_of_a_yearless_date() -> None:
    # 9 January was a Sunday in 2022, not in 2021 or 2023
    assert ("Sunday, 9 January", "date", "2022-01-09") in found("It rained on Sunday, 9 January.", Anchor.parse("2023-05-01"))


def test_consistent_weekday_and_date() -> None:
    assert ("Friday, Jun 20, 2025", "date", "2025-06-20") in found("Friday, Jun 20, 2025")


def test_year_only_anchor_never_gives_a_day() -> None:
    anchor = Anchor.parse("2021")
    assert ("yesterday", "date", None) in found("The gate broke yesterday.", anchor)
    assert ("Sunday", "date", "XXXX-WXX-7") in found("The gate broke on Sunday.", anchor)
    assert ("this year", "date", "2021") in found("The gate broke this year.", anchor)


def test_no_anchor_keeps_what_the_text_gives() -> None:
    assert found("Speaking on Sunday, she said they meet on 16 June.", None) == [
        ("Sunday", "date", "XXXX-WXX-7"),
        ("16 June", "date", "XXXX-06-16"),
    ]


def test_not_dates() -> None:
    assert found("May I ask? He paid $1999 for it and the 6-year-old laughed.") == []


def test_coordinated_weekdays_run_forward() -> None:
    values = found("Talks will take place in Lisbon on Monday and Tuesday.")
    assert ("Monday", "date", "2022-01-10") in values and ("Tuesday", "date", "2022-01-11") in values


def test_date_mentions_have_ids_spans_and_anchors() -> None:
    body = "The pier reopened on Sunday, the harbour master said. It was built in 1931."
    doc = Document(id="d1", source="s", sha256="", format="text", raw=body, body=body, published="2022-01-10", published_precision="day")
    mentions = tag_dates(doc)
    assert [(m.text, m.value, m.anchor) for m in mentions] == [("Sunday", "2022-01-09", "2022-01-10"), ("1931", "1931", None)]
    for mention in mentions:
        assert body[mention.start : mention.end] == mention.text
        assert mention.id.startswith("t") and mention.document_id == "d1"
    assert tag_dates(doc)[0].id == mentions[0].id  # stable


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("FRİDAY", "FRİDAY"),  # re.I folds 'İ' to 'i'
        ("Sept. 5", "Sept. 5"),  # an abbreviation's period
        ("Mondays", "Mondays"),  # a plural
        ("Januar/Februar 2020", "Februar 2020"),  # a month inside a token with a mark
        ("two weeks ago", "two weeks ago"),
    ],
)
def test_rules_tried_near_their_words_meet_every_form_of_them(written: str, expected: str) -> None:
    text = f"The long story went on and on. Nothing happened. It happened {written} here. Nothing else did."
    assert expected in [span for span, _, _ in found(text)]


def test_rules_tried_near_their_words_find_what_a_scan_of_the_whole_text_finds(monkeypatch) -> None:
    from dataclasses import replace
    from pathlib import Path

    from newstrace.time import expressions

    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(corpus.glob("*.txt"))]
    texts.append(
        "Sales fell in the third quarter.\nThe plant closed on Jan.\n5, 2021, after 30\nyears. "
        "Vor drei Jahren, am 3. März, begann es. Over the weekend, for months, it rained."
    )
    near = [found(text) for text in texts]
    monkeypatch.setattr(expressions, "_RULES", [replace(rule, near=None) for rule in expressions._RULES])
    assert near == [found(text) for text in texts]
    assert sum(len(f) for f in near) > 50  # the texts do hold expressions
