"""Find spans enclosed in quotation marks, whatever the typography.

News text mixes curly, straight, German („…“, »…«) and French («…») marks,
closes curly openers with straight marks, and continues a quotation over
several paragraphs with only an opening mark on each. No library pairs marks
this way on raw prose, so the scanner lives here. It decides whether a mark
opens or closes from the characters around it, not from its glyph alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DOUBLE_MARKS = frozenset('“”"„«»‟')
SINGLE_MARKS = frozenset("‘’'‚‹›")
# A mark opens after these (or whitespace); it closes before these (or whitespace).
_OPEN_AFTER = frozenset("([{—–-/:;,")
_CLOSE_BEFORE = frozenset(".,;:!?)]}—–-…")
_DOUBLE_RE = re.compile("[" + "".join(sorted(DOUBLE_MARKS)) + "]")
_SINGLE_RE = re.compile("[" + "".join(sorted(SINGLE_MARKS)) + "]")
PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_MAX_SINGLE_CHARS = 300


@dataclass(slots=True)
class QuotedSpan:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph's last character)
    closed: bool
    paragraphs: int = 1


_TWIN_APOSTROPHES_RE = re.compile(r"(?<!')''(?!')")


def scan_text(body: str) -> str:
    """`body` with NYT-style twin apostrophes (''…'') written as one double mark
    and a space, same length, so offsets carry over: an opener becomes ` "`, a
    closer `" `. Quote rules read this text; records take their words from `body`."""
    if "''" not in body:
        return body
    chars = list(body)
    for match in _TWIN_APOSTROPHES_RE.finditer(body):
        i = match.start()
        prev = body[i - 1] if i > 0 else "\n"
        nxt = body[i + 2] if i + 2 < len(body) else "\n"
        opener = not (nxt.isspace() or nxt in _CLOSE_BEFORE) and (prev.isspace() or prev in "([{—–-/:")
        chars[i : i + 2] = [" ", '"'] if opener else ['"', " "]
    return "".join(chars)


def widen(body: str, start: int, end: int) -> tuple[int, int]:
    """Take back the other half of twin apostrophes cut by `scan_text`."""
    if start > 0 and body[start - 1 : start + 1] == "''":
        start -= 1
    if body[end - 1 : end + 1] == "''":
        end += 1
    return start, end


@lru_cache(maxsize=64)
def paragraphs(body: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph: text runs separated by blank lines."""
    spans = []
    for match in PARAGRAPH_RE.finditer(body):
        text = match.group()
        if text.strip():
            lead = len(text) - len(text.lstrip())
            spans.append((match.start() + lead, match.start() + len(text.rstrip())))
    return tuple(spans)


def _can_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if nxt.isspace():
        return False
    if text[i] in "„‚":
        return True
    return prev.isspace() or prev in _OPEN_AFTER or prev in DOUBLE_MARKS or prev in SINGLE_MARKS


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if text[i] in "„‚":
        return False
    if prev.isspace():
        # `… aggression. “` at the end of a paragraph: a mistyped closer.
        return nxt == "\n" or i + 1 == len(text)
    return nxt.isspace() or nxt in _CLOSE_BEFORE or nxt in DOUBLE_MARKS or nxt in SINGLE_MARKS


def _is_apostrophe(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isalnum() and nxt.isalnum()


def find_double_quoted(body: str) -> list[QuotedSpan]:
    """Spans in double (or guillemet) marks, continued across paragraphs when the
    next paragraph reopens without the previous one having closed."""
    spans: list[QuotedSpan] = []
    paras = paragraphs(body)
    open_at: int | None = None
    count = 1
    for index, (p_start, p_end) in enumerate(paras):
        skip_first = open_at is not None  # continuation: the reopening mark is not a new quote
        for mark in _DOUBLE_RE.finditer(body, p_start, p_end):
            i = mark.start()
            if skip_first and i == p_start:
                continue
            if open_at is None:
                if _can_open(body, i):
                    open_at = i
                    count = 1
            elif _can_close(body, i):
                spans.append(QuotedSpan(open_at, i + 1, True, count))
                open_at = None
            elif _can_open(body, i):
                open_at = i  # an opener while open: the earlier mark was stray
        if open_at is not None:
            nxt = paras[index + 1] if index + 1 < len(paras) else None
            if nxt is not None and body[nxt[0]] in DOUBLE_MARKS and _can_open(body, nxt[0]):
                count += 1
                continue
            spans.append(QuotedSpan(open_at, p_end, False, count))
            open_at = None
    return spans


def find_single_quoted(body: str, inside: list[QuotedSpan]) -> list[QuotedSpan]:
    """Spans in single marks that lie outside every double-quoted span
    (single marks inside double ones are nested quotations, or apostrophes)."""
    covered = [(s.start, s.end) for s in inside]
    spans: list[QuotedSpan] = []
    for p_start, p_end in paragraphs(body):
        open_at: int | None = None
        for mark in _SINGLE_RE.finditer(body, p_start, p_end):
            i = mark.start()
            if _is_apostrophe(body, i):
                continue
            if any(s <= i < e for s, e in covered):
                continue
            if open_at is None:
                if _can_open(body, i) and not (i > 0 and body[i - 1].isalnum()):
                    open_at = i
            elif _can_close(body, i) and i - open_at <= _MAX_SINGLE_CHARS:
                spans.append(QuotedSpan(open_at, i + 1, True))
                open_at = None
    return spans
