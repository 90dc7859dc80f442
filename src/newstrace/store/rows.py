"""Converting model records to and from flat table rows, for every SQL backend."""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Iterable
from typing import Any

import orjson

from ..link.index import LinkProfile, StoryState
from ..model import DateMention, Document, Entity, Quote, RemovedBlock, Story
from .base import LINK_FIELDS


def _loads(text: str) -> Any:
    """A stored JSON value. A link pass decodes tens of thousands of profiles, story states and
    document fields; orjson reads them about three times faster than the standard library. What
    it refuses and the standard library wrote (NaN, a lone surrogate's escape) is read by the latter."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)

DOCUMENT_COLUMNS = (
    "id", "sha256", "source", "format", "is_html", "url", "site", "title", "title_language",
    "language", "author", "published", "published_text", "published_precision", "categories",
    "body", "removed", "content_date", "content_date_basis", "republished", "republished_from",
    "duplicate_of", "story_id", "body_hash", "given", "origin_basis", "published_basis", "page_kind",
)  # fmt: skip
QUOTE_COLUMNS = (
    "id", "document_id", "text", "start", "end", "kind", "speaker", "speaker_id", "part_of",
    "speaker_mention", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
    "said_on", "venue", "family_id", "first_document_id", "speaker_confidence", "speaker_basis",
)  # fmt: skip
DATE_MENTION_COLUMNS = ("id", "document_id", "text", "start", "end", "kind", "value", "anchor")
MENTION_COLUMNS = ("document_id", "text", "start", "end", "entity_id")
ENTITY_COLUMNS = ("id", "name", "kind", "aliases", "roles", "mentions", "kind_mentions", "name_mentions")
STORY_COLUMNS = ("id", "title", "document_ids", "first_document_id", "date")


def compress(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 6)


def decompress(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def _bool_or_none(value: Any) -> bool | None:
    return None if value is None else bool(value)


# The columns `Store.link_fields` reads, in this order.
LINK_COLUMNS = tuple(sorted(LINK_FIELDS))


def link_fields_from_row(values: Iterable[Any]) -> dict[str, Any]:
    """A document's link fields from its LINK_COLUMNS values."""
    fields = dict(zip(LINK_COLUMNS, values, strict=True))
    fields["republished"] = _bool_or_none(fields["republished"])
    return fields


def document_row(doc: Document) -> tuple[Any, ...]:
    return (
        doc.id, doc.sha256, doc.source, doc.format, int(doc.is_html), doc.url, doc.site,
        doc.title, doc.title_language, doc.language, doc.author, doc.published,
        doc.published_text, doc.published_precision, json.dumps(doc.categories, ensure_ascii=False),
        doc.body, json.dumps([[b.text, b.reason] for b in doc.removed], ensure_ascii=False),
        doc.content_date, doc.content_date_basis,
        None if doc.republished is None else int(doc.republished),
        doc.republished_from, doc.duplicate_of, doc.story_id, doc.body_hash,
        json.dumps(doc.given, ensure_ascii=False, sort_keys=True), doc.origin_basis,
        doc.published_basis, doc.page_kind,
    )  # fmt: skip


def document_from_row(row: dict[str, Any], raw: str = "") -> Document:
    return Document(
        id=row["id"], source=row["source"], sha256=row["sha256"], format=row["format"], raw=raw,
        is_html=bool(row["is_html"]), given=_loads(row["given"] or "{}"), body=row["body"],
        removed=[RemovedBlock(text, reason) for text, reason in _loads(row["removed"] or "[]")],
        url=row["url"], site=row["site"], title=row["title"],
        title_language=row["title_language"], language=row["language"], author=row["author"],
        published=row["published"], published_text=row["published_text"],
        published_precision=row["published_precision"],
        categories=_loads(row["categories"] or "[]"),
        content_date=row["content_date"], content_date_basis=row["content_date_basis"],
        republished=_bool_or_none(row["republished"]), republished_from=row["republished_from"],
        duplicate_of=row["duplicate_of"], story_id=row["story_id"], body_hash=row["body_hash"],
        origin_basis=row["origin_basis"], published_basis=row["published_basis"],
        page_kind=row["page_kind"] or "article",
    )  # fmt: skip


