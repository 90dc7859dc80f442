"""Holidays, spelled-out years, 'the weekend', clock times on a named day, 'recent years'."""

from __future__ import annotations

import pytest

from newstrace.time import Anchor, find_expressions

MONDAY = Anchor.parse("2022-01-10")


def found(text: str, anchor: Anchor | None = MONDAY) -> list[tuple[str, str, str | None]]:
    return [(text[e.start : e.end], e.kind, e.value) for e in find_expressions(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The clinic was bombed in January nineteen ninety-seven.", ("nineteen ninety-seven", "date", "1997")),
        ("By the year two thousand, it was gone.", ("the year two thousand", "date", "2000")),
        ("The shops were shut over Christmas.", ("Christmas", "date", "2021-12-25")),
        ("They met last Thanksgiving.", ("last Thanksgiving", "date", "2021-11-25")),
        ("The fair opens at Easter.", ("Easter", "date", "2022-04-17")),
        ("Protesters gathered over the weekend.", ("over the weekend", "date", "2022-W01-WE")),
        ("The polls will close at noon Thursday.", ("noon Thursday", "time", "2022-01-13T12:00")),
        ("Bids are due by 5 p.m. EST Jan. 14.", ("5 p.m. EST Jan. 14", "time", "2022-01-14T17:00")),
        ("Prices have risen in recent years.", ("recent years", "duration", "PXY")),
        ("The deal is expected soon.", ("soon", "date", "FUTURE_REF")),
        ("The shipyard closed in February last year.", ("February last year", "date", "2021-02")),
    ],
)
def test_named_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


def test_no_anchor_keeps_fixed_holidays_and_no_movable_ones() -> None:
    assert found("It snowed at Christmas and at Easter.", None) == [
        ("Christmas", "date", "XXXX-12-25"),
        ("Easter", "date", None),
    ]


def test_a_number_of_thousands_is_not_a_year() -> None:
    assert found("Two thousand people came.") == []
