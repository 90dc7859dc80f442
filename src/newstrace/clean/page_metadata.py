"""What an HTML page says about itself: title, author, site, date, canonical URL.

Read from the same parsed tree as the extraction (`extract_html`), with
trafilatura's own readers of the page head (`examine_meta`: <meta> and
OpenGraph tags; `extract_meta_json`: JSON-LD) and htmldate for the date (`page_date`), the
same libraries `bare_extraction(with_metadata=True)` calls. What differs is
what is left out or searched only when needed, measured on 80 WCXB articles
(CPU s over the 80 pages, trafilatura's own `extract` takes about 2.0):

  * the whole-page byline search (`extract_author`, 0.29) runs only when
    neither the head nor JSON-LD names an author;
  * the category-link search (`extract_catstags`, 0.2) is skipped: the
    categories are the page's `article:section`, and otherwise the cleaner's
    category lines (`describe/categories`);
  * licence and tags are not read: nothing in newstrace uses them.
The readers do not change the tree (htmldate works on its own copy).
"""

from __future__ import annotations

import logging

from courlan import extract_domain
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document as PageMetadata

from .page_date import read_page_date

LOGGER = logging.getLogger(__name__)

FIELDS = ("title", "author", "url", "hostname", "sitename", "date", "description")
_SECTION_XPATH = './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'


def read_page_metadata(tree: HtmlElement, url: str | None) -> dict[str, str]:
    """The page's own metadata as strings (absent fields left out); categories
    joined by U+001F, as the describe stages read them."""
    found = examine_meta(tree)
    # a one-word author in a <meta> tag is nearly always a site or account name
    if found.author and " " not in found.author:
        found.author = None
    try:
        found = extract_meta_json(tree, found)
    except Exception as error:  # trafilatura's JSON-LD reader trips over malformed data
        LOGGER.debug("JSON-LD metadata unreadable: %s", error)
    found.title = found.title or extract_title(tree)
    found.author = found.author or _labelled_author(tree) or extract_author(tree)
    found.url = found.url or extract_url(tree, url)
    if found.url:
        found.hostname = extract_domain(found.url, fast=True)
    page_date = read_page_date(tree, found.url)
    found.date = page_date.value if page_date else None
    found.sitename = _site_name(found, tree)
    if not found.categories:
        found.categories = [element.attrib["content"] for element in tree.xpath(_SECTION_XPATH)]
    found.clean_and_trim()
    metadata = {key: str(value) for key in FIELDS if (value := getattr(found, key, None))}
    if page_date:
        metadata["date_precision"], metadata["date_basis"] = page_date.precision, page_date.basis
    headline = _headline(tree)
    if headline:
        metadata["h1"] = headline
    # for `describe/page_kind`: what the page says it is
    og_type = tree.xpath('string(//head/meta[@property="og:type"]/@content)').strip().lower()
    if og_type:
        metadata["og_type"] = og_type
    categories = [name for name in found.categories or [] if name and name.strip()]
    if categories:
        metadata["categories"] = "\x1f".join(dict.fromkeys(categories))
    return metadata


_MAX_HEADLINE_WORDS = 40
# Sharing cards label their fields: <meta name="twitter:label1" content="Written by"> with the
# writer in twitter:data1 (what blog platforms print for "Written by").
_CARD_LABELS = etree.XPath('//head/meta[starts-with(@name, "twitter:label")]')
_WRITTEN_BY = ("written by", "author", "by", "geschrieben von", "autor", "autorin")


def _labelled_author(tree: HtmlElement) -> str | None:
    for label in _CARD_LABELS(tree):
        if label.get("content", "").strip().casefold() in _WRITTEN_BY:
            number = label.get("name", "")[len("twitter:label") :]
            data = tree.xpath(f'string(//head/meta[@name="twitter:data{number}"]/@content)').strip()
            if data:
                return data
    return None


def link_share(tree: HtmlElement) -> float:
    """The share of the <body> text (in characters) that sits inside links: high on
    listings and section fronts, low on articles."""
    body = tree.find(".//body")
    if body is None:
        return 0.0
    total = sum(len(text.strip()) for text in _TEXT(body))
    if total == 0:
        return 0.0
    return min(1.0, sum(len(text.strip()) for text in _LINK_TEXT(body)) / total)


_TEXT = etree.XPath(".//text()[not(ancestor::script) and not(ancestor::style)]")
_LINK_TEXT = etree.XPath(".//a//text()")


def _headline(tree: HtmlElement) -> str | None:
    """The page's printed headline: the <h1> of its <article> or <main>, else its only <h1>."""
    headings = tree.xpath("//article//h1|//main//h1") or tree.xpath("//h1")
    if not headings or (len(headings) > 1 and not tree.xpath("//article//h1|//main//h1")):
        return None
    text = " ".join(headings[0].text_content().split())
    return text if 2 <= len(text.split()) <= _MAX_HEADLINE_WORDS else None


def _site_name(found: PageMetadata, tree: HtmlElement) -> str | None:
    """As trafilatura names the site: the stated name, else a dotted part of <title>, else the host."""
    name = found.sitename or extract_sitename(tree)
    if name:
        name = name.lstrip("@")
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        return name or None
    match = META_URL.match(found.url) if found.url else None
    return match[1] if match else None
