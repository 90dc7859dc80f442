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

from spacy.tokens import Doc

_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "。", "！", "？"})
_CLOSING = frozenset({'"', "”", "’", "'", "»", "«", ")", "]", "“"})
_OPENING = frozenset({'"', "“", "„", "«", "»", "‘", "'", "‚", "(", "[", "—", "–", "-"})


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark sentence starts on ``doc`` (in place) and return it."""
    pending_end = False  # final punctuation seen; closing marks may still follow it
    line_break = False
    for token in doc:
        if token.i == 0:
            token.is_sent_start = True
            continue
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            line_break = True
        if token.is_space:
            token.is_sent_start = False
            continue
        text = token.text
        closes = pending_end and text in _CLOSING and not previous.whitespace_
        token.is_sent_start = line_break or (pending_end and not closes and _opens_sentence(text))
        line_break = False
        pending_end = text in _FINAL or closes
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
