from __future__ import annotations

from newstrace.describe.title import strip_site_name
from newstrace.pipeline import analyse_page

ARTICLE = (
    "The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said."
)
PAGE = """Valley Courier

Friday, Nov 10, 2023

Mill reopens after flood repairs

Mill reopens after flood repairs

The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said.

“Every one of our workers is back,” manager Ruth Amsler said.
"""


def test_headline_from_text_once_and_not_in_body() -> None:
    doc = analyse_page(PAGE, is_html=False)
    assert doc.title == "Mill reopens after flood repairs"
    assert "Mill reopens" not in doc.body
    assert doc.body.startswith("The old paper mill")


def test_given_title_is_trusted_and_taken_out_of_the_body() -> None:
    text = (
        "Paper mill back in business\n\nThe old paper mill on the Aare reopened on Thursday, its owners said."
    )
    doc = analyse_page(text, is_html=False, given={"title": "Paper mill back in business"})
    assert doc.title == "Paper mill back in business"
    assert doc.body == "The old paper mill on the Aare reopened on Thursday, its owners said."


def test_html_title_without_site_name() -> None:
    html = """<html><head><title>Mill reopens after flood repairs | Valley Courier</title>
    <meta property="og:site_name" content="Valley Courier"></head><body><article>
    <p>The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said.</p>
    <p>“Every one of our workers is back,” manager Ruth Amsler said at the gate on Thursday morning.</p>
    </article></body></html>"""
    doc = analyse_page(html, is_html=True)
    assert doc.title == "Mill reopens after flood repairs"
    assert doc.site == "Valley Courier"
    assert "Mill reopens after flood repairs" not in doc.body


def test_strip_site_name_keeps_a_speaker_after_a_dash() -> None:
    names = {"valley courier", "valleycourier"}
    assert strip_site_name("Mill will reopen – owner", names) == "Mill will reopen – owner"
    assert strip_site_name("Mill will reopen - Valley Courier", names) == "Mill will reopen"
    assert strip_site_name("Mill will reopen | Valley Courier", set()) == "Mill will reopen"


def test_site_names_and_taglines_go_with_their_separators() -> None:
    site = {"linknaija", "sott net", "sott", "新华网"}
    assert strip_site_name(
        "LinkNaija | Nigeria's popular news platform: Mill reopens after the flood", site
    ) == ("Mill reopens after the flood")
    assert strip_site_name("Mill reopens after the flood -- Sott.net", site) == "Mill reopens after the flood"
    assert strip_site_name("洪水过后重建家园-新华网", site) == "洪水过后重建家园"
    assert strip_site_name("【新华网】洪水过后重建家园", site) == "洪水过后重建家园"


def test_a_title_is_never_the_site_name_or_its_tagline() -> None:
    text = (
        "The Valley Courier\n\nIndependent since 1911. Read along the whole valley.\n\nFriday, Nov 10, 2023\n\n"
        f"Mill reopens after flood repairs\n\n{ARTICLE}\n"
    )
    doc = analyse_page(text, is_html=False)
    assert doc.title == "Mill reopens after flood repairs" and doc.site == "The Valley Courier"


def test_the_printed_headline_before_the_head_title() -> None:
    html = (
        "<html><head><title>Mill news | Valley Courier</title>"
        '<meta property="og:title" content="Mill news"></head><body><article>'
        f"<h1>The old paper mill reopens after eight months</h1><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>"
    )
    assert analyse_page(html, is_html=True).title == "The old paper mill reopens after eight months"
