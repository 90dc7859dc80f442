"""Collection stage: stories as events, by average-link clustering of the document stream.

needs: profiles, duplicates, families      adds: stories

A story is the same event reported by several outlets. News-stream
clustering (single-pass clustering over the stream, as topic detection and
tracking systems do it) reads the documents in order of their dates, then
ids, and puts each into the story whose members it is most like *on
average*, or starts a new story. Being like one member is not enough: a
document that shares a few words with one report of another event does not
drag the two events together, as connected components over pairs did, and
a story that spreads over a broad topic becomes harder to join, not easier
(`similarity`).

- **Candidates.** Only the stories of the documents that share one of the
  new document's rare key terms (bounded posting lists, `profile.py`) are
  compared with it, so a pass costs the same per document however large the
  collection or a story grows; a centroid keeps at most `CENTROID_TERMS`.
  A dated document's look-ups pass over documents too old to share a story
  with it (`earliest_joinable_day`).
- **Time.** A document whose content date (else page date) is known to the
  day or week must lie within `story_window_days` of the story's days, and a
  story may not stretch beyond twice that; a page date also bounds from
  above: the events a page reports happened before it was published. A
  document with no such day must be more alike (`undated_story_margin`),
  unless its page was published during the story.
- **Languages.** A report in a language none of the members is in is
  compared by names and numbers alone (transliterated: `features.fold`).
- **Quotations.** A document that carries a quotation first seen in a story
  (its quote family, `families.py`) is compared with that story whether or
  not they share a key, gets `QUOTATION_EVIDENCE` added, and may come any
  time after the story (a republication years later joins its story).
- **Order.** The result is meant to be what clustering the whole collection
  in (date, id) order gives. Documents that arrive in that order are simply
  added. One that arrives before members already decided (an earlier report
  stored later) re-decides, in order, the members after it of the stories it
  could join or that later alike documents are in (`_affected_stories`): the
  members before it are unaffected by construction. Other stories are
  compared with as stored, which is where a rare difference from one
  whole-collection pass can remain.

Only the original of each duplicate group takes part; its copies carry its
story (SPEC).
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import ClassVar

from ..config import Settings
from ..model import Story
from .features import cosine
from .index import LinkProfile, StoryState
from .profile import lookup_keys
from .stages import LinkPass

CENTROID_TERMS = 300
FULL_VECTOR_TERMS = 40  # a text with this many distinct terms is compared at the full threshold
SHORT_TEXT_FLOOR = 0.4  # ... and the shortest at this share of it
CANDIDATES = 40  # candidate documents per document, those sharing the most keys first
# Carrying a quotation first seen in a story is strong evidence of reporting it.
QUOTATION_EVIDENCE = 0.15


@dataclass(slots=True)
class StoryChange:
    """One story as this pass leaves it, for the stages after clustering."""

    label: str  # its stored id, or "new:<first member>" for a story this pass starts
    old: Story | None  # the stored record it started from
    members: set[str] = field(default_factory=set)  # representatives this pass decided into it
    rebuilt: bool = False  # True: `members` is every representative, the old record's list is void
    copies: set[str] = field(default_factory=set)  # new copies of members this pass did not move
    state: StoryState | None = None

    @property
    def changed(self) -> bool:
        """Whether this pass changes the story; the stories it only compared with are left as stored."""
        return self.old is None or self.rebuilt or bool(self.members or self.copies)


def absorb(state: StoryState, profile: LinkProfile) -> None:
    """Add one member to a story's centroids, languages, date range and latest position."""
    state.centroid = _summed(state.centroid, profile.vector)
    state.names = _summed(state.names, profile.names)
    language = profile.language or "?"
    state.languages = {**state.languages, language: state.languages.get(language, 0) + 1}
    state.members += 1
    if profile.day is not None:
        state.first_day = profile.day if state.first_day is None else min(state.first_day, profile.day)
        state.last_day = profile.day if state.last_day is None else max(state.last_day, profile.day)
    elif profile.page_day is not None:
        state.published_by = (
            profile.page_day if state.published_by is None else min(state.published_by, profile.page_day)
        )
    state.last = max(state.last, profile.order)


