"""Stage: what kind of page this is, so that only articles feed quotes, and articles and headlines links.

needs: body, removed, title, html_metadata, language      adds: page_kind

General signals only, none of a site's own:
  error     an HTTP-style error in the title or the page's first words ("404",
            "Page not found", "Access denied") over a short body;
  headline  a headline with no text under it: a feed's item, or a page whose text did
            not come through; linked into stories by its headline, not read for quotes;
  stub      next to no text, or a notice that the page needs a script, cookies or a
            redirect to show anything ("JavaScript is disabled");
  paywall   a short body that asks to subscribe or sign in to read on;
  video     the page says it is a video (og:type, a /video/ path) and has little text;
  listing   mostly links (share of the page's words inside <a>), or far more teaser and
            link-list lines than article text;
  article   everything else. `interview` is set later by the interview stage, when the
            article is a transcript of turns.
The phrases are language data (`error_phrases`, `script_notices`, `paywall_phrases`).
Non-articles are stored and marked; the pipeline skips the stages that only make sense
for articles (quotes, linking), see `Pipeline.process`.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import urlsplit

from ..clean.shapes import is_headline_shaped, is_paragraph_shaped, word_count
from ..lang import resources
from ..model import Document, PageKind

# A headline of at least this many words over no text is a report of its own (a feed's item).
HEADLINE_WORDS = 4
# Below MIN_WORDS a page is a stub whatever it says; below STUB_WORDS when it holds no
# sentence ("Read more", "Photo gallery").
MIN_WORDS = 6
STUB_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?][\"”’»]?(?:\s|$)")
# Error, script and paywall notices are read only on pages shorter than this.
SHORT_PAGE_WORDS = 250
# An error page's title is short: "Page not found", "404 | The Daily Example".
ERROR_TITLE_WORDS = 8
_HTTP_ERROR = re.compile(r"(?<!\d)(?:40[0-9]|41[0-9]|50[0-4])(?!\d)")
# ... and the error opens it: at most this many characters come before it ("Oops! ").
_ERROR_LEAD_CHARS = 12
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·]\s+")
# An error message in the body itself (not the title) counts only on pages this short.
ERROR_BODY_WORDS = 80
VIDEO_PAGE_WORDS = 150
# A page whose words sit in links this much, with a short body, is a listing.
LISTING_LINK_SHARE = 0.6
LISTING_LINKED_BODY_WORDS = 40
# A body of at least this many lines, most of them headline-shaped, little prose.
LISTING_MIN_LINES = 8
LISTING_TEASER_LINK_SHARE = 0.45
LISTING_HEADLINE_SHARE = 0.7
LISTING_MAX_PROSE_SHARE = 0.15
# Teaser and link-list lines removed, against the words kept.
LISTING_REMOVED_RATIO = 3.0
_LISTING_REASONS = frozenset({"teaser", "related-links", "navigation"})


def _says(text: str, phrases: tuple[str, ...]) -> bool:
    folded = text.casefold()
    return any(phrase in folded for phrase in phrases)


def _titled_as_error(heading: str, phrases: tuple[str, ...]) -> bool:
    """A short heading that opens with an error ("Page not found | Site", "Oops! 404"),
    not a headline that mentions one ("Heir not found after storm")."""
    folded = _TITLE_SEPARATOR.split(heading.casefold().strip())[0]
    code = _HTTP_ERROR.search(folded)
    if code is not None and code.start() <= _ERROR_LEAD_CHARS:
        return True
    for phrase in phrases:
        at = folded.find(phrase)
        if 0 <= at <= _ERROR_LEAD_CHARS and at + len(phrase) >= len(folded) - 2:
            return True
    return False


def page_kind(doc: Document) -> PageKind:
    words = word_count(doc.body)
    language = resources(doc.language or "en")
    # servers and platforms answer in English whatever the site's language
    english = resources("en")
    errors = language.error_phrases + english.error_phrases
    headings = [h for h in (doc.title, doc.html_metadata.get("h1")) if h and len(h.split()) <= ERROR_TITLE_WORDS]
    if words < SHORT_PAGE_WORDS and any(_titled_as_error(h, errors) for h in headings):
        return "error"  # "Page Not Found", "404 | Site", "Access denied"
    if words < ERROR_BODY_WORDS and _says(doc.body[:300], errors):
        return "error"
    removed_text = " ".join(block.text for block in doc.removed)
    if words < SHORT_PAGE_WORDS and _says(doc.body + " " + removed_text, language.script_notices + english.script_notices):
        return "stub"
    title = (doc.title or "").strip()
    if words == 0 and word_count(title) >= HEADLINE_WORDS and is_headline_shaped(title):
        return "headline"  # "Central bank holds rates as inflation eases", and nothing under it
    if words < MIN_WORDS or (words < STUB_WORDS and not _SENTENCE_END.search(doc.body)):
        return "stub"  # a few words and no sentence: a label, a button, a caption
    if words < SHORT_PAGE_WORDS and _says(doc.body[-600:] + " " + removed_text, language.paywall_phrases + english.paywall_phrases):
        return "paywall"
    url = doc.given.get("url") or doc.html_metadata.get("url") or ""
    is_video = doc.html_metadata.get("og_type", "").startswith("video") or "/video/" in urlsplit(url).path
    if is_video and words < VIDEO_PAGE_WORDS:
        return "video"
    link_share = float(doc.html_metadata.get("link_share", "0") or 0)
    if doc.is_html and link_share >= LISTING_LINK_SHARE and words < LISTING_LINKED_BODY_WORDS:
        return "listing"  # a page of links with next to no text of its own
    if (link_share >= LISTING_TEASER_LINK_SHARE or not doc.is_html) and _teaser_lines(doc.body):
        return "listing"  # lines of teasers on a page where much of the text is links
    teasers = sum(word_count(b.text) for b in doc.removed if b.reason in _LISTING_REASONS)
    if words < LISTING_LINKED_BODY_WORDS and teasers > LISTING_REMOVED_RATIO * words:
        return "listing"
    return "article"


def _teaser_lines(body: str) -> bool:
    """A body made of headline-shaped lines (a list of teasers) and hardly any prose."""
    lines = [line for line in body.split("\n") if line.strip()]
    if len(lines) < LISTING_MIN_LINES:
        return False
    prose = sum(is_paragraph_shaped(line) for line in lines)
    headlines = sum(is_headline_shaped(line, max_words=20) for line in lines)
    return headlines >= LISTING_HEADLINE_SHARE * len(lines) and prose <= LISTING_MAX_PROSE_SHARE * len(lines)


class ClassifyPage:
    name: ClassVar[str] = "classify_page"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "removed", "title", "html_metadata", "language"})
    adds: ClassVar[frozenset[str]] = frozenset({"page_kind"})

    def run(self, doc: Document) -> Document:
        doc.page_kind = page_kind(doc)
        return doc
