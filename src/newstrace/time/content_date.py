"""Stage: when a document's events happened, apart from when its page says it was published.

Evidence comes in two strengths. A date the text states outright ("9 January
2022") is *absolute*: it does not depend on the page date, so it can show that
the page date is years later (a republication). A relative expression ("on
Sunday") was resolved against the page date, so it can only ever agree with
it: it gives a content date but never settles `republished` either way.

`decide()` takes evidence from anywhere; the linking issue will pass evidence
from linked documents (an earlier copy's content date) through `linked=`,
which counts as absolute.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from ..analysis import analysis_of
from ..model import DateMention, Document
from .anchoring import Anchor, sentence_tense
from .tag_dates import page_anchor

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
# Quoted speech is in the speaker's time, not the reporter's: "today" in a
# transcript of an old interview is the interview day, not the page day.
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"\n]*\"?|„[^“”\n]*[“”]|«[^»]*»|‘[^’\n]{20,}’")


@dataclass(frozen=True, slots=True)
class Evidence:
    start: dt.date  # first day of the period the value names
    end: dt.date  # last day
    value: str
    basis: str
    absolute: bool
    source: str | None = None  # document id, for evidence from a linked document


def period(value: str) -> tuple[dt.date, dt.date] | None:
    try:
        if _DAY.match(value):
            day = dt.date.fromisoformat(value)
            return day, day
        if _MONTH.match(value):
            first = dt.date(int(value[:4]), int(value[5:7]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        week = _WEEK.match(value)
        if week:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            return monday, monday + dt.timedelta(days=6)
    except (ValueError, OverflowError):  # a period at the calendar's edge (9999-12)
        return None
    return None


def quoted_spans(body: str) -> list[tuple[int, int]]:
    return [match.span() for match in _QUOTED.finditer(body)]


def evidence_from_mentions(doc: Document) -> list[Evidence]:
    anchor = page_anchor(doc)
    quoted = quoted_spans(doc.body)
    header = _header_span(doc)
    found = []
    for mention in doc.date_mentions:
        if mention.kind != "date" or not mention.value:
            continue
        if any(s <= mention.start < e for s, e in quoted) or (header and header[0] <= mention.start < header[1]):
            continue
        span = period(mention.value)
        if span is None:
            continue
        if anchor is not None and anchor.precision == "day" and span[0] > anchor.date:
            continue  # what is still to come is not what the page reports
        if sentence_tense(doc.body, mention.start, mention.end, analysis_of(doc).sentence_at(mention.start)) == "future":
            continue
        words = _with_preposition(doc.body, mention)
        if mention.anchor is None:
            found.append(Evidence(*span, mention.value, f"the text says '{words}'", True))
        else:
            found.append(Evidence(*span, mention.value, f"anchored '{words}' to the page date {mention.anchor}", False))
    return found


def decide(evidence: Iterable[Evidence], page: Anchor | None, republication_days: int) -> tuple[str | None, str | None, bool | None]:
    """(content_date, basis, republished) from the evidence and the page date."""
    evidence = list(evidence)
    absolute = [e for e in evidence if e.absolute and _precise(e)]
    relative = [e for e in evidence if not e.absolute and _precise(e)]
    if absolute:
        # the most recent stated event is what the page reports; a day beats a month
        chosen = max(absolute, key=lambda e: (e.end, e.start == e.end))
    elif relative:
        chosen = max(relative, key=lambda e: (e.start == e.end, e.end))
    else:
        return None, None, None
    republished: bool | None = None
    basis = chosen.basis
    if page is not None:
        # A fact whenever both dates are known: a page stated a day after its events is
        # no republication. Against a page date known only to the month or year, only a
        # period that starts well after the events says anything ("republished"); else
        # it stays unknown.
        page_start = page.date  # first day of the page's stated period
        gap = (page_start - chosen.end).days
        if gap > republication_days:
            republished = True
            basis += f"; the page date {page.text} is {gap} days later"
        elif page.precision == "day":
            republished = False
    return chosen.value, basis, republished


def infer_content_date(doc: Document, republication_days: int, linked: Iterable[Evidence] = ()) -> Document:
    evidence = evidence_from_mentions(doc) + list(linked)
    doc.content_date, doc.content_date_basis, doc.republished = decide(evidence, page_anchor(doc), republication_days)
    return doc


def _precise(evidence: Evidence) -> bool:
    return (evidence.end - evidence.start).days < 31


def _with_preposition(body: str, mention: DateMention) -> str:
    before = re.search(r"\b(on|in|am|im|at|since|seit|last|this)\s+$", body[max(0, mention.start - 8) : mention.start], re.I)
    return (before.group(0) if before else "") + mention.text


def _header_span(doc: Document) -> tuple[int, int] | None:
    """The page's own date line, if the cleaner left it in the body: not evidence of content."""
    if doc.published_text and doc.published_text in doc.body:
        start = doc.body.index(doc.published_text)
        return start, start + len(doc.published_text)
    return None


class ContentDate:
    name: ClassVar[str] = "content_date"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "analysis", "date_mentions"})
    adds: ClassVar[frozenset[str]] = frozenset({"content_date", "content_date_basis", "republished"})

    def __init__(self, republication_days: int = 30):
        self.republication_days = republication_days

    def run(self, doc: Document) -> Document:
        return infer_content_date(doc, self.republication_days)
