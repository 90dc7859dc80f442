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

import numpy as np

from ..config import Settings
from ..ids import derive_id
from ..model import Document, Quote, Story
from ..store import LinkProfile, LinkUpdate, QuoteLinkUpdate, Store
from ..time.content_date import Evidence, infer_content_date, period
from .families import quote_families
from .features import estimated_jaccard, from_bytes
from .groups import UnionFind
from .origin import origin_key
from .profile import Prepared, make_profile, prepared_for
from .short import short_same_story, short_terms
from .stories import StoryFeatures, days_between, story_score

STORY_SCREEN = 0.08  # estimated Jaccard of content words and names below which no pair is scored


class _Linker:
    def __init__(self, store: Store, settings: Settings, new_docs: Sequence[Document]):
        self.store, self.settings = store, settings
        self.docs: dict[str, Document] = {doc.id: doc for doc in new_docs}
        self.profiles: dict[str, LinkProfile] = {}
        self.quotes: dict[str, list[Quote]] = {doc.id: list(doc.quotes) for doc in new_docs}
        self._features: dict[str, StoryFeatures] = {}
        self.prepared: dict[str, Prepared] = {}
        self._signatures: dict[tuple[str, str], np.ndarray] = {}
        self._short: dict[str, set[str] | None] = {}

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
        wanted = [i for i in set(ids) if i not in self.profiles]
        self.profiles.update(self.store.link_profiles(wanted))
        self.backfill([i for i in wanted if i not in self.profiles and i in self.docs])

    def backfill(self, ids: Sequence[str]) -> None:
        """Profiles for stored documents that have none (stored before migration 3).

        Their own dates are the stored ones, which an earlier link pass may
        have changed: the best that is left of them.
        """
        made = []
        for doc_id in sorted(ids):
            doc = self.store.document(doc_id)  # with quotes and date mentions
            if doc is not None:
                made.append(make_profile(doc, self.settings))
        self.store.put_link_profiles(p.profile for p in made)
        self.store.forget_pending_link_profiles([p.profile.document_id for p in made])
        self.profiles.update({p.profile.document_id: p.profile for p in made})

    def features(self, doc_id: str) -> StoryFeatures:
        if doc_id not in self._features:
            profile = self.profiles[doc_id]
            stated = profile.content_date if profile.dated_by_text else None
            doc, quotes = self.docs[doc_id], self.quotes[doc_id]
            known = self.prepared.get(doc_id)
            if known is not None:
                self._features[doc_id] = StoryFeatures(doc_id, known.terms, known.names, quotes, stated)
            else:
                self._features[doc_id] = StoryFeatures.of(doc, quotes, stated)
        return self._features[doc_id]

    def short(self, doc_id: str) -> set[str] | None:
        if doc_id not in self._short:
            known = self.prepared.get(doc_id)
            self._short[doc_id] = known.short if known else short_terms(self.docs[doc_id], self.features(doc_id).terms)
        return self._short[doc_id]

    def origin(self, doc_id: str) -> tuple[str, str, str]:
        return origin_key(self.profiles[doc_id])

    # --- the pass -------------------------------------------------------------------
    def run(self) -> int:
        settings = self.settings
        new = sorted(self.docs)
        self.backfill(self.store.pending_link_profiles())
        made = [prepared_for(self.docs[i], settings) for i in new]
        self.store.put_link_profiles(p.profile for p in made)
        self.prepared = {p.profile.document_id: p for p in made}
        self.profiles.update({p.profile.document_id: p.profile for p in made})

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

        duplicates, stories = UnionFind(), UnionFind()
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

    def _signature(self, doc_id: str, which: str) -> np.ndarray:
        key = (doc_id, which)
        if key not in self._signatures:
            self._signatures[key] = from_bytes(getattr(self.profiles[doc_id], which))
        return self._signatures[key]

    def _candidates(self, made: list[Prepared]) -> dict[str, tuple[set[str], set[str]]]:
        """Each new document's near-duplicate and story candidates, from one lookup per kind."""
        members = self.store.documents_by_band_key({k for p in made for k in p.duplicate_keys + p.story_keys})
        hashes = {self.docs[p.profile.document_id].body_hash for p in made} - {None}
        by_hash: dict[str, set[str]] = defaultdict(set)
        for doc in self.store.documents_with_body_hash(hashes):
            by_hash[doc.body_hash].add(doc.id)  # type: ignore[index]
        candidates = {}
        for p in made:
            doc_id = p.profile.document_id
            body_hash = self.docs[doc_id].body_hash
            dup = set(by_hash.get(body_hash, ())) if body_hash else set()
            dup.update(*(members.get(k, ()) for k in p.duplicate_keys))
            story = set().union(*(members.get(k, ()) for k in p.story_keys))
            candidates[doc_id] = (dup - {doc_id}, story - {doc_id})
        return candidates

    def _pairs(self, made: list[Prepared]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        settings = self.settings
        candidates = self._candidates(made)
        self.load({i for dup, story in candidates.values() for i in dup | story})
        duplicate_pairs, story_pairs = set(), set()
        for doc_id, (dup_candidates, story_candidates) in candidates.items():
            mine = self._signature(doc_id, "duplicate_signature")
            copies = set()
            for other in dup_candidates:
                same_hash = self.docs[doc_id].body_hash and self.docs[doc_id].body_hash == self.docs[other].body_hash
                if same_hash or (
                    other in self.profiles
                    and estimated_jaccard(mine, self._signature(other, "duplicate_signature"))
                    >= settings.near_duplicate_threshold
                ):
                    copies.add(other)
                    duplicate_pairs.add((min(doc_id, other), max(doc_id, other)))
            my_story = self._signature(doc_id, "story_signature")
            for other in (story_candidates | dup_candidates) - copies:
                if other not in self.profiles:
                    continue
                if self._same_story(doc_id, other, my_story):
                    story_pairs.add((min(doc_id, other), max(doc_id, other)))
        return duplicate_pairs, story_pairs

    def _same_story(self, doc_id: str, other: str, my_story: np.ndarray) -> bool:
        short_mine, short_theirs = self.short(doc_id), self.short(other)
        if short_mine and short_theirs:
            return short_same_story(short_mine, short_theirs)
        mine, theirs = self.features(doc_id), self.features(other)
        # A cheap screen before the full score: words and names barely shared.
        if estimated_jaccard(my_story, self._signature(other, "story_signature")) < STORY_SCREEN:
            return False
        return story_score(mine, theirs) >= self.settings.story_threshold

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
