import gzip
import io
import json
import zipfile
import zlib

from newstrace.model import RawRecord, Rejection
from newstrace.read import read_bytes, read_inputs
from newstrace.read.limits import Inflation, ReadLimits

from ..conftest import HARBOUR_STORY


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, RawRecord)], [i for i in items if isinstance(i, Rejection)]


def _zeros_gzip(mib: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return b"".join(compressor.compress(bytes(1024 * 1024)) for _ in range(mib)) + compressor.flush()


def test_a_gzip_bomb_is_refused_after_a_few_mebibytes_not_inflated_whole() -> None:
    inflation = Inflation(ReadLimits())
    records, rejections = split(read_bytes("bomb.txt.gz", _zeros_gzip(64), inflation))
    assert not records
    assert [r.reason for r in rejections] == [
        "decompression bomb: inflates more than 200 times (compression_max_ratio)"
    ]
    assert inflation.total <= 10 * 1024 * 1024


def test_what_one_input_inflates_to_is_counted_over_every_archive_level() -> None:
    pages = {f"page{n}.txt": (HARBOUR_STORY + f" {n}") * 40 for n in range(4)}  # 24 KB each
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in pages.items():
            archive.writestr(name, text)
    outer = gzip.compress(inner.getvalue())
    limits = ReadLimits(decompressed_max_bytes=len(inner.getvalue()) + 60_000)  # the zip, then two pages
    records, rejections = split(read_bytes("pages.zip.gz", outer, Inflation(limits)))
    assert [r.source for r in records] == ["pages.zip!page0.txt", "pages.zip!page1.txt"]
    assert [(r.source, "(decompressed_max_bytes)" in r.reason) for r in rejections] == [("pages.zip!page2.txt", True)]


def test_a_zip_member_that_would_inflate_too_far_is_refused_before_it_is_read() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", bytes(32 * 1024 * 1024))
        archive.writestr("story.txt", HARBOUR_STORY)
    records, rejections = split(read_bytes("pages.zip", buffer.getvalue()))
    assert [r.source for r in records] == ["pages.zip!story.txt"]
    assert [(r.source, "compression_max_ratio" in r.reason) for r in rejections] == [
        ("pages.zip!zeros.txt", True)
    ]


def test_pages_and_json_lines_records_over_page_max_bytes_are_refused(tmp_path) -> None:
    limits = ReadLimits(page_max_bytes=2000)
    (tmp_path / "long.txt").write_text(HARBOUR_STORY * 4)
    (tmp_path / "short.txt").write_text(HARBOUR_STORY)
    lines = [json.dumps({"text": HARBOUR_STORY}), json.dumps({"text": HARBOUR_STORY * 4})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    records, rejections = split(read_inputs([str(tmp_path)], limits))
    assert sorted(r.source.rsplit("/", 1)[-1] for r in records) == ["feed.jsonl#1", "short.txt"]
    assert sorted((r.source.rsplit("/", 1)[-1], "(page_max_bytes)" in r.reason) for r in rejections) == [
        ("feed.jsonl#2", True),
        ("long.txt", True),
    ]


def test_a_truncated_gzip_page_keeps_its_readable_part_and_says_so() -> None:
    data = gzip.compress((HARBOUR_STORY * 20).encode())
    records, rejections = split(read_bytes("cut.txt.gz", data[: len(data) // 2]))
    assert len(records) == 1 and records[0].content.startswith("Port Caldera Gazette")
    assert [r.reason for r in rejections] == ["truncated gzip data; the readable part was kept"]


def test_a_warc_file_is_streamed_from_disk(tmp_path) -> None:
    from .test_readers import make_warc

    warc = make_warc(
        {f"https://example.org/{n}": ("text/plain", (HARBOUR_STORY + str(n)).encode()) for n in range(3)}
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc)
    # smaller than the file: read whole, it would be refused; streamed, only the ratio applies
    records, rejections = split(read_inputs([str(path)], ReadLimits(input_max_bytes=len(warc) // 2)))
    assert [r.source for r in records] == [f"https://example.org/{n}" for n in range(3)]
    assert not rejections


def test_the_readers_defaults_are_the_shipped_settings(monkeypatch) -> None:
    from newstrace.config import load_settings

    monkeypatch.setenv("NEWSTRACE_CONFIG", "/nonexistent/config.toml")
    assert ReadLimits() == ReadLimits.from_settings(load_settings())
