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
_SITE_SEPARATOR = re.compile(r"\s+(?:\||›|»|⋆|·|::|•)\s+")
_DASH_SEPARATOR = re.compile(r"\s+[-–—]\s+")
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
    """'Headline | Site' -> 'Headline'; 'Headline – Speaker' stays."""
    parts = _SITE_SEPARATOR.split(title)
    while len(parts) > 1 and len(parts[-1].split()) <= _MAX_SITE_SEGMENT_WORDS:
        parts.pop()
    title = " | ".join(parts) if len(parts) > 1 else parts[0]
    pieces = _DASH_SEPARATOR.split(title)
    if len(pieces) > 1 and _names_site(pieces[-1], site_names):
        title = title[: title.rfind(pieces[-1])].rstrip(" -–—")
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
        title = (
            doc.given.get("title")
            or (headlines[0] if headlines else None)
            or (strip_site_name(stated, _site_names(doc)) if stated else None)
        )
        doc.title = _SPACE.sub(" ", title).strip() if title else None
        if doc.title:
            _drop_title_from_body(doc, doc.title)
        else:
            doc.title = None  # a title of spaces is no title
        return doc


def _drop_title_from_body(doc: Document, title: str) -> None:
    """SPEC: the body is the article without its title; the cleaner may not have known it."""
    key = line_key(title)
    first, _, rest = doc.body.partition("\n")
    if key and line_key(first) == key:
        doc.body = rest.lstrip("\n")
        doc.removed.append(RemovedBlock(first, "duplicate-title"))
