"""Linking a collection end to end: duplicates, stories, origin, quote families,
and the same result whatever the order and batches of the inputs."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

import newstrace

from .texts import ALL


def _write(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / f"{name}.jsonl"
        path.write_text(json.dumps(ALL[name], ensure_ascii=False) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _ingest(tmp_path: Path, db: str, batches: list[list[str]]) -> newstrace.Collection:
    collection = newstrace.open(str(tmp_path / db))
    for batch in batches:
        collection.ingest([str(p) for p in _write(tmp_path / "pages", batch)])
    return collection


def _by_name(collection: newstrace.Collection):
    names = {article["url"]: name for name, article in ALL.items()}
    return {names[doc.source]: doc for doc in collection.documents()}


@pytest.fixture
def linked(tmp_path):
    collection = _ingest(tmp_path, "one.db", [sorted(ALL)])
    yield collection, _by_name(collection)
    collection.close()


def test_one_event_is_one_story_and_other_occasions_stay_apart(linked) -> None:
    _, docs = linked
    story = docs["original"].story_id
    assert story and docs["republished"].story_id == story and docs["near_copy"].story_id == story
    assert docs["same_people"].story_id not in (None, story)
    assert docs["unrelated"].story_id not in (None, story, docs["same_people"].story_id)


def test_near_copy_points_at_the_original(linked) -> None:
    _, docs = linked
    assert docs["near_copy"].duplicate_of == docs["original"].id
    assert docs["original"].duplicate_of is None
    assert docs["republished"].duplicate_of is None  # reworded: same story, not a copy


def test_story_record_names_the_first_report(linked) -> None:
    collection, docs = linked
    (story,) = [s for s in collection.stories() if s.id == docs["original"].story_id]
    assert story.first_document_id == docs["original"].id
    assert story.title == "Harbour strike ends after tenth day of talks"
    assert story.date == "2024-03-07"
    assert sorted(story.document_ids) == sorted(docs[n].id for n in ("original", "republished", "near_copy"))


def test_late_republication_gets_the_original_date_and_source(linked) -> None:
    _, docs = linked
    late = docs["republished"]
    assert late.republished_from == docs["original"].id
    assert late.content_date == "2024-03-07"
    assert late.republished is True
    assert docs["original"].id in late.content_date_basis
    assert docs["original"].republished_from is None
    assert docs["near_copy"].republished_from is None  # a day later is not a republication


def test_reworded_quotes_share_a_family_first_seen_in_the_original(linked) -> None:
    collection, docs = linked
    families = defaultdict(set)
    first = {}
    for quote in collection.quotes():
        families[quote.family_id].add((quote.document_id, quote.text.strip('“”"., ')))
        first[quote.family_id] = quote.first_document_id
    wanted = [
        ("We did not get everything", "We did not receive everything"),
        ("on a reciprocal basis", "on the basis of reciprocity"),
        ("with a knife at the throat of the workers", "with a knife to the workers' throat"),
        ("a fair end to a hard month", "a fair ending to a difficult month"),
    ]
    for mine, theirs in wanted:
        found = [
            fid
            for fid, members in families.items()
            if any(d == docs["original"].id and t.startswith(mine) for d, t in members)
            and any(d == docs["republished"].id and t.startswith(theirs) for d, t in members)
        ]
        assert found, f"{mine!r} and {theirs!r} are not in one family"
        assert first[found[0]] == docs["original"].id
    unrelated_families = {q.family_id for q in collection.quotes() if q.document_id == docs["unrelated"].id}
    original_families = {q.family_id for q in collection.quotes() if q.document_id == docs["original"].id}
    assert not unrelated_families & original_families


def _export(collection: newstrace.Collection, out: Path) -> list[dict]:
    collection.export(out)
    return sorted(
        (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()),
        key=lambda r: (r["type"], r["id"]),
    )


def test_result_does_not_depend_on_order_or_batches(tmp_path) -> None:
    names = sorted(ALL)
    at_once = _ingest(tmp_path, "a.db", [names])
    # the copies first, the original last, one file at a time
    reversed_batches = _ingest(tmp_path, "b.db", [[n] for n in reversed(names)])
    mixed = _ingest(
        tmp_path, "c.db", [["republished", "unrelated"], ["near_copy"], ["original", "same_people"]]
    )
    expected = _export(at_once, tmp_path / "a.jsonl")
    assert _export(reversed_batches, tmp_path / "b.jsonl") == expected
    assert _export(mixed, tmp_path / "c.jsonl") == expected
    for collection in (at_once, reversed_batches, mixed):
        collection.close()


def test_an_earlier_original_arriving_later_takes_over(tmp_path) -> None:
    collection = _ingest(tmp_path, "late.db", [["republished"]])
    alone = _by_name(collection)["republished"]
    assert alone.republished_from is None and alone.content_date != "2024-03-07"
    collection.ingest([str(p) for p in _write(tmp_path / "pages", ["original"])])
    docs = _by_name(collection)
    assert docs["republished"].republished_from == docs["original"].id
    assert docs["republished"].story_id == docs["original"].story_id
    assert len(collection.stories()) == 1  # the old one-document story was replaced
    collection.close()


def test_documents_queued_by_a_migration_are_profiled_and_linked(tmp_path) -> None:
    import sqlite3

    from newstrace.link.index import open_link_index

    collection = _ingest(tmp_path, "old.db", [["original"]])
    collection.close()
    # What migration 7 leaves behind in a store linked by an older version: no profiles,
    # no posting lists, no story states, and every document queued.
    with sqlite3.connect(tmp_path / "old.db") as db:
        for table in ("link_postings", "link_profiles", "link_stories", "link_quote_postings"):
            db.execute(f"DELETE FROM {table}")
        db.execute("INSERT OR IGNORE INTO link_backfill SELECT id FROM documents")
    collection = _ingest(tmp_path, "old.db", [["near_copy"]])
    docs = _by_name(collection)
    assert docs["near_copy"].duplicate_of == docs["original"].id
    assert docs["near_copy"].story_id == docs["original"].story_id
    assert open_link_index(collection.store).pending(10) == []
    assert len(collection.stories()) == 1
    collection.close()


def test_a_story_link_alone_is_no_origin(tmp_path) -> None:
    """Another outlet's own report of the event, sharing no quotation and no text with the
    original, is in its story but is never marked as republished from it."""
    import copy

    from .texts import ORIGINAL

    own_report = copy.deepcopy(ORIGINAL)
    own_report.update(
        url="https://harbour-weekly.example/strike-over",
        site="Harbour Weekly",
        title="Caldera dockers end ten-day strike",
        published="2024-05-20",
        text=(
            "The ten-day strike at Port Caldera is over. Dock workers led by Maren Okafor voted on Thursday to go "
            "back to the quays after the port authority accepted a new shift schedule and a review of night work. "
            "Harbour master Tobias Lindqvist expects the backlog of container ships off the coast to clear within "
            "a week, once unloading resumes on Friday morning."
        ),
    )
    ALL_WITH = {**ALL, "own_report": own_report}
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("original", "own_report"):
        (folder / f"{name}.jsonl").write_text(json.dumps(ALL_WITH[name]) + "\n", encoding="utf-8")
    collection = newstrace.open(str(tmp_path / "own.db"))
    collection.ingest([str(folder)])
    docs = {d.source: d for d in collection.documents()}
    original, report = docs[ORIGINAL["url"]], docs[own_report["url"]]
    assert report.republished_from is None and report.origin_basis is None
    assert original.republished_from is None
    collection.close()


def test_origins_record_their_basis(linked) -> None:
    _, docs = linked
    assert "quotation" in docs["republished"].origin_basis
    assert docs["near_copy"].origin_basis.startswith("near-duplicate of ")
    assert docs["original"].origin_basis is None


def test_the_collection_pipeline_checks_its_order() -> None:
    from newstrace.link.clustering import ClusterStories
    from newstrace.link.indexing import IndexDocuments
    from newstrace.link.stages import CollectionPipeline, build_collection_pipeline

    assert build_collection_pipeline().stage_names == [
        "register_entities", "index_documents", "find_duplicates", "group_quote_families",
        "cluster_stories", "decide_origins",
    ]  # fmt: skip
    with pytest.raises(ValueError, match=r"cluster_stories.*duplicates"):
        CollectionPipeline([IndexDocuments(), ClusterStories()])


def test_a_pass_writes_only_the_stories_it_changes(tmp_path) -> None:
    # Rewriting every story a new document is compared with made a pass cost as much as the
    # stories it read, a cost that grew with the collection.
    collection = newstrace.open(str(tmp_path / "compared.db"))
    # The same people's other occasion, ten days before: near enough in time to be compared with.
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text(json.dumps({**ALL["same_people"], "published": "2024-02-28"}) + "\n", encoding="utf-8")
    collection.ingest([str(earlier)])
    stored_story = _by_name(collection)["same_people"].story_id
    written: list[str] = []
    put_stories = collection.store.put_stories
    collection.store.put_stories = lambda stories: put_stories([written.append(s.id) or s for s in stories])
    report = collection.ingest([str(p) for p in _write(tmp_path / "pages", ["original"])])
    docs = _by_name(collection)
    assert report.link.story_candidates >= 1  # the stored story was a candidate for the new report ...
    assert docs["original"].story_id != stored_story  # ... which did not join it
    assert written == [docs["original"].story_id]
    collection.close()


def test_a_dated_report_is_not_compared_with_reports_too_old_to_share_its_story(tmp_path) -> None:
    # The earliest documents of a key are, in a growing collection, ever older ones: taken as
    # candidates, they were loaded and compared for nothing, and crowded out the reports of the
    # days around the new one.
    collection = _ingest(tmp_path, "apart.db", [["same_people"]])  # the same people, a year before
    report = collection.ingest([str(p) for p in _write(tmp_path / "pages", ["original"])])
    assert report.link.story_candidates == 0  # ten days apart, it is one (the test above)
    collection.close()


def test_a_later_carrier_of_a_quotation_joins_its_family_without_reading_it_whole(tmp_path) -> None:
    # A quotation carried by thousands of pages was read whole, with every carrier's profile,
    # for each new page that carried it.
    collection = _ingest(tmp_path, "carriers.db", [["original"], ["near_copy"]])
    read: list[set[str]] = []
    quotes_in_families = collection.store.quotes_in_families
    collection.store.quotes_in_families = lambda ids: read.append(set(ids)) or quotes_in_families(ids)  # type: ignore[method-assign]

    def carry(name: str, published: str) -> str:
        page = {**ALL["near_copy"], "url": f"https://coastal-wire.example/{name}", "published": published}
        (tmp_path / f"{name}.jsonl").write_text(json.dumps(page) + "\n", encoding="utf-8")
        collection.ingest([str(tmp_path / f"{name}.jsonl")])
        return next(d.id for d in collection.documents() if d.source == page["url"])

    def firsts(doc_id: str) -> set[str]:
        return {q.first_document_id for q in collection.quotes() if q.document_id == doc_id}

    original = _by_name(collection)["original"].id
    later = carry("caldera-later", "2024-03-12")
    assert read == []  # joined as they are
    assert firsts(later) == {original}
    # A carrier from before the first appearance opens the families again: their first changes.
    earlier = carry("caldera-earlier", "2024-03-01")
    assert read
    assert firsts(original) == firsts(later) == {earlier}
    collection.close()
