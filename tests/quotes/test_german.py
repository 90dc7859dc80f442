"""German reported speech, on fictional texts written for these tests."""

from __future__ import annotations

from newstrace.model import Document

from .helpers import analyse


def indirect(doc: Document) -> list:
    return sorted((q for q in doc.quotes if q.kind == "indirect"), key=lambda q: q.start)


def test_laut_names_the_source_and_the_rest_is_the_content() -> None:
    doc = analyse(
        "Titel\n\nLaut der Hafenbehörde wird der Kanal bis Freitag wieder geöffnet und die Schiffe dürfen einlaufen.\n"
    )
    (quote,) = indirect(doc)
    assert quote.speaker_mention == "der Hafenbehörde" and quote.cue == "Laut"
    assert quote.text.startswith("wird der Kanal")


def test_zufolge_and_so_frames() -> None:
    doc = analyse(
        "Titel\n\nDem Bericht zufolge seien die Kräne seit Wochen defekt und nicht versichert.\n\n"
        "Die Reparatur werde mindestens drei Monate dauern, so der Sprecher der Reederei.\n"
    )
    first, second = indirect(doc)
    assert first.speaker_mention == "Dem Bericht" and first.text.startswith("seien die Kräne")
    assert second.speaker_mention == "der Sprecher der Reederei"
    assert second.text == "Die Reparatur werde mindestens drei Monate dauern"


def test_the_subject_follows_the_verb_when_something_else_opens_the_sentence() -> None:
    doc = analyse(
        "Titel\n\nDazu sagte die Hafenmeisterin, der Kanal sei nun wieder tief genug für alle Schiffe.\n"
    )
    (quote,) = indirect(doc)
    assert quote.speaker_mention == "die Hafenmeisterin"
    assert quote.text == "der Kanal sei nun wieder tief genug für alle Schiffe"


def test_konjunktiv_carries_the_reported_speech_on() -> None:
    doc = analyse(
        "Titel\n\nDie Hafenmeisterin Lene Marquardt sagte, der Kanal sei wieder offen. "
        "Die ersten Schiffe könnten schon am Freitag einlaufen und die Kräne seien repariert.\n"
    )
    first, second = indirect(doc)
    assert second.speaker_span == first.speaker_span and second.text.startswith("Die ersten Schiffe")


def test_a_name_in_quote_marks_is_not_a_quotation_but_quoted_words_are() -> None:
    doc = analyse("Titel\n\nDie Zeitung „Hafenblatt“ nannte den Plan einen „großen Fehler für die Stadt“.\n")
    quoted = [q.text for q in doc.quotes if q.kind != "indirect"]
    assert quoted == ["„großen Fehler für die Stadt“"]


def test_the_clause_subject_before_a_colon_and_the_document_after_heisst_es() -> None:
    doc = analyse(
        "Titel\n\nDie Fährmeisterin Jora Velk begründete ihren Schritt mit den Worten: "
        "„Der Kanal ist zu flach für uns.“\n\n"
        "In dem Antrag des Hafenvereins heißt es wörtlich: „Die Fähre muss bleiben.“\n"
    )
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.speaker_mention for q in direct] == [
        "Die Fährmeisterin Jora Velk",
        "dem Antrag des Hafenvereins",
    ]


def test_a_colon_introduced_quotation_goes_to_the_person_its_sentence_names() -> None:
    doc = analyse(
        "Streit um den Hafen\n\nAm Abend brachte Fraktionssprecherin Annette Kaltmann ihre Sorge "
        "zum Ausdruck: „Wir werden diese Gebühren nicht hinnehmen.“\n"
    )
    (quote,) = [q for q in doc.quotes if q.kind == "direct"]
    assert quote.speaker_mention == "Annette Kaltmann"
