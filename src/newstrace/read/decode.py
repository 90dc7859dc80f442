"""Turning bytes into text, and telling text from binary.

charset-normalizer does the guessing; the byte-order marks and the charset an
HTML page declares are checked first because they are stated, not guessed.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from .. import errors
from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Characters that never appear in real text: C0 controls other than tab,
# newline, carriage return and form feed.
_BINARY_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_MAX_BINARY_SHARE = 0.01
# A UTF-16 surrogate on its own: JSON's "\ud800" escape decodes to one, and no UTF-8
# text (a store, an export, a hash) can hold it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Encodings of most of the web's non-UTF-8 text, most common first.
_WIDESPREAD = (
    "cp1252",
    "latin_1",
    "cp1251",
    "cp1250",
    "iso8859_15",
    "koi8_r",
    "gb18030",
    "shift_jis",
    "euc_kr",
)
_CHAOS_MARGIN = 0.05


def decode_text(data: bytes, *, html: bool = False) -> str:
    """The text in `data`, or InputError(EMPTY | BINARY | UNDECODABLE)."""
    if not data.strip():
        raise InputError(errors.EMPTY)
    text = _decode_stated(data, html=html)
    if text is None and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            # Stray NULs in otherwise valid text (a broken export, a bad copy): the text
            # is kept without them. Binary data is rarely valid UTF-8 once they are gone.
            text = _decode_stated(data.replace(b"\x00", b""), html=html)
            if text is None:
                raise InputError(errors.BINARY)
    if text is None:
        text = _guess(data)
    if len(_BINARY_CHARACTERS.findall(text)) > _MAX_BINARY_SHARE * len(text):
        raise InputError(errors.BINARY)
    return text


def _decode_stated(data: bytes, *, html: bool) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _try_decode(data, codec)
    # NUL is valid UTF-8, but no text file has one: leave those bytes to
    # the UTF-16 and binary checks.
    text = _try_decode(data, "utf-8") if b"\x00" not in data else None
    if text is not None:
        return text
    if html:
        declared = _DECLARED_CHARSET.search(data[:4096])
        if declared:
            return _try_decode(data, declared.group(1).decode("ascii"))
    return None


def _guess(data: bytes) -> str:
    """charset-normalizer's reading, preferring a widespread encoding among near-equals.

    Short texts often fit several single-byte encodings equally well, and
    charset-normalizer may then name a rare one (ISO-8859-10 for French,
    which turns « » into Ŧ ŧ); the common encoding is the likelier truth.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise InputError(errors.UNDECODABLE)
    best = matches[0]
    for match in matches:
        if match.encoding in _WIDESPREAD and match.chaos <= best.chaos + _CHAOS_MARGIN:
            return str(match)
    return str(best)


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM is mostly ASCII-range characters, so every
    other byte is NUL: the odd ones in little-endian, the even ones in big."""
    sample = data[:4000]
    half = max(len(sample) // 2, 1)
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    if zeros_odd > 0.6 * half and zeros_even < 0.05 * half:
        text = _try_decode(data, "utf-16-le")
    elif zeros_even > 0.6 * half and zeros_odd < 0.05 * half:
        text = _try_decode(data, "utf-16-be")
    else:
        return None
    # Binary data can have the same NUL pattern (a table of 16-bit numbers);
    # text, unlike it, has words.
    if text is None or not any(ch.isspace() for ch in text[:2000]):
        return None
    return text


def storable_text(text: str) -> str:
    """`text` as every store can hold it: lone surrogates replaced by U+FFFD, NULs dropped
    (PostgreSQL text cannot hold them); the same object when there is nothing to change."""
    if _LONE_SURROGATE.search(text):
        text = _LONE_SURROGATE.sub("\ufffd", text)
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text
