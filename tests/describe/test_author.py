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
