"""Readers: files, folders, archives and standard input -> raw records.

`read_inputs(paths, limits)` yields a `RawRecord` for every article found and a
`Rejection` for every input (or part of one) that could not be read, in a
deterministic order; it never raises for a bad input. What one input may make
the readers hold is bounded by `ReadLimits` (`read/limits.py`).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .. import errors
from ..errors import InputError
from ..ids import sha256_hex
from ..model import RawRecord, Rejection
from .archive import read_tar, read_zip
from .decode import decode_text
from .jsonl import read_jsonl
from .limits import Inflation, ReadLimits, gunzip
from .sniff import kind_from_content, kind_from_name
from .warc import read_warc, read_warc_file

STDIN = "-"
# Archives inside archives inside archives are read; deeper is refused.
MAX_NESTING = 4

Item = RawRecord | Rejection


def read_inputs(paths: Iterable[str], limits: ReadLimits | None = None) -> Iterator[Item]:
    limits = limits or ReadLimits()
    for path in input_files(paths):
        if path == STDIN:
            yield from _read_stdin(limits)
        else:
            yield from read_file(path, limits)


def _read_stdin(limits: ReadLimits) -> Iterator[Item]:
    data = sys.stdin.buffer.read(limits.input_max_bytes + 1)
    if problem := limits.input_problem(len(data)):
        yield Rejection("<stdin>", problem)
        return
    yield from read_bytes("<stdin>", data, Inflation(limits))


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


def read_file(path: str, limits: ReadLimits | None = None) -> Iterator[Item]:
    limits = limits or ReadLimits()
    kind = kind_from_name(path)
    try:
        status = os.stat(path)
        if stat.S_ISSOCK(status.st_mode) or stat.S_ISBLK(status.st_mode) or stat.S_ISDIR(status.st_mode):
            yield Rejection(path, f"{errors.UNREADABLE} (not a file)")
            return
        size = status.st_size
        if size == 0 and stat.S_ISREG(status.st_mode):
            yield Rejection(path, errors.EMPTY)
            return
        if kind == "warc":
            # streamed record by record: a crawl's WARC files are gigabytes
            with open(path, "rb") as stream:
                yield from read_warc_file(path, stream, limits)
            return
        if kind in ("html", "text") and (problem := limits.page_problem(size)):
            yield Rejection(path, problem)
            return
        if problem := limits.input_problem(size):
            yield Rejection(path, problem)
            return
        # (a pipe named on the command line, `<(zcat pages.gz)`, states no size: bounded here)
        with open(path, "rb") as stream:
            data = stream.read(limits.input_max_bytes + 1)
        if problem := limits.input_problem(len(data)):
            yield Rejection(path, problem)
            return
    except FileNotFoundError:
        yield Rejection(path, errors.NOT_FOUND)
        return
    except OSError as error:
        yield Rejection(path, f"{errors.UNREADABLE} ({error.strerror or error})")
        return
    yield from read_bytes(path, data, Inflation(limits))


def read_bytes(
    source: str, data: bytes, inflation: Inflation | None = None, depth: int = 0
) -> Iterator[Item]:
    """Every article in `data`, which was read from `source`; `inflation` counts what the
    input it came from has inflated to so far (a fresh count within the default limits)."""
    inflation = inflation or Inflation(ReadLimits())
    if not data.strip():
        yield Rejection(source, errors.EMPTY)
        return
    if depth > MAX_NESTING:
        yield Rejection(source, f"archives nested more than {MAX_NESTING} deep")
        return
    limits = inflation.limits
    name = source.rsplit("!", 1)[-1]
    kind = kind_from_name(name) or kind_from_content(data)
    if kind == "gzip":
        try:
            inner, problem = gunzip(data, limits, inflation)
        except InputError as error:
            yield Rejection(source, str(error))
            return
        if inner:
            inner_name = source[: -len(".gz")] if source.lower().endswith(".gz") else source
            yield from _read_gunzipped(source, inner_name, inner, inflation, depth)
        if problem:
            yield Rejection(source, problem)
    elif kind == "zip":
        yield from read_zip(source, data, inflation, depth, read_bytes)
    elif kind == "tar":
        yield from read_tar(source, data, inflation, depth, read_bytes)
    elif kind == "warc":
        yield from read_warc(source, data, inflation)
    elif kind == "jsonl":
        yield from _decoded(source, data, lambda text: read_jsonl(source, text, limits))
    else:
        yield from _single_page(source, data, kind == "html", limits)


def _read_gunzipped(
    source: str, inner_name: str, inner: bytes, inflation: Inflation, depth: int
) -> Iterator[Item]:
    # The decompressed bytes keep the compressed file's name for messages
    # and ids, but are read as what the inner name says they are.
    kind = kind_from_name(inner_name) or kind_from_content(inner)
    if kind in ("text", "html"):
        yield from _single_page(source, inner, kind == "html", inflation.limits)
    else:
        for item in read_bytes(inner_name, inner, inflation, depth + 1):
            if isinstance(item, Rejection) and item.source == inner_name:
                item.source = source
            yield item


def _single_page(source: str, data: bytes, is_html: bool, limits: ReadLimits) -> Iterator[Item]:
    if problem := limits.page_problem(len(data)):
        yield Rejection(source, problem)
        return
    yield from _decoded(source, data, lambda text: iter([_page(source, data, text, is_html)]), html=is_html)


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
    """Files under `folder`, recursively, in name order, hidden ones skipped.

    Links to folders are not followed (a link loop would never end); pipes, sockets and
    devices are passed over (opening a pipe waits for a writer that may never come). A
    link that leads nowhere or in a circle is kept, so that reading it reports why.
    """
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and not _is_special(path):
                yield path


def _is_special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)
