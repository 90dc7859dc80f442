"""Stage: who wrote the article, when the page says so.

needs: removed, html_metadata      adds: author

Evidence, best first: a given author; the author trafilatura read from the
page's markup (meta tags, JSON-LD, byline elements); a byline the cleaner
removed from the text ("By Jane Doe and John Roe, Reuters"). "Published by X"
lines are not bylines: blogs print the account that posted, often the site.

What the markup holds is often more than names ("Author Isaiah Shelton", "Jane Doe
Last Updated August 1", "Jillian Kubala; MS; RD", "© Conditions Privacy Policy"), so
every author is read name by name (`clean_author`): labels and what follows a name
fall away, credentials and handles are no names, a shorter form of a name given in
full is one person, and what is left must be shaped like a person's name or an
organisation's. No byline, or nothing left of it, no author.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..clean.markers import agency_name
from ..clean.page_header import findings, is_byline
from ..entities.words import ORG_WORDS, ROLE_WORDS
from ..lang import union
from ..model import Document
from ..time.lexicon import MONTHS

_BY = re.compile(r"^\s*(?:by|von|par|por|di|door|av|af)\s+", re.IGNORECASE)
# Where a byline goes on to something that is not a name: "| Mar 4, 2024",
# " - Reuters", "(Reuters)".
_AFTER_NAMES = re.compile(r"\s*(?:[|•·(]|\s[-–—]\s).*$")
_JOINERS = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*", re.IGNORECASE)


def author_from_byline(line: str) -> str | None:
    """'By Jane Doe and John Roe, Reuters' -> 'Jane Doe; John Roe'."""
    names = _AFTER_NAMES.sub("", _BY.sub("", line.strip(), count=1))
    people = [name.strip() for name in _JOINERS.split(names) if name.strip()]
    people = [name for name in people if not agency_name(name)]
    return "; ".join(people) or None


_LABELS = union("byline_labels")
_STOPS = union("byline_stops")
_GROUPS = union("byline_groups")
_PARTS = re.compile(r"\s*(?:;|\s[/|•·]\s)\s*")
# who checked or edited the piece is not who wrote it
_NOT_WRITERS = re.compile(r"\b(?:reviewed|edited|fact[- ]checked|medically reviewed|illustrated)\s+by\b.*$", re.IGNORECASE)
_WORD = re.compile(r"[^\s,]+")
# "MS", "RD", "DVM", "CEPF®", "M.A.": letters after a name, not a name
_CREDENTIAL = re.compile(r"[A-Z][A-Za-z.]{0,5}[®™]?")
_NAME_WORD = re.compile(r"(?:[A-ZÀ-ÞĀ-ſ][\w’'.-]*|[A-Z]\.|(?:de|da|del|der|van|von|la|le|di|du|bin|al|O’|O')[\w’'-]*)")
_MAX_NAME_WORDS = 5


def _name_words(part: str, later: bool = False) -> list[str]:
    """The words of one author entry that can be a name: labels in front dropped, cut at
    the first word that says something else (a date, a digit, "Updated", "Reporter"). A
    role word leaves at least two words of a name in the first entry, and nothing in a
    later one ("Jane Doe; Certified Sleep Consultant", "Digital-Security Expert")."""
    words = _WORD.findall(part)
    while words and words[0].lower().rstrip(":") in _LABELS:
        words.pop(0)
    kept = []
    for word in words:
        bare = word.strip(".,:()").lower()
        if bare in _STOPS:
            return kept if len(kept) >= 2 and not later else []
        if bare in MONTHS or any(c.isdigit() for c in word) or "@" in word:
            break
        kept.append(word.strip(",()"))
    return kept


def _is_credential(words: list[str]) -> bool:
    return len(words) == 1 and words[0].isupper() and bool(_CREDENTIAL.fullmatch(words[0])) and len(words[0]) <= 6


def clean_author(raw: str) -> str | None:
    """The names in an author string, joined with "; " (None when none is left)."""
    names: list[str] = []
    for number, part in enumerate(_PARTS.split(_NOT_WRITERS.sub("", raw))):
        words = _name_words(part, later=number > 0)
        while len(words) > 2 and _is_credential(words[-1:]) and not words[0].isupper():
            words.pop()  # "Jeffrey A. Slotnick CPP"
        if not words or _is_credential(words) or len(words) > _MAX_NAME_WORDS:
            continue
        if any(w in ROLE_WORDS or w.lower() in ROLE_WORDS for w in words):
            continue  # "Sr Director", "Garden Educator": a role, not a name
        organisation = (
            any(w in ORG_WORDS for w in words)
            or bool(agency_name(" ".join(words)))
            or (len(words) > 1 and words[-1].lower() in _GROUPS)
        )
        if not organisation and not all(_NAME_WORD.fullmatch(w) for w in words):
            continue  # "Conditions Privacy Policy" passes; "submenu" and lowercase runs do not
        names.append(" ".join(words))
    # "Tina Flint Huffman; Tina Huffman": the shorter form is the same person
    people = [
        name
        for name in dict.fromkeys(names)
        if not any(other != name and set(name.split()) < set(other.split()) for other in names)
    ]
    return "; ".join(people) or None


def _without_site(author: str, site: str) -> str | None:
    """The author's names without the site's own beside a writer's ("Jane Doe; Business
    Insider" on Business Insider Deutschland); a site that is the only byline stays (an
    organisation byline)."""
    folded_site = site.casefold()
    names = [name for name in author.split("; ") if not folded_site.startswith(name.casefold())]
    return "; ".join(names) if names else author


class DescribeAuthor:
    name: ClassVar[str] = "describe_author"
    needs: ClassVar[frozenset[str]] = frozenset({"removed", "html_metadata", "site"})
    adds: ClassVar[frozenset[str]] = frozenset({"author"})

    def run(self, doc: Document) -> Document:
        stated = doc.html_metadata.get("author")
        doc.author = doc.given.get("author") or (clean_author(stated) if stated else None)
        if doc.author and doc.site:
            doc.author = _without_site(doc.author, doc.site)
        if not doc.author:
            bylines = [
                line for block in findings(doc, "credit") for line in block.split("\n") if is_byline(line)
            ]
            found = author_from_byline(bylines[0]) if bylines else None
            doc.author = clean_author(found) if found else None
        return doc
