"""WARC files: the HTTP responses they archive, through warcio.

A WARC file on disk is streamed, one record at a time (a crawl's files are
gigabytes); one inside an archive is read from the bytes already in memory.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..ids import sha256_hex
from ..model import RawRecord, Rejection
from .decode import decode_text
from .limits import InflatedStream, Inflation, ReadLimits

_ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(source: str, data: bytes, inflation: Inflation) -> Iterator[RawRecord | Rejection]:
    """The WARC in `data` (an archive member), inflated within what its input may hold."""
    yield from _read(source, io.BufferedReader(io.BytesIO(data)), inflation.limits, inflation)


def read_warc_file(
    source: str, stream: io.BufferedReader, limits: ReadLimits
) -> Iterator[RawRecord | Rejection]:
    """A WARC file streamed: only one record is held at a time, so only the ratio bounds it."""
    yield from _read(source, stream, limits, None)


def _read(
    source: str, stream: io.BufferedReader, limits: ReadLimits, inflation: Inflation | None
) -> Iterator[RawRecord | Rejection]:
    """Every successful text or HTML response; other records (requests, metadata, DNS,
    redirects, images) are not articles and are passed over."""
    # Inflating here (rather than letting warcio do it) is what tells a truncated .warc.gz
    # from a complete one, as warcio stops silently, and what bounds a gzip bomb.
    inflated = None
    if stream.peek(2)[:2] == b"\x1f\x8b":
        inflated = InflatedStream(stream, limits, inflation)
        stream = io.BufferedReader(inflated, buffer_size=1024 * 1024)  # type: ignore[arg-type]
    read = 0
    problem = None
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if status != "200" or not content_type.startswith(_ARTICLE_TYPES):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{read}"
            read += 1
            declared = int(record.rec_headers.get_header("Content-Length") or 0)
            if page_problem := limits.page_problem(declared):
                yield Rejection(uri, page_problem)  # left unread: warcio skips past it
                continue
            payload = record.content_stream().read()
            if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record states
                yield Rejection(uri, "record cut short: the WARC ends inside it")
                continue
            yield _to_raw(uri, payload, is_html="html" in content_type)
    except InputError as error:  # a limit: nothing more of this input is read
        problem = f"{error} after {read} responses"
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as error:
        problem = f"damaged or truncated WARC after {read} responses ({error})"
    if problem is None and inflated is not None:
        # warcio stops quietly at a record it cannot read; what is left tells whether the
        # stream was cut short
        try:
            while stream.read(1024 * 1024):
                pass
        except InputError as error:
            problem = str(error)
        problem = problem or inflated.problem
    if problem:
        yield Rejection(source, problem)


def _to_raw(uri: str, payload: bytes, *, is_html: bool) -> RawRecord | Rejection:
    try:
        content = decode_text(payload, html=is_html)
    except InputError as error:
        return Rejection(uri, str(error))
    return RawRecord(
        source=uri,
        format="warc",
        content=content,
        sha256=sha256_hex(payload),
        is_html=is_html,
        given={"url": uri},
    )
