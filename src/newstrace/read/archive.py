"""Archives and compressed files: zip, tar (plain or compressed), gzip.

Members are handed back to `read_bytes`, so an archive may hold any input
format, including other archives (to a small depth, against zip bombs).
A damaged or truncated archive keeps the members that could be read.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator

from ..model import RawRecord, Rejection

Reader = Callable[[str, bytes, int], Iterator[RawRecord | Rejection]]

# Members larger than this are reported rather than read into memory.
MAX_MEMBER_BYTES = 200 * 1024 * 1024


def member_source(archive: str, member: str) -> str:
    return f"{archive}!{member}"


def read_zip(source: str, data: bytes, depth: int, read_bytes: Reader) -> Iterator[RawRecord | Rejection]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        yield Rejection(source, f"damaged zip archive ({error})")
        return
    for info in sorted(archive.infolist(), key=lambda info: info.filename):
        if info.is_dir():
            continue
        where = member_source(source, info.filename)
        if info.file_size > MAX_MEMBER_BYTES:
            yield Rejection(where, f"member larger than {MAX_MEMBER_BYTES} bytes")
            continue
        try:
            member = archive.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            yield Rejection(where, f"damaged zip member ({error})")
            continue
        yield from read_bytes(where, member, depth + 1)


def read_tar(source: str, data: bytes, depth: int, read_bytes: Reader) -> Iterator[RawRecord | Rejection]:
    read = 0
    try:
        # Streaming mode reads members in order, so a truncated archive
        # still yields every member before the damage.
        with tarfile.open(fileobj=io.BytesIO(data), mode="r|*") as archive:
            for info in archive:
                if not info.isfile():
                    continue
                where = member_source(source, info.name)
                if info.size > MAX_MEMBER_BYTES:
                    yield Rejection(where, f"member larger than {MAX_MEMBER_BYTES} bytes")
                    continue
                extracted = archive.extractfile(info)
                member = extracted.read() if extracted else b""
                read += 1
                yield from read_bytes(where, member, depth + 1)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        yield Rejection(source, f"damaged or truncated tar archive after {read} members ({error})")


def gunzip(source: str, data: bytes) -> tuple[bytes, Rejection | None]:
    """The decompressed bytes of every gzip member, and a rejection when the stream was cut short.

    WARC files are gzipped record by record, so a stream has many members.
    """
    parts: list[bytes] = []
    remaining = data
    while remaining:
        decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
        try:
            parts.append(decompressor.decompress(remaining))
        except zlib.error as error:
            return b"".join(parts), Rejection(
                source, f"damaged gzip data ({error}); the readable part was kept"
            )
        if not decompressor.eof:
            return b"".join(parts), Rejection(source, "truncated gzip data; the readable part was kept")
        remaining = decompressor.unused_data.lstrip(b"\0")
    return b"".join(parts), None
