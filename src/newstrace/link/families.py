"""Collection stage: quote families, every quotation grouped with its variants across documents.

needs: profiles      adds: families (sets family_id, first_document_id of quotes)

A variant may be trimmed, re-punctuated, spliced, paraphrased or translated
back and forth. No library decides that for quotations, so it is written
here, from general evidence only (no table of word swaps):

- **rare words**: the overlap of the two quotations' content stems, each
  weighted by how rare its word is in the language (`rarity.py`), so that
  sharing "reciprocity" counts and sharing "people" hardly does;
- **word alignment**: how much of the two stem sequences `difflib` aligns
  in order;
- **character n-grams**: the overlap of letter 4-grams, which sees
  "reciprocal" in "reciprocity" and "resolving" in "solving";
- **the speaker**: two different named speakers never share a family.

Families are found before stories, because a shared quotation is the
strongest evidence that two reports, even years apart, tell one story
(`clustering.py`); the story therefore cannot be evidence for the family.

A fragment joins the family of the fuller quotation that holds most of it.

Candidates come from an index of each quotation's rarest stems (bounded
posting lists), never from comparing every pair of a story's quotes. A
family is a connected component of pairwise decisions that each depend on
the two quotations alone, and its first appearance is chosen by
`origin_key`, so families do not depend on the order documents arrive in.
New quotations that join one stored family after its first appearance
leave it as it is; only a merge, or an earlier carrier, has the family read
and decided again whole (`_joined_unchanged`), so a quotation carried by
thousands of pages costs a new carrier no more than a rare one.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from ..ids import derive_id
from ..model import Quote
from ..store import QuoteLinkUpdate
from .features import STOPWORDS, fold, key64, stem, words
from .groups import UnionFind
from .rarity import rarity, zipf_table
from .stages import LinkPass

MIN_STEMS = 2  # shorter quotes ("aggression") are too common to link on their own
FRAGMENT_MIN_STEMS = 3  # "reckless or aggressive" is in too many quotations to place a fragment by
VARIANT_SCORE = 0.5  # evidence at least this strong makes two quotations variants of one
FRAGMENT_CONTAINED = 0.8  # a fragment whose rare-word weight is this much inside a fuller quote comes from it
MIN_WEIGHT = 5.0  # a quotation needs this much rare-word weight to be linked ("near future" has 3.4, "reciprocal basis" 6)
QUOTE_KEYS = 6  # a quotation is indexed by its rarest stems
MIN_SHARED_KEYS = 2
CANDIDATES_PER_QUOTE = 40
_TOKEN = re.compile(r"\w+|[^\w\s]+")
_LETTERS = re.compile(r"[^\w]+")


# The caches below are keyed by quotation texts and hold a bag per text: sized for the
# quotations one link pass compares (a batch's and their candidates'), not for a whole
# collection, which would grow a long ingest's memory by tens of MB per thousand pages.
QUOTES_CACHED = 8192


@lru_cache(maxsize=QUOTES_CACHED)
def weighted_stems(text: str) -> tuple[tuple[str, float], ...]:
    """The content stems of a quotation, in order, each with its word's rarity (English list:
    quotations are compared across languages, and names are rare in every list)."""
    table = zipf_table("en")
    found = []
    for word in words(text.replace("’", "'")):
        if word in STOPWORDS or len(word) < 2 or word.isdigit():
            continue
        found.append((stem(fold(word)), rarity(word, table)))
    return tuple(found)


def quote_stems(text: str) -> tuple[str, ...]:
    return tuple(s for s, _ in weighted_stems(text))


@lru_cache(maxsize=QUOTES_CACHED)
def _weights(text: str) -> dict[str, float]:  # cached: treat as read-only
    found: dict[str, float] = {}
    for s, w in weighted_stems(text):
        found[s] = found.get(s, 0.0) + w
    return found


@lru_cache(maxsize=QUOTES_CACHED)
def _char_grams(text: str, size: int = 4) -> Counter[str]:  # cached: treat as read-only
    letters = _LETTERS.sub(" ", text.casefold().replace("’", "'"))
    return Counter(letters[i : i + size] for i in range(max(0, len(letters) - size + 1)))


def rare_word_overlap(a: str, b: str) -> float:
    """Dice coefficient of the two stem bags, each stem weighted by its rarity."""
    wa, wb = _weights(a), _weights(b)
    shared = sum(min(w, wb[s]) for s, w in wa.items() if s in wb)
    total = sum(wa.values()) + sum(wb.values())
    return 2 * shared / total if total else 0.0


def alignment(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, quote_stems(a), quote_stems(b), autojunk=False).ratio()


def char_overlap(a: str, b: str) -> float:
    ga, gb = _char_grams(a), _char_grams(b)
    total = sum(ga.values()) + sum(gb.values())
    return 2 * sum((ga & gb).values()) / total if total else 0.0


def variant_score(a: str, b: str) -> float:
    """How surely two quotations are one, reworded: 0 when either is too short to say."""
    if min(len(quote_stems(a)), len(quote_stems(b))) < MIN_STEMS:
        return 0.0
    if min(sum(_weights(a).values()), sum(_weights(b).values())) < MIN_WEIGHT:
        return 0.0
    rare = rare_word_overlap(a, b)
    # The stem bags' Dice bounds the alignment from above: skip the costly parts when even
    # perfect character overlap could not lift the score to a variant's.
    sa, sb = Counter(quote_stems(a)), Counter(quote_stems(b))
    aligned_at_most = 2 * sum((sa & sb).values()) / (sum(sa.values()) + sum(sb.values()))
    if 0.5 * rare + 0.25 * aligned_at_most + 0.25 < VARIANT_SCORE:
        return 0.5 * rare + 0.25 * aligned_at_most
    return 0.5 * rare + 0.25 * alignment(a, b) + 0.25 * char_overlap(a, b)


def are_variants(a: str, b: str) -> bool:
    return variant_score(a, b) >= VARIANT_SCORE


def contained(fragment: str, whole: str) -> float:
    """How much of the fragment's rare-word weight the whole holds (0 for a fragment too slight to place)."""
    wf, ww = _weights(fragment), _weights(whole)
    total = sum(wf.values())
    if len(quote_stems(fragment)) < FRAGMENT_MIN_STEMS or total < MIN_WEIGHT or sum(ww.values()) <= total:
        return 0.0
    return sum(min(w, ww.get(s, 0.0)) for s, w in wf.items()) / total


