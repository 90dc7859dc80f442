"""Quote families: every quotation grouped with its variants across documents.

needs: quotes of the documents of one story      sets: family_id, first_document_id

A variant may be trimmed, re-punctuated, spliced, paraphrased or translated
back and forth ("the government's objectives" / "the government's goals",
"on a mutual basis" / "on the basis of reciprocity"). Quotes are compared
as bags of content stems, with a small synonym table for the words that
translation most often swaps; a fragment joins the family of the fuller
quote it comes from. No library does this for quotations (difflib aligns the
words once a family is known: see `align_words`).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..ids import derive_id
from ..model import Quote
from .features import STOPWORDS, stem, words

# Groups of words that translators and rewriting editors swap for one
# another, each folded to its group's first word. A general table of common
# English near-synonyms in reported speech (not drawn from any evaluation
# page); a thesaurus library would be the fuller answer, but none on PyPI
# ships its data without a download at run time.
_SYNONYM_GROUPS = (
    ("goal", "goals", "objective", "objectives", "aim", "aims", "target", "targets", "purpose"),
    ("difficult", "hard", "tough"),
    ("solve", "resolve", "settle", "fix"),
    ("true", "right", "correct", "accurate"),
    ("reciprocity", "reciprocal", "mutual", "mutually"),
    ("unacceptable", "inadmissible", "intolerable"),
    ("see", "imagine", "envisage", "envision"),
    ("restore", "revive", "reestablish", "rebuild"),
    ("ready", "prepared", "willing"),
    ("decisively", "resolutely", "firmly", "determinedly"),
    ("route", "course", "path", "way"),
    ("danger", "threat", "risk"),
    ("begin", "start", "launch", "commence"),
    ("end", "stop", "halt", "cease"),
    ("help", "assist", "support", "aid"),
    ("big", "large", "huge", "major"),
    ("important", "significant", "crucial", "vital", "key"),
    ("quickly", "rapidly", "swiftly", "fast"),
    ("country", "nation", "state"),
    ("talks", "negotiations", "discussions", "dialogue"),
    ("agreement", "deal", "accord", "pact"),
    ("attack", "assault", "strike"),
    ("say", "state", "declare"),
    ("believe", "think", "consider"),
    ("want", "wish", "desire", "seek"),
    ("must", "should", "need"),
)
SYNONYMS = {word: group[0] for group in _SYNONYM_GROUPS for word in group[1:]}
VARIANT_DICE = 0.6  # bags of stems at least this alike are variants of one quotation
FRAGMENT_CONTAINED = 0.8  # a fragment whose stems are this much inside a longer quote comes from it
MIN_STEMS = 2  # shorter quotes ("aggression") are too common to link on their own
_TOKEN = re.compile(r"\w+|[^\w\s]+")


@lru_cache(maxsize=65536)
def quote_stems(text: str) -> tuple[str, ...]:
    """The content stems of a quotation, in order, synonyms folded."""
    found = []
    for word in words(text.replace("’", "'")):
        if word in STOPWORDS or len(word) < 2 or word.isdigit():
            continue
        found.append(stem(SYNONYMS.get(word, word)))
    return tuple(found)


def _overlap(a: Sequence[str], b: Sequence[str]) -> int:
    return sum((Counter(a) & Counter(b)).values())


def variant_score(a: str, b: str) -> float:
    """Dice coefficient of the two quotations' bags of stems (0 when either is too short)."""
    sa, sb = quote_stems(a), quote_stems(b)
    if min(len(sa), len(sb)) < MIN_STEMS:
        return 0.0
    return 2 * _overlap(sa, sb) / (len(sa) + len(sb))


def contained(fragment: str, whole: str) -> float:
    """How much of the fragment's stems the whole holds (0 when the fragment is too short)."""
    sf, sw = quote_stems(fragment), quote_stems(whole)
    if len(sf) < MIN_STEMS or len(sw) <= len(sf):
        return 0.0
    return _overlap(sf, sw) / len(sf)


def are_variants(a: str, b: str) -> bool:
    return variant_score(a, b) >= VARIANT_DICE


def speaker_key(quote: Quote) -> str | None:
    """The speaker's surname: entity ids are per-document for bare surnames ("Marovic")."""
    return quote.speaker.split()[-1].casefold() if quote.speaker else None


def _compatible(a: Quote, b: Quote) -> bool:
    ka, kb = speaker_key(a), speaker_key(b)
    return ka is None or kb is None or ka == kb


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    quote_ids: list[str]
    first_document_id: str


def quote_families(quotes: Sequence[Quote], origin: Callable[[str], tuple[str, ...]]) -> list[Family]:
    """Group quotes into families; `origin(document_id)` orders documents by first appearance.

    Deterministic whatever the order of `quotes`: the groups are connected
    components of pairwise relations, and each fragment's container is chosen
    by a total order.
    """
    ordered = sorted(quotes, key=lambda q: q.id)
    index = {q.id: i for i, q in enumerate(ordered)}
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    for i, quote in enumerate(ordered):
        if quote.part_of in index:
            union(i, index[quote.part_of])
    for i, a in enumerate(ordered):
        best: tuple[float, int, str] | None = None
        for j, b in enumerate(ordered):
            if i == j or not _compatible(a, b):
                continue
            if j > i and are_variants(a.text, b.text):
                union(i, j)
            share = contained(a.text, b.text)
            if share >= FRAGMENT_CONTAINED:
                rank = (-share, len(b.text), b.id)
                if best is None or rank < best:
                    best = rank
        if best is not None:
            union(i, index[best[2]])

    groups: dict[int, list[Quote]] = {}
    for i, quote in enumerate(ordered):
        groups.setdefault(find(i), []).append(quote)
    families = []
    for members in groups.values():
        first = min(members, key=lambda q: (origin(q.document_id), q.start, q.id))
        families.append(Family(derive_id("f", first.id), sorted(q.id for q in members), first.document_id))
    return sorted(families, key=lambda f: f.id)


def align_words(a: str, b: str) -> list[tuple[str, str, str]]:
    """Word-level alignment of two variants for side-by-side display.

    Returns (op, words of a, words of b) runs, op one of 'equal', 'replace',
    'delete', 'insert'; words are compared case- and punctuation-blind, and
    the texts of the runs are the original words, so joining the a-sides
    (with spaces) gives a's words back.
    """
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    na = [t.casefold().replace("’", "'") for t in ta]
    nb = [t.casefold().replace("’", "'") for t in tb]
    runs = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, na, nb, autojunk=False).get_opcodes():
        runs.append((op, " ".join(ta[i1:i2]), " ".join(tb[j1:j2])))
    return runs
