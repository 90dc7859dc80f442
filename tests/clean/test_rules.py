"""The cheap test that spares a lede its sentence split (clean/rules.py)."""

from __future__ import annotations

from newstrace.clean.rules import _share_a_run


def test_a_run_of_words_is_found_only_whole_and_in_order() -> None:
    lede = "the minister said the ferry will publish a winter timetable soon".split()
    following = "officials confirmed the ferry will publish a winter timetable by the end".split()
    assert _share_a_run(lede, following, 6)  # "the ferry will publish a winter"
    assert not _share_a_run(lede, following, 8)  # "... timetable soon" is not in the next paragraph
    assert not _share_a_run(lede, list(reversed(following)), 2)  # the same words, not in order
    assert not _share_a_run(lede[:5], following, 6)  # shorter than the run asked for
