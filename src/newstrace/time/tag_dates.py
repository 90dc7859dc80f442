"""Stage: every temporal expression in the body, as a `DateMention` with its TIMEX3 value."""

from __future__ import annotations

from typing import ClassVar

from ..analysis import analysis_of
from ..ids import derive_id
from ..model import DateMention, Document
from .anchoring import Anchor
from .expressions import find_expressions


def page_anchor(doc: Document) -> Anchor | None:
    """The page's stated date at the precision the describe stages gave it."""
    anchor = Anchor.parse(doc.published)
    if anchor is None:
        return None
    precision = doc.published_precision
    if precision and not anchor.knows(precision):
        return anchor
    if precision and precision != anchor.precision:
        return Anchor(anchor.date, precision)
    return anchor


def tag_dates(doc: Document) -> list[DateMention]:
    anchor = page_anchor(doc)
    mentions = []
    for found in find_expressions(doc.body, anchor, analysis_of(doc)):
        mentions.append(
            DateMention(
                id=derive_id("t", doc.id, found.start, found.end),
                document_id=doc.id,
                text=doc.body[found.start : found.end],
                start=found.start,
                end=found.end,
                kind=found.kind,  # type: ignore[arg-type]
                value=found.value,
                anchor=anchor.text if found.relative and anchor is not None else None,
            )
        )
    return mentions


class TagDates:
    """Reads `published` (and its precision) when a describe stage has set it:
    relative expressions are anchored to it; without it they keep the value
    the text alone supports (XXXX-WXX-7, XXXX-06-16) or none."""

    name: ClassVar[str] = "tag_dates"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "analysis"})
    adds: ClassVar[frozenset[str]] = frozenset({"date_mentions"})

    def run(self, doc: Document) -> Document:
        doc.date_mentions = tag_dates(doc)
        return doc
