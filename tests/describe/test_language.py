from __future__ import annotations

from newstrace.describe.language import body_language, title_language
from newstrace.pipeline import analyse_page

BODY = (
    "The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said. "
    "Every one of the workers who lost their jobs in the flood has been offered a place again."
)


def test_title_and_body_languages_are_told_apart() -> None:
    doc = analyse_page(f"Alte Papiermühle an der Aare öffnet nach der Flut wieder\n\n{BODY}", is_html=False)
    assert doc.title_language == "de"
    assert doc.language == "en"


def test_short_unsure_title_follows_the_body() -> None:
    assert title_language("Espresso Machine Under $500", "en") == "en"


def test_capitals_are_read_as_words() -> None:
    assert title_language("LA VILLE RENONCE AU NOUVEAU PONT SUR LA RIVIÈRE", None) == "fr"


def test_given_language_is_trusted_and_empty_text_has_none() -> None:
    doc = analyse_page(BODY, is_html=False, given={"language": "en"})
    assert doc.language == "en"
    assert body_language("12 34") is None
