"""Speaker resolution: names, pronouns by gender, roles, and no guesses."""

from __future__ import annotations

import pytest

from .helpers import analyse


def _speakers(text: str) -> list[tuple[str | None, str | None, float | None]]:
    doc = analyse(text)
    quotes = sorted((q for q in doc.quotes if not q.part_of), key=lambda q: q.start)
    return [(q.speaker, q.speaker_basis, q.speaker_confidence) for q in quotes]


def test_a_name_is_resolved_with_high_confidence() -> None:
    [(speaker, basis, confidence)] = _speakers('"The pier will hold," harbour master Tobias Lindqvist said.\n')
    assert (speaker, basis) == ("Tobias Lindqvist", "name") and confidence >= 0.9


def test_an_indefinite_speaker_is_never_a_person_named_before() -> None:
    text = (
        "Transport Minister Ilse Marrow opened the terminal on Monday.\n\n"
        '"The engines were checked twice," a spokesman for the airline said.\n'
    )
    doc = analyse(text)
    (quote,) = [q for q in doc.quotes if "engines" in q.text]
    assert quote.speaker is None and quote.speaker_mention == "a spokesman for the airline"
    assert (quote.speaker_basis, quote.speaker_confidence) == ("unresolved", 0.0)


def test_she_goes_to_the_woman_the_text_names_not_the_last_man_who_spoke() -> None:
    text = (
        "Mayor Hanna Voss opened the bridge. She thanked the builders and her staff.\n\n"
        '"It took four years," said engineer Peter Lund. He led the works.\n\n'
        '"We will keep the tolls low," she said.\n'
    )
    speakers = _speakers(text)
    assert speakers[0][0] == "Peter Lund"
    assert speakers[-1][:2] == ("Hanna Voss", "pronoun, last person named")


def test_a_party_and_state_after_a_name_stand_for_it() -> None:
    [(speaker, basis, _)] = _speakers('"We need the money now," Sen. Ben Cardin, D-Md., said on Tuesday.\n')
    assert (speaker, basis) == ("Ben Cardin", "name")


def test_a_party_letter_in_parentheses_stands_for_the_name_before_it() -> None:
    [(speaker, _, _)] = _speakers("Gov. Marta Olin (R) said she expects an appeal of the ruling.\n")
    assert speaker == "Marta Olin"


def test_a_title_or_an_initial_with_a_period_does_not_end_the_speaker_after_the_verb() -> None:
    text = (
        '"We are leaving," said Gen. Oren Szalay, the commander.\n\n'
        '"It is over," said Rev. Edvin Rask, the pastor.\n\n'
        '"The plan is sound," said Nadia R. Ferrant, a former minister.\n'
    )
    assert [speaker for speaker, _, _ in _speakers(text)] == ["Oren Szalay", "Edvin Rask", "Nadia R. Ferrant"]


def test_the_name_before_of_speaks_and_a_group_opening_a_sentence_does_not() -> None:
    text = (
        '"It is over," said Prof. Anna Lindqvist of the university.\n\n'
        "Witnesses said bodies of victims were strewn over the road for more than a mile.\n"
    )
    assert [speaker for speaker, _, _ in _speakers(text)] == ["Anna Lindqvist", None]


def test_first_person_and_plural_speakers_are_left_unresolved() -> None:
    for text in ('"We will win," they said.\n', '"So I told them no," I said.\n'):
        assert all(speaker is None for speaker, _, _ in _speakers(text)), text


QA_INTERVIEW = """Harbour talks

Reporter Lena Brandt spoke to port director Tobias Lindqvist about the strike.

Q: When will the ships be unloaded again?

A: Not before Friday. The cranes need a full check first.

Q: Will the workers get their pay rise?

A: We have offered four percent, and that offer stands.
"""

# The same interview under the speakers' initials, and a broadcast transcript's surname.
INITIALS_INTERVIEW = (
    QA_INTERVIEW.replace("Q: When", "LB: When")
    .replace("A: Not", "TL: Not")
    .replace("Q: Will", "LB: Will")
    .replace("A: We", "LINDQVIST: We")
)


def test_q_and_a_turns_go_to_the_interviewer_and_the_interviewee() -> None:
    for text in (QA_INTERVIEW, INITIALS_INTERVIEW):
        doc = analyse(text)
        turns = [(q.text, q.speaker) for q in doc.quotes if q.kind == "interview"]
        assert turns == [
            ("When will the ships be unloaded again?", "Lena Brandt"),
            ("Not before Friday. The cranes need a full check first.", "Tobias Lindqvist"),
            ("Will the workers get their pay rise?", "Lena Brandt"),
            ("We have offered four percent, and that offer stands.", "Tobias Lindqvist"),
        ], text[:60]


# The layout without labels: question paragraphs (bold on the page) and answers after them,
# under a title that says "interview" without naming anyone.
QUESTION_PARAGRAPHS_INTERVIEW = (
    QA_INTERVIEW.replace("Harbour talks", "Harbour talks: an interview")
    .replace("Q: ", "")
    .replace("A: ", "")
    .replace("Will the workers", "What about the dock?\n\nIt reopens in May.\n\nWill the workers")
)


def test_question_paragraphs_go_to_the_interviewer_and_the_answers_after_them_to_the_interviewee() -> None:
    doc = analyse(QUESTION_PARAGRAPHS_INTERVIEW)
    turns = [(q.text, q.speaker) for q in doc.quotes if q.kind == "interview"]
    assert turns == [
        ("When will the ships be unloaded again?", "Lena Brandt"),
        ("Not before Friday. The cranes need a full check first.", "Tobias Lindqvist"),
        ("What about the dock?", "Lena Brandt"),
        ("It reopens in May.", "Tobias Lindqvist"),
        ("Will the workers get their pay rise?", "Lena Brandt"),
        ("We have offered four percent, and that offer stands.", "Tobias Lindqvist"),
    ]


