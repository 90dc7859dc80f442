"""JSON Lines: one article per line, in SPEC's input schema."""

from __future__ import annotations

import json
from collections.abc import Iterator

from .. import errors
from ..ids import sha256_hex
from ..model import RawRecord, Rejection
from .decode import storable_text
from .limits import ReadLimits

# Fields an input may state; stages trust them over what they would infer.
GIVEN_FIELDS = ("id", "url", "site", "title", "published", "language")


def read_jsonl(source: str, text: str, limits: ReadLimits) -> Iterator[RawRecord | Rejection]:
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#{line_number}"
        if problem := limits.page_problem(len(line)):
            yield Rejection(where, problem)
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            reason = (
                f"{error.msg} at column {error.colno}"
                if isinstance(error, json.JSONDecodeError)
                else "nested too deeply"
            )
            yield Rejection(where, f"invalid JSON ({reason})")
            continue
        if not isinstance(record, dict):
            yield Rejection(where, "not a JSON object")
            continue
        yield _to_raw(where, record)


def _to_raw(where: str, record: dict[str, object]) -> RawRecord | Rejection:
    # The record's own content names it, not the line it sat on, so the same
    # article in two files (or re-serialised) is recognised as the same.
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False)
    cleaned = storable_text(canonical)
    if cleaned is not canonical:
        canonical, record = cleaned, json.loads(cleaned)
    text, html = record.get("text"), record.get("html")
    content = text if isinstance(text, str) and text.strip() else html
    if not isinstance(content, str) or not content.strip():
        return Rejection(where, errors.NO_TEXT)
    is_html = content is html
    content = storable_text(content)  # JSON may escape a NUL ("\u0000") that no store holds
    given = {
        name: storable_text(str(value)).strip()
        for name in GIVEN_FIELDS
        if (value := record.get(name)) not in (None, "") and not isinstance(value, dict | list)
    }
    return RawRecord(
        source=given.get("url", where),
        format="jsonl",
        content=content,
        sha256=sha256_hex(canonical),
        is_html=is_html,
        given=given,
    )