def _span(span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


def quote_row(quote: Quote) -> tuple[Any, ...]:
    return (
        quote.id, quote.document_id, quote.text, quote.start, quote.end, quote.kind,
        quote.speaker, quote.speaker_id, quote.part_of, quote.speaker_mention,
        *_span(quote.speaker_span), quote.cue, *_span(quote.cue_span),
        quote.said_on, quote.venue, quote.family_id, quote.first_document_id,
        quote.speaker_confidence, quote.speaker_basis,
    )  # fmt: skip


def quote_from_row(row: dict[str, Any]) -> Quote:
    def span(start: str, end: str) -> tuple[int, int] | None:
        return None if row[start] is None else (row[start], row[end])

    return Quote(
        id=row["id"], document_id=row["document_id"], text=row["text"], start=row["start"],
        end=row["end"], kind=row["kind"], speaker=row["speaker"], speaker_id=row["speaker_id"],
        part_of=row["part_of"], speaker_mention=row["speaker_mention"],
        speaker_span=span("speaker_start", "speaker_end"), cue=row["cue"],
        cue_span=span("cue_start", "cue_end"), said_on=row["said_on"], venue=row["venue"],
        family_id=row["family_id"], first_document_id=row["first_document_id"],
        speaker_confidence=row["speaker_confidence"], speaker_basis=row["speaker_basis"],
    )  # fmt: skip


def date_mention_row(mention: DateMention) -> tuple[Any, ...]:
    return tuple(getattr(mention, column) for column in DATE_MENTION_COLUMNS)


def date_mention_from_row(row: dict[str, Any]) -> DateMention:
    return DateMention(**{column: row[column] for column in DATE_MENTION_COLUMNS})


def entity_row(entity: Entity) -> tuple[Any, ...]:
    return (
        entity.id,
        entity.name,
        entity.kind,
        json.dumps(entity.aliases, ensure_ascii=False),
        json.dumps(entity.roles, ensure_ascii=False),
        entity.mentions,
        json.dumps(entity.kind_mentions, sort_keys=True),
        json.dumps(entity.name_mentions, sort_keys=True, ensure_ascii=False),
    )


def entity_from_row(row: dict[str, Any]) -> Entity:
    return Entity(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        aliases=_loads(row["aliases"]),
        roles=_loads(row["roles"]),
        mentions=row["mentions"],
        kind_mentions=_loads(row["kind_mentions"] or "{}"),
        name_mentions=_loads(row["name_mentions"] or "{}"),
    )


def story_row(story: Story) -> tuple[Any, ...]:
    return (story.id, story.title, json.dumps(story.document_ids), story.first_document_id, story.date)


def story_from_row(row: dict[str, Any]) -> Story:
    return Story(
        id=row["id"],
        title=row["title"],
        document_ids=_loads(row["document_ids"]),
        first_document_id=row["first_document_id"],
        date=row["date"],
    )


# --- the link index's records (`link.index`), as JSON text in every backend ---------------


def profile_json(p: LinkProfile) -> str:
    return json.dumps(
        {
            "published": p.published, "content_date": p.content_date,
            "content_date_basis": p.content_date_basis, "republished": p.republished,
            "dated_by_text": p.dated_by_text, "day": p.day, "page_day": p.page_day,
            "vector": p.vector, "names": p.names, "language": p.language, "key_terms": p.key_terms,
        },
        ensure_ascii=False, sort_keys=True,
    )  # fmt: skip


def _interned(vector: dict[str, float]) -> dict[str, float]:
    # A link pass decodes thousands of vectors over the same few thousand terms: one string per
    # term, not one per vector and term (a linking process held 349 MiB instead of 374 at 8,000
    # documents).
    return {sys.intern(term): weight for term, weight in vector.items()}


def profile_from_json(document_id: str, profile: str, signature: bytes) -> LinkProfile:
    values = _loads(profile)
    values["vector"], values["names"] = _interned(values["vector"]), _interned(values["names"])
    return LinkProfile(document_id=document_id, duplicate_signature=bytes(signature), **values)


def story_state_json(s: StoryState) -> str:
    return json.dumps(
        {
            "centroid": s.centroid, "names": s.names, "languages": s.languages, "members": s.members,
            "first_day": s.first_day, "last_day": s.last_day, "last": list(s.last),
            "published_by": s.published_by,
        },
        sort_keys=True,
    )  # fmt: skip


def story_state_from_json(story_id: str, state: str) -> StoryState:
    values = _loads(state)
    values["centroid"], values["names"] = _interned(values["centroid"]), _interned(values["names"])
    return StoryState(story_id=story_id, **{**values, "last": tuple(values["last"])})
