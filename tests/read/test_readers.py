import gzip
import io
import json
import secrets
import tarfile
import zipfile
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace.model import RawRecord, Rejection
from newstrace.read import read_bytes, read_inputs

from ..conftest import HARBOUR_STORY, ORCHARD_STORY, html_page


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, RawRecord)], [i for i in items if isinstance(i, Rejection)]


def test_folder_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ORCHARD_STORY)
    (tmp_path / "a.txt").write_text(HARBOUR_STORY)
    (tmp_path / ".hidden.txt").write_text("not an article")
    records, rejections = split(read_inputs([str(tmp_path)]))
    assert [Path(r.source).name for r in records] == ["a.txt", "two.txt"]
    assert not rejections
    assert all(r.format == "text" and not r.is_html for r in records)


def test_identical_bytes_hash_the_same_wherever_they_are(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(HARBOUR_STORY)
    (tmp_path / "copy.txt").write_text(HARBOUR_STORY)
    records, _ = split(read_inputs([str(tmp_path)]))
    assert len({r.sha256 for r in records}) == 1


def test_html_is_recognised_by_name_and_by_content() -> None:
    page = html_page("Title", ["A paragraph."]).encode()
    by_name, _ = split(read_bytes("page.htm", page))
    by_content, _ = split(read_bytes("page.unknown", page))
    assert by_name[0].is_html and by_name[0].format == "html"
    assert by_content[0].is_html


def test_jsonl_trusts_given_fields_and_names_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "harbour-1", "url": "https://example.org/harbour", "site": "Gazette",
                    "title": "Harbour strike ends", "published": "2024-03-07", "text": HARBOUR_STORY}),
        json.dumps({"html": html_page("Bridge", ["Approved."])}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text at all"}),
    ]  # fmt: skip
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n")
    records, rejections = split(read_inputs([str(path)]))
    assert records[0].source == "https://example.org/harbour"
    assert records[0].given == {
        "id": "harbour-1", "url": "https://example.org/harbour", "site": "Gazette",
        "title": "Harbour strike ends", "published": "2024-03-07",
    }  # fmt: skip
    assert records[0].format == "jsonl" and not records[0].is_html
    assert records[1].source == f"{path}#2" and records[1].is_html
    assert [r.source for r in rejections] == [f"{path}#3", f"{path}#4", f"{path}#5"]
    assert "invalid JSON" in rejections[0].reason
    assert "not a JSON object" in rejections[1].reason
    assert "no article text" in rejections[2].reason


def make_warc(pages: dict[str, tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, (content_type, payload) in pages.items():
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)
        )
        writer.write_record(
            writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        )
    return buffer.getvalue()


def test_warc_yields_text_and_html_responses_by_target_uri() -> None:
    warc = make_warc({
        "https://example.org/a": ("text/html; charset=utf-8", html_page("A", ["Alpha."]).encode()),
        "https://example.org/logo.png": ("image/png", b"\x89PNG" + bytes(100)),
        "https://example.org/b.txt": ("text/plain", ORCHARD_STORY.encode()),
    })  # fmt: skip
    records, rejections = split(read_bytes("crawl.warc.gz", warc))
    assert [r.source for r in records] == ["https://example.org/a", "https://example.org/b.txt"]
    assert [r.format for r in records] == ["warc", "warc"]
    assert records[0].is_html and not records[1].is_html
    assert records[0].given["url"] == "https://example.org/a"
    assert not rejections


def test_truncated_warc_keeps_what_was_read() -> None:
    warc = make_warc(
        {f"https://example.org/{n}": ("text/plain", (ORCHARD_STORY * 3 + str(n)).encode()) for n in range(5)}
    )
    records, rejections = split(read_bytes("cut.warc.gz", warc[: len(warc) * 2 // 3]))
    assert 1 <= len(records) < 5
    # the file is named once; a record the cut falls inside is named too, by its address
    assert [r.source for r in rejections if r.source == "cut.warc.gz"] == ["cut.warc.gz"]
    assert all(r.source.startswith("https://example.org/") for r in rejections if r.source != "cut.warc.gz")


def test_zip_and_tar_members_are_read_with_their_member_names(tmp_path: Path) -> None:
    zip_path = tmp_path / "pages.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("news/harbour.txt", HARBOUR_STORY)
        archive.writestr("news/bridge.html", html_page("Bridge", ["Approved."]))
    tar_path = tmp_path / "pages.tar.gz"
    with tarfile.open(tar_path, "w:gz") as archive:
        data = ORCHARD_STORY.encode()
        info = tarfile.TarInfo("orchard.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    records, rejections = split(read_inputs([str(zip_path), str(tar_path)]))
    assert [r.source for r in records] == [
        f"{zip_path}!news/bridge.html",
        f"{zip_path}!news/harbour.txt",
        f"{tar_path}!orchard.txt",
    ]
    assert records[0].is_html and not records[1].is_html
    assert not rejections


def test_truncated_tar_keeps_members_before_the_damage(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for n in range(6):
            # Random words, so that compression cannot squeeze all pages into the first half.
            data = (ORCHARD_STORY + " ".join(secrets.token_hex(4) for _ in range(800))).encode()
            info = tarfile.TarInfo(f"page{n}.txt")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    data = buffer.getvalue()
    records, rejections = split(read_bytes("cut.tar.gz", data[: len(data) // 2]))
    assert 1 <= len(records) < 6
    assert len(rejections) == 1 and "truncated" in rejections[0].reason


def test_gzip_page_is_read_as_what_its_inner_name_says() -> None:
    records, rejections = split(
        read_bytes("page.html.gz", gzip.compress(html_page("G", ["Zipped."]).encode()))
    )
    assert records[0].is_html and records[0].source == "page.html.gz"
    assert not rejections


def test_bad_inputs_become_rejections_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.html").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 this is not really a zip")
    (tmp_path / "good.txt").write_text(HARBOUR_STORY)
    records, rejections = split(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert [Path(r.source).name for r in records] == ["good.txt"]
    reasons = {Path(r.source).name: r.reason for r in rejections}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["noise.html"].startswith("binary data")
    assert reasons["broken.zip"].startswith("damaged zip")
    assert reasons["missing.txt"] == "no such file or folder"