def _summed(centroid: dict[str, float], vector: dict[str, float]) -> dict[str, float]:
    merged = dict(centroid)
    for term, weight in vector.items():
        merged[term] = merged.get(term, 0.0) + weight
    if len(merged) > CENTROID_TERMS:
        merged = dict(heapq.nlargest(CENTROID_TERMS, merged.items(), key=lambda item: (item[1], item[0])))
    return {term: round(weight, 5) for term, weight in merged.items()}


def fits_in_time(profile: LinkProfile, state: StoryState, window: int, quoted: bool = False) -> bool:
    """Whether the document's dates allow it into the story; a document quoting the story's
    first reports may come any time after them (a republication), never long before."""
    if (
        profile.day is not None
        and state.published_by is not None
        and profile.day > state.published_by + window
    ):
        return False  # a member published before these events reports another
    if state.first_day is None or state.last_day is None:
        return True
    if quoted:
        when = profile.day if profile.day is not None else profile.page_day
        return when is None or when >= state.first_day - window
    if profile.day is not None:
        lo, hi = min(state.first_day, profile.day), max(state.last_day, profile.day)
        near = state.first_day - window <= profile.day <= state.last_day + window
        return near and hi - lo <= 2 * window
    if profile.page_day is not None:
        return state.first_day <= profile.page_day + window
    return True


def earliest_joinable_day(profile: LinkProfile, window: int) -> int | None:
    """The earliest day of a document whose story this one could join; None: any day.

    A story spans at most twice the window, so a document stated on `day` joins no
    story holding a member stated more than that before it; a member dated by its
    page alone bars from its story anything stated more than one window after that
    page (`published_by`, `fits_in_time`). Older documents sharing a key are no
    candidates, and left to fill the candidate list they would crowd out the
    reports of the days around it as a collection grows.
    """
    return profile.day - 2 * window if profile.day is not None else None


def similarity(profile: LinkProfile, state: StoryState) -> float:
    """The document's mean cosine similarity to the story's members (average link).

    The centroid is the sum of the members' unit vectors, so its dot product
    with the document divided by the member count is that mean. Unlike the
    cosine to the centroid's direction, it falls as a story spreads over a
    broad topic, so a story of one event does not grow into "the election".

    A report in a language none of the members is in can share only names and
    numbers with them, so it is compared by those alone.
    """
    if not state.members:
        return 0.0
    if profile.language and state.languages and profile.language not in state.languages:
        vector, centroid = profile.names, state.names
    else:
        vector, centroid = profile.vector, state.centroid
    return sum(vector[t] * centroid[t] for t in vector.keys() & centroid.keys()) / state.members


def needed_similarity(profile: LinkProfile, settings: Settings, state: StoryState | None = None) -> float:
    """The similarity a document needs to join: more when nothing dates its events, unless
    its page was published during the story (a report of the day, in any language)."""
    needed = settings.story_threshold
    if profile.day is None and not (state is not None and timely(profile, state, settings.story_window_days)):
        needed += settings.undated_story_margin
    # A headline's handful of terms cannot be as alike as two articles' hundred: two headlines of
    # one story share two or three words. The bar falls with the vector's length.
    return needed * min(1.0, max(SHORT_TEXT_FLOOR, len(profile.vector) / FULL_VECTOR_TERMS))


def timely(profile: LinkProfile, state: StoryState, window: int) -> bool:
    if profile.page_day is None or state.first_day is None or state.last_day is None:
        return False
    return state.first_day <= profile.page_day <= state.last_day + window


def pair_score(a: LinkProfile, b: LinkProfile, settings: Settings, quoted: bool = False) -> float | None:
    """What clustering decides for `b` against a story holding `a` alone, for benchmarks: the
    score less any margin `b` needs, to compare with `story_threshold`; None when their dates
    keep them apart."""
    state = empty_state(a.document_id)
    absorb(state, a)
    if not fits_in_time(b, state, settings.story_window_days, quoted):
        return None
    score = similarity(b, state) + (QUOTATION_EVIDENCE if quoted else 0.0)
    return score - (needed_similarity(b, settings, state) - settings.story_threshold)


