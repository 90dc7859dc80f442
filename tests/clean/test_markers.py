from __future__ import annotations

import pytest

from newstrace.clean.markers import agency_name, line_marker, list_heading


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("© 2023 Riverpost. All rights reserved.", "copyright"),
        ("Copyright 2022 Coastal Weekly", "copyright"),
        ("Disclaimer: this article was translated automatically.", "disclaimer"),
        ("READ MORE: Bank governor warns of slower growth", "read-more"),
        ("more on the subject – Why the bridge was never built", "read-more"),
        ("Read more »", "read-more"),
        ("Categories: ECONOMY, MARKETS", "category"),
        ("Filed under: Politics", "category"),
        ("Share", "share"),
        ("Follow us on Twitter and Facebook", "share"),
        ("Discuss", "footer"),
        ("12 comments", "footer"),
        ("0:00", "widget"),
        ("×", "widget"),
        ("Close", "widget"),
        ("Sign up for our morning newsletter", "widget"),
        ("(Reporting by Ada Lind; Editing by Per Holm)", "credit"),
        ("Published by", "credit"),
        ("© AFP / Lena Holm", "credit"),
        ('<iframe src="https://video.example/embed/1" width="560"></iframe>', "markup"),
        ("An Error occurred while compiling your sass files", "error-message"),
        ("Warning: mysql_connect() failed", "error-message"),
        (
            "Strict Standards: Non-static method Gallery::get_option() should not be called statically "
            "in /www/htdocs/site/plugins/gallery/functions.php on line 813",
            "error-message",
        ),
        ("Only variables should be passed by reference in /var/www/includes/db.php on line 785", "error-message"),
        ("Subscribe now to continue reading", "paywall"),
        ("Already a subscriber? Log in", "paywall"),
    ],
)
def test_line_markers(line: str, reason: str) -> None:
    assert line_marker(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "More than a hundred people attended the hearing on Monday.",
        "She shared the results with the committee.",
        "I also read three newsletters a week, she said, and subscribe to none of them.",
        "The closing ceremony was moved to Sunday.",
        "Warning signs were ignored for years, the report says.",
        "An error in the count delayed the result.",
        "Strict standards apply to every line of the new code, the minister said.",
    ],
)
def test_ordinary_sentences_are_not_markers(line: str) -> None:
    assert line_marker(line) is None


@pytest.mark.parametrize(
    "line", ["Related Articles", "Recent Posts", "You may also like...", "Most read", "DON'T MISS"]
)
def test_list_headings(line: str) -> None:
    assert list_heading(line) == "related-links"


def test_read_more_alone_is_a_button_not_a_list() -> None:
    assert list_heading("Read More") is None
    assert line_marker("Read More") == "read-more"


def test_agency_name() -> None:
    assert agency_name("© Reuters / Jane Roe") == "Reuters"
    assert agency_name("Reuters reported on Monday that talks had failed.") is None
