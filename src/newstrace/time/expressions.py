"""Find temporal expressions in English and German text and give each a TIMEX3 value.

Finding is ours (regexes over the words in `lexicon`): dateparser parses a
string it is handed but does not find one in running text, and it has no idea
of news conventions. Parsing the absolute dates we find (month names in either
language, numeric orders) is dateparser's, behind a cache.

`find_expressions(text, anchor, analysis)` -> [Expression]: non-overlapping, in text
order; the longest reading wins where rules overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from . import calendar_rules, day_rules, duration_rules, named_rules, relative_rules, report_rules
from .anchoring import Anchor
from .combine import attach_clock_to_day, follow_reference_quarter, order_coordinated_weekdays
from .registry import DIGITS, Context, Expression, Handler, Result

if TYPE_CHECKING:
    from ..analysis import Analysis

_RULES = [*calendar_rules.RULES, *day_rules.RULES, *relative_rules.RULES, *duration_rules.RULES, *named_rules.RULES, *report_rules.RULES]
parse_absolute = calendar_rules.parse_absolute

__all__ = ["Expression", "find_expressions", "parse_absolute"]


# How far an expression reaches from the word its rule needs, either way, at most: the
# longest written ("the end of the past", "this coming") take a third of it.
_REACH_CHARS = 80
_DIGITS_RE = re.compile(r"\d+")


def _spans_near(analysis: Analysis, words: frozenset[str], length: int) -> list[tuple[int, int]]:
    """The stretches of text a rule needing one of `words` is tried in: around each token
    holding one, as far either way as an expression reaches from its word, merged. Every
    match of such a rule holds one of its words, so it lies inside a stretch, and a
    stretch reaches far enough past its words for what a pattern checks after a match.

    Most of a text names no month and no unit of time: the rules that need one scan a
    tenth of it or less (regular expressions cost the length they scan, not what they find)."""
    offsets = analysis.offsets_of(words)
    if DIGITS in words:
        offsets = sorted([*offsets, *(m.start() for m in _DIGITS_RE.finditer(analysis.body))])
    spans: list[tuple[int, int]] = []
    for offset in offsets:
        start, end = max(0, offset - _REACH_CHARS), min(length, offset + _REACH_CHARS)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _apply(handler: Handler, match: re.Match[str], ctx: Context) -> Result:
    """A rule's reading, or no value where the calendar cannot hold the date
    ("2000 years ago" against an early anchor, a shift past year 9999): the
    expression is still there, its value is not."""
    try:
        return handler(match, ctx)
    except (ValueError, OverflowError) as error:
        if "out of range" not in str(error):
            raise
        return "date", None, True


def find_expressions(text: str, anchor: Anchor | None, analysis: Analysis | None = None) -> list[Expression]:
    """Every temporal expression in `text`, longest reading first, without overlaps.

    ``analysis`` is the text's (its sentences and words); without it the text is
    analysed here, for callers that hold a bare text."""
    if analysis is None:
        from ..analysis import analyse

        analysis = analyse(text, None, parse="none", names=False)
    found: list[Expression] = []
    spans_near: dict[frozenset[str], list[tuple[int, int]]] = {}
    for rule in _RULES:
        if rule.near is None:
            spans = [(0, len(text))]
        else:
            if rule.near not in spans_near:
                spans_near[rule.near] = _spans_near(analysis, rule.near, len(text))
            spans = spans_near[rule.near]
        for span_start, span_end in spans:
            for match in rule.pattern.finditer(text, span_start, span_end):
                start, end = match.span()
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1] in " ,-":
                    end -= 1
                if end <= start:
                    continue
                result = _apply(rule.handler, match, Context(text, anchor, start, end, analysis.sentence_at(start)))
                if result is None:
                    continue
                kind, value, relative = result
                found.append(Expression(start, end, kind, value, relative, rule.name))
    found.sort(key=lambda e: (-(e.end - e.start), e.start))
    kept: list[Expression] = []
    # What is kept never overlaps, so ordered by start it is ordered by end too, and only
    # the last kept span starting before an expression's end can overlap it.
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    for expression in found:
        before = bisect_left(taken_starts, expression.end)
        if before and taken_ends[before - 1] > expression.start:
            continue
        kept.append(expression)
        taken_starts.insert(before, expression.start)
        taken_ends.insert(before, expression.end)
    kept.sort(key=lambda e: e.start)
    follow_reference_quarter(kept)
    order_coordinated_weekdays(text, kept)
    return attach_clock_to_day(text, kept)
