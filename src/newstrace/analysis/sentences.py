"""Sentence boundaries over spaCy tokens: the one sentence splitter of newstrace.

A trained sentence segmenter would need the tagger's encoder over every sentence,
which the analysis avoids (see `document.py`), and news prose is regular enough for
rules over tokens: spaCy's tokenizer already keeps abbreviations and initials whole
("Mr.", "U.S.", "F."), so a sentence ends after a token of final punctuation (and the
closing quote marks or brackets after it) when the next token opens a sentence: a
capital, a digit or an opening mark. A line break always ends a sentence: headlines,
captions and list items stand on their own lines.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "。", "！", "？"})
_CLOSING = frozenset({'"', "”", "’", "'", "»", "«", ")", "]", "“"})
# spaCy's SENT_START array value for "not a sentence start" (-1 as an unsigned integer)
_NOT_START = numpy.array(-1).astype("uint64")
_OPENING = frozenset({'"', "“", "„", "«", "»", "‘", "'", "‚", "(", "[", "—", "–", "-"})


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark sentence starts on ``doc`` (in place) and return it."""
    # Written in one array: setting `token.is_sent_start` one token at a time makes spaCy
    # re-check the whole document's annotation each time (quadratic in its length).
    starts = numpy.full((len(doc), 1), _NOT_START, dtype="uint64")
    pending_end = False  # final punctuation seen; closing marks may still follow it
    line_break = False
    for token in doc:
        if token.i == 0:
            starts[0, 0] = 1
            continue
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            line_break = True
        if token.is_space:
            continue
        text = token.text
        closes = pending_end and text in _CLOSING and not previous.whitespace_
        if line_break or (pending_end and not closes and _opens_sentence(text)):
            starts[token.i, 0] = 1
        line_break = False
        pending_end = text in _FINAL or closes
    if len(doc):
        doc.from_array([SENT_START], starts)
    return doc


def _opens_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in _OPENING


def split_sentences(text: str, language: str | None = None) -> list[str]:
    """The sentences of a short text, for steps that run before the document's analysis."""
    from .pipelines import language_pipeline

    doc = set_sentence_starts(language_pipeline(language).make_doc(text))
    return [text[start:end] for start, end in sentence_offsets(doc)]


def sentence_offsets(doc: Doc) -> tuple[tuple[int, int], ...]:
    """(start, end) character offsets of each sentence, surrounding whitespace left out."""
    spans = []
    text = doc.text
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return tuple(spans)
