from copy import deepcopy

from lxml import etree
from trafilatura.utils import load_html

from newstrace.clean.page_metadata import read_page_metadata

HEAD_STATES_ALL = """<!DOCTYPE html><html lang="en"><head>
<title>Ferry returns after engine repairs | Lakeside Courier</title>
<meta property="og:site_name" content="Lakeside Courier">
<meta property="og:title" content="Ferry returns after engine repairs">
<meta name="author" content="Priya Halvorsen">
<meta property="article:published_time" content="2024-04-14T08:30:00+02:00">
<meta property="article:section" content="Regional">
<link rel="canonical" href="https://courier.example/regional/ferry-returns">
</head><body><article><h1>Ferry returns after engine repairs</h1>
<p>The lake ferry returned to service on Sunday after three weeks of repairs to its engine.</p>
<p>Passengers queued from early morning, and the first crossing left on time.</p>
</article></body></html>"""

BYLINE_ONLY = """<!DOCTYPE html><html><head><title>Council backs bike lanes</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": </script>
</head><body><article><h1>Council backs bike lanes</h1>
<p class="byline">By <span class="author">Tomasz Brennan</span></p>
<p>The council voted on Tuesday to build eleven kilometres of protected bike lanes by next summer.</p>
</article></body></html>"""


def test_head_metadata_is_read_in_full() -> None:
    metadata = read_page_metadata(load_html(HEAD_STATES_ALL), url=None)
    assert metadata["sitename"] == "Lakeside Courier"
    assert metadata["author"] == "Priya Halvorsen"
    assert metadata["date"] == "2024-04-14"
    assert metadata["url"] == "https://courier.example/regional/ferry-returns"
    assert metadata["hostname"] == "courier.example"
    assert metadata["categories"].split("\x1f") == ["Regional"]
    assert metadata["title"].startswith("Ferry returns after engine repairs")


def test_byline_is_searched_when_the_head_names_no_author_and_bad_json_ld_is_survived() -> None:
    metadata = read_page_metadata(load_html(BYLINE_ONLY), url="https://news.example/bikes")
    assert metadata["author"] == "Tomasz Brennan"
    assert "date" not in metadata  # the page states none: none is invented


def test_the_tree_is_left_as_it_was() -> None:
    tree = load_html(HEAD_STATES_ALL)
    before = etree.tostring(deepcopy(tree))
    read_page_metadata(tree, url=None)
    assert etree.tostring(tree) == before
