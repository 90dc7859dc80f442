"""Reported speech and quote marks in English, on fictional texts written for these tests."""

from __future__ import annotations

from .helpers import analyse


def test_twin_apostrophes_are_quote_marks_and_a_split_quote_is_one_attribution() -> None:
    doc = analyse(
        "Title\n\n''We cleared the channel first,'' Mr. Lindqvist said. ''Then the cranes came back.''\n"
    )
    first, second = sorted((q for q in doc.quotes if q.kind == "direct"), key=lambda q: q.start)
    assert first.text == "''We cleared the channel first,''"
    assert second.text == "''Then the cranes came back.''" and second.part_of == first.id
    assert first.speaker_mention == "Mr. Lindqvist" and first.cue == "said"


def test_attribution_inside_the_sentence_splits_the_content() -> None:
    doc = analyse("Title\n\nThe harbour, Ms. Okafor said, will need two more dredgers before winter.\n")
    pieces = sorted((q for q in doc.quotes if q.kind == "indirect"), key=lambda q: q.start)
    assert [q.text for q in pieces] == ["The harbour", "will need two more dredgers before winter"]
    assert pieces[1].part_of == pieces[0].id and pieces[0].speaker_mention == "Ms. Okafor"


def test_the_name_before_an_appositive_is_the_speaker() -> None:
    doc = analyse(
        "Title\n\nMaren Okafor, a union organiser at the port, said the strike would go on until March.\n"
    )
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.speaker_mention == "Maren Okafor"
    assert quote.text == "the strike would go on until March"


def test_that_after_a_subject_pronoun_belongs_to_the_content() -> None:
    doc = analyse("Title\n\nOkafor said she would make sure that the cranes were repaired.\n")
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.text == "she would make sure that the cranes were repaired"


def test_seems_reports_nobody() -> None:
    doc = analyse("Title\n\nThe new schedule appears to suit most of the dock workers.\n")
    (quote,) = [q for q in doc.quotes if q.kind == "indirect" and q.part_of is None]
    assert quote.speaker_mention is None and quote.cue == "appears"


def test_a_noun_is_not_a_cue() -> None:
    doc = analyse("Title\n\nHis comments on the dredging contract drew no reply from the council.\n")
    assert doc.quotes == []


def test_a_fragment_after_its_verb_makes_a_mixed_quote() -> None:
    doc = analyse("Title\n\nOkafor called the new schedule “a step backwards for everyone on the quay.”\n")
    kinds = {q.kind for q in doc.quotes}
    assert kinds == {"fragment", "indirect"}
    indirect = next(q for q in doc.quotes if q.kind == "indirect")
    assert indirect.text.startswith("the new schedule “a step backwards") and indirect.speaker == "Okafor"


def test_declining_to_comment_reports_no_words() -> None:
    doc = analyse("Harbour fees rise\n\nThe port operator declined to comment on the new fees.\n")
    assert not [q for q in doc.quotes if q.kind == "indirect"]


def test_the_attribution_closing_the_sentence_governs_the_verbs_inside_it() -> None:
    doc = analyse(
        "Title\n\nTomas Berg runs the utility. Halvard Energy has asked its customers to prepare to "
        "switch to oil if necessary, he said.\n"
    )
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.text.startswith("Halvard Energy has asked") and quote.cue == "said"
    assert quote.speaker_mention == "he"


def test_the_name_before_an_appositive_after_an_opening_phrase() -> None:
    doc = analyse(
        "Title\n\nIn a letter to the minister in May, Maren Okafor, the president of the Dock Workers "
        "Union, said members faced “near-unprecedented uncertainty” this winter.\n"
    )
    indirect = [q for q in doc.quotes if q.kind == "indirect"]
    assert indirect and indirect[0].speaker_mention == "Maren Okafor"
    (fragment,) = [q for q in doc.quotes if q.kind == "fragment"]
    assert fragment.speaker == "Maren Okafor"


def test_this_before_a_noun_does_not_open_a_clause() -> None:
    doc = analyse(
        "Title\n\nThe port has been eager to reopen, but Maren Okafor, head of the union, told local "
        "media this month that the strike would go on.\n"
    )
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.text == "that the strike would go on" and quote.speaker_mention == "Maren Okafor"


def test_a_quote_after_a_short_closing_attribution_keeps_the_speaker() -> None:
    doc = analyse(
        "Title\n\n“The cranes were fine,” Mr. Lindqvist said on Monday. “We know there is no shortage,” "
        "he said. “Something else went wrong.”\n"
    )
    last = max((q for q in doc.quotes if q.kind == "direct"), key=lambda q: q.start)
    assert last.text == "“Something else went wrong.”" and last.speaker_mention == "he"


def test_media_quoting_someone_as_saying_makes_that_person_the_speaker() -> None:
    doc = analyse("Title\n\nState radio quoted Anatol Rusu as saying that the pipeline would reopen in June.\n")
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.speaker_mention == "Anatol Rusu" and quote.text == "that the pipeline would reopen in June"
    doc = analyse("Title\n\nMaren Okafor was quoted as saying the strike would go on.\n")
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.speaker_mention == "Maren Okafor" and quote.text == "the strike would go on"


def test_what_a_document_reports_someone_telling_is_that_persons() -> None:
    doc = analyse("Title\n\nTomas Berg told investigators he had never seen the letter, court documents say.\n")
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.speaker_mention == "Tomas Berg" and quote.text == "he had never seen the letter"


def test_an_agentless_passive_reports_words_nobody_is_named_for() -> None:
    doc = analyse("Title\n\nIt was announced on Monday that the port would close for a week.\n")
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.text == "that the port would close for a week" and quote.speaker is None
    assert quote.speaker_mention is None


def test_a_long_clause_after_the_last_comma_is_no_closing_tag() -> None:
    doc = analyse(
        "Title\n\nPort director Maren Okafor has accused the union of using the strike as leverage, two "
        "days after deliveries through the Caldera terminal stopped without warning.\n"
    )
    indirect = [q for q in doc.quotes if q.kind == "indirect"]
    assert indirect and all(q.speaker_mention == "Port director Maren Okafor" for q in indirect)