def empty_state(label: str) -> StoryState:
    return StoryState(label, {}, {}, {}, 0, None, None, (-1, ""))


class ClusterStories:
    name: ClassVar[str] = "cluster_stories"
    needs: ClassVar[frozenset[str]] = frozenset({"profiles", "duplicates", "families"})
    adds: ClassVar[frozenset[str]] = frozenset({"stories"})

    def run(self, batch: LinkPass) -> None:
        settings = batch.settings
        original = batch.original
        new = set(batch.new_ids)
        # Representatives this pass must place: new originals, and originals that
        # were copies until now. Originals that became copies leave their story.
        movers = {
            i for i in original
            if original[i] == i and (i in new or batch.docs[i].duplicate_of is not None or not batch.docs[i].story_id)
        }  # fmt: skip
        leaving = {
            i
            for i in original
            if original[i] != i and batch.docs[i].duplicate_of is None and batch.docs[i].story_id
        }
        if not movers and not leaving:
            return
        batch.load_profiles(movers | leaving)
        changes: dict[str, StoryChange] = {}
        candidates = {m: self._candidates(batch, m, lookup_keys(batch.profiles[m], settings)) for m in movers}
        # Each touched story, with the earliest position from which its members are decided anew.
        touched = self._affected_stories(batch, movers, candidates)
        for doc_id in movers | leaving:
            story = batch.docs[doc_id].story_id
            if story:
                touched[story] = min(
                    touched.get(story, batch.profiles[doc_id].order), batch.profiles[doc_id].order
                )
        removed = leaving | movers
        states = batch.story_states(touched)
        for story in batch.store.stories_by_id(sorted(touched)):
            cut, state = touched[story.id], states.get(story.id)
            change = StoryChange(story.id, story, state=state)
            changes[story.id] = change
            members_moving = removed & set(story.document_ids)
            if state is not None and state.last <= cut and not members_moving:
                continue  # nothing after the cut: new members are simply added
            # Rebuild from the members before the cut; the later ones are decided again.
            batch.load_link_fields(story.document_ids)
            batch.load_profiles(story.document_ids)
            reps = [
                i for i in story.document_ids if batch.value(i, "duplicate_of") is None and i not in leaving
            ]
            later = {i for i in reps if i in batch.profiles and batch.profiles[i].order > cut}
            for doc_id in later - movers:
                candidates[doc_id] = self._candidates(
                    batch, doc_id, lookup_keys(batch.profiles[doc_id], settings)
                )
            movers |= later
            change.rebuilt, change.state = True, empty_state(story.id)
            for doc_id in sorted(
                set(reps) - movers,
                key=lambda i: batch.profiles[i].order if i in batch.profiles else (10**7, i),
            ):
                if doc_id in batch.profiles:
                    absorb(change.state, batch.profiles[doc_id])
                change.members.add(doc_id)
            if change.state.members == 0:
                change.state = None

        assigned: dict[str, str] = {}

        def label_of(doc_id: str) -> str | None:
            rep = batch.original.get(doc_id) or batch.value(doc_id, "duplicate_of") or doc_id
            return assigned.get(rep) if rep in movers else batch.value(rep, "story_id")  # type: ignore[return-value]

        for doc_id in sorted(movers, key=lambda i: batch.profiles[i].order):
            profile = batch.profiles[doc_id]
            labels = {label for other in candidates[doc_id] if (label := label_of(other))}
            # Stories holding the first appearance of a quotation this document carries.
            quoted = {label for first in self._quoted_firsts(batch, doc_id) if (label := label_of(first))}
            self._load_changes(batch, changes, labels | quoted)
            best, best_margin = None, 0.0
            for label in sorted(labels | quoted):
                state = changes[label].state
                if state is None or not fits_in_time(
                    profile, state, settings.story_window_days, label in quoted
                ):
                    continue
                batch.counts.stories_compared += 1
                score = similarity(profile, state) + (QUOTATION_EVIDENCE if label in quoted else 0.0)
                margin = score - needed_similarity(profile, settings, state)
                if margin >= 0 and (best is None or margin > best_margin):
                    best, best_margin = label, margin
            if best is None:
                best = f"new:{doc_id}"
                changes[best] = StoryChange(best, None, rebuilt=True, state=empty_state(best))
            change = changes[best]
            assert change.state is not None
            absorb(change.state, profile)
            change.members.add(doc_id)
            assigned[doc_id] = best
        batch.story_changes = changes
        batch.story_of.update(assigned)

    def _affected_stories(
        self, batch: LinkPass, movers: set[str], candidates: dict[str, set[str]]
    ) -> dict[str, tuple[int, str]]:
        """The stored stories the movers may change: those a mover could join, those holding
        the first appearance of its quotations, and those of later documents alike enough to
        follow it. Only these are re-decided after the cut; other candidates' stories are
        compared with as they are."""
        settings = batch.settings
        label = {c: batch.value(c, "story_id") for m in movers for c in candidates[m] if c not in movers}
        states = batch.story_states({str(v) for v in label.values() if v})
        # Only a candidate later than its mover can follow it, and needs its vector.
        batch.load_profiles(
            {c for m in movers for c in candidates[m] if batch.order_of(c) > batch.profiles[m].order}
        )
        affected: dict[str, tuple[int, str]] = {}

        def affect(story: str, mover_order: tuple[int, str]) -> None:
            affected[story] = min(affected.get(story, mover_order), mover_order)

        for mover in sorted(movers):
            profile = batch.profiles[mover]
            for first in self._quoted_firsts(batch, mover):
                story = batch.value(
                    batch.original.get(first) or batch.value(first, "duplicate_of") or first, "story_id"
                )
                if story:
                    affect(str(story), profile.order)
            for other in candidates[mover]:
                story = label.get(other)
                state = states.get(str(story)) if story else None
                if state is None:
                    continue
                joinable = fits_in_time(profile, state, settings.story_window_days) and similarity(
                    profile, state
                ) >= needed_similarity(profile, settings, state)
                follows = batch.order_of(other) > profile.order and cosine(
                    profile.vector, batch.profiles[other].vector
                ) >= needed_similarity(batch.profiles[other], settings)
                if joinable or follows:
                    affect(str(story), profile.order)
        return affected

    @staticmethod
    def _quoted_firsts(batch: LinkPass, doc_id: str) -> set[str]:
        """The earlier documents where quotations of this one (or of its copies) first appeared."""
        batch.load([doc_id])
        copies = [d for d, o in batch.original.items() if o == doc_id]
        found = {first for d in [doc_id, *copies] for first in batch.quotation_firsts(d).values()}
        return found - {doc_id, *copies}

    def _candidates(self, batch: LinkPass, doc_id: str, keys: list[int]) -> set[str]:
        """The originals of the documents that share a key with this one."""
        since = earliest_joinable_day(batch.profiles[doc_id], batch.settings.story_window_days)
        postings = batch.index.postings(keys, batch.settings.link_posting_cap, since_day=since)
        shared = Counter(d for ids in postings.values() for d in ids)
        # The documents sharing the most keys: enough to find every story worth comparing.
        found = {d for d, _ in sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:CANDIDATES]}
        batch.load_link_fields(found)
        originals = {batch.original.get(d) or batch.value(d, "duplicate_of") or d for d in found}  # type: ignore[misc]
        originals.discard(doc_id)
        # Only their stories are read (`value`): not the documents.
        batch.load_link_fields(originals)
        # Their place in the stream, not their vectors: most are earlier than this document
        # and only their stories are compared with (`_affected_stories` reads the later ones).
        batch.load_orders(originals)
        batch.counts.story_candidates += len(originals)
        return {d for d in originals if batch.has_order(d)}

    def _load_changes(self, batch: LinkPass, changes: dict[str, StoryChange], labels: set[str]) -> None:
        """Stories outside what this pass re-decides, compared with as they are stored."""
        missing = sorted(labels - changes.keys())
        if not missing:
            return
        states = batch.story_states(missing)
        for story in batch.store.stories_by_id(missing):
            changes[story.id] = StoryChange(story.id, story, state=states.get(story.id))
