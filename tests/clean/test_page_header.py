from __future__ import annotations

from newstrace.clean.page_header import is_byline, read_header


def test_masthead_tagline_date_and_title() -> None:
    lines = [
        "Valley Courier",
        "Independent since 1921.",
        "Friday, Nov 10, 2023",
        "Mill reopens after flood repairs",
        "The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said.",
    ]
    reading = read_header(lines)
    assert reading.reasons == {0: "header", 1: "tagline", 2: "dateline", 3: "title"}
    assert reading.title_index == 3 and reading.end == 4


def test_stated_title_wins_over_shape() -> None:
    lines = [
        "Valley Courier",
        "Mill reopens after flood repairs",
        "Owners promise jobs for all former workers",
        "The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said.",
    ]
    reading = read_header(lines, title_hints=["Owners promise jobs for all former workers - Valley Courier"])
    assert reading.title_index == 2


def test_extractor_mode_does_not_guess_a_masthead() -> None:
    lines = [
        "Valley Courier",
        "Mill reopens after flood repairs",
        "The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said.",
    ]
    assert read_header(lines, guess=False).reasons == {}


def test_section_name_over_headline_is_a_category() -> None:
    lines = [
        "Business",
        "Mill Reopens After Flood Repairs",
        "The old paper mill reopened on Thursday, its owners said.",
    ]
    assert read_header(lines).reasons == {0: "category", 1: "title"}


def test_bylines() -> None:
    assert is_byline("By Jane Roe and Per Holm, Reuters")
    assert not is_byline("By then, the mill had closed.")
