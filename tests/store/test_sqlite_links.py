"""The SQLite link index: bounded posting lists, profiles (and their stream orders alone) and story
states that survive a round trip."""

from __future__ import annotations

import dataclasses

from newstrace.link.index import LinkIndex, LinkProfile, StoryState, open_link_index
from newstrace.store import open_store


def _profile(doc_id: str, keys: list[int], day: int | None = 738953) -> LinkProfile:
    return LinkProfile(
        doc_id, "2024-03-08", "2024-03-07", "the text says so", False, True, day, 738954,
        {"harbour": 0.8, "strike": 0.6}, {"okafor": 1.0}, "en", ["harbour"], b"\x01" * 8, keys,
    )  # fmt: skip


def check_posting_lists(index: LinkIndex) -> None:
    """What every backend's posting lists do (`test_postgres.py` runs this against PostgreSQL)."""
    index.put_profiles([_profile(f"d{i}", [1, 2] if i < 3 else [1]) for i in range(5)])
    index.put_profiles([_profile("d9", [1], day=738900)])  # an earlier day comes first
    postings = index.postings([1, 2, 3], cap=4)
    assert postings[1] == ["d9", "d0", "d1", "d2"]  # six carry key 1: the earliest four
    assert postings[2] == ["d0", "d1", "d2"] and 3 not in postings
    # From a given day on: earlier documents are passed over, those with no date at all never are.
    index.put_profiles([dataclasses.replace(_profile("undated", [1], day=None), page_day=None)])
    assert index.postings([1], cap=4, since_day=738953) == {1: ["undated", "d0", "d1", "d2"]}
    assert index.postings([1], cap=4, since_day=738954) == {1: ["undated"]}
    # Storing a profile again replaces its postings.
    index.put_profiles([_profile("d0", [3])])
    assert index.postings([2, 3], cap=4) == {2: ["d1", "d2"], 3: ["d0"]}
    # A profile's place in the stream, read without decoding it: its day, else its page's, else last.
    index.put_profiles([dataclasses.replace(_profile("paged", [4], day=None), page_day=738999)])
    assert index.profile_orders(["d1", "paged", "undated", "never-stored"]) == {
        "d1": (738953, "d1"), "paged": (738999, "paged"), "undated": (10**7, "undated"),
    }  # fmt: skip
    assert all(index.profile_orders([i])[i] == p.order for i, p in index.profiles(["d1", "paged", "undated"]).items())
    # Quote keys carried by more quotations than the cap say nothing: left out.
    index.put_quote_keys([(7, f"q{i}") for i in range(5)] + [(8, "q0")])
    assert index.quote_postings([7, 8], cap=4) == {8: ["q0"]}


def test_profiles_round_trip_and_postings_are_bounded(tmp_path) -> None:
    store = open_store(str(tmp_path / "links.db"))
    index = open_link_index(store)
    check_posting_lists(index)
    stored = index.profiles(["d1", "d8"])
    assert list(stored) == ["d1"]
    assert stored["d1"].vector == {"harbour": 0.8, "strike": 0.6} and stored["d1"].posting_keys == []
    assert stored["d1"].order == (738953, "d1")
    store.close()


def test_story_states_and_the_pending_queue(tmp_path) -> None:
    store = open_store(str(tmp_path / "links.db"))
    index = open_link_index(store)
    state = StoryState(
        "s1", {"harbour": 1.6}, {"okafor": 2.0}, {"en": 2}, 2, 738953, 738955, (738955, "d2"), 738960
    )
    index.put_story_states([state])
    assert index.story_states(["s1", "s2"]) == {"s1": state}
    index.delete_story_states(["s1"])
    assert index.story_states(["s1"]) == {}
    assert index.pending(10) == []
    store.close()
