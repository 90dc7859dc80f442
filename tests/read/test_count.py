"""How many inputs a progress bar can expect before reading them."""

from __future__ import annotations

from pathlib import Path

from newstrace.read import count_single_pages


def test_single_page_files_are_counted_and_containers_make_the_total_unknown(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "c.html.gz").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text("x")
    nested = tmp_path / "more"
    nested.mkdir()
    (nested / "d.htm").write_text("x")
    assert count_single_pages([str(tmp_path)]) == 4
    assert count_single_pages([str(tmp_path / "a.html"), str(nested)]) == 2
    (nested / "feed.jsonl").write_text("{}")
    assert count_single_pages([str(tmp_path)]) is None
    assert count_single_pages([str(tmp_path / "a.html"), "-"]) is None
    assert count_single_pages([str(tmp_path / "crawl.warc.gz")]) is None
    assert count_single_pages([str(tmp_path / "pages.tar.gz")]) is None
    assert count_single_pages([str(tmp_path / "a.html"), str(tmp_path / "b.txt")], limit=1) is None
