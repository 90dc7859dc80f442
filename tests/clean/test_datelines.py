from __future__ import annotations

import pytest

from newstrace.clean.datelines import copyright_year, is_date_line, parse_date_text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Monday, Mar 04, 2024", ("2024-03-04", "day")),
        ("4 Mar. 2024 09:30", ("2024-03-04", "day")),
        ("Published: 4 March 2024 at 09:30 GMT", ("2024-03-04", "day")),
        ("2024-03-04T09:30:00+01:00", ("2024-03-04", "day")),
        ("Updated on March 2024", ("2024-03", "month")),
    ],
)
def test_date_lines_parse_at_their_precision(line: str, expected: tuple[str, str]) -> None:
    assert is_date_line(line)
    assert parse_date_text(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Monday, 4 March",
        "The 2024 season opens today",
        "$1999",
        "2024",
        "3 days ago",
        "Ferry timetable published",
    ],
)
def test_lines_without_a_full_stated_date_are_not_date_lines(line: str) -> None:
    assert not is_date_line(line)


def test_all_number_dates_follow_the_page_language() -> None:
    assert parse_date_text("05/10/2023") == ("2023-05-10", "day")
    assert parse_date_text("05/10/2023", "de") == ("2023-10-05", "day")


def test_a_date_without_a_year_is_never_completed() -> None:
    assert parse_date_text("Monday, 4 March") is None


def test_copyright_year_is_the_latest_year() -> None:
    assert copyright_year("© 2019-2023 Riverpost Media") == "2023"
    assert copyright_year("All rights reserved") is None
