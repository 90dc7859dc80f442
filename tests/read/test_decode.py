import random

import pytest

from newstrace import errors
from newstrace.errors import InputError
from newstrace.read.decode import decode_text

RUSSIAN = "Правительство объявило о новых мерах поддержки фермеров в понедельник."
FRENCH = "Le ministre a déclaré mercredi que la réforme était « nécessaire et équitable »."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Plain words, nothing special.", "utf-8"),
        (FRENCH, "utf-8"),
        (FRENCH * 3, "latin-1"),
        (RUSSIAN * 3, "cp1251"),
        ("Written in UTF-16 with a byte-order mark.", "utf-16"),
        ("Written in UTF-8 with a byte-order mark.", "utf-8-sig"),
    ],
)
def test_decodes_common_encodings(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding)) == text


def test_html_declared_charset_is_used() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body>{RUSSIAN}</body></html>'
    assert RUSSIAN in decode_text(page.encode("cp1251"), html=True)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", errors.EMPTY),
        (b"   \n\n ", errors.EMPTY),
        (bytes(range(256)) * 8, errors.BINARY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(3000), errors.BINARY),
    ],
)
def test_rejects_what_is_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode_text(data)


def test_utf16_without_bom_is_text() -> None:
    text = "A page saved as UTF-16 by an old editor, without a byte-order mark."
    assert decode_text(text.encode("utf-16-le")) == text
