"""Stage: HTML page -> article text and the page's own metadata, via trafilatura.

needs: raw, is_html      adds: body, html_metadata, removed

trafilatura does the hard part (finding the article in the DOM); its output
then goes through the same text cleaner as plain-text inputs, which removes
the residue it leaves (see `boilerplate`).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

import trafilatura

from ..errors import InputError
from ..model import Document

# Metadata trafilatura reads from the page head and markup, kept for the
# describe stages to weigh against what the text itself says.
_METADATA_FIELDS = ("title", "author", "url", "hostname", "sitename", "date", "description")


class ExtractHtml:
    name: ClassVar[str] = "extract_html"
    needs: ClassVar[frozenset[str]] = frozenset({"raw", "is_html"})
    adds: ClassVar[frozenset[str]] = frozenset({"body", "html_metadata"})

    def __init__(self, timeout_seconds: float):
        self.timeout_seconds = timeout_seconds

    def run(self, doc: Document) -> Document:
        if not doc.is_html:
            doc.body = doc.raw
            return doc
        with _time_limit(self.timeout_seconds, doc.source):
            extracted = trafilatura.bare_extraction(
                doc.raw,
                url=doc.given.get("url"),
                with_metadata=True,
                include_comments=False,
                include_tables=True,
            )
        if extracted is None:
            doc.body = ""
            return doc
        # trafilatura writes one paragraph per line; blank lines mark
        # paragraphs everywhere else in newstrace.
        doc.body = "\n\n".join(line for line in (extracted.text or "").split("\n") if line.strip())
        doc.html_metadata = {
            key: str(value)
            for key in _METADATA_FIELDS
            if (value := getattr(extracted, key, None))
        }
        if extracted.categories:
            doc.html_metadata["categories"] = "\x1f".join(extracted.categories)
        return doc


@contextmanager
def _time_limit(seconds: float, source: str) -> Iterator[None]:
    """Abandon the block after `seconds` with an InputError naming `source`.

    Uses SIGALRM, which only the main thread of a process can receive; in
    other threads the block runs without a limit rather than not at all.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def give_up(signum: int, frame: object) -> None:
        raise InputError(f"HTML extraction took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
