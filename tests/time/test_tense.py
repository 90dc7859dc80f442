"""Which way a weekday or month without a year points: the governing clause's tense,
and the reference periods of company reports. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newstrace.time import Anchor, find_expressions

MONDAY = Anchor.parse("2022-01-10")  # a Monday
NOVEMBER = Anchor.parse("2022-11-02")


def values(text: str, anchor: Anchor | None = MONDAY) -> dict[str, str | None]:
    return {text[e.start : e.end]: e.value for e in find_expressions(text, anchor)}


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        # a reporting verb governs the weekday; the reported clause's "will" does not
        ("The ministry said Friday that the talks will resume.", "Friday", "2022-01-07"),
        ("The envoys issued a statement Friday saying the truce will hold.", "Friday", "2022-01-07"),
        ("Officials warned on Thursday that the dam could burst.", "Thursday", "2022-01-06"),
        # future forms
        ("The ferry service will restart on Thursday.", "Thursday", "2022-01-13"),
        ("The auction will be held on Saturday.", "Saturday", "2022-01-15"),
        ("The crew planned to leave the port on Wednesday.", "Wednesday", "2022-01-12"),
        ("The minister could arrive as early as Thursday.", "Thursday", "2022-01-13"),
        ("The lender must be repaid by December, the bank said.", "December", "2022-12"),
        # the past perfect puts a future form or an upper bound in the past
        ("The lease had been due to expire Friday evening.", "Friday evening", "2022-01-07TEV"),
        ("Nine clubs had signed the charter by Wednesday.", "Wednesday", "2022-01-05"),
        ("Until Thursday, the police had not named a suspect.", "Thursday", "2022-01-06"),
        # an irregular past verb
        ("In June, the mill took on forty workers.", "June", "2021-06"),
        # a weekday opening a clause that a subordinator continues
        ("On Friday, when the mayor cancelled her holiday, the council met.", "Friday", "2022-01-07"),
    ],
)
def test_governing_clause_sets_the_direction(text: str, mention: str, value: str) -> None:
    assert values(text)[mention] == value


def test_year_earlier_follows_the_reported_quarter() -> None:
    found = values("Acme posted a third-quarter loss, compared with year-earlier profit of $3 million.", NOVEMBER)
    assert found["third-quarter"] == "2022-Q3"
    assert found["year-earlier"] == "2021-Q3"


def test_year_earlier_without_a_quarter_gives_the_year() -> None:
    assert values("Costs were above year-earlier levels.", NOVEMBER)["year-earlier"] == "2021"


def test_report_periods() -> None:
    found = values("Sales in the latest period rose. In the year-ago period, the mill lost money.", NOVEMBER)
    assert found["the latest period"] == "2022-Q3"
    assert found["the year-ago period"] == "2021-Q3"
    # without a month in the anchor the quarter is unknown: no value rather than a guess
    assert values("Sales in the latest period rose.", Anchor.parse("2022"))["the latest period"] is None


def test_report_period_follows_a_named_fiscal_quarter() -> None:
    found = values("Net rose in the fiscal first quarter. In the year-ago period it fell.", NOVEMBER)
    assert found["the year-ago period"] == "2021-Q1"
