from __future__ import annotations

from lxml.html import fromstring

from newstrace.clean.page_date import PageDate, _as_printed, prints_day, prints_year


def _tree(body: str):
    return fromstring(f"<html><body>{body}</body></html>")


def test_a_page_date_whose_year_the_page_never_writes_is_no_date() -> None:
    # a search over free text can compose a day out of numbers that are no date
    assert _as_printed(_tree("<p>Chapter 19, verse 2, page 20.</p>"), "2020-02-19") is None


def test_a_printed_day_stands_and_a_first_of_the_month_needs_its_day_printed() -> None:
    assert _as_printed(_tree("<p>Updated 19 February 2020</p>"), "2020-02-19") == PageDate("2020-02-19", "day", "page")
    assert _as_printed(_tree("<h2>February 2020</h2>"), "2020-02-01") == PageDate("2020-02", "month", "page")
    assert _as_printed(_tree('<time datetime="2020-02-01">Feb 1</time>'), "2020-02-01").precision == "day"


def test_years_are_read_in_full_or_closing_a_numeric_day() -> None:
    assert prints_year("Von: A. Writer | 31.10.23", "2023-10-31")
    assert prints_year("© 2023", "2023-10-31")
    assert not prints_year("Price 23 euros, 31 items", "2023-10-31")
    assert prints_day("31. Oktober 2023", "2023-10-31")
