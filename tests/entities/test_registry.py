"""The collection-level entity registry, through real ingests."""

import json
from pathlib import Path

import pytest

import newstrace
from newstrace.entities.merge import fold_alias, merge_views
from newstrace.model import Entity

FULL_NAME_PAGE = """Harbour strike ends

Dock workers in Port Caldera ended their strike on Thursday after ten days.

"We did not get everything, but we got the nights back," union leader Maren Okafor told reporters outside the hall.

Port director Anselm Brandt said the harbour would reopen on Friday.
"""

SURNAME_ONLY_PAGE = """Caldera port reopens

Ships were unloaded again in Port Caldera on Friday, a day after the strike ended.

"The nights are ours again," Okafor said at the quay, where dockers cheered the first crane.

The port authority expects the backlog to clear within a week.
"""

OTHER_OKAFOR_PAGE = """School opens in Weissfeld

A new primary school opened in Weissfeld on Monday.

"Every child here can now walk to school," headteacher Dina Okafor said at the opening.
"""


def ingest_one_by_one(db: str, folder: Path, names: list[str]) -> list[dict]:
    with newstrace.open(db) as collection:
        for name in names:
            collection.ingest([folder / name])
        out = Path(db).with_suffix(".jsonl")
        collection.export(out)
    return [json.loads(line) for line in out.read_text().splitlines()]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    (tmp_path / "full.txt").write_text(FULL_NAME_PAGE)
    (tmp_path / "surname.txt").write_text(SURNAME_ONLY_PAGE)
    (tmp_path / "other.txt").write_text(OTHER_OKAFOR_PAGE)
    return tmp_path


@pytest.mark.parametrize("order", [["full.txt", "surname.txt"], ["surname.txt", "full.txt"]])
def test_a_bare_surname_becomes_the_one_person_of_that_name(pages, tmp_path, order) -> None:
    records = ingest_one_by_one(str(tmp_path / "c.db"), pages, order)
    speakers = {
        r["text"].strip('"“” ')[:20]: (r["speaker"], r["speaker_id"]) for r in records if r["type"] == "quote"
    }
    okafor = [e for e in records if e["type"] == "entity" and "Okafor" in e["name"]]
    assert [e["name"] for e in okafor] == ["Maren Okafor"]
    assert "Okafor" in okafor[0]["aliases"]
    assert any("leader" in role for role in okafor[0]["roles"])  # the full-name page's role survives the fold
    assert speakers["The nights are ours "] == ("Maren Okafor", okafor[0]["id"])
    assert speakers["We did not get every"] == ("Maren Okafor", okafor[0]["id"])


@pytest.mark.parametrize(
    "order",
    [
        ["full.txt", "other.txt", "surname.txt"],
        ["full.txt", "surname.txt", "other.txt"],
        ["surname.txt", "other.txt", "full.txt"],
    ],
)
def test_a_surname_shared_by_two_people_stays_unresolved_in_any_order(pages, tmp_path, order) -> None:
    # In the second order the surname is first resolved to Maren Okafor, then
    # the other Okafor arrives and the resolution must be withdrawn.
    records = ingest_one_by_one(str(tmp_path / "c.db"), pages, order)
    names = sorted(e["name"] for e in records if e["type"] == "entity" and "Okafor" in e["name"])
    assert names == ["Dina Okafor", "Maren Okafor", "Okafor"]
    bare = next(r for r in records if r["type"] == "quote" and "nights are ours" in r["text"])
    assert bare["speaker"] == "Okafor"


def test_merging_views_sums_mentions_and_unions_names_in_any_order() -> None:
    a = Entity("e1", "Maren Okafor", "person", ["Okafor"], ["union leader"], 2)
    b = Entity("e1", "Maren OKAFOR", "person", [], ["dock union head"], 3)
    assert merge_views(a, b) == merge_views(b, a)
    merged = merge_views(a, b)
    assert merged.mentions == 5 and merged.roles == ["dock union head", "union leader"]
    assert set(merged.aliases) | {merged.name} == {"Maren Okafor", "Maren OKAFOR", "Okafor"}


