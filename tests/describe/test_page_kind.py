"""Page kinds from general signals: error pages, stubs, paywalls, listings and articles."""

from __future__ import annotations

import json
from pathlib import Path

import newstrace
from newstrace.pipeline import analyse_page

ARTICLE = (
    "The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said. "
    '"Every one of our workers is back," manager Ruth Amsler said at the gate on Thursday morning.'
)


def _page(title: str, body: str, head: str = "") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


def test_an_article_is_an_article_and_has_its_quotes() -> None:
    doc = analyse_page(
        _page("Mill reopens", f"<article><h1>Mill reopens after the flood</h1><p>{ARTICLE}</p></article>"),
        is_html=True,
    )
    assert doc.page_kind == "article" and doc.quotes


def test_an_error_page_a_script_stub_and_a_paywall() -> None:
    error = analyse_page(
        _page(
            "Page Not Found | Valley Courier",
            "<h1>Page not found</h1><p>Sorry, we could not find that page. Try the search.</p>",
        ),
        is_html=True,
    )
    assert error.page_kind == "error"
    stub = analyse_page(
        _page(
            "Valley Courier",
            "<p>JavaScript is disabled in your browser. Please enable JavaScript to view this site.</p>",
        ),
        is_html=True,
    )
    assert stub.page_kind == "stub"
    paywall = analyse_page(
        _page(
            "Mill reopens",
            f"<article><h1>Mill reopens after the flood</h1><p>{ARTICLE}</p><p>Subscribe to continue reading this article.</p></article>",
        ),
        is_html=True,
    )
    assert paywall.page_kind == "paywall" and not paywall.quotes


def test_a_page_of_teasers_is_a_listing() -> None:
    teasers = "".join(
        f'<li><a href="/news/{n}">Harbour story number {n} takes a new turn</a></li>' for n in range(30)
    )
    doc = analyse_page(_page("News", f"<h1>Latest news</h1><ul>{teasers}</ul>"), is_html=True)
    assert doc.page_kind == "listing"


def test_stubs_are_stored_marked_counted_and_never_joined_as_duplicates(tmp_path: Path) -> None:
    notice = "<p>JavaScript is disabled in your browser. Please enable JavaScript to view this site. Valley Courier.</p>"
    (tmp_path / "one.html").write_text(_page("Valley Courier", notice + "<p>Page one.</p>"))
    (tmp_path / "two.html").write_text(_page("Valley Courier", notice + "<p>Page two.</p>"))
    (tmp_path / "mill.html").write_text(
        _page("Mill reopens", f"<article><h1>Mill reopens after the flood</h1><p>{ARTICLE}</p></article>")
    )
    with newstrace.open(str(tmp_path / "c.db")) as collection:
        report = collection.ingest([tmp_path])
        assert report.page_kinds == {"article": 1, "stub": 2}
        assert "2 stub" in report.summary()
        docs = {Path(d.source).name: d for d in collection.documents()}
    assert docs["one.html"].page_kind == docs["two.html"].page_kind == "stub"
    assert docs["one.html"].duplicate_of is None and docs["two.html"].duplicate_of is None
    assert docs["one.html"].story_id is None and docs["mill.html"].story_id is not None


def test_headlines_with_nothing_under_them_are_linked_into_stories(tmp_path: Path) -> None:
    # A feed of headlines (an aggregator's items): each reports an event, and two outlets'
    # headlines of one event are one story, as two articles would be.
    items = [
        {"id": "h1", "site": "Valley Courier", "published": "2024-05-13",
         "text": "Frost destroys half of the apple harvest in northern valleys"},
        {"id": "h2", "site": "Coastal Wire", "published": "2024-05-13",
         "text": "Apple harvest in northern valleys halved by late frost"},
        {"id": "h3", "site": "Coastal Wire", "published": "2024-05-13", "text": "Latest news"},
    ]  # fmt: skip
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    with newstrace.open(str(tmp_path / "c.db")) as collection:
        report = collection.ingest([tmp_path / "feed.jsonl"])
        docs = {d.id: d for d in collection.documents()}
    assert report.page_kinds == {"headline": 2, "stub": 1}
    assert docs["h1"].story_id is not None and docs["h1"].story_id == docs["h2"].story_id
    assert docs["h3"].story_id is None  # two words say nothing of an event
