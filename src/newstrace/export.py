"""Export in SPEC's schema (version 1): JSON Lines, CSV or Parquet.

JSON Lines is the contract: one object per line, `type` naming the record.
CSV and Parquet hold the same records in one table whose columns are the
union of all record fields; in CSV, lists and objects are JSON strings.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .errors import UsageError
from .model import Citation, DateMention, Document, Entity, Quote, Story
from .store import Store

SCHEMA_VERSION = 1
FORMATS = ("jsonl", "csv", "parquet")


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "type": "document", "id": doc.id, "source": doc.source, "sha256": doc.sha256,
        "format": doc.format, "site": doc.site, "title": doc.title,
        "title_language": doc.title_language, "language": doc.language, "author": doc.author,
        "published": doc.published, "published_text": doc.published_text,
        "content_date": doc.content_date, "content_date_basis": doc.content_date_basis,
        "republished": doc.republished, "republished_from": doc.republished_from,
        "duplicate_of": doc.duplicate_of, "story_id": doc.story_id, "body": doc.body,
        "removed": [{"text": block.text, "reason": block.reason} for block in doc.removed],
        # Fields beyond SPEC's list (allowed: "fields may be added").
        "url": doc.url, "published_precision": doc.published_precision,
        "published_basis": doc.published_basis, "page_kind": doc.page_kind,
        "categories": doc.categories, "origin_basis": doc.origin_basis,
    }  # fmt: skip


def quote_record(quote: Quote) -> dict[str, Any]:
    return {
        "type": "quote", "id": quote.id, "document_id": quote.document_id, "text": quote.text,
        "start": quote.start, "end": quote.end, "kind": quote.kind, "speaker": quote.speaker,
        "speaker_id": quote.speaker_id, "part_of": quote.part_of,
        "speaker_mention": quote.speaker_mention,
        "speaker_span": list(quote.speaker_span) if quote.speaker_span else None,
        "cue": quote.cue, "cue_span": list(quote.cue_span) if quote.cue_span else None,
        "said_on": quote.said_on, "venue": quote.venue,
        "family_id": quote.family_id or quote.id,
        "first_document_id": quote.first_document_id or quote.document_id,
        # beyond SPEC's list: how sure the speaker is (0-1) and how it was found
        "speaker_confidence": quote.speaker_confidence, "speaker_basis": quote.speaker_basis,
    }  # fmt: skip


def citation_record(citation: Citation) -> dict[str, Any]:
    return {
        "document_id": citation.document_id, "title": citation.title, "site": citation.site,
        "url": citation.url, "source": citation.source, "published": citation.published,
    }  # fmt: skip


def entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "type": "entity", "id": entity.id, "name": entity.name, "kind": entity.kind,
        "aliases": entity.aliases, "roles": entity.roles, "mentions": entity.mentions,
    }  # fmt: skip


def date_mention_record(mention: DateMention) -> dict[str, Any]:
    return {
        "type": "date_mention", "id": mention.id, "document_id": mention.document_id,
        "text": mention.text, "start": mention.start, "end": mention.end, "kind": mention.kind,
        "value": mention.value, "anchor": mention.anchor,
    }  # fmt: skip


def story_record(story: Story) -> dict[str, Any]:
    return {
        "type": "story", "id": story.id, "title": story.title, "document_ids": story.document_ids,
        "first_document_id": story.first_document_id, "date": story.date,
    }  # fmt: skip


def export_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record of the collection, in a stable order (type, then id)."""
    for doc in store.documents():
        yield document_record(doc)
    for quote in store.quotes():
        yield quote_record(quote)
    for entity in store.resolved_entities():
        yield entity_record(entity)
    for mention in store.date_mentions():
        yield date_mention_record(mention)
    for story in store.stories():
        yield story_record(story)


def export_collection(store: Store, out: Path | None, format: str) -> int:
    """Write every record to `out` (standard output when None); returns the count."""
    if format not in FORMATS:
        raise UsageError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    records = export_records(store)
    if format == "parquet":
        if out is None:
            raise UsageError("Parquet export needs --out FILE")
        return _write_parquet(records, out)
    if out is None:
        return _WRITERS[format](records, sys.stdout)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as stream:
        return _WRITERS[format](records, stream)


def _write_jsonl(records: Iterator[dict[str, Any]], stream: TextIO) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def flat_value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _write_csv(records: Iterator[dict[str, Any]], stream: TextIO) -> int:
    # The header is the union of all fields, so the records are gathered
    # first; a JSON Lines export is the streaming choice for huge collections.
    rows = list(records)
    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.DictWriter(stream, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: flat_value(value) for key, value in row.items()})
    return len(rows)


def _write_parquet(records: Iterator[dict[str, Any]], out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Nested values become JSON strings so that one schema holds every
    # record type (their lists differ in element type).
    rows = [{key: flat_value(value) for key, value in record.items()} for record in records]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    table = pa.Table.from_pylist(rows, schema=_parquet_schema(rows, columns))
    out.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out)
    return len(rows)


def _parquet_schema(rows: list[dict[str, Any]], columns: list[str]) -> Any:
    import pyarrow as pa

    def column_type(name: str) -> Any:
        values = [row[name] for row in rows if row.get(name) is not None]
        if values and all(isinstance(v, bool) for v in values):
            return pa.bool_()
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return pa.int64()
        if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            return pa.float64()
        return pa.string()

    return pa.schema([(name, column_type(name)) for name in columns])


_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv}

__all__ = ["FORMATS", "SCHEMA_VERSION", "export_collection", "export_records", "flat_value"]
