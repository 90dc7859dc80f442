"""Reported speech read from the dependency parse (English model)."""

from __future__ import annotations

from newstrace.analysis import analyse
from newstrace.quotes.parsed import find_parsed, find_parsed_all


def _found(text: str):
    analysis = analyse(text, "en", parse="none")
    return analysis, find_parsed_all(analysis, text, 0, len(text))


def test_the_complement_of_a_verb_of_saying_is_the_content_and_its_subject_the_source() -> None:
    text = "The harbour master told the local paper on Saturday the pier would reopen in May."
    _, [found] = _found(text)
    (content,) = found.pieces
    assert text[content[0] : content[1]] == "the pier would reopen in May"
    assert text[found.speaker[0] : found.speaker[1]] == "The harbour master"
    assert text[found.cue[0] : found.cue[1]] == "told"


def test_a_coordinated_verb_of_saying_takes_the_first_verbs_subject() -> None:
    text = "The old engineer inspected the dam on Monday and says the walls will hold through the winter."
    _, [found] = _found(text)
    assert text[found.speaker[0] : found.speaker[1]] == "The old engineer"
    assert text[found.pieces[0][0] : found.pieces[0][1]].startswith("the walls will hold")


def test_beliefs_are_not_quotes() -> None:
    text = "The harbour master thinks the pier will reopen in May."
    analysis, found = _found(text)
    assert found == [] and find_parsed(analysis, text, 0, len(text)) is None


def test_content_found_otherwise_is_not_found_twice() -> None:
    text = "The harbour master said the pier would reopen in May."
    analysis = analyse(text, "en", parse="none")
    assert find_parsed_all(analysis, text, 0, len(text), outside=[(24, 52)]) == []
