"""How much one input may make the readers hold, and gzip streams inflated within it.

Pages come from the open web, so a file may be built to exhaust memory: a gzip or
zip member that inflates a thousandfold, an archive of archives, a 30 MB "page".
The readers check these limits before they hold the bytes, and report what
exceeds them as a rejection naming the setting, so a user who trusts the input
can raise it.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from ..errors import InputError

if TYPE_CHECKING:
    from ..config import Settings

# The compression ratio is judged only once this much has been inflated: small
# repetitive files compress well and are harmless.
RATIO_AFTER_BYTES = 8 * 1024 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """The readers' share of the settings. The defaults are defaults.toml's, for callers
    that read without settings (`read_bytes` in a notebook); ingests use `from_settings`."""

    page_max_bytes: int = 5_000_000
    input_max_bytes: int = 1_000_000_000
    decompressed_max_bytes: int = 1_000_000_000
    compression_max_ratio: float = 200.0

    @classmethod
    def from_settings(cls, settings: Settings) -> ReadLimits:
        return cls(
            page_max_bytes=settings.page_max_bytes,
            input_max_bytes=settings.input_max_bytes,
            decompressed_max_bytes=settings.decompressed_max_bytes,
            compression_max_ratio=settings.compression_max_ratio,
        )

    def input_problem(self, size: int) -> str | None:
        """Why an input file of `size` bytes is not read into memory, or None."""
        if size > self.input_max_bytes:
            return f"file of {size:,} bytes is larger than {self.input_max_bytes:,} bytes (input_max_bytes)"
        return None

    def page_problem(self, size: int) -> str | None:
        """Why a page of `size` bytes is not read, or None."""
        if size > self.page_max_bytes:
            return f"page of {size:,} bytes is larger than {self.page_max_bytes:,} bytes (page_max_bytes)"
        return None

    def ratio_problem(self, inflated: int, compressed: int) -> str | None:
        """Why data that inflated from `compressed` to `inflated` bytes is refused, or None."""
        if inflated >= RATIO_AFTER_BYTES and inflated > self.compression_max_ratio * max(compressed, 1):
            return (
                f"decompression bomb: inflates more than {self.compression_max_ratio:g} times "
                f"(compression_max_ratio)"
            )
        return None


class Inflation:
    """What one input file has inflated to so far, across every archive level inside it."""

    def __init__(self, limits: ReadLimits):
        self.limits = limits
        self.total = 0

    def take(self, size: int) -> str | None:
        """Count `size` more bytes held in memory; why they are refused, or None."""
        self.total += size
        if self.total > self.limits.decompressed_max_bytes:
            return f"decompresses to more than {self.limits.decompressed_max_bytes:,} bytes (decompressed_max_bytes)"
        return None


class InflatedStream(io.RawIOBase):
    """A gzip stream of any number of members (a .warc.gz has one per record), inflated as
    it is read: within the compression ratio, and within `inflation` when given (what is
    held in memory; a streamed WARC holds one record at a time and passes None).

    A damaged or cut-short stream ends where the damage starts, and `problem` says so;
    a limit exceeded raises InputError. zlib does the inflating; only the walk over
    members and the limits are written here, as neither gzip.GzipFile nor warcio
    reports a truncated stream or bounds the ratio.
    """

    def __init__(self, raw: BinaryIO, limits: ReadLimits, inflation: Inflation | None = None):
        self._raw = raw
        self._limits = limits
        self._inflation = inflation
        self._decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
        self._pending = b""  # compressed bytes read but not yet inflated
        self._ready = b""  # inflated bytes not yet handed out
        self._compressed = 0
        self._inflated = 0
        self._finished = False
        self._member_started = False  # input of the current member consumed, its end not reached
        self.problem: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._ready and not self._finished:
            self._inflate_some()
        count = min(len(buffer), len(self._ready))
        buffer[:count] = self._ready[:count]
        self._ready = self._ready[count:]
        return count

    def _inflate_some(self) -> None:
        if not self._pending:
            self._pending = self._raw.read(_CHUNK)
            self._compressed += len(self._pending)
            if not self._pending:
                self._finished = True
                if self._member_started:
                    self.problem = "truncated gzip data; the readable part was kept"
                return
        try:
            out = self._decompressor.decompress(self._pending, _CHUNK)
        except zlib.error as error:
            self._finished = True
            self.problem = f"damaged gzip data ({error}); the readable part was kept"
            return
        self._pending = self._decompressor.unconsumed_tail
        self._member_started = True
        if self._decompressor.eof:
            # the next member, if any (padding NULs between members are allowed)
            self._pending = self._decompressor.unused_data.lstrip(b"\0")
            self._decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
            self._member_started = False
        self._account(len(out))
        self._ready = out

    def _account(self, size: int) -> None:
        self._inflated += size
        consumed = self._compressed - len(self._pending)
        problem = self._limits.ratio_problem(self._inflated, consumed)
        if problem is None and self._inflation is not None:
            problem = self._inflation.take(size)
        if problem is not None:
            raise InputError(problem)


def gunzip(data: bytes, limits: ReadLimits, inflation: Inflation) -> tuple[bytes, str | None]:
    """Every gzip member of `data` inflated, and why the stream ended early (or None).

    InputError when a limit is exceeded: nothing of such an input is kept.
    """
    stream = InflatedStream(io.BytesIO(data), limits, inflation)
    parts = []
    while chunk := stream.read(_CHUNK):
        parts.append(chunk)
    return b"".join(parts), stream.problem
