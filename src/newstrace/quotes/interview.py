"""Interview transcripts: speaker label lines and the turns under them.

A label is a paragraph of its own, a short capitalised name (with or without
a role) ending in a colon, or in a stray quote mark where a colon was
mistyped ("Nadia Ferrant\""). Each turn, the paragraphs up to the next
label, is one `interview` quote for that label's speaker. A turn whose first
paragraph opens with a quote mark ends where that quotation closes, so that
whatever follows the transcript is not taken for an answer.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..entities.names import find_names
from ..ids import derive_id
from ..model import Document, Quote
from .lexicon import CUE_RE
from .marks import DOUBLE_MARKS, paragraphs

_LABEL_RE = re.compile(r"^(?P<label>[A-ZÀ-Þ][\w’'.-]*(?:[ \t]+[\w’'.-]+){0,8})[ \t]*[:\"”]$")
_GENERIC_LABELS = frozenset({"Q", "A", "Question", "Answer", "Frage", "Antwort"})
_MIN_LABELS = 2


def _is_label(text: str) -> re.Match[str] | None:
    match = _LABEL_RE.match(text)
    if match is None or CUE_RE.search(text):
        return None
    words = match.group("label").split()
    if any(
        w[:1].islower() and w not in {"of", "for", "the", "and", "de", "von", "van", "der"} for w in words
    ):
        return None
    return match


class FindInterviewTurns:
    name: ClassVar[str] = "find_interview_turns"
    needs: ClassVar[frozenset[str]] = frozenset({"body"})
    adds: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def run(self, doc: Document) -> Document:
        body = doc.body
        paras = paragraphs(body)
        labels = [(i, m) for i, (s, e) in enumerate(paras) if (m := _is_label(body[s:e]))]
        names = {m.group("label") for _, m in labels}
        # A lone "Name:" is a lead-in, not a transcript: ask for two labels,
        # at least one of them repeated or generic (Q/A).
        if len(labels) < _MIN_LABELS or (len(names) == len(labels) and not names & _GENERIC_LABELS):
            return doc
        label_rows = {i for i, _ in labels}
        for i, match in labels:
            turn = self._turn(body, paras, i, label_rows)
            if turn is None:
                continue
            start, end = turn
            label_start = paras[i][0]
            label = match.group("label")
            quote = Quote(
                derive_id("q", doc.id, start, end), doc.id, body[start:end], start, end, "interview"
            )
            quote.cue, quote.cue_span = label, (label_start, label_start + len(label))
            if label not in _GENERIC_LABELS:
                people = find_names(label, skip_headlines=False)
                speaker = people[-1] if people else None
                if speaker:
                    quote.speaker_span = (label_start + speaker.start, label_start + speaker.end)
                    quote.speaker_mention = speaker.name
            doc.quotes.append(quote)
        doc.quotes.sort(key=lambda q: q.start)
        return doc

    @staticmethod
    def _turn(
        body: str, paras: list[tuple[int, int]], label: int, label_rows: set[int]
    ) -> tuple[int, int] | None:
        first = label + 1
        if first >= len(paras) or first in label_rows:
            return None
        start, end = paras[first]
        quoted = body[start] in DOUBLE_MARKS
        if quoted and _closes(body, start, end):
            return start, end
        for j in range(first + 1, len(paras)):
            if j in label_rows:
                break
            end = paras[j][1]
            if quoted and _closes(body, paras[j][0], end):
                break
        return start, end


def _closes(body: str, start: int, end: int) -> bool:
    """Does the paragraph end a quotation (a closing mark after text)?"""
    return end - start > 1 and body[end - 1] in DOUBLE_MARKS and not body[end - 2].isspace()
