"""Quote stages on fictional texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.entities import entity_id

from .helpers import analyse

STORY = """Harbour master Tobias Lindqvist said on Monday that the port would reopen within a week.

"We have cleared the channel," Lindqvist said, "and the first ships can come in on Friday."

He added that the work had cost "far more than anyone expected" and thanked the divers.

The union leader was less certain. Maren Okafor replied:

"I will believe it when I see the cranes moving again."
"""

INTERVIEW = """Rhea Valdane spoke to Mayor Corin Ashby about the floods.

Rhea Valdane:

"How long until the bridge reopens?"

Mayor Corin Ashby:

"Not before spring. The pillars need new foundations.

And we will not cut corners on safety."

Rhea Valdane"

"Will the city pay for it?"

Mayor Corin Ashby:

"Mostly, yes."
"""


def test_offsets_always_match_the_body() -> None:
    for text in (STORY, INTERVIEW):
        doc = analyse(text)
        assert doc.quotes
        for quote in doc.quotes:
            assert doc.body[quote.start : quote.end] == quote.text
            if quote.speaker_span:
                assert doc.body[quote.speaker_span[0] : quote.speaker_span[1]] == quote.speaker_mention
            if quote.cue_span:
                assert doc.body[quote.cue_span[0] : quote.cue_span[1]] == quote.cue


def test_split_quote_gives_two_pieces_the_second_part_of_the_first() -> None:
    doc = analyse(STORY)
    pieces = [
        q for q in doc.quotes if q.kind == "direct" and ("channel" in q.text or "first ships" in q.text)
    ]
    first, second = sorted(pieces, key=lambda q: q.start)
    assert first.text == '"We have cleared the channel,"'
    assert second.part_of == first.id and first.part_of is None
    assert first.speaker == second.speaker == "Tobias Lindqvist"
    assert first.cue == "said" and first.speaker_mention == "Lindqvist"


def test_pronoun_and_fragment_resolve_to_the_last_speaker() -> None:
    doc = analyse(STORY)
    fragment = next(q for q in doc.quotes if q.kind == "fragment" and "far more" in q.text)
    assert fragment.kind == "fragment"
    assert fragment.speaker_mention == "He" and fragment.speaker == "Tobias Lindqvist"
    assert fragment.speaker_id == entity_id("Tobias Lindqvist")


def test_colon_at_the_end_of_the_previous_paragraph_introduces_the_quote() -> None:
    doc = analyse(STORY)
    quote = next(q for q in doc.quotes if "cranes" in q.text)
    assert quote.kind == "direct"
    assert quote.speaker == "Maren Okafor" and quote.cue == "replied"


def test_indirect_speech_content_starts_at_that() -> None:
    doc = analyse(STORY)
    reported = next(q for q in doc.quotes if q.kind == "indirect" and "reopen" in q.text)
    assert reported.text.startswith("that the port would reopen")
    assert reported.speaker == "Tobias Lindqvist"


def test_interview_turns_go_to_their_labels_even_with_a_mistyped_label() -> None:
    doc = analyse(INTERVIEW)
    turns = [q for q in doc.quotes if q.kind == "interview"]
    assert [q.speaker for q in turns] == ["Rhea Valdane", "Corin Ashby", "Rhea Valdane", "Corin Ashby"]
    # an answer over two paragraphs with one opening mark is one turn
    assert "corners on safety" in turns[1].text and turns[1].text.startswith('"Not before')
    assert not [q for q in doc.quotes if q.kind == "direct"]


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    doc = analyse(
        'The so-called "reform" stalled.\n\nShe reviewed "The Silent Harbour Years" for the paper.\n'
    )
    assert doc.quotes == []


def test_german_marks_and_inverted_cue() -> None:
    doc = analyse("„Wir werden den Hafen bis Freitag öffnen“, sagte Hafenmeisterin Lene Marquardt.\n")
    (quote,) = [q for q in doc.quotes if q.kind == "direct"]
    assert quote.text == "„Wir werden den Hafen bis Freitag öffnen“"
    # German role nouns are capitalised, so the role is not yet split off the name
    assert quote.cue == "sagte" and quote.speaker is not None and quote.speaker.endswith("Lene Marquardt")


def test_nobody_named_leaves_the_speaker_empty() -> None:
    doc = analyse('"This cannot go on," officials said.\n')
    (quote,) = doc.quotes
    assert quote.speaker_mention == "officials" and quote.speaker is None


SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds absent")
def test_seed_interview_answers_and_questions() -> None:
    text = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    doc = analyse(text)
    turns = [q for q in doc.quotes if q.kind == "interview"]
    assert len(turns) == 18
    for quote in turns:
        expected = "Efi Koutsokosta" if quote.cue.startswith("Efi") else "Antony Blinken"
        assert quote.speaker == expected


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds absent")
def test_seed_direct_quotes_are_attributed() -> None:
    quotes = []
    for path in sorted(SEEDS.glob("*.txt")):
        quotes += analyse(path.read_text(encoding="utf-8")).quotes

    class Found(dict):
        def __missing__(self, start: str) -> str | None:
            return next(q.speaker for q in quotes if q.text.startswith(start) and q.kind != "indirect")

    found = Found()
    assert found["“I think that’s right, I think "] == "Antony Blinken"
    assert found["“We’re committed to dialogue an"] == "Antony Blinken"
    assert found["“We are committed to dialogue a"] == "Antony Blinken"
    assert found["“legacy project”"] == "Victoria Nuland"
    assert found["“a very important meeting”"] == "Dmitry Peskov"
    assert found["“mutual understanding and consi"] == "Dmitry Peskov"
    assert found["“lead the world from a position"] == "Joe Biden"
    assert found["“There are areas where we have "] in {"Blinken", "Antony Blinken"}


def test_a_short_lead_sentence_and_a_speaker_going_on_carry_the_speaker() -> None:
    doc = analyse(
        "Title\n\nThe ferry pilot Ansel Brody agreed. “The currents here change every hour.”\n\n"
        "“We never sail blind,” Brody said. “Not once in twenty years.”\n"
    )
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.speaker_mention for q in direct] == ["The ferry pilot Ansel Brody", "Brody", "Brody"]
