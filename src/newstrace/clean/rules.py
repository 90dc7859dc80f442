"""The cleaner's passes after the header zone: markers, lists, repetition.

Each pass reads the lines and the labels so far (`reasons`: line index ->
reason) and adds labels; none removes a label. Lines are never looked at
with anything dearer than a regex, so a page costs time linear in its length.
The last pass, lines out of place in the body, is in `strays`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from ..analysis.sentences import split_sentences
from .datelines import is_date_line, looks_like_date_line
from .markers import line_marker, list_heading
from .shapes import (
    dominant_script,
    ends_sentence,
    is_foreign_script,
    is_paragraph_shaped,
    is_relative_age,
    is_truncated,
    line_key,
    word_count,
)

Reasons = dict[int, str]
# Line index -> (the text kept, the text removed) for a line cut in part.
Trims = dict[int, tuple[str, str]]

_OPENING_QUOTE = re.compile(r"^[\"“”„«‘'‹]")
# "Name:" or, mistyped, 'Name"' on a line of its own before an answer.
_SPEAKER_LABEL = re.compile(r"^[^\W\d][^\"“”:]{1,80}[:\"“”]$")
_LONE_CREDIT = re.compile(r"^(?:published|posted|written|edited|photos?)\s+by\s*:?$", re.IGNORECASE)
# A sentence runs to . ! ? (and any closing quote) before a capital, a quote or the end.
_MIN_DUPLICATE_WORDS = 8
_LEDE_WINDOW = 4
_MIN_LEDE_SENTENCE_WORDS = 6
# Hard-wrapped text is wrapped at 60-80 columns; short lines are a list.
_MIN_WRAP_WIDTH = 40


def is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Prose wrapped at a fixed width: most lines run on into a lower-case next line."""
    if len(lines) < 3 or sum(len(line) for line in lines[:-1]) < _MIN_WRAP_WIDTH * (len(lines) - 1):
        return False
    run_ons = sum(
        1 for line, following in pairwise(lines) if not ends_sentence(line) and following[:1].islower()
    )
    return run_ons >= 0.5 * (len(lines) - 1)


def is_speaker_label(texts: Sequence[str], i: int) -> bool:
    """An interview label ("Jonas Eck:") whose answer follows on the next line."""
    text = texts[i].strip()
    if word_count(text) > 10 or not _SPEAKER_LABEL.match(text):
        return False
    following = texts[i + 1].strip() if i + 1 < len(texts) else ""
    return bool(_OPENING_QUOTE.match(following)) or text.endswith(":")


def mark_markers(texts: Sequence[str], reasons: Reasons, tail: int) -> list[int]:
    """Label lines that say what they are; return the list headings found.

    A line that is only a date is page metadata in the header zone (labelled
    there) and after the article (`tail` on); between paragraphs it may be
    the article's own, so it stays.
    """
    headings: list[int] = []
    for i, text in enumerate(texts):
        if i in reasons:
            continue
        heading = list_heading(text)
        if heading is not None:
            reasons[i] = heading
            headings.append(i)
            continue
        marker = line_marker(text)
        if marker is not None:
            reasons[i] = marker
            # "Published by" on its own line: the name is on the next one.
            if _LONE_CREDIT.match(text.strip()) and i + 1 < len(texts) and word_count(texts[i + 1]) <= 4:
                reasons.setdefault(i + 1, marker)
        elif is_relative_age(text):
            reasons[i] = "teaser"
        elif i >= tail and looks_like_date_line(text) and is_date_line(text):
            reasons[i] = "dateline"
    return headings


def _list_item_reason(text: str, default: str, page_script: str | None, site_keys: set[str]) -> str:
    if is_foreign_script(text, page_script):
        return "spam"
    if is_truncated(text) or is_relative_age(text) or looks_like_date_line(text):
        return "teaser"
    if line_key(text) in site_keys:
        return "footer"
    return default


def sweep_lists(texts: Sequence[str], reasons: Reasons, headings: list[int], site_keys: set[str]) -> None:
    """After a list heading, everything up to the next running prose is the list."""
    page_script = dominant_script(" ".join(texts))
    for heading in headings:
        default = reasons[heading]
        i = heading + 1
        while i < len(texts):
            if i not in reasons:
                if is_paragraph_shaped(texts[i]) or is_speaker_label(texts, i):
                    break
                reasons[i] = _list_item_reason(texts[i], default, page_script, site_keys)
            i += 1


def sentences(text: str) -> list[str]:
    # Cleaning runs before the language is known: the multi-language tokenizer and the
    # abbreviations of every language file split the lede (`newstrace.analysis`).
    return split_sentences(text.strip())


def mark_repetition(texts: Sequence[str], reasons: Reasons, title_keys: set[str]) -> None:
    """The title again, and the article again.

    Single repeated paragraphs stay: templates repeat them on purpose (the
    same question to each interviewee, the same line in each recipe). A run
    of repeated prose is the page printing the article twice.
    """
    first_seen: dict[str, int] = {}
    repeats: list[int] = []
    for i, text in enumerate(texts):
        key = line_key(text)
        if i in reasons or not key:
            continue
        if key in title_keys:
            reasons[i] = "duplicate-title"
        elif key in first_seen and len(key.split()) >= _MIN_DUPLICATE_WORDS and is_paragraph_shaped(text):
            repeats.append(i)
        first_seen.setdefault(key, i)
    repeated = set(repeats)
    for i in repeats:
        if i - 1 in repeated or i + 1 in repeated:
            reasons[i] = "duplicate-paragraph"


def _share_a_run(words: list[str], others: list[str], length: int) -> bool:
    """Whether `length` consecutive words of one list stand consecutively in the other.

    A sentence's words are a run of its paragraph's (sentences end at punctuation or a
    line break, never inside a word), so a lede sharing no such run with the next
    paragraph has no sentence of `length` words or more that it repeats."""
    runs = {tuple(others[i : i + length]) for i in range(len(others) - length + 1)}
    return any(tuple(words[i : i + length]) in runs for i in range(len(words) - length + 1))


def mark_repeated_lede(texts: Sequence[str], reasons: Reasons, trims: Trims, start: int) -> None:
    """A summary above the article whose sentences the next paragraph repeats.

    The repeated sentences go (the article's paragraph, which goes on, keeps
    them); what the summary adds is kept, so the content stays, once.
    """
    kept = [i for i in range(start, len(texts)) if i not in reasons and is_paragraph_shaped(texts[i])]
    for lede, following in pairwise(kept[: _LEDE_WINDOW + 1]):
        following_words = line_key(texts[following]).split()
        if not _share_a_run(line_key(texts[lede]).split(), following_words, _MIN_LEDE_SENTENCE_WORDS):
            continue  # no sentence of the lede can be in the next paragraph: not split into sentences
        following_key = f" {' '.join(following_words)} "
        parts = sentences(texts[lede])
        repeated = [
            part
            for part in parts
            if len(line_key(part).split()) >= _MIN_LEDE_SENTENCE_WORDS
            and f" {line_key(part)} " in following_key
        ]
        if not repeated:
            continue
        rest = [part for part in parts if part not in repeated]
        if rest:
            trims[lede] = (" ".join(rest), " ".join(repeated))
        else:
            reasons[lede] = "duplicate-paragraph"
        return
