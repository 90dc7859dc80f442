"""Readers: files, folders, archives and standard input -> raw records.

`read_inputs(paths)` yields a `RawRecord` for every article found and a
`Rejection` for every input (or part of one) that could not be read, in a
deterministic order; it never raises for a bad input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .. import errors
from ..errors import InputError
from ..ids import sha256_hex
from ..model import RawRecord, Rejection
from .archive import gunzip, read_tar, read_zip
from .decode import decode_text
from .jsonl import read_jsonl
from .sniff import kind_from_content, kind_from_name
from .warc import read_warc

STDIN = "-"
# Archives inside archives inside archives are read; deeper is refused.
MAX_NESTING = 4

Item = RawRecord | Rejection


def read_inputs(paths: Iterable[str]) -> Iterator[Item]:
    for path in input_files(paths):
        if path == STDIN:
            yield from read_bytes("<stdin>", sys.stdin.buffer.read())
        else:
            yield from read_file(path)


def input_files(paths: Iterable[str]) -> Iterator[str]:
    """The files `paths` name, folders walked in name order ('-' stays standard input)."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            yield from (str(file) for file in _walk(Path(path)))
        else:
            yield path


def count_single_pages(paths: Iterable[str], limit: int = 2_000_000) -> int | None:
    """How many inputs `paths` hold, where each file is one page (HTML or text, maybe
    gzipped): the total a progress bar needs for the time left. None where some input
    holds an unknown number of pages (stdin, WARC, JSON Lines, archives), or past `limit`."""
    count = 0
    for path in paths:
        if path == STDIN:
            return None
        files = _walk(Path(path)) if os.path.isdir(path) else [Path(path)]
        for file in files:
            name = file.name.lower().removesuffix(".gz")
            if kind_from_name(name) not in ("html", "text") or name.endswith(".tar"):
                return None
            count += 1
            if count > limit:
                return None
    return count


def read_file(path: str) -> Iterator[Item]:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        yield Rejection(path, errors.NOT_FOUND)
        return
    except OSError as error:
        yield Rejection(path, f"{errors.UNREADABLE} ({error.strerror or error})")
        return
    yield from read_bytes(path, data)


def read_bytes(source: str, data: bytes, depth: int = 0) -> Iterator[Item]:
    """Every article in `data`, which was read from `source`."""
    if not data.strip():
        yield Rejection(source, errors.EMPTY)
        return
    if depth > MAX_NESTING:
        yield Rejection(source, f"archives nested more than {MAX_NESTING} deep")
        return
    name = source.rsplit("!", 1)[-1]
    kind = kind_from_name(name) or kind_from_content(data)
    if kind == "gzip":
        inner, problem = gunzip(source, data)
        if inner:
            inner_name = source[: -len(".gz")] if source.lower().endswith(".gz") else source
            yield from _read_gunzipped(source, inner_name, inner, depth)
        if problem:
            yield problem
    elif kind == "zip":
        yield from read_zip(source, data, depth, read_bytes)
    elif kind == "tar":
        yield from read_tar(source, data, depth, read_bytes)
    elif kind == "warc":
        yield from read_warc(source, data)
    elif kind == "jsonl":
        yield from _decoded(source, data, lambda text: read_jsonl(source, text))
    else:
        is_html = kind == "html"
        yield from _decoded(
            source, data, lambda text: iter([_page(source, data, text, is_html)]), html=is_html
        )


def _read_gunzipped(source: str, inner_name: str, inner: bytes, depth: int) -> Iterator[Item]:
    # The decompressed bytes keep the compressed file's name for messages
    # and ids, but are read as what the inner name says they are.
    kind = kind_from_name(inner_name) or kind_from_content(inner)
    if kind in ("text", "html"):
        yield from _decoded(
            source,
            inner,
            lambda text: iter([_page(source, inner, text, kind == "html")]),
            html=kind == "html",
        )
    else:
        for item in read_bytes(inner_name, inner, depth + 1):
            if isinstance(item, Rejection) and item.source == inner_name:
                item.source = source
            yield item


def _decoded(
    source: str, data: bytes, then: Callable[[str], Iterator[Item]], *, html: bool = False
) -> Iterator[Item]:
    try:
        text = decode_text(data, html=html)
    except InputError as error:
        yield Rejection(source, str(error))
        return
    yield from then(text)


def _page(source: str, data: bytes, text: str, is_html: bool) -> RawRecord:
    return RawRecord(
        source=source,
        format="html" if is_html else "text",
        content=text,
        sha256=sha256_hex(data),
        is_html=is_html,
    )


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, recursively, in name order, hidden ones skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name
