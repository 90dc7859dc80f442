"""WARC files: the HTTP responses they archive, through warcio."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..ids import sha256_hex
from ..model import RawRecord, Rejection
from .archive import gunzip
from .decode import decode_text

_ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(source: str, data: bytes) -> Iterator[RawRecord | Rejection]:
    """Every successful text or HTML response; other records are not articles."""
    # Decompressing first (rather than letting warcio do it) is what tells
    # a truncated .warc.gz from a complete one: warcio stops silently.
    problem = None
    if data.startswith(b"\x1f\x8b"):
        data, problem = gunzip(source, data)
    read = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if status != "200" or not content_type.startswith(_ARTICLE_TYPES):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{read}"
            payload = record.content_stream().read()
            read += 1
            yield _to_raw(uri, payload, is_html="html" in content_type)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as error:
        problem = Rejection(source, f"damaged or truncated WARC after {read} responses ({error})")
    if problem:
        yield problem


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
