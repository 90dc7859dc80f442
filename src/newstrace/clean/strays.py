"""The cleaner's last pass: lines that do not belong where they stand.

  injected headlines  a Title Case (or capitals) headline without a full stop
                      between two paragraphs: a link to another story
  picture credits     a bare name ending a paragraph's block ("...on Monday.\\nNordpress")
  spam                a line in another writing system than the page's
  stubs               short unpunctuated lines after the last paragraph

Plain text gets all four. Extractor output only the capitals headlines: an
extractor keeps Title Case subheadings on purpose, and has cut footers already.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .rules import Reasons, is_speaker_label
from .shapes import (
    dominant_script,
    ends_sentence,
    is_foreign_script,
    is_headline_shaped,
    is_paragraph_shaped,
    is_title_case,
    is_truncated,
    word_count,
)

_OPENING_QUOTE = re.compile(r"^[\"“”„«‘'‹]")
_ENUMERATED = re.compile(r"^\s*(?:\d+|[IVX]+|[a-z])[.)]\s")
_MIN_SHOUTED_WORDS = 7
_MIN_INJECTED_WORDS = 6
_MAX_STUB_WORDS = 8
_MAX_CREDIT_WORDS = 3


def _is_shouted(text: str) -> bool:
    """A headline in capitals: at least 7 words, not a numbered heading or a table row."""
    letters = [c for c in text if c.isalpha()]
    return (
        word_count(text) >= _MIN_SHOUTED_WORDS
        and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
        and not _ENUMERATED.match(text)
        and text.count("|") < 2
    )


def _is_trailing_credit(texts: Sequence[str], blocks: Sequence[int], i: int) -> bool:
    """A name of one to three words ending a paragraph's block: a picture credit.

    "...on Monday.\\nNordpress" is what a photo caption leaves when the picture
    is gone; subheadings open the block they head instead.
    """
    text = texts[i].strip()
    return (
        0 < i
        and blocks[i - 1] == blocks[i]
        and (i + 1 == len(texts) or blocks[i + 1] != blocks[i])
        and is_paragraph_shaped(texts[i - 1])
        and word_count(text) <= _MAX_CREDIT_WORDS
        and not ends_sentence(text)
        and text[:1].isupper()
        and not any(c.isdigit() for c in text)
    )


def mark_strays(
    texts: Sequence[str], blocks: Sequence[int], reasons: Reasons, start: int, guess: bool
) -> None:
    """Headlines and picture credits in the body, foreign-script lines, stubs after the article."""
    prose = [i for i in range(start, len(texts)) if i not in reasons and is_paragraph_shaped(texts[i])]
    if not prose:
        return
    first_prose, last_prose = prose[0], prose[-1]
    page_script = dominant_script(" ".join(texts[i] for i in prose))
    for i in range(start, len(texts)):
        text = texts[i]
        if i in reasons or is_speaker_label(texts, i):
            continue
        inside = first_prose < i < last_prose
        headline = is_headline_shaped(text) and not text.rstrip().endswith(":")
        # Capitalised questions are a style of subheading ("WHO IS THE FRONT-RUNNER?").
        if inside and headline and _is_shouted(text) and not text.rstrip().endswith("?"):
            reasons[i] = "injected-headline"
        elif (
            guess
            and inside
            and headline
            and word_count(text) >= _MIN_INJECTED_WORDS
            and is_title_case(text, min_words=5)
        ):
            reasons[i] = "injected-headline"
        elif guess and inside and _is_trailing_credit(texts, blocks, i):
            reasons[i] = "credit"
        elif guess and is_foreign_script(text, page_script):
            reasons[i] = "spam"
    if guess:
        _mark_stubs(texts, reasons, last_prose)


def _mark_stubs(texts: Sequence[str], reasons: Reasons, last_prose: int) -> None:
    """Short lines after the last paragraph (the site's name, "Comments"): the page's footer.

    Only for plain text: in extractor output such lines are as often the
    article's last list items, and trafilatura has cut the footer already.
    """
    for i in range(len(texts) - 1, last_prose, -1):
        if i in reasons:
            continue
        text = texts[i].strip()
        if (
            word_count(text) > _MAX_STUB_WORDS
            or (ends_sentence(text) and not is_truncated(text))
            or _OPENING_QUOTE.match(text)
            or is_speaker_label(texts, i)
        ):
            break
        reasons[i] = "footer"
