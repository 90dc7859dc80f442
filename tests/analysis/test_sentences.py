"""The one sentence splitter: rules over spaCy tokens."""

from __future__ import annotations

import pytest

from newstrace.analysis import analyse
from newstrace.analysis.sentences import split_sentences


def sentences(text: str, language: str = "en") -> list[str]:
    analysis = analyse(text, language, parse="none", names=False)
    return [text[s:e] for s, e in analysis.sentences]


def test_titles_initials_and_abbreviations_do_not_end_a_sentence() -> None:
    text = "Mr. Halloran met Sen. J. R. Ostby in the U.S. capital. They talked."
    assert sentences(text) == ["Mr. Halloran met Sen. J. R. Ostby in the U.S. capital.", "They talked."]


def test_closing_marks_stay_with_their_sentence_and_a_line_break_always_ends_one() -> None:
    text = '"We won." She left!\nHEADLINE WITHOUT A STOP\n"It is over," he said. 3 people died.'
    assert sentences(text) == [
        '"We won."',
        "She left!",
        "HEADLINE WITHOUT A STOP",
        '"It is over," he said.',
        "3 people died.",
    ]


def test_a_lowercase_word_after_a_period_continues_the_sentence() -> None:
    assert sentences("It costs approx. five euros. Fine.") == ["It costs approx. five euros.", "Fine."]


@pytest.mark.parametrize("language", ["de", None])
def test_german_abbreviations_from_the_language_file(language: str | None) -> None:
    text = "Das Gesetz (vgl. Abs. 3) gilt z.B. ab Nr. 5 der Liste. Danach nicht."
    assert split_sentences(text, language) == [
        "Das Gesetz (vgl. Abs. 3) gilt z.B. ab Nr. 5 der Liste.",
        "Danach nicht.",
    ]


def test_sentence_lookups_are_body_offsets() -> None:
    text = "First one here. Second one there.\nThird."
    analysis = analyse(text, "en", parse="none", names=False)
    assert analysis.sentence_at(text.index("Second")) == (16, 33)
    assert analysis.sentence_spans(0, 20) == ((0, 15), (16, 20))
    assert analysis.next_sentence_end(text.index("one there"), len(text)) == 33


def test_the_words_are_found_by_their_lowercase_or_caseless_form_at_their_tokens() -> None:
    text = "Rain fell. Prices rose in MARCH. The FRİDAY sale and the Januar/Februar one."
    analysis = analyse(text, "en", parse="none", names=False)
    assert analysis.offsets_of(frozenset({"march"})) == [text.index("MARCH")]
    assert analysis.offsets_of(frozenset({"friday", "februar"})) == [text.index("FRİDAY"), text.index("Februar")]
    glued = analyse("Sales rose in june&july trading.", "en", parse="none", names=False)
    assert glued.offsets_of(frozenset({"july"})) == [glued.body.index("june")]  # where its token stands
    assert analysis.offsets_of(frozenset({"snow"})) == []
