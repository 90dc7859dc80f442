"""Rules for the periods of company reports: "the latest period", "the year-ago
period", "year-earlier profit".

Business news compares a reported period with the same period a year before.
With no quarter named, the period just reported is the quarter before the
anchor's, as "the quarter" is in `relative_rules.quarter`; when the text has
named a quarter, `combine.follow_reference_quarter` puts these on it.
"""

from __future__ import annotations

import re

from .anchoring import quarter_value
from .lexicon import fold, token_forms
from .registry import Context, Result, Rules

RULES = Rules()


def _reported_quarter(ctx: Context, years_back: int) -> Result:
    anchor = ctx.anchor
    if anchor is None or not anchor.knows("month"):
        return "date", None, True
    index = anchor.date.year * 4 + (anchor.date.month - 1) // 3 - 1 - 4 * years_back
    return "date", quarter_value(index // 4, index % 4 + 1), True


@RULES.add(
    r"\bthe\s+(?P<rel>latest|most recent|year-earlier|year-ago|year-before)\s+period\b", near=token_forms(["period"])
)
def report_period(m: re.Match[str], ctx: Context) -> Result:
    return _reported_quarter(ctx, 0 if fold(m["rel"]) in ("latest", "most recent") else 1)


@RULES.add(r"\byear-(?:earlier|ago)(?![-\w])", near=token_forms(["year"]))
def year_earlier(m: re.Match[str], ctx: Context) -> Result:
    """'year-earlier profit': the reported period a year before. Without a
    quarter named in the text, only the year is known."""
    if re.match(r"\s+(?:quarter|period|third|second|first|fourth|nine|six|half)\b", ctx.after(12), re.I):
        return None  # a longer rule takes the whole phrase
    anchor = ctx.anchor
    if anchor is None:
        return "date", None, True
    return "date", f"{anchor.date.year - 1:04d}", True
