from __future__ import annotations

from newstrace.pipeline import analyse_page

ARTICLE = (
    "The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said."
)


def test_date_line_at_the_top() -> None:
    doc = analyse_page(f"Valley Courier\n\nFriday, Nov 10, 2023\n\nMill reopens\n\n{ARTICLE}", is_html=False)
    assert (doc.published, doc.published_precision, doc.published_text) == (
        "2023-11-10",
        "day",
        "Friday, Nov 10, 2023",
    )


def test_date_line_under_the_title_with_time() -> None:
    doc = analyse_page(f"Mühle öffnet wieder\n\n9 Nov. 2023 18:40\n\n{ARTICLE}", is_html=False)
    assert (doc.published, doc.published_precision) == ("2023-11-09", "day")


def test_copyright_gives_the_year_only() -> None:
    doc = analyse_page(f"Mill reopens\n\n{ARTICLE}\n\n© 2023, millnews. All rights reserved.", is_html=False)
    assert (doc.published, doc.published_precision, doc.published_text) == ("2023", "year", "© 2023")


def test_relative_ages_in_teasers_are_not_the_page_date() -> None:
    text = (
        f"Mill reopens\n\n{ARTICLE}\n\nRecent Posts\n\nBakery wins regional prize\n\n"
        "The family bakery on the market square won the regional prize for…\n\n3 days ago"
    )
    doc = analyse_page(text, is_html=False)
    assert doc.published is None and doc.published_text is None


def test_no_date_is_none() -> None:
    doc = analyse_page(f"Mill reopens\n\n{ARTICLE} The mayor will visit on Sunday, 16 June.", is_html=False)
    assert (doc.published, doc.published_precision, doc.published_text) == (None, None, None)


def test_given_date_wins_and_keeps_its_precision() -> None:
    doc = analyse_page(f"Friday, Nov 10, 2023\n\n{ARTICLE}", is_html=False, given={"published": "2023-11"})
    assert (doc.published, doc.published_precision) == ("2023-11", "month")


def test_html_metadata_date() -> None:
    html = """<html><head><meta property="article:published_time" content="2023-11-09T08:00:00">
    <title>Mill reopens</title></head><body><article><h1>Mill reopens</h1>
    <p>The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said.</p>
    <p>“Every one of our workers is back,” manager Ruth Amsler said at the gate on Thursday morning.</p>
    </article></body></html>"""
    doc = analyse_page(html, is_html=True)
    assert (doc.published, doc.published_precision) == ("2023-11-09", "day")


def _html(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body><article><h1>Mill reopens after the flood</h1>{body}</article></body></html>"


PARAGRAPHS = "".join(
    f"<p>{ARTICLE} Paragraph {n} of the story goes on about the mill and its owners.</p>" for n in range(4)
)


def test_every_date_has_its_basis_and_the_precision_of_its_evidence() -> None:
    meta = analyse_page(
        _html('<meta property="article:published_time" content="2023-11-10T08:00:00Z">', PARAGRAPHS),
        is_html=True,
    )
    assert (meta.published, meta.published_precision, meta.published_basis) == ("2023-11-10", "day", "meta")
    url = analyse_page(
        _html("", PARAGRAPHS), is_html=True, given={"url": "https://example.org/news/2023/11/09/mill"}
    )
    assert (url.published, url.published_basis) == ("2023-11-09", "url")
    month = analyse_page(
        _html("", PARAGRAPHS), is_html=True, given={"url": "https://example.org/2023/11/mill-reopens"}
    )
    assert (month.published, month.published_precision, month.published_basis) == ("2023-11", "month", "url")


def test_a_copyright_year_is_never_a_day_and_never_beats_the_articles_own_date() -> None:
    footer = "<footer><p>© 2015 Valley Media. All rights reserved.</p></footer>"
    undated = analyse_page(_html("", PARAGRAPHS).replace("</body>", footer + "</body>"), is_html=True)
    assert undated.published_precision in (None, "year")
    assert undated.published in (None, "2015")
    dated = analyse_page(
        _html("", "<p>October 31, 2014</p>" + PARAGRAPHS).replace("</body>", footer + "</body>"), is_html=True
    )
    assert (dated.published, dated.published_precision) == ("2014-10-31", "day")


def test_a_text_date_line_is_the_byline_basis() -> None:
    doc = analyse_page(f"Valley Courier\n\nFriday, Nov 10, 2023\n\nMill reopens\n\n{ARTICLE}", is_html=False)
    assert doc.published_basis == "byline"


def test_the_articles_own_date_wins_over_its_url_and_the_basis_says_so() -> None:
    head = '<meta property="article:published_time" content="2023-11-10T08:00:00Z">'
    doc = analyse_page(_html(head, PARAGRAPHS), is_html=True, given={"url": "https://example.org/2023/11/09/mill"})
    assert (doc.published, doc.published_precision) == ("2023-11-10", "day")
    assert doc.published_basis == "meta (the URL says 2023-11-09)"
