"""Where the bundled example corpus is: inside the installed package, or in the checkout."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UsageError


def example_corpus() -> str:
    candidates = [
        os.environ.get("NEWSTRACE_EXAMPLES"),
        Path(__file__).parent / "examples_corpus",  # wheel installs (see pyproject)
        Path(__file__).resolve().parents[2] / "examples" / "corpus",  # a source checkout
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return str(candidate)
    raise UsageError("the example corpus is missing from this installation")
