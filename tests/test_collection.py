import json
import shutil
from pathlib import Path

import newstrace

from .conftest import HARBOUR_STORY


def export_lines(collection) -> list[dict]:
    out = Path(collection.store.url).with_suffix(".jsonl")
    collection.export(out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_ingest_stores_documents_and_reingest_adds_nothing(corpus_dir, db_path) -> None:
    with newstrace.open(db_path) as collection:
        first = collection.ingest([corpus_dir])
        second = collection.ingest([corpus_dir])
        assert (first.ingested, first.rejected) == (3, 0)
        assert (second.ingested, second.already_stored) == (0, 3)
        assert collection.store.count_documents() == 3


def test_ids_do_not_depend_on_input_order_or_jobs(corpus_dir, tmp_path) -> None:
    files = sorted(str(p) for p in corpus_dir.iterdir())
    exports = []
    for name, paths, jobs in (("a", files, 1), ("b", files[::-1], 2)):
        with newstrace.open(str(tmp_path / f"{name}.db")) as collection:
            collection.ingest(paths, jobs=jobs)
            records = export_lines(collection)
        exports.append(sorted((r["type"], r["id"], r.get("body")) for r in records))
    assert exports[0] == exports[1]


def test_exact_copy_points_to_the_earliest(tmp_path, db_path) -> None:
    (tmp_path / "original.txt").write_text(
        HARBOUR_STORY.replace("Port Caldera Gazette", "Friday, Mar 8, 2024")
    )
    later = HARBOUR_STORY.replace("Port Caldera Gazette", "Monday, Jun 2, 2025")
    (tmp_path / "copy.txt").write_text(later.replace("ten days", "ten  days"))
    with newstrace.open(db_path) as collection:
        # The copy arrives first; the original must still end up as the original.
        collection.ingest([tmp_path / "copy.txt"])
        report = collection.ingest([tmp_path / "original.txt"])
        docs = {Path(d.source).name: d for d in collection.documents()}
    assert report.duplicates == 0
    assert docs["copy.txt"].duplicate_of == docs["original.txt"].id
    assert docs["original.txt"].duplicate_of is None


def test_given_jsonl_fields_are_trusted(tmp_path, db_path) -> None:
    record = {"id": "gazette-0307", "url": "https://gazette.example/strike", "site": "Caldera Gazette",
              "title": "Dockers end strike", "published": "2024-03-07", "language": "en", "text": HARBOUR_STORY}  # fmt: skip
    (tmp_path / "in.jsonl").write_text(json.dumps(record) + "\n")
    with newstrace.open(db_path) as collection:
        collection.ingest([tmp_path / "in.jsonl"])
        doc = collection.document("gazette-0307")
    assert doc.source == "https://gazette.example/strike"
    assert (doc.site, doc.title, doc.published) == ("Caldera Gazette", "Dockers end strike", "2024-03-07")


def test_reused_id_for_other_content_is_reported_not_lost(tmp_path, db_path) -> None:
    lines = [
        json.dumps({"id": "same", "text": HARBOUR_STORY}),
        json.dumps({"id": "same", "text": HARBOUR_STORY + "\nMore."}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines))
    with newstrace.open(db_path) as collection:
        report = collection.ingest([tmp_path / "in.jsonl"])
    assert report.ingested == 1
    assert [r.reason for r in report.rejections] == ["id 'same' is already used by another document"]


def test_bad_inputs_are_reported_and_the_rest_is_stored(corpus_dir, db_path) -> None:
    (corpus_dir / "noise.html").write_bytes(bytes(range(256)) * 4)
    (corpus_dir / "empty.txt").write_bytes(b"")
    seen = []
    with newstrace.open(db_path) as collection:
        report = collection.ingest([corpus_dir], on_rejection=seen.append)
        assert report.ingested == 3 and report.rejected == 2
        assert sorted(Path(r.source).name for r in seen) == ["empty.txt", "noise.html"]
        assert len(collection.rejections()) == 2


def test_search_and_document_lookup(corpus_dir, db_path) -> None:
    with newstrace.open(db_path) as collection:
        collection.ingest([corpus_dir])
        found = collection.search("bridge Selk")
        assert found and "Selk" in found[0].body
        assert collection.document(found[0].id).raw.lstrip().startswith("<!DOCTYPE html>")


def test_pages_copied_into_an_archive_are_the_same_documents(corpus_dir, tmp_path, db_path) -> None:
    archive = shutil.make_archive(str(tmp_path / "pages"), "zip", corpus_dir)
    with newstrace.open(db_path) as collection:
        collection.ingest([corpus_dir])
        report = collection.ingest([archive])
    assert (report.ingested, report.already_stored) == (0, 3)


def test_linking_batch_by_batch_gives_the_same_collection(tmp_path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    exports = []
    for name, batch_size in (("one-batch", 10_000), ("small-batches", 3)):
        with newstrace.open(str(tmp_path / f"{name}.db"), store_batch=batch_size) as collection:
            collection.ingest([examples])
            exports.append(sorted(json.dumps(r, sort_keys=True) for r in export_lines(collection)))
    assert exports[0] == exports[1]


def test_batches_are_cut_by_count_however_long_pages_take(tmp_path, monkeypatch) -> None:
    # Where a batch ends can change a link pass's decisions, so it must not depend on the clock.
    import time

    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(5):
        (folder / f"{number:02}.txt").write_text(HARBOUR_STORY.replace("tenth", f"day {number}"), encoding="utf-8")
    with newstrace.open(str(tmp_path / "a.db"), store_batch=2, page_max_seconds=1e9) as collection:
        stored: list[int] = []
        add_documents = collection.store.add_documents
        monkeypatch.setattr(collection.store, "add_documents", lambda docs: (stored.append(len(docs)), add_documents(docs)))
        slow_clock = iter(range(0, 10**9, 60))  # every reading of the clock a minute later
        monkeypatch.setattr(time, "monotonic", lambda: float(next(slow_clock)))
        report = collection.ingest([folder])
    assert report.ingested == 5
    assert [n for n in stored if n] == [2, 2, 1]


def test_reingesting_asks_the_store_about_inputs_in_batches(tmp_path, monkeypatch) -> None:
    from newstrace import collection as collection_module

    monkeypatch.setattr(collection_module, "HASH_BATCH", 4)
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(10):
        (folder / f"{number:02}.txt").write_text(HARBOUR_STORY.replace("tenth", f"day {number}"), encoding="utf-8")
    with newstrace.open(str(tmp_path / "a.db")) as collection:
        collection.ingest([folder])
        asked: list[int] = []
        monkeypatch.setattr(collection.store, "known_hashes", _counting(collection.store.known_hashes, asked))
        report = collection.ingest([folder])
    assert report.already_stored == 10 and report.ingested == 0
    assert asked == [4, 4, 2]  # three questions for ten files, not ten


def test_an_ingest_keeps_the_hashes_of_pages_in_flight_only_and_still_finds_every_repeat(
    tmp_path, monkeypatch
) -> None:
    from newstrace import collection as collection_module

    monkeypatch.setattr(collection_module, "HASH_BATCH", 2)
    monkeypatch.setattr(collection_module, "SEEN_KEPT", 4)
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(12):
        text = HARBOUR_STORY.replace("tenth", f"day {number}")
        (folder / f"a{number:02}.txt").write_text(text, encoding="utf-8")
        if number in (0, 5, 11):  # the same page again, read after the hashes were pruned
            (folder / f"b{number:02}.txt").write_text(text, encoding="utf-8")
    with newstrace.open(str(tmp_path / "a.db"), store_batch=2) as collection:
        asked: list[int] = []
        monkeypatch.setattr(collection.store, "known_hashes", _counting(collection.store.known_hashes, asked))
        report = collection.ingest([folder], jobs=1)
        assert (report.ingested, report.already_stored) == (12, 3)
        assert collection.store.count_documents() == 12
    assert max(asked) >= 4  # the kept hashes were checked against the store, and those stored dropped


def _counting(known_hashes, asked):
    def ask(hashes):
        hashes = list(hashes)
        asked.append(len(hashes))
        return known_hashes(hashes)

    return ask