def speaker_key(quote: Quote) -> str | None:
    """The speaker's surname: entity ids are per-document for bare surnames ("Marovic")."""
    return quote.speaker.split()[-1].casefold() if quote.speaker else None


def _compatible(a: Quote, b: Quote) -> bool:
    ka, kb = speaker_key(a), speaker_key(b)
    return ka is None or kb is None or ka == kb


def quote_keys(text: str) -> list[int]:
    """The index keys of a quotation: its rarest stems."""
    weights = _weights(text)
    if len(weights) < MIN_STEMS:
        return []
    rarest = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:QUOTE_KEYS]
    return [key64(s.encode(), b"quote") for s, _ in rarest]


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    quote_ids: list[str]
    first_document_id: str


def related_quotes(quote: Quote, others: Sequence[Quote]) -> list[str]:
    """The ids of the quotations `quote` is one with: its variants and, for a fragment, its best container."""
    found, best = [], None
    for other in others:
        if other.id == quote.id or other.document_id == quote.document_id or not _compatible(quote, other):
            continue
        if are_variants(quote.text, other.text):
            found.append(other.id)
            continue
        for fragment, whole in ((quote, other), (other, quote)):
            share = contained(fragment.text, whole.text)
            if share >= FRAGMENT_CONTAINED:
                rank = (-share, len(whole.text), other.id)
                if fragment is quote and (best is None or rank < best):
                    best = rank
                elif fragment is other:
                    found.append(other.id)
    if best is not None:
        found.append(best[2])
    return found


def families_of(
    quotes: Sequence[Quote], links: dict[str, list[str]], origin: Callable[[str], tuple]
) -> list[Family]:
    """Connected components of the existing families, the `links` and split quotes' pieces."""
    groups = UnionFind()
    by_family: dict[str, str] = {}
    known = {q.id for q in quotes}
    for quote in sorted(quotes, key=lambda q: q.id):
        groups.find(quote.id)
        if quote.family_id:
            groups.union(quote.id, by_family.setdefault(quote.family_id, quote.id))
        if quote.part_of in known:
            groups.union(quote.id, quote.part_of)  # type: ignore[arg-type]
    for quote_id, related in links.items():
        for other in related:
            if other in known:
                groups.union(quote_id, other)
    by_id = {q.id: q for q in quotes}
    families = []
    for members in groups.groups():
        first = min((by_id[i] for i in members), key=lambda q: (origin(q.document_id), q.start, q.id))
        families.append(Family(derive_id("f", first.id), members, first.document_id))
    return sorted(families, key=lambda f: f.id)


