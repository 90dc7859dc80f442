from __future__ import annotations

from newstrace.describe.title import strip_site_name
from newstrace.pipeline import analyse_page

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
