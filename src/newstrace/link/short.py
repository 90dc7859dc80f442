"""Story candidates and scores for short documents (headlines, one-line items).

A headline holds 5-10 content words; two headlines of one story share two
or three of them, a Jaccard far below what MinHash LSH over content words
finds (`story_candidate_threshold`). So a short document is also indexed by
every pair of its content terms: two short documents that share any two
terms become candidates. Pairs of terms are far rarer than single terms,
which keeps the lookup small, and like every other feature they depend on
the document alone, so the result does not depend on the order of inputs.

A pair in which either document is short is then judged by how much of the
shorter one's terms the other holds, with a stricter bar than long texts:
sharing two words of a headline is weak evidence on its own.
"""

from __future__ import annotations

import hashlib
from itertools import combinations

from ..model import Document
from .features import content_terms

SHORT_TERMS = 20  # documents with at most this many content terms are "short"
_PAIR_SCHEME = b"pair"


def is_short(terms: set[str]) -> bool:
    return 0 < len(terms) <= SHORT_TERMS


def short_terms(doc: Document, body_terms: set[str]) -> set[str] | None:
    """The content terms of a short document, its title included (a headline-only item
    has an empty body); None for a document that is not short."""
    if len(body_terms) > SHORT_TERMS:
        return None
    terms = content_terms(f"{doc.title or ''}\n{doc.body}") if doc.title else body_terms
    return terms if is_short(terms) else None


def term_pair_keys(terms: set[str]) -> list[int]:
    """One signed 64-bit key per unordered pair of terms."""
    keys = []
    for a, b in combinations(sorted(terms), 2):
        digest = hashlib.blake2b(f"{a}\x00{b}".encode(), digest_size=8, person=_PAIR_SCHEME)
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


# Fitted on the UCI headline prefix (benchmarks/links.py), the only short-text
# data with story labels at hand: optimistic there, see RESULTS.md.
SHORT_MIN_SHARED = 3
SHORT_JACCARD = 0.3
SHORT_JACCARD_ALONE = 0.5  # this alike needs only two shared terms


def short_same_story(a: set[str], b: set[str]) -> bool:
    """Two short documents report one story: enough shared terms, and enough of both."""
    shared = len(a & b)
    if shared < 2:
        return False
    jaccard = shared / len(a | b)
    return jaccard >= SHORT_JACCARD_ALONE or (shared >= SHORT_MIN_SHARED and jaccard >= SHORT_JACCARD)
