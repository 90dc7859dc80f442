"""Collection stage: story records, first appearances, and where each republished copy came from.

needs: duplicates, stories, families      adds: origins (sets story_id, republished_from,
origin_basis, content_date(_basis), republished; writes story records and their states)

A story's first document is its earliest member by `origin_key` (SPEC), and
its id derives from that document, so it is the same whatever order the
members came in.

Origins need strong evidence, never a story link alone: a document is
`republished_from` an earlier one only when it is a near or exact copy of
it, or carries a quotation (quoted words, not reported speech) first seen
there. Its content date is taken from that earlier report on the same
evidence, when its own text does not state one and it was published well
after it (or states no page date).
`origin_basis` says which evidence it was.
"""

from __future__ import annotations

import copy
from typing import ClassVar

from ..analysis.pipelines import forgetting_new_words
from ..ids import derive_id
from ..model import Story
from ..time.content_date import Evidence, infer_content_date, period
from .clustering import StoryChange
from .index import StoryState
from .stages import LinkPass


def days_between(later: str, earlier: str) -> int | None:
    """Days from the end of `earlier`'s period to the start of `later`'s (None when either is not a date)."""
    pl, pe = period(later), period(earlier)
    if pl is None or pe is None:
        return None
    return (pl[0] - pe[1]).days


