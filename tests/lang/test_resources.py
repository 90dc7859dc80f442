"""Language knowledge as data: every file loads, and a language without one is empty."""

from __future__ import annotations

import pytest

from newstrace.lang import languages, resources, union


@pytest.mark.parametrize("code", languages())
def test_every_language_file_loads_with_known_resources(code: str) -> None:
    found = resources(code)
    assert found.code == code
    assert found.speech_verbs and found.months and found.weekdays
    assert set(found.weekdays.values()) == set(range(1, 8))


def test_resources_are_per_language_and_the_union_covers_them() -> None:
    assert "sagte" in resources("de").speech_verbs and "sagte" not in resources("en").speech_verbs
    assert "said" in union("speech_verbs") and "sagte" in union("speech_verbs")
    assert resources("de").months["märz"] == 3


def test_a_language_without_a_file_has_empty_resources() -> None:
    assert resources("fr").speech_verbs == frozenset()
    assert resources(None).months == {}