def test_the_name_shown_is_the_spelling_most_mentions_use_in_any_order() -> None:
    typo = Entity("e1", "Maren Okafur", "person", mentions=1, name_mentions={"Maren Okafur": 1})
    usual = Entity("e1", "Maren Okaffor", "person", mentions=5, name_mentions={"Maren Okaffor": 5})
    other = Entity("e1", "Maren Okafur", "person", mentions=2, name_mentions={"Maren Okafur": 2})
    for views in ([typo, usual, other], [other, typo, usual], [usual, other, typo]):
        merged = views[0]
        for view in views[1:]:
            merged = merge_views(merged, view)
        assert merged.name == "Maren Okaffor" and merged.name_mentions == {"Maren Okaffor": 5, "Maren Okafur": 3}
        assert merged.aliases == ["Maren Okafur"]


def test_folding_keeps_the_canonical_name_and_id() -> None:
    full = Entity("e1", "Maren Okafor", "person", [], ["union leader"], 2)
    surname = Entity("e2", "Okafor", "person", [], [], 1)
    folded = fold_alias(full, surname)
    assert (folded.id, folded.name, folded.aliases, folded.mentions) == ("e1", "Maren Okafor", ["Okafor"], 3)


def test_the_kind_is_what_most_mentions_say_in_any_order() -> None:
    views = [
        Entity("e1", "Kastrel", "place", mentions=2, kind_mentions={"place": 2}),
        Entity("e1", "Kastrel", "person", mentions=1, kind_mentions={"person": 1}),
        Entity("e1", "Kastrel", "person", mentions=2, kind_mentions={"person": 2}),
    ]
    kinds = set()
    for order in ([0, 1, 2], [1, 2, 0], [2, 0, 1], [0, 2, 1]):
        merged = views[order[0]]
        for i in order[1:]:
            merged = merge_views(merged, views[i])
        kinds.add((merged.kind, tuple(sorted(merged.kind_mentions.items()))))
    assert kinds == {("person", (("person", 3), ("place", 2)))}


def test_a_name_in_capitals_or_with_a_typo_capital_is_not_the_shown_name() -> None:
    shouted = Entity("e1", "MAREN OKAFOR", "person", mentions=1)
    written = Entity("e1", "Maren Okafor", "person", mentions=1)
    assert merge_views(shouted, written).name == merge_views(written, shouted).name == "Maren Okafor"


MIDDLE_INITIAL_PAGE = """Union vote counted

Maren K. Okafor, the union leader, said the vote was close. Okafor thanked the members.
"""

DOMINANT_PAGE = """Dock talks go on

Union leader Maren Okafor met the port director. Maren Okafor said the talks were hard.
Maren Okafor later told the crowd to wait. Maren Okafor left at noon.
"""


def test_a_middle_initial_form_and_a_dominant_surname_join_the_full_name(tmp_path) -> None:
    for name, text in {
        "full.txt": FULL_NAME_PAGE,
        "middle.txt": MIDDLE_INITIAL_PAGE,
        "dominant.txt": DOMINANT_PAGE,
        "surname.txt": SURNAME_ONLY_PAGE,
        "other.txt": OTHER_OKAFOR_PAGE,
    }.items():
        (tmp_path / name).write_text(text)
    records = ingest_one_by_one(
        str(tmp_path / "c.db"), tmp_path, ["other.txt", "surname.txt", "middle.txt", "dominant.txt", "full.txt"]
    )
    people = {e["name"]: e for e in records if e["type"] == "entity" and "Okafor" in e["name"]}
    assert set(people) == {"Maren Okafor", "Dina Okafor"}
    assert {"Maren K. Okafor", "Okafor"} <= set(people["Maren Okafor"]["aliases"])
    bare = next(r for r in records if r["type"] == "quote" and "nights are ours" in r["text"])
    assert bare["speaker"] == "Maren Okafor"
