"""Archives: zip and tar (plain or compressed).

Members are handed back to `read_bytes`, so an archive may hold any input
format, including other archives (to a small depth). A damaged or truncated
archive keeps the members that could be read. Members are read into memory
only, never extracted to disk, so a member named `../../x` or `/etc/x` is just
a name in messages. What the members inflate to, all levels together, counts
against the input's `Inflation`; a zip member that inflates beyond the
compression ratio is refused before it is read.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator

from ..model import RawRecord, Rejection
from .limits import Inflation

Reader = Callable[[str, bytes, Inflation, int], Iterator[RawRecord | Rejection]]


def member_source(archive: str, member: str) -> str:
    return f"{archive}!{member}"


def read_zip(
    source: str, data: bytes, inflation: Inflation, depth: int, read_bytes: Reader
) -> Iterator[RawRecord | Rejection]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        yield Rejection(source, f"damaged zip archive ({error})")
        return
    limits = inflation.limits
    for info in sorted(archive.infolist(), key=lambda info: info.filename):
        if info.is_dir():
            continue
        where = member_source(source, info.filename)
        problem = limits.ratio_problem(info.file_size, info.compress_size) or inflation.take(info.file_size)
        if problem:
            yield Rejection(where, problem)
            if inflation.total > limits.decompressed_max_bytes:
                return  # the input's budget is spent: the rest would be refused alike
            continue
        try:
            with archive.open(info) as stream:
                # the stated size bounds the read: a header that understates it is cut short
                member = stream.read(info.file_size)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as error:
            yield Rejection(where, f"damaged zip member ({error})")
            continue
        yield from read_bytes(where, member, inflation, depth + 1)


def read_tar(
    source: str, data: bytes, inflation: Inflation, depth: int, read_bytes: Reader
) -> Iterator[RawRecord | Rejection]:
    read = 0
    try:
        # Streaming mode reads members in order, so a truncated archive
        # still yields every member before the damage.
        with tarfile.open(fileobj=io.BytesIO(data), mode="r|*") as archive:
            for info in archive:
                if not info.isfile():
                    continue  # links, devices, folders: nothing to read, and nothing is ever extracted
                where = member_source(source, info.name)
                problem = inflation.take(info.size)
                if problem:
                    yield Rejection(where, problem)
                    return
                extracted = archive.extractfile(info)
                member = extracted.read() if extracted else b""
                read += 1
                yield from read_bytes(where, member, inflation, depth + 1)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        yield Rejection(source, f"damaged or truncated tar archive after {read} members ({error})")
