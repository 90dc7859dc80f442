"""A clean body as HTML with its quotes and date mentions marked.

The body is untrusted text: every piece of it goes through `markupsafe.escape`,
and the only markup is the marks written here. Spans come from the stored
offsets; a span that crosses another's edge is left unmarked rather than
producing broken nesting.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import DateMention, Quote


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    opening: Markup
    closing: Markup


def quote_span(quote: Quote, *, family_url: str) -> Span:
    speaker = quote.speaker or "speaker unknown"
    label = escape(f"{speaker} ({quote.kind})")
    opening = Markup(
        '<a class="quote quote-{kind}" href="{family}" title="{label}" data-speaker="{speaker}">'
    ).format(kind=quote.kind, family=family_url, label=label, speaker=speaker)
    return Span(quote.start, quote.end, opening, Markup("</a>"))


def date_span(mention: DateMention) -> Span:
    value = mention.value or ""
    opening = Markup('<time class="date-mention" datetime="{value}" title="{title}">').format(
        value=value, title=f"{mention.kind}: {value or 'unresolved'}"
    )
    return Span(mention.start, mention.end, opening, Markup("</time>"))


def marked_paragraphs(body: str, spans: list[Span]) -> list[Markup]:
    """The body's paragraphs (blank-line separated) as escaped HTML with the spans marked;
    a span running over a paragraph break is marked in each paragraph it covers."""
    paragraphs: list[Markup] = []
    start = 0
    for text in body.split("\n\n"):
        end = start + len(text)
        inside = [
            Span(max(s.start, start) - start, min(s.end, end) - start, s.opening, s.closing)
            for s in spans
            if s.start < end and s.end > start
        ]
        if text.strip():
            paragraphs.append(_marked(text, _nested(inside, len(text))))
        start = end + 2
    return paragraphs


def _marked(text: str, spans: list[Span]) -> Markup:
    out: list[str] = []
    stack: list[Span] = []
    at = 0
    for span in spans:  # sorted by start, outer first
        while stack and stack[-1].end <= span.start:
            closing = stack.pop()
            out += [escape(text[at : closing.end]), closing.closing]
            at = closing.end
        out += [escape(text[at : span.start]), span.opening]
        at = span.start
        stack.append(span)
    while stack:
        closing = stack.pop()
        out += [escape(text[at : closing.end]), closing.closing]
        at = closing.end
    out.append(escape(text[at:]))
    return Markup("".join(out))


def _nested(spans: list[Span], length: int) -> list[Span]:
    """The spans that nest properly, the longer first where two start together."""
    accepted: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not 0 <= span.start < span.end <= length:
            continue
        if all(span.end <= other.start or span.start >= other.end or (other.start <= span.start and span.end <= other.end)
               for other in accepted):  # fmt: skip
            accepted.append(span)
    return accepted
