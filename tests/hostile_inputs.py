"""A folder of broken and hostile inputs beside good ones, each with the outcome it must have.

Used by `tests/test_hostile_inputs.py` (through the CLI, as a user meets them) and by
`benchmarks/hostile.py` (which also measures time and peak memory). Every input is
made here, at its real size: a 30 MB line, a gzip that inflates to 1 GB.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .conftest import HARBOUR_STORY, ORCHARD_STORY, html_page


@dataclass(frozen=True)
class Expected:
    """What must become of one input: `stored` documents from it, and, when it is (or holds
    something) refused, a rejection whose source ends with `rejected_source` and whose
    reason contains `reason`."""

    stored: int = 0
    rejected_source: str | None = None
    reason: str = ""


# One-word changes give each good page its own bytes (and its own document).
def _story(word: str) -> str:
    return HARBOUR_STORY.replace("harbour", f"harbour {word}", 1)


def _zeros_gzip(size: int) -> bytes:
    """`size` zero bytes, gzipped, made without holding them."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    chunk, parts = bytes(1024 * 1024), []
    for _ in range(size // len(chunk)):
        parts.append(compressor.compress(chunk))
    parts.append(compressor.flush())
    return b"".join(parts)


def _warc(
    records: dict[str, tuple[str, bytes]], *, extra_non_http: bool = False, ends: list[int] | None = None
) -> bytes:
    """A .warc.gz of these responses (each followed by its request); `ends` receives the
    offset where each response's gzip member ends."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    if extra_non_http:
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        writer.write_record(
            writer.create_warc_record("dns:example.org", "resource", payload=io.BytesIO(b"192.0.2.1"),
                                      warc_content_type="text/dns")
        )  # fmt: skip
        writer.write_record(
            writer.create_warc_record("https://example.org/meta", "metadata", payload=io.BytesIO(b"fetchTimeMs: 5"),
                                      warc_content_type="application/warc-fields")
        )  # fmt: skip
    for uri, (content_type, payload) in records.items():
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)
        )
        if ends is not None:
            ends.append(buffer.tell())
        writer.write_record(
            writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        )
    return buffer.getvalue()


def write_hostile_inputs(folder: Path) -> dict[str, Expected]:
    """Write every input into `folder`; {file name: what must become of it}."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, Expected] = {}

    def put(name: str, data: bytes, outcome: Expected) -> None:
        (folder / name).write_bytes(data)
        expected[name] = outcome

    put("good-1.txt", _story("one").encode(), Expected(stored=1))
    put("good-2.html", html_page("Orchard", ORCHARD_STORY.split("\n\n")).encode(), Expected(stored=1))
    put("empty.txt", b"", Expected(rejected_source="empty.txt", reason="empty file"))
    put(
        "random.html",
        random.Random(64).randbytes(64 * 1024),
        Expected(rejected_source="random.html", reason="binary data"),
    )
    put(
        "one-line-30mb.txt",
        b"word " * (30_000_000 // 5),
        Expected(rejected_source="one-line-30mb.txt", reason="page_max_bytes"),
    )
    # cut inside the fifth response: four are whole
    tails = [random.Random(n).randbytes(2000).hex() for n in range(6)]
    ends: list[int] = []
    warc = _warc(
        {f"https://example.org/cut/{n}": ("text/plain", (_story(f"cut{n}") + tails[n]).encode()) for n in range(6)},
        ends=ends,
    )
    put(
        "truncated.warc.gz",
        warc[: ends[4] - 500],
        Expected(stored=4, rejected_source="truncated.warc.gz", reason="truncated"),
    )
    expected["truncated.warc.gz (the record cut)"] = Expected(
        rejected_source="https://example.org/cut/4", reason="record cut short"
    )
    put(
        "gzip-bomb.txt.gz",
        _zeros_gzip(1024 * 1024 * 1024),
        Expected(rejected_source="gzip-bomb.txt.gz", reason="decompression bomb"),
    )
    zip_buffer = io.BytesIO()
    with zipfile.ZipFile(zip_buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inside/good.txt", _story("zipped"))
        with archive.open("inside/zeros.txt", "w", force_zip64=True) as member:
            chunk = bytes(1024 * 1024)
            for _ in range(1024):
                member.write(chunk)
    put(
        "zip-bomb.zip",
        zip_buffer.getvalue(),
        Expected(stored=1, rejected_source="zeros.txt", reason="decompression bomb"),
    )
    deep = "<html><body>" + "<div>" * 100_000 + "<p>Deep.</p>" + "</div>" * 100_000 + "</body></html>"
    put("nested-100k.html", deep.encode(), Expected(stored=1))
    # 25,000 quotations, 50,000 marks: every stage must stay linear in them
    quotes = _story("quoted") + "\n\n" + ' "We build it," she said.' * 25_000
    put(
        "quotation-marks-50k.txt",
        quotes.encode(),
        Expected(rejected_source="quotation-marks-50k.txt", reason="page_max_quotes"),
    )
    russian = "Мэр города заявил, что новый мост откроют в сентябре. «Мы закончим работу вовремя», — сказал он журналистам."
    put("cp1251.txt", russian.encode("cp1251"), Expected(stored=1))
    put("utf16-no-bom.txt", _story("sixteen").encode("utf-16-le"), Expected(stored=1))
    put(
        "mixed-encodings.txt",
        _story("mixed").encode("utf-8") + " Café crème.".encode("cp1252"),
        Expected(stored=1),
    )
    put("nul-bytes.txt", _story("nul").replace(". ", ".\x00 ", 2).encode(), Expected(stored=1))
    lone = json.dumps({"text": _story("surrogate") + " \u0000 \ud800 end.", "url": "https://example.org/lone"})
    put("lone-surrogate.jsonl", lone.encode(), Expected(stored=1))
    escapes = io.BytesIO()
    with zipfile.ZipFile(escapes, "w") as archive:
        archive.writestr("../../evil.txt", _story("escape"))
        archive.writestr("/etc/evil-absolute.txt", _story("absolute"))
    put("escaping-members.zip", escapes.getvalue(), Expected(stored=2))
    lines = [json.dumps({"text": _story(f"line{n}")}) for n in range(3)]
    lines.insert(1, '{"text": "unterminated')
    lines.insert(3, "[1, 2, 3]")
    put(
        "malformed.jsonl",
        "\n".join(lines).encode(),
        Expected(stored=3, rejected_source="malformed.jsonl#2", reason="invalid JSON"),
    )
    put(
        "non-http.warc.gz",
        _warc({"https://example.org/warc/page": ("text/html", html_page("Warc", [_story("warc")]).encode())},
              extra_non_http=True),
        Expected(stored=1),
    )  # fmt: skip
    # Links: one in a circle with another, one to a folder above (not followed).
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    expected["loop-a.txt"] = Expected(rejected_source="loop-a.txt", reason="cannot be read")
    expected["loop-b.txt"] = Expected(rejected_source="loop-b.txt", reason="cannot be read")
    (folder / "sub").mkdir()
    os.symlink(folder, folder / "sub" / "up")
    # A gzip page cut short keeps its readable part, and says so.
    put(
        "cut-page.txt.gz",
        gzip.compress(_story("cut page").encode())[:-12],
        Expected(stored=1, rejected_source="cut-page.txt.gz", reason="truncated"),
    )
    return expected
