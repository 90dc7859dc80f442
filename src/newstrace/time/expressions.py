"""Find temporal expressions in English and German text and give each a TIMEX3 value.

Finding is ours (regexes over the words in `lexicon`): dateparser parses a
string it is handed but does not find one in running text, and it has no idea
of news conventions. Parsing the absolute dates we find (month names in either
language, numeric orders) is dateparser's, behind a cache.

`find_expressions(text, anchor)` -> [Expression]: non-overlapping, in text
order; the longest reading wins where rules overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from . import calendar_rules, day_rules, duration_rules, named_rules, relative_rules, report_rules
from .anchoring import Anchor
from .combine import attach_clock_to_day, follow_reference_quarter, order_coordinated_weekdays
from .registry import Context, Expression, Handler, Result

_RULES = [*calendar_rules.RULES, *day_rules.RULES, *relative_rules.RULES, *duration_rules.RULES, *named_rules.RULES, *report_rules.RULES]
parse_absolute = calendar_rules.parse_absolute

__all__ = ["Expression", "find_expressions", "parse_absolute"]


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


def find_expressions(
    text: str, anchor: Anchor | None, sentence_at: Callable[[int], tuple[int, int]] | None = None
) -> list[Expression]:
    """Every temporal expression in `text`, longest reading first, without overlaps.

    ``sentence_at`` gives the sentence around an offset (the analysis's); without it the
    text is split here, for callers that hold a bare text."""
    if sentence_at is None:
        from ..analysis import analyse

        sentence_at = analyse(text, None, parse="none", names=False).sentence_at
    found: list[Expression] = []
    for name, pattern, handler in _RULES:
        for match in pattern.finditer(text):
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1] in " ,-":
                end -= 1
            if end <= start:
                continue
            result = _apply(handler, match, Context(text, anchor, start, end, sentence_at(start)))
            if result is None:
                continue
            kind, value, relative = result
            found.append(Expression(start, end, kind, value, relative, name))
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
