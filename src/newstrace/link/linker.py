"""Collection stage: link newly stored documents into duplicates, stories, quote families.

needs: stored documents with body, body_hash, quotes, dates
sets:  duplicate_of, story_id, republished_from, content_date(_basis), republished (documents),
       family_id, first_document_id (quotes), story records

Incremental: each new document's MinHash signatures and LSH band keys are
kept in the store; its candidates are the stored documents that share a band
key (or its body hash). Only the stories and duplicate groups that the new
documents join are decided again, from all their members, so the result is
the same as linking the whole collection at once, whatever the order and
the batches the documents came in: groups are connected components of
pairwise decisions, and every "first" is chosen by `origin_key`.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..config import Settings
from ..ids import derive_id
from ..model import Document, Quote, Story
from ..store import LinkProfile, LinkUpdate, QuoteLinkUpdate, Store
from ..time.content_date import Evidence, evidence_from_mentions, infer_content_date, period
from .families import quote_families
from .features import (
    band_keys,
    content_terms,
    estimated_jaccard,
    from_bytes,
    lsh_shape,
    name_terms,
    shingles,
    signature,
    to_bytes,
    words,
)
from .origin import origin_key
from .stories import StoryFeatures, days_between, story_score

_DUPLICATE_SCHEME, _STORY_SCHEME = "dup", "story"
STORY_SCREEN = 0.08  # estimated Jaccard of content words and names below which no pair is scored


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for item in self.parent:
            found[self.find(item)].append(item)
        return [sorted(members) for members in found.values()]


def make_profile(doc: Document, settings: Settings) -> tuple[LinkProfile, list[int], list[int]]:
    """A new document's own dates and signatures, before any linking changes them,
    with its near-duplicate and story band keys."""
    num_perm = settings.minhash_permutations
    dup_items = shingles(words(doc.body))
    story_items = content_terms(doc.body) | {f"name:{n}" for n in name_terms(doc.body)}
    dup_sig, story_sig = signature(dup_items, num_perm), signature(story_items, num_perm)
    dup_keys, story_keys = [], []
    if dup_items:  # an empty body has no signature worth comparing
        dup_keys = band_keys(dup_sig, _DUPLICATE_SCHEME, *lsh_shape(settings.near_duplicate_threshold, num_perm))
    if story_items:
        story_keys = band_keys(story_sig, _STORY_SCHEME, *lsh_shape(settings.story_candidate_threshold, num_perm))
    dated_by_text = any(e.absolute and e.value == doc.content_date for e in evidence_from_mentions(doc))
    profile = LinkProfile(
        document_id=doc.id, published=doc.published, content_date=doc.content_date,
        content_date_basis=doc.content_date_basis, republished=doc.republished,
        dated_by_text=dated_by_text, speakers=sorted({q.speaker for q in doc.quotes if q.speaker}),
        duplicate_signature=to_bytes(dup_sig), story_signature=to_bytes(story_sig), band_keys=dup_keys + story_keys,
    )  # fmt: skip
    return profile, dup_keys, story_keys


class _Linker:
    def __init__(self, store: Store, settings: Settings, new_docs: Sequence[Document]):
        self.store, self.settings = store, settings
        self.docs: dict[str, Document] = {doc.id: doc for doc in new_docs}
        self.profiles: dict[str, LinkProfile] = {}
        self.quotes: dict[str, list[Quote]] = {doc.id: list(doc.quotes) for doc in new_docs}
        self._features: dict[str, StoryFeatures] = {}

    # --- loading what is stored, once ---------------------------------------------
    def load(self, ids: Iterable[str]) -> None:
        missing = [i for i in set(ids) if i not in self.docs]
        for doc in self.store.documents(missing):
            self.docs[doc.id] = doc
        need_quotes = [i for i in missing if i not in self.quotes]
        for quote_id in need_quotes:
            self.quotes[quote_id] = []
        for quote in self.store.quotes_of_documents(need_quotes):
            self.quotes[quote.document_id].append(quote)
        self.profiles.update(self.store.link_profiles(i for i in set(ids) if i not in self.profiles))

    def features(self, doc_id: str) -> StoryFeatures:
        if doc_id not in self._features:
            profile = self.profiles[doc_id]
            stated = profile.content_date if profile.dated_by_text else None
            self._features[doc_id] = StoryFeatures.of(self.docs[doc_id], self.quotes[doc_id], stated)
        return self._features[doc_id]

    def origin(self, doc_id: str) -> tuple[str, str, str]:
        return origin_key(self.profiles[doc_id])

    # --- the pass -------------------------------------------------------------------
    def run(self) -> int:
        settings = self.settings
        new = sorted(self.docs)
        made = [make_profile(self.docs[i], settings) for i in new]
        self.store.put_link_profiles(profile for profile, _, _ in made)
        self.profiles.update({profile.document_id: profile for profile, _, _ in made})

        duplicate_pairs, story_pairs = self._pairs(made)
        touched = set(new) | {i for pair in duplicate_pairs | story_pairs for i in pair}
        self.load(touched)
        # What is already grouped stays grouped: edges are never taken back.
        story_ids = {self.docs[i].story_id for i in touched if self.docs[i].story_id}
        earlier_members = self.store.documents_in_stories(story_ids)
        for doc in earlier_members:
            self.docs.setdefault(doc.id, doc)
        representatives = {self.docs[i].duplicate_of or i for i in touched}
        for doc in self.store.documents_duplicating(representatives):
            self.docs.setdefault(doc.id, doc)
        everyone = set(touched) | {d.id for d in earlier_members} | representatives
        everyone |= {d.id for d in self.docs.values() if d.duplicate_of in representatives}
        self.load(everyone)

        duplicates, stories = _UnionFind(), _UnionFind()
        for doc_id in everyone:
            doc = self.docs[doc_id]
            duplicates.find(doc_id)
            stories.find(doc_id)
            if doc.duplicate_of and doc.duplicate_of in everyone:
                duplicates.union(doc_id, doc.duplicate_of)
        by_story: dict[str, list[str]] = defaultdict(list)
        for doc_id in everyone:
            if self.docs[doc_id].story_id:
                by_story[self.docs[doc_id].story_id].append(doc_id)  # type: ignore[index]
        for members in by_story.values():
            for other in members[1:]:
                stories.union(members[0], other)
        for a, b in duplicate_pairs:
            duplicates.union(a, b)
            stories.union(a, b)
        for a, b in story_pairs:
            stories.union(a, b)

        updates: dict[str, dict] = defaultdict(dict)
        for group in duplicates.groups():
            original = min(group, key=self.origin)
            for doc_id in group:
                wanted = None if doc_id == original else original
                if self.docs[doc_id].duplicate_of != wanted:
                    updates[doc_id]["duplicate_of"] = wanted
        new_stories = []
        for group in stories.groups():
            new_stories.append(self._story(group, updates))
        self.store.update_links(LinkUpdate(i, fields) for i, fields in sorted(updates.items()) if fields)
        kept = {s.id for s in new_stories}
        self.store.delete_stories(story_ids - kept)
        self.store.put_stories(new_stories)
        for story in new_stories:
            self._families(story)
        return sum(1 for i in new if (updates[i].get("duplicate_of", self.docs[i].duplicate_of)))

    def _pairs(
        self, made: list[tuple[LinkProfile, list[int], list[int]]]
    ) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        settings = self.settings
        candidates: dict[str, tuple[set[str], set[str]]] = {}
        for profile, dup_keys, story_keys in made:
            doc = self.docs[profile.document_id]
            same_hash = (
                {d.id for d in self.store.documents_with_body_hash([doc.body_hash])} if doc.body_hash else set()
            )
            dup_candidates = (self.store.documents_with_band_keys(dup_keys) if dup_keys else set()) | same_hash
            story_candidates = self.store.documents_with_band_keys(story_keys) if story_keys else set()
            candidates[profile.document_id] = (dup_candidates - {doc.id}, story_candidates - {doc.id})
        self.load({i for dup, story in candidates.values() for i in dup | story})
        duplicate_pairs, story_pairs = set(), set()
        for doc_id, (dup_candidates, story_candidates) in candidates.items():
            mine = self.profiles[doc_id]
            for other in dup_candidates:
                theirs = self.profiles.get(other)
                same_hash = self.docs[doc_id].body_hash and self.docs[doc_id].body_hash == self.docs[other].body_hash
                if same_hash or (
                    theirs is not None
                    and estimated_jaccard(from_bytes(mine.duplicate_signature), from_bytes(theirs.duplicate_signature))
                    >= settings.near_duplicate_threshold
                ):
                    duplicate_pairs.add((min(doc_id, other), max(doc_id, other)))
            my_story = from_bytes(mine.story_signature)
            for other in (story_candidates | dup_candidates) - {b for a, b in duplicate_pairs if a == doc_id} - {
                a for a, b in duplicate_pairs if b == doc_id
            }:
                if other not in self.profiles:
                    continue
                # A cheap screen before the full score: words and names barely shared.
                if estimated_jaccard(my_story, from_bytes(self.profiles[other].story_signature)) < STORY_SCREEN:
                    continue
                if story_score(self.features(doc_id), self.features(other)) >= settings.story_threshold:
                    story_pairs.add((min(doc_id, other), max(doc_id, other)))
        return duplicate_pairs, story_pairs

    def _story(self, members: list[str], updates: dict[str, dict]) -> Story:
        first_id = min(members, key=self.origin)
        first, first_profile = self.docs[first_id], self.profiles[first_id]
        story_id = derive_id("s", first_id)
        first_date = first_profile.content_date or first_profile.published
        days = self.settings.republication_days
        for doc_id in members:
            doc, profile = self.docs[doc_id], self.profiles[doc_id]
            wanted: dict = {"story_id": story_id}
            later = None
            if doc_id != first_id and first_date and profile.published:
                gap = days_between(profile.published, first_date)
                later = first_id if gap is not None and gap > days else None
            wanted["republished_from"] = later
            wanted.update(self._content_date(doc_id, first_id if doc_id != first_id else None))
            for name, value in wanted.items():
                if getattr(doc, name) != value:
                    updates[doc_id][name] = value
                else:
                    updates[doc_id].pop(name, None)
        title = first.title or next((self.docs[i].title for i in members if self.docs[i].title), None)
        if not title:
            title = first.body.strip().split("\n", 1)[0][:120]
        return Story(story_id, title, members, first_id, first_date)

    def _content_date(self, doc_id: str, first_id: str | None) -> dict:
        """The document's own content date, or the one an earlier report of its story gives it.

        A linked document's date counts as stated evidence (see
        `infer_content_date`), so a page whose own dates are only relative
        to its (much later) page date gets the original's date, and is
        flagged republished.
        """
        profile = self.profiles[doc_id]
        own = {
            "content_date": profile.content_date,
            "content_date_basis": profile.content_date_basis,
            "republished": profile.republished,
        }
        if first_id is None or profile.dated_by_text:
            return own
        first = self.profiles[first_id]
        value = first.content_date or first.published
        span = period(value) if value else None
        if span is None:
            return own
        own_span = period(profile.content_date) if profile.content_date else None
        if own_span is not None and span[1] >= own_span[0]:
            return own
        doc = copy.copy(self.docs[doc_id])  # the stored values are compared with the result
        if not doc.date_mentions:
            stored = self.store.document(doc_id)
            if stored is not None:
                doc.date_mentions = stored.date_mentions
        source = self.docs[first_id]
        evidence = Evidence(
            span[0], span[1], value,
            f"an earlier report of the same story ({first_id}" + (f", {source.site}" if source.site else "") + f") dates it {value}",
            True, source=first_id,
        )  # fmt: skip
        infer_content_date(doc, self.settings.republication_days, linked=[evidence])
        return {
            "content_date": doc.content_date,
            "content_date_basis": doc.content_date_basis,
            "republished": doc.republished,
        }

    def _families(self, story: Story) -> None:
        quotes = [q for doc_id in story.document_ids for q in self.quotes.get(doc_id, [])]
        if not quotes:
            return
        by_id = {q.id: q for q in quotes}
        updates = []
        for family in quote_families(quotes, self.origin):
            for quote_id in family.quote_ids:
                quote = by_id[quote_id]
                if (quote.family_id, quote.first_document_id) != (family.id, family.first_document_id):
                    quote.family_id, quote.first_document_id = family.id, family.first_document_id
                    updates.append(QuoteLinkUpdate(quote_id, family.id, family.first_document_id))
        self.store.update_quote_links(updates)


def link_collection(store: Store, new_docs: Sequence[Document], settings: Settings) -> int:
    """Link the newly stored documents into the collection; returns how many of them are copies."""
    if not new_docs:
        return 0
    return _Linker(store, settings, new_docs).run()
