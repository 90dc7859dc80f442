from __future__ import annotations

from newstrace.describe.author import author_from_byline
from newstrace.pipeline import analyse_page

ARTICLE = (
    "The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said."
)


def test_byline_under_the_title() -> None:
    doc = analyse_page(
        f"Mill reopens after flood repairs\n\nBy Ruth Amsler and Per Holm, Reuters\n\n{ARTICLE}",
        is_html=False,
    )
    assert doc.author == "Ruth Amsler; Per Holm"
    assert "By Ruth Amsler" not in doc.body


def test_published_by_is_not_an_author() -> None:
    doc = analyse_page(f"Mill reopens\n\n{ARTICLE}\n\nPublished by\nmillnews", is_html=False)
    assert doc.author is None


def test_given_author() -> None:
    assert analyse_page(ARTICLE, is_html=False, given={"author": "Ada Lind"}).author == "Ada Lind"


def test_byline_parsing() -> None:
    assert author_from_byline("By Ada Lind | Nov 10, 2023") == "Ada Lind"


def test_an_author_string_is_read_name_by_name() -> None:
    from newstrace.describe.author import clean_author

    assert clean_author("Author Maren Okafor") == "Maren Okafor"
    assert clean_author("Maren Okafor Last Updated August 1") == "Maren Okafor"
    assert clean_author("Maren Okafor; MS; RD") == "Maren Okafor"
    assert clean_author("Maren Okafor; DVM Reviewed by Tomas Berg") == "Maren Okafor"
    assert clean_author("Tina Flint Okafor; Tina Okafor") == "Tina Flint Okafor"
    assert clean_author("maren@example.org; Maren Okafor") == "Maren Okafor"
    assert clean_author("Maren Okafor; Sr Director; Harbour Lines") == "Maren Okafor; Harbour Lines"
    assert clean_author("Valley Courier Staff") == "Valley Courier Staff"


def test_junk_is_dropped_not_kept() -> None:
    from newstrace.describe.author import clean_author

    for junk in (
        "Googletag Cmd Push Dfp Ad Pg Author Sec 1",
        "Account You're logged",
        "Submitted",
        "Dec",
        "© Privacy Policy",
    ):
        assert clean_author(junk) is None, junk


def test_a_sharing_cards_written_by_label_names_the_author() -> None:
    from newstrace.pipeline import analyse_page

    html = (
        '<html><head><meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Harbour Desk Team"></head><body><article>'
        "<h1>Mill reopens after the flood</h1><p>The old paper mill on the Aare reopened on Thursday "
        "after eight months of repairs, its owners said.</p></article></body></html>"
    )
    assert analyse_page(html, is_html=True).author == "Harbour Desk Team"


def test_the_site_beside_a_writer_is_no_author_but_alone_it_is_the_byline() -> None:
    from newstrace.describe.author import _without_site

    assert _without_site("Jane Roe; Valley Courier", "Valley Courier Weekend") == "Jane Roe"
    assert _without_site("Valley Courier", "Valley Courier") == "Valley Courier"
