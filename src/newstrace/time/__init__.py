"""When was it said: temporal expressions, their anchoring, content dates, quote dates.

Stages (see `newstrace.pipeline.build_pipeline`): `TagDates` (date mentions),
`ContentDate` (content date, republished), `DateQuotes` (said_on, venue; to
run after the quote stages).
"""

from __future__ import annotations

from .anchoring import Anchor
from .content_date import ContentDate, Evidence, decide, infer_content_date
from .expressions import Expression, find_expressions
from .quote_dates import DateQuotes, date_quotes
from .tag_dates import TagDates, tag_dates

__all__ = [
    "Anchor", "ContentDate", "DateQuotes", "Evidence", "Expression", "TagDates",
    "date_quotes", "decide", "find_expressions", "infer_content_date", "tag_dates",
]
