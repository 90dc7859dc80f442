"""Stage: the article's title, stated once, and never left at the top of the body.

needs: body, removed, html_metadata      adds: title, body, removed

Evidence, best first:
  1. a given title (JSON Lines input): trusted as it is;
  2. the headline line the cleaner found in the text (`title` in `removed`).
     For HTML this is the line that matches the metadata title, as the page
     prints it over the article, where <title> often adds the site's name;
     measured against trafilatura's title on the benchmarks' gold titles:
     WCXB 104 -> 144 of 202 exact, trafilatura-eval 155 -> 183 of 249;
  3. the HTML metadata title, without a trailing site name.
The headline printed twice at the top ends up once, here, and not in the body.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import urlsplit

from ..clean.page_header import findings
from ..clean.shapes import line_key
from ..model import Document, RemovedBlock

# "Headline | Site", "Headline › Site": separators that only ever set off a
# site or section. Dashes also join a headline to its speaker ("... – minister"),
# so a dash-separated tail is cut only when it names the site.
_SITE_SEPARATOR = re.compile(r"\s+(?:\||›|»|⋆|·|::|•|--)\s+|\s*[｜]\s*")
_DASH_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*[—：]\s*|(?<=\S)[-_](?=[\u3000-\u9fff\uac00-\ud7af]+$)")
_TAGLINE_LEAD = re.compile(r"((?:\S+\s+){2,5}\S+):\s+(?=\S)")
# "【Site】Headline" / "Headline【Site】": CJK brackets around a site or section name
_CJK_BRACKETED = re.compile(r"^【[^】]{1,20}】\s*|\s*【[^】]{1,20}】$")
_MAX_SITE_SEGMENT_WORDS = 5
_SPACE = re.compile(r"\s+")


def _site_names(doc: Document) -> set[str]:
    names = {doc.given.get("site"), doc.html_metadata.get("sitename")}
    for url in (doc.given.get("url"), doc.html_metadata.get("url")):
        if url:
            host = urlsplit(url).hostname or ""
            names.add(host.removeprefix("www."))
            names.add(host.removeprefix("www.").split(".")[0])
    return {line_key(name) for name in names if name} - {""}


def strip_site_name(title: str, site_names: set[str]) -> str:
    """'Headline | Site', 'Site | Headline', 'Headline -- Site', 'Headline-新华网',
    '【Site】Headline' -> 'Headline'; 'Headline – Speaker' stays."""
    title = _CJK_BRACKETED.sub("", title).strip() or title
    parts = _SITE_SEPARATOR.split(title)
    named_first = False
    while len(parts) > 1 and _names_site(parts[0], site_names):
        parts.pop(0)  # the site's name in front
        named_first = True
    if named_first:
        # and its tagline: "Site | Nigeria's popular news platform: Headline"
        tagline = _TAGLINE_LEAD.match(parts[0])
        if tagline and any(word.islower() for word in tagline.group(1).split()[1:]):
            parts[0] = parts[0][tagline.end() :]
        elif len(parts) > 1 and len(parts[0].split()) <= _MAX_SITE_SEGMENT_WORDS:
            parts.pop(0)
    while len(parts) > 1 and len(parts[-1].split()) <= _MAX_SITE_SEGMENT_WORDS:
        parts.pop()
    title = " | ".join(parts) if len(parts) > 1 else parts[0]
    pieces = _DASH_SEPARATOR.split(title)
    if len(pieces) > 1 and _names_site(pieces[-1], site_names):
        title = title[: title.rfind(pieces[-1])].rstrip(" -–—_：")
    elif len(pieces) > 1 and _names_site(pieces[0], site_names):
        title = title[len(pieces[0]) :].lstrip(" -–—_：")
    return title.strip()


def _names_site(segment: str, site_names: set[str]) -> bool:
    key = line_key(segment)
    squashed = key.replace(" ", "")
    return bool(key) and any(key == name or squashed == name.replace(" ", "") for name in site_names)


class DescribeTitle:
    name: ClassVar[str] = "describe_title"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "removed", "html_metadata"})
    adds: ClassVar[frozenset[str]] = frozenset({"title", "body", "removed"})

    def run(self, doc: Document) -> Document:
        headlines = findings(doc, "title")
        stated = doc.html_metadata.get("title")
        site_names = _site_names(doc)
        # what the page says about itself is never its title: the site's name, its tagline
        masthead = site_names | {line_key(text) for text in findings(doc, "header", "tagline")}
        printed = [
            # the headline the page prints (<h1>) before the one its head states for
            # search engines and sharing, which often reads differently
            _printed_headline(doc.html_metadata.get("h1")),
            headlines[0] if headlines else None,
            stated,
        ]
        candidates = [doc.given.get("title"), *(strip_site_name(c, site_names) if c else None for c in printed)]
        title = next(
            (c for c in candidates if c and c.strip() and not _names_site(c, masthead - {""})),
            None,
        )
        doc.title = _SPACE.sub(" ", title).strip() if title else None
        if doc.title:
            _drop_title_from_body(doc, doc.title)
        else:
            doc.title = None  # a title of spaces is no title
        return doc


# A printed <h1> this short is a section's or a product's name ("VPN Services"), not the
# article's headline.
_MIN_HEADLINE_WORDS = 4


def _printed_headline(h1: str | None) -> str | None:
    """The page's <h1>, unless it reads as something else: a breadcrumb ("Science >
    Physics"), a lead-in ending in a colon, a shouted label, a section name."""
    if not h1 or len(h1.split()) < _MIN_HEADLINE_WORDS or " > " in h1 or h1.rstrip().endswith(":"):
        return None
    letters = [c for c in h1 if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return None
    return h1


def _drop_title_from_body(doc: Document, title: str) -> None:
    """SPEC: the body is the article without its title; the cleaner may not have known it."""
    key = line_key(title)
    first, _, rest = doc.body.partition("\n")
    if key and line_key(first) == key:
        doc.body = rest.lstrip("\n")
        doc.removed.append(RemovedBlock(first, "duplicate-title"))
