"""Processed documents as flat Parquet rows, and back: what the Spark engine writes and `load` reads.

A processed dataset is a folder of Parquet files, one row per input:
  type = "document"   a page the per-document stages processed: SPEC's document
                      record (nested values as JSON text, as `export` writes them),
                      its quotes and date mentions as JSON lists of SPEC records,
                      and `state`: what the store keeps beyond SPEC's fields (raw
                      page, names found, link profile), so that loading it gives
                      the very collection an in-process ingest gives
  type = "rejection"  an input that could not be read or processed, and why
  type = "stored"     an input whose bytes the target store already held
`input_file` and `input_record` keep the inputs' order; `repeats` counts the
other inputs with the same bytes, which are not processed again.

The collection-wide facts (stories, families, duplicates, entity ids across
documents) are decided when the rows are loaded into a store, by the same
collection stages an in-process ingest runs. Nothing here imports Spark, so
loading needs only pyarrow. No row is ever unpickled: a dataset may come from
elsewhere, and JSON cannot run code.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..export import date_mention_record, document_record, flat_value, quote_record
from ..link.profile import Prepared
from ..model import DateMention, Document, Mention, Rejection, RemovedBlock
from ..store import rows

# Rows of a processed dataset read into Python at a time when it is loaded.
ROWS_AT_A_TIME = 256
# Column name -> type, in order ("string", "long", "boolean"); the engine turns this into Spark's schema.
_DOCUMENT_FIELDS = tuple(document_record(Document(id="", source="", sha256="", format="text", raw="")))
COLUMNS: dict[str, str] = {
    "type": "string", "input_file": "long", "input_record": "long", "repeats": "long",
    "reason": "string",
    **{name: "boolean" if name == "republished" else "string" for name in _DOCUMENT_FIELDS if name != "type"},
    "quotes": "string", "date_mentions": "string", "state": "string",
}  # fmt: skip


@dataclass(slots=True)
class AlreadyStored:
    """An input whose bytes the target store held when the dataset was made."""

    source: str
    sha256: str


def _row(kind: str, order: tuple[int, int], **values: Any) -> dict[str, Any]:
    row = dict.fromkeys(COLUMNS)
    row.update(type=kind, input_file=order[0], input_record=order[1], **({"repeats": 0} | values))
    return row


def rejection_row(rejection: Rejection, order: tuple[int, int], repeats: int = 0) -> dict[str, Any]:
    return _row("rejection", order, source=rejection.source, reason=rejection.reason, repeats=repeats)


def stored_row(source: str, sha256: str, order: tuple[int, int], repeats: int) -> dict[str, Any]:
    return _row("stored", order, source=source, sha256=sha256, repeats=repeats)


def document_row(doc: Document, order: tuple[int, int], repeats: int) -> dict[str, Any]:
    record = {name: flat_value(value) for name, value in document_record(doc).items() if name != "type"}
    return _row(
        "document", order, repeats=repeats, **record,
        quotes=json.dumps([quote_record(q) for q in doc.quotes], ensure_ascii=False),
        date_mentions=json.dumps([date_mention_record(m) for m in doc.date_mentions], ensure_ascii=False),
        state=json.dumps(_state(doc), ensure_ascii=False),
    )  # fmt: skip


def _state(doc: Document) -> dict[str, Any]:
    """What the store keeps of a processed document beyond its SPEC record, exactly."""
    prepared = doc.link_profile if isinstance(doc.link_profile, Prepared) else None
    return {
        "raw": doc.raw, "is_html": doc.is_html, "given": doc.given, "body_hash": doc.body_hash,
        # SPEC's quote record fills in a family for an unlinked quote; the store's rows do not
        "quotes": [dict(zip(rows.QUOTE_COLUMNS, rows.quote_row(q), strict=True)) for q in doc.quotes],
        "mentions": [[m.text, m.start, m.end, m.entity_id] for m in doc.mentions],
        "entities": [dict(zip(rows.ENTITY_COLUMNS, rows.entity_row(e), strict=True)) for e in doc.entities],
        "link": None if prepared is None else {
            "profile": rows.profile_json(prepared.profile),
            "signature": base64.b64encode(prepared.profile.duplicate_signature).decode("ascii"),
            "posting_keys": prepared.profile.posting_keys, "duplicate_keys": prepared.duplicate_keys,
            "story_lookup_keys": prepared.story_lookup_keys, "shape": list(prepared.shape),
        },
    }  # fmt: skip


def document_from_row(row: dict[str, Any]) -> Document:
    """The processed document a `document_row` was made from."""
    state = json.loads(row["state"])
    doc = Document(
        id=row["id"], source=row["source"], sha256=row["sha256"], format=row["format"],
        raw=state["raw"], is_html=state["is_html"], given=state["given"], body=row["body"] or "",
        removed=[RemovedBlock(b["text"], b["reason"]) for b in json.loads(row["removed"] or "[]")],
        url=row["url"], site=row["site"], title=row["title"], title_language=row["title_language"],
        language=row["language"], author=row["author"], published=row["published"],
        published_text=row["published_text"], published_precision=row["published_precision"],
        published_basis=row["published_basis"], page_kind=row["page_kind"],
        categories=json.loads(row["categories"] or "[]"), content_date=row["content_date"],
        content_date_basis=row["content_date_basis"], republished=row["republished"],
        republished_from=row["republished_from"], origin_basis=row["origin_basis"],
        duplicate_of=row["duplicate_of"], story_id=row["story_id"], body_hash=state["body_hash"],
    )  # fmt: skip
    doc.quotes = [rows.quote_from_row(q) for q in state["quotes"]]
    doc.date_mentions = [
        DateMention(**{k: v for k, v in m.items() if k != "type"}) for m in json.loads(row["date_mentions"])
    ]
    doc.mentions = [Mention(doc.id, text, start, end, entity) for text, start, end, entity in state["mentions"]]
    doc.entities = [rows.entity_from_row(e) for e in state["entities"]]
    link = state["link"]
    if link is not None:
        profile = rows.profile_from_json(doc.id, link["profile"], base64.b64decode(link["signature"]))
        profile.posting_keys = link["posting_keys"]
        doc.link_profile = Prepared(
            profile, link["duplicate_keys"], link["story_lookup_keys"], tuple(link["shape"])
        )
    return doc


def read_processed(path: str | Path) -> Iterator[Document | Rejection | AlreadyStored]:
    """Every row of a processed dataset (a folder or a URL pyarrow reads: hdfs://, s3://, ...),
    in input order, one Parquet row group at a time."""
    import pyarrow.fs
    import pyarrow.parquet as pq

    try:
        files, root = pyarrow.fs.FileSystem.from_uri(str(path) if "://" in str(path) else Path(path).resolve())
        found = files.get_file_info(pyarrow.fs.FileSelector(root, allow_not_found=True))
    except (OSError, ValueError) as error:
        raise UsageError(f"{path}: cannot read a processed dataset here ({error})") from None
    # Spark writes the ordered rows as part files in order.
    parts = sorted(info.path for info in found if info.is_file and info.path.endswith(".parquet"))
    if not parts:
        raise UsageError(
            f"{path}: no processed dataset here (make one with: newstrace ingest --engine spark --parquet {path})"
        )
    for number, part in enumerate(parts):
        reader = pq.ParquetFile(files.open_input_file(part))  # one file open at a time
        if number == 0:
            missing = [name for name in ("type", "state", "input_file") if name not in reader.schema_arrow.names]
            if missing:
                raise UsageError(f"{path}: not a processed dataset (no {', '.join(missing)} column)")
        # One row group in Arrow's memory at a time (the engine writes them at 16 MB), made
        # into Python rows (raw pages, bodies, quotes) a few hundred at a time. Not
        # `iter_batches`: over a whole file it kept Arrow memory growing (pyarrow 26: 41 -> 167
        # MB over 30,000 documents in 118 row groups; by row groups it stays at 4 MB).
        for group in range(reader.num_row_groups):
            for batch in reader.read_row_group(group).to_batches(ROWS_AT_A_TIME):
                yield from _items(batch.to_pylist())


def _items(rows: list[dict[str, Any]]) -> Iterator[Document | Rejection | AlreadyStored]:
    """What each row stands for, and one `AlreadyStored` per repeat of its input."""
    for row in rows:
        if row["type"] == "document":
            yield document_from_row(row)
        elif row["type"] == "rejection":
            yield Rejection(row["source"], row["reason"])
        else:
            yield AlreadyStored(row["source"], row["sha256"])
        for _ in range(row["repeats"] or 0):
            yield AlreadyStored(row["source"], row["sha256"])