def test_questions_in_a_report_are_no_interview() -> None:
    text = QUESTION_PARAGRAPHS_INTERVIEW.replace("spoke to", "met")
    assert not [q for q in analyse(text).quotes if q.kind == "interview"]


def test_a_body_the_text_names_speaks_and_an_unnamed_one_does_not() -> None:
    named = analyse('"The talks will go on," the Velorian government said on Monday.\n')
    (quote,) = named.quotes
    assert (quote.speaker, quote.speaker_basis) == ("Velorian government", "organisation")
    kinds = {e.name: e.kind for e in named.entities}
    assert kinds["Velorian government"] == "organization"
    (unnamed,) = analyse('"The engines were checked," the airline said.\n').quotes
    assert unnamed.speaker is None and unnamed.speaker_mention == "the airline"


def test_a_place_is_no_speaker() -> None:
    text = (
        "Talks in Veloria broke down. Trade with Veloria fell, and Veloria recalled its envoy.\n\n"
        '"We will not pay more for transit," Veloria said.\n'
    )
    (quote,) = [q for q in analyse(text).quotes if q.kind == "direct"]
    assert quote.speaker is None and quote.speaker_mention == "Veloria" and quote.speaker_basis == "place"


def test_a_role_in_the_standfirst_is_the_person_the_first_sentence_names() -> None:
    text = (
        "Harbour minister says the strike will end with an open hand\n\n"
        "Harbour Minister Maren Okafor has told the union that talks can resume on Monday.\n"
    )
    first = min((q for q in analyse(text).quotes if q.kind == "indirect"), key=lambda q: q.start)
    assert first.speaker_mention == "Harbour minister" and first.speaker == "Maren Okafor"
    assert first.speaker_basis == "role, named just after"


def test_a_common_word_the_recogniser_typed_as_a_place_does_not_speak() -> None:
    from newstrace.quotes.speakers import _common_word

    assert _common_word("Opposition", "en") and not _common_word("Okafor", "en")


def test_a_language_without_a_word_list_has_no_common_words() -> None:
    # wordfreq lists no Estonian words: asking it for one raised, and the page was lost
    # (found by tests/test_properties.py on a page the language identifier read as Estonian)
    from newstrace.quotes.speakers import _common_word

    assert _common_word("Lindqvist", "et") is False and _common_word("Lindqvist", None) is False
    assert _common_word("the", "en") is True


def test_the_holder_of_a_role_speaks_not_the_body_the_role_is_held_in() -> None:
    text = (
        "Opposition leader Maren Holt arrived in parliament on Monday.\n\n"
        '"The cabinet has gambled the winter away," the leader of the Civic Union party said.\n'
    )
    [(speaker, basis, _)] = _speakers(text)
    assert speaker == "Maren Holt" and basis.startswith("role")


def test_a_headline_role_goes_to_the_first_person_named_after_it_who_holds_it() -> None:
    text = (
        'Foreign minister says the talks "will go on"\n'
        "Mayor Edvin Rask opened the hall on Monday. Foreign Minister Ilse Marovic arrived later.\n"
    )
    first, *_ = _speakers(text)
    assert first[:2] == ("Ilse Marovic", "role, named just after")


def test_the_quotation_after_a_question_put_to_someone_is_not_the_askers() -> None:
    text = (
        "Mayor Hanna Voss took questions at the harbour on Monday.\n\n"
        '"But why now?" reporter Peter Lund asked her.\n\n'
        '"Because the pier will not last another winter."\n\n'
        '"What do we have to lose?" asked Mayor Hanna Voss. "The tolls stay low."\n'
    )
    speakers = {q.text.strip('"'): q.speaker for q in analyse(text).quotes}
    assert speakers["But why now?"] == "Peter Lund"
    assert speakers["Because the pier will not last another winter."] != "Peter Lund"  # the answer
    assert speakers["The tolls stay low."] == "Hanna Voss"  # her own question: she goes on


@pytest.mark.parametrize(
    ("sentence_before", "expected"),
    [
        # the one person the sentence before names, as its subject
        ("Foreign Minister Ilse Marovic was less sure of the outcome. She", "Ilse Marovic"),
        # a person named as its object: the last speaker goes on
        ("The harbour master thanked Ilse Marovic for the talks. He", "Oren Szalay"),
    ],
)
def test_a_pronoun_opening_a_sentence_goes_to_the_subject_of_the_sentence_before(
    sentence_before: str, expected: str
) -> None:
    text = (
        '"The talks went well," said Oren Szalay, the presidential spokesman.\n\n'
        f'{sentence_before} called the deal "a first step and no more".\n'
    )
    first, *after = [speaker for speaker, _, _ in _speakers(text)]
    assert first == "Oren Szalay" and after and set(after) == {expected}


def test_titles_joined_by_and_are_one_persons_and_names_joined_by_and_the_first_speaks() -> None:
    text = (
        '"The station will stay open," Halvard Broadcasting Corporation Vice President and Chief Executive Tomas Holt '
        "said on Monday.\n\n"
        '"We will rebuild the pier," Foreign Minister Ilse Marovic and presidential spokesman Oren '
        "Szalay said in a statement.\n"
    )
    assert [speaker for speaker, _, _ in _speakers(text)] == ["Tomas Holt", "Ilse Marovic"]