def _joined_unchanged(
    batch: LinkPass, family: Family, stored: set[str], involved: dict[str, Quote]
) -> Family | None:
    """The stored family that these quotations join as it is, or None.

    So it is when they reach one stored family and every newcomer's document comes
    after that family's first appearance: its first, and so its id, stay, and its
    other members need not be read (a quotation carried by thousands of pages would
    otherwise be read whole for each new page that carries it).
    """
    if len(stored) != 1:
        return None
    (family_id,) = stored
    members = [involved[i] for i in family.quote_ids]
    first = next(q.first_document_id for q in members if q.family_id == family_id)
    if first is None:
        return None
    first_origin = batch.origin(first)
    if any(q.family_id != family_id and batch.origin(q.document_id) <= first_origin for q in members):
        return None
    return Family(family_id, family.quote_ids, first)


class GroupQuoteFamilies:
    name: ClassVar[str] = "group_quote_families"
    needs: ClassVar[frozenset[str]] = frozenset({"profiles"})
    adds: ClassVar[frozenset[str]] = frozenset({"families"})

    def run(self, batch: LinkPass) -> None:
        new_quotes = [q for i in batch.new_ids for q in batch.quotes.get(i, [])]
        if not new_quotes:
            return
        keys = {q.id: quote_keys(q.text) for q in new_quotes}
        batch.index.put_quote_keys((k, quote_id) for quote_id, ks in keys.items() for k in ks)
        postings = batch.index.quote_postings(
            {k for ks in keys.values() for k in ks}, batch.settings.link_posting_cap
        )
        wanted: dict[str, list[str]] = {}
        for quote in new_quotes:
            shared = Counter(
                other for k in keys[quote.id] for other in postings.get(k, ()) if other != quote.id
            )
            enough = [i for i, n in shared.items() if n >= min(MIN_SHARED_KEYS, len(keys[quote.id]))]
            wanted[quote.id] = sorted(enough, key=lambda i: (-shared[i], i))[:CANDIDATES_PER_QUOTE]
        known = {q.id: q for q in new_quotes}
        for quote in batch.store.quotes_by_ids({i for ids in wanted.values() for i in ids} - known.keys()):
            known[quote.id] = quote

        links = {}
        for quote in new_quotes:
            others = [known[i] for i in wanted[quote.id] if i in known]
            batch.counts.quotes_compared += len(others)
            links[quote.id] = related_quotes(quote, others)

        # Families among the quotations this pass holds: the new ones and those they are one with.
        linked = {i for ids in links.values() for i in ids if i in known}
        involved = {q.id: q for q in new_quotes} | {i: known[i] for i in linked}
        firsts = {q.first_document_id for q in involved.values() if q.first_document_id}
        batch.load_profiles({q.document_id for q in involved.values()} | firsts)
        decided: list[Family] = []
        reopened: set[str] = set()  # stored families to decide again from all their members
        reopened_quotes: set[str] = set()
        for family in families_of(list(involved.values()), links, batch.origin):
            stored = {involved[i].family_id for i in family.quote_ids} - {None}
            joined = _joined_unchanged(batch, family, stored, involved)
            if joined is not None or not stored:
                decided.append(joined or family)
            else:
                reopened |= stored
                reopened_quotes |= set(family.quote_ids)
        if reopened:
            # Quotations that merge stored families, or come before a family's first appearance:
            # those families are decided again whole, as their first (and so their id) may change.
            whole = {i: involved[i] for i in reopened_quotes}
            for quote in batch.store.quotes_in_families(reopened):
                whole.setdefault(quote.id, quote)
            batch.load_profiles({q.document_id for q in whole.values()})
            decided += families_of(list(whole.values()), links, batch.origin)
            involved.update(whole)
        updates = []
        for family in decided:
            for quote_id in family.quote_ids:
                quote = involved[quote_id]
                if (quote.family_id, quote.first_document_id) != (family.id, family.first_document_id):
                    quote.family_id, quote.first_document_id = family.id, family.first_document_id
                    updates.append(QuoteLinkUpdate(quote_id, family.id, family.first_document_id))
                    # Only documents whose families changed need their origins decided again.
                    batch.family_first.setdefault(quote.document_id, {})[family.id] = family.first_document_id
        batch.store.update_quote_links(updates)


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


__all__ = [
    "Family",
    "GroupQuoteFamilies",
    "align_words",
    "are_variants",
    "contained",
    "families_of",
    "variant_score",
]
