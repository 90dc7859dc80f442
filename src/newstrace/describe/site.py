"""Stage: the site or outlet that published the page.

needs: removed, html_metadata      adds: site

Evidence, best first: a given site; the page's own name for itself
(og:site_name, which trafilatura reports as `sitename`); the masthead line
the cleaner found above the headline; the name in a copyright line
("© 2023, riverpost. All rights reserved." -> "riverpost"); a "Published by X"
or agency credit line; and last the host name of the URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar
from urllib.parse import urlsplit

from ..clean.markers import agency_name
from ..clean.page_header import findings
from ..clean.shapes import word_count
from ..model import Document

_COPYRIGHT_NOISE = re.compile(
    r"©|\(c\)|ⓒ|\bcopyright\b|\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b"
    r"|(?<!\d)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?(?!\d)",
    re.IGNORECASE,
)
_PUBLISHED_BY = re.compile(r"^(?:published|posted)\s+by\s*:?\s*", re.IGNORECASE)
# The name ends where the line goes on to say something else.
_NAME_END = re.compile(r"\s*(?:[|/]|\.\s|\.$|\s[-–—]\s|;|,\s*(?:inc|ltd|llc|gmbh)\b\.?$)", re.IGNORECASE)
_MAX_SITE_WORDS = 6
_TAGLINE_AFTER = re.compile(r"\s+[|–—]\s+|\s+-\s+")
_MAX_BARE_CREDIT_WORDS = 3
# Credits that name a person or a role, not an outlet.
_NOT_A_NAME = re.compile(r"[:()@]|^by\b|\bby\b", re.IGNORECASE)


def _clean_name(text: str) -> str | None:
    name = text.strip(" \t\n,.:;-–—·|")
    if not name or word_count(name) > _MAX_SITE_WORDS:
        return None
    return name


def site_from_copyright(line: str) -> str | None:
    """'© 2023, riverpost. All rights reserved.' -> 'riverpost'."""
    rest = _COPYRIGHT_NOISE.sub(" ", line)
    rest = rest.strip(" \t,.:;-–—")
    return _clean_name(_NAME_END.split(rest, maxsplit=1)[0]) if rest else None


def site_from_credit(block: str) -> str | None:
    """'Published by\\nriverpost' -> 'riverpost'; 'Reuters' or '© AFP / Jane Doe' -> the agency.

    A bare name on its own line where a picture was ("Nordpress") is the
    credit of the outlet's own photo service: the outlet.
    """
    text = " ".join(block.split())
    published_by = _PUBLISHED_BY.match(text)
    if published_by:
        return _clean_name(text[published_by.end() :])
    agency = agency_name(block.split("\n", 1)[0])
    if agency:
        return agency
    if "\n" not in block and word_count(text) <= _MAX_BARE_CREDIT_WORDS and not _NOT_A_NAME.search(text):
        return _clean_name(text)
    return None


def host_name(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return host.removeprefix("www.") if host else None


class DescribeSite:
    name: ClassVar[str] = "describe_site"
    needs: ClassVar[frozenset[str]] = frozenset({"removed", "html_metadata"})
    adds: ClassVar[frozenset[str]] = frozenset({"site", "url"})

    def run(self, doc: Document) -> Document:
        doc.url = doc.url or doc.given.get("url") or doc.html_metadata.get("url")
        stated = doc.html_metadata.get("sitename")
        doc.site = (
            doc.given.get("site")
            # "LinkNaija | Nigeria's popular news platform", "Headline | Site": the name, the
            # shortest part, not its tagline or a headline the page put in front
            or (min(_TAGLINE_AFTER.split(stated), key=lambda part: len(part.split())).strip() if stated else None)
            or _first(_clean_name(line) for line in findings(doc, "header"))
            or _first(site_from_copyright(line) for line in findings(doc, "copyright"))
            or _first(site_from_credit(block) for block in findings(doc, "credit"))
            or host_name(doc.url)
            or doc.html_metadata.get("hostname")
        )
        return doc


def _first(candidates: Iterable[str | None]) -> str | None:
    return next((c for c in candidates if c), None)
