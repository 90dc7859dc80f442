"""What a decided group becomes: a story record, its members' dates and origin, its quote families.

Each record is derived from all the members of the group and chosen by
`origin_key`, so the same group gives the same record whichever member
arrived last.
"""

from __future__ import annotations

import copy

from ..ids import derive_id
from ..model import Story
from ..store import QuoteLinkUpdate
from ..time.content_date import Evidence, infer_content_date, period
from .context import LinkContext
from .families import quote_families
from .stories import days_between


def story_record(ctx: LinkContext, members: list[str], updates: dict[str, dict]) -> Story:
    """The story of these members; the fields its members must change are added to `updates`."""
    first_id = min(members, key=ctx.origin)
    first, first_profile = ctx.docs[first_id], ctx.profiles[first_id]
    story_id = derive_id("s", first_id)
    first_date = first_profile.content_date or first_profile.published
    days = ctx.settings.republication_days
    for doc_id in members:
        doc, profile = ctx.docs[doc_id], ctx.profiles[doc_id]
        wanted: dict = {"story_id": story_id}
        later = None
        if doc_id != first_id and first_date and profile.published:
            gap = days_between(profile.published, first_date)
            later = first_id if gap is not None and gap > days else None
        wanted["republished_from"] = later
        wanted.update(content_date_fields(ctx, doc_id, first_id if doc_id != first_id else None))
        for name, value in wanted.items():
            if getattr(doc, name) != value:
                updates[doc_id][name] = value
            else:
                updates[doc_id].pop(name, None)
    title = first.title or next((ctx.docs[i].title for i in members if ctx.docs[i].title), None)
    if not title:
        title = first.body.strip().split("\n", 1)[0][:120]
    return Story(story_id, title, members, first_id, first_date)


def content_date_fields(ctx: LinkContext, doc_id: str, first_id: str | None) -> dict:
    """The document's own content date, or the one an earlier report of its story gives it.

    A linked document's date counts as stated evidence (see
    `infer_content_date`), so a page whose own dates are only relative
    to its (much later) page date gets the original's date, and is
    flagged republished.
    """
    profile = ctx.profiles[doc_id]
    own = {
        "content_date": profile.content_date,
        "content_date_basis": profile.content_date_basis,
        "republished": profile.republished,
    }
    if first_id is None or profile.dated_by_text:
        return own
    first = ctx.profiles[first_id]
    value = first.content_date or first.published
    span = period(value) if value else None
    if span is None:
        return own
    own_span = period(profile.content_date) if profile.content_date else None
    if own_span is not None and span[1] >= own_span[0]:
        return own
    doc = copy.copy(ctx.docs[doc_id])  # the stored values are compared with the result
    if not doc.date_mentions:
        stored = ctx.store.document(doc_id)
        if stored is not None:
            doc.date_mentions = stored.date_mentions
    source = ctx.docs[first_id]
    evidence = Evidence(
        span[0], span[1], value,
        f"an earlier report of the same story ({first_id}" + (f", {source.site}" if source.site else "") + f") dates it {value}",
        True, source=first_id,
    )  # fmt: skip
    infer_content_date(doc, ctx.settings.republication_days, linked=[evidence])
    return {
        "content_date": doc.content_date,
        "content_date_basis": doc.content_date_basis,
        "republished": doc.republished,
    }


def update_families(ctx: LinkContext, story: Story) -> None:
    """Group the quotes of one story's documents into families and store what changed."""
    quotes = [q for doc_id in story.document_ids for q in ctx.quotes.get(doc_id, [])]
    if not quotes:
        return
    by_id = {q.id: q for q in quotes}
    updates = []
    for family in quote_families(quotes, ctx.origin):
        for quote_id in family.quote_ids:
            quote = by_id[quote_id]
            if (quote.family_id, quote.first_document_id) != (family.id, family.first_document_id):
                quote.family_id, quote.first_document_id = family.id, family.first_document_id
                updates.append(QuoteLinkUpdate(quote_id, family.id, family.first_document_id))
    ctx.store.update_quote_links(updates)
