from typing import ClassVar

import pytest

from newstrace.config import load_settings
from newstrace.model import Document
from newstrace.pipeline import Pipeline, build_pipeline


class NeedsTitle:
    name: ClassVar[str] = "needs_title"
    needs: ClassVar[frozenset[str]] = frozenset({"title"})
    adds: ClassVar[frozenset[str]] = frozenset({"author"})

    def run(self, doc: Document) -> Document:
        return doc


def test_a_stage_whose_needs_no_earlier_stage_adds_is_refused() -> None:
    with pytest.raises(ValueError, match=r"needs_title.*title"):
        Pipeline([NeedsTitle()])


def test_default_pipeline_is_well_ordered() -> None:
    names = build_pipeline(load_settings()).stage_names
    assert names[0] == "extract_html" and names[-1] == "fingerprint_body"
    assert names.index("normalise_text") < names.index("remove_boilerplate")
