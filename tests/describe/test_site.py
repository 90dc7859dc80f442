from __future__ import annotations

from newstrace.describe.site import host_name, site_from_copyright, site_from_credit
from newstrace.pipeline import analyse_page

ARTICLE = (
    "The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said."
)


def test_masthead_line_names_the_site() -> None:
    doc = analyse_page(f"Valley Courier\n\nMill reopens after flood repairs\n\n{ARTICLE}", is_html=False)
    assert doc.site == "Valley Courier"


def test_copyright_line_names_the_site() -> None:
    doc = analyse_page(
        f"Mill reopens after flood repairs\n\n{ARTICLE}\n\n© 2023, millnews. All rights reserved.",
        is_html=False,
    )
    assert doc.site == "millnews"


def test_published_by_names_the_site() -> None:
    doc = analyse_page(
        f"Mill reopens after flood repairs\n\n{ARTICLE}\n\nShare\nPublished by\nmillnews", is_html=False
    )
    assert doc.site == "millnews"


def test_given_site_and_url_host() -> None:
    given = analyse_page(
        ARTICLE, is_html=False, given={"site": "Courier", "url": "https://www.courier.example/a"}
    )
    assert given.site == "Courier"
    from_url = analyse_page(ARTICLE, is_html=False, given={"url": "https://www.courier.example/a"})
    assert from_url.site == "courier.example"


def test_no_evidence_no_site() -> None:
    assert analyse_page(ARTICLE, is_html=False).site is None


def test_helpers() -> None:
    assert site_from_copyright("© 2021, paperboat. All rights reserved.") == "paperboat"
    assert (
        site_from_copyright("Copyright © 2019-2023 Valley Media Ltd. All Rights Reserved")
        == "Valley Media Ltd"
    )
    assert site_from_credit("Published by\nmillnews") == "millnews"
    assert site_from_credit("© Reuters / Jane Roe") == "Reuters"
    assert site_from_credit("(Reporting by Ada Lind)") is None
    assert host_name("https://www.courier.example/x") == "courier.example"


def test_picture_credit_names_the_outlet() -> None:
    text = f"Mill reopens after flood repairs\n\n{ARTICLE}\nNordpress\n\nThe mayor will visit the mill on Friday, her office said."
    assert analyse_page(text, is_html=False).site == "Nordpress"


def test_a_stated_site_name_loses_its_tagline_or_the_headline_in_front() -> None:
    for stated in ("Valley Courier | News for the whole valley", "Mill reopens after eight months | Valley Courier"):
        html = (
            f'<html><head><meta property="og:site_name" content="{stated}"></head><body><article>'
            f"<h1>Mill reopens after the flood</h1><p>{ARTICLE}</p></article></body></html>"
        )
        assert analyse_page(html, is_html=True).site == "Valley Courier"