class DecideOrigins:
    name: ClassVar[str] = "decide_origins"
    needs: ClassVar[frozenset[str]] = frozenset({"duplicates", "stories", "families"})
    adds: ClassVar[frozenset[str]] = frozenset({"origins"})

    def run(self, batch: LinkPass) -> None:
        changes = batch.story_changes
        self._place_new_copies(batch, changes)
        # Writing back every story compared with would cost a pass as much as the stories it reads.
        changed = [changes[label] for label in sorted(changes) if changes[label].changed]
        written = [self._story_record(batch, change) for change in changed]
        kept = {story.id for story, _ in written if story is not None}
        gone = {change.old.id for change in changed if change.old is not None} - kept
        batch.store.delete_stories(gone)
        batch.index.delete_story_states(gone)
        batch.store.put_stories(story for story, _ in written if story is not None)
        batch.index.put_story_states(
            state for story, state in written if story is not None and state is not None
        )
        self._decide_origins(batch)

    # --- stories ----------------------------------------------------------------
    @staticmethod
    def _place_new_copies(batch: LinkPass, changes: dict[str, StoryChange]) -> None:
        """A copy carries its original's story: copies whose original kept its story join that record."""
        moved = {m for change in changes.values() for m in change.members}
        for doc_id, original in sorted(batch.original.items()):
            if doc_id == original or original in moved:
                continue
            story_id = batch.value(original, "story_id")
            if not story_id:
                continue
            if story_id not in changes:
                (record,) = batch.store.stories_by_id([str(story_id)]) or [None]
                changes[str(story_id)] = StoryChange(str(story_id), record)
            changes[str(story_id)].copies.add(doc_id)

    def _story_record(self, batch: LinkPass, change: StoryChange) -> tuple[Story | None, StoryState | None]:
        """The story's record and state as the change leaves it (None: the story is gone);
        the members' story_id is set on the way."""
        reps = set(change.members)
        if not change.rebuilt and change.old is not None:
            reps |= {i for i in change.old.document_ids if batch.original.get(i, i) == i}
        copies = set(change.copies) | {d for d, o in batch.original.items() if o in change.members and d != o}
        stored_copies = batch.store.documents_duplicating(reps if change.rebuilt else change.members)
        for doc in stored_copies:
            batch.docs.setdefault(doc.id, doc)
            if batch.original.get(doc.id, batch.value(doc.id, "duplicate_of")) in reps:
                copies.add(doc.id)
        everyone = reps | copies
        if not change.rebuilt and change.old is not None:
            everyone |= {
                i
                for i in change.old.document_ids
                if batch.original.get(i) is None or batch.original[i] in reps
            }
        old_id = change.old.id if change.old is not None else None
        if not reps:
            return None, None
        batch.load_profiles(everyone)
        known_first = [change.old.first_document_id] if (change.old and not change.rebuilt) else []
        contenders = (everyone if change.rebuilt or not change.old else set(change.members) | copies) | set(
            known_first
        )
        first = min((i for i in contenders if i in everyone), key=batch.origin)
        story_id = derive_id("s", first)
        # Members that must carry the id: all of them when it changed, else the ones this pass placed.
        to_set = everyone if story_id != old_id else set(change.members) | copies
        for doc_id in sorted(to_set):
            batch.set(doc_id, story_id=story_id)
        batch.load([first])
        profile = batch.profiles.get(first)
        title = batch.docs[first].title or batch.docs[first].body.strip().split("\n", 1)[0][:120]
        date = (profile.content_date or profile.published) if profile else batch.docs[first].content_date
        if change.state is not None:
            change.state.story_id = story_id
        return Story(story_id, title, sorted(everyone), first, date), change.state

    # --- origins ----------------------------------------------------------------
    def _decide_origins(self, batch: LinkPass) -> None:
        deciding = set(batch.new_ids) | set(batch.original) | set(batch.family_first)
        batch.load(deciding)
        batch.load_quotes(deciding)
        batch.load_profiles(deciding)
        for doc_id in sorted(deciding):
            if doc_id not in batch.profiles:
                continue
            # Quoted words are evidence of copying; reported speech is how independent reports
            # retell the same statement, so it is not.
            firsts = batch.quotation_firsts(doc_id, quoted_words_only=True)
            source, basis = self._strong_source(batch, doc_id, firsts)
            self._apply(batch, doc_id, source, basis)

    @staticmethod
    def _strong_source(batch: LinkPass, doc_id: str, firsts: dict[str, str]) -> tuple[str | None, str | None]:
        """The earliest earlier document this one copies or quotes from, and why."""
        options = []
        original = batch.original.get(doc_id) or batch.value(doc_id, "duplicate_of")
        if original and original != doc_id:
            options.append((str(original), f"near-duplicate of {original}"))
        shared: dict[str, int] = {}
        for first in firsts.values():
            if first != doc_id:
                shared[first] = shared.get(first, 0) + 1
        for first, count in shared.items():
            options.append(
                (first, f"shares {count} quotation{'s' if count > 1 else ''} first seen in {first}")
            )
        batch.load_profiles(o for o, _ in options)
        mine = batch.origin(doc_id)
        earlier = [(batch.origin(o), o, why) for o, why in options if batch.origin(o) < mine]
        if not earlier:
            return None, None
        _, source, why = min(earlier)
        return source, why

    @staticmethod
    def _apply(batch: LinkPass, doc_id: str, source: str | None, basis: str | None) -> None:
        profile = batch.profiles[doc_id]
        days = batch.settings.republication_days
        own = {
            "content_date": profile.content_date,
            "content_date_basis": profile.content_date_basis,
            "republished": profile.republished,
        }
        if source is None:
            batch.set(doc_id, republished_from=None, origin_basis=None, **own)
            return
        first = batch.profiles[source]
        first_date = first.content_date or first.published
        # A republication is a later publication: measured from the source's page date when
        # it states one, else from the days it reports.
        first_published = first.published or first.content_date
        later = None
        if first_published and profile.published:
            gap = days_between(profile.published, first_published)
            later = source if gap is not None and gap > days else None
        dates = own
        span = period(first_date) if first_date else None
        own_span = period(profile.content_date) if profile.content_date else None
        # A page published close to its source reports the same days, and its own reading of
        # them is as good; only a later copy (or an undated one) takes the source's date.
        contemporary = later is None and profile.published is not None
        if (
            not profile.dated_by_text
            and not contemporary
            and span is not None
            and (own_span is None or span[1] < own_span[0])
        ):
            doc = copy.copy(batch.docs[doc_id])  # the stored values are compared with the result
            if not doc.date_mentions:
                stored = batch.store.document(doc_id)
                doc.date_mentions = stored.date_mentions if stored else []
            batch.load([source])  # its outlet names the evidence, whatever else the pass read
            site = batch.docs[source].site if source in batch.docs else None
            evidence = Evidence(
                span[0], span[1], first_date,
                f"an earlier report ({source}" + (f", {site}" if site else "") + f"; {basis}) dates it {first_date}",
                True, source=source,
            )  # fmt: skip
            # The inference reads the text's sentences (an analysis made here, in the storing
            # process): forget its new words with it, or a long ingest keeps every word it met.
            with forgetting_new_words():
                infer_content_date(doc, days, linked=[evidence])
                doc.analysis = None
            dates = {
                "content_date": doc.content_date,
                "content_date_basis": doc.content_date_basis,
                "republished": doc.republished,
            }
        batch.set(doc_id, republished_from=later, origin_basis=basis, **dates)
