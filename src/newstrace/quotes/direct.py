"""Direct quotations and quoted fragments.

A quoted span is a direct quote when it reads as speech in its own right
(a capitalised clause opening its sentence, or several paragraphs long), a
fragment when it is a short phrase inside a reporting sentence, and neither
(dropped) when it is a scare quote, a title or a name: short, no reporting
verb near, or Title Case. German news puts quoted words in „…“, so there any
quoted phrase that is not a name is a fragment. A quotation interrupted by its
attribution ("…,” he said, “…”) becomes one record per piece, later pieces
`part_of` the first; a quote with no attribution of its own, right after a
quoted speaker with nothing said between, is that speaker going on. Marks are
read from `scan_text` (NYT-style ''…'' counts as a double mark).
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..analysis import Analysis
from ..ids import derive_id
from ..model import ARTICLE_KINDS, Document, Quote, QuoteKind
from .attribution import (
    Attribution,
    after_quote,
    before_quote,
    cue_later_in_sentence,
    german_clause_subject,
    written_frame,
)
from .carry import carried_on, lead_sentence, put_to_someone
from .lexicon import CUE_RE
from .marks import QuotedSpan, find_double_quoted, find_single_quoted, paragraphs, scan_text, widen

_WORD_RE = re.compile(r"[\w’'-]+")
_MINOR_WORDS = frozenset("a an the of for and or to in on at by with from is".split())
_NAME_LINKS = frozenset("of the and de del la el der die das und von für am im".split())
_ACCORDING_RE = re.compile(r"\b(?:[Aa]ccording to|[Ll]aut|zufolge)\b")
_NAME_COLON_RE = re.compile(r"(?:^|(?<=[\s]))(?P<name>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,4}):[ \t]*")
_SPLIT_GAP_CHARS = 160
_MIN_DIRECT_WORDS = 4
_MAX_SCARE_WORDS = 3
_MIN_FREE_WORDS = 4


def _inner(body: str, span: QuotedSpan) -> str:
    end = span.end - 1 if span.closed else span.end
    return body[span.start + 1 : end].strip(" ,\n")


def classify(body: str, span: QuotedSpan, para: tuple[int, int], analysis: Analysis) -> QuoteKind | None:
    inner = _inner(body, span)
    words = _WORD_RE.findall(inner)
    if not words:
        return None
    sent_start, _ = analysis.sentence_bounds(para[0], para[1], span.start)
    _, sent_end = analysis.sentence_bounds(para[0], para[1], max(span.start, span.end - 1))
    before, after = body[sent_start : span.start], body[span.end : sent_end]
    has_cue = bool(
        CUE_RE.search(before) or CUE_RE.search(after[:120]) or _ACCORDING_RE.search(before + after)
    )
    capital = inner[:1].isupper() or inner[:1].isdigit()
    opens = (
        before.strip() == ""
        or before.rstrip().endswith((":", "—", "–"))
        or (has_cue and before.rstrip().endswith(","))
    )
    title_like = len(words) >= 2 and all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words)
    if title_like and not has_cue and len(words) <= 8:
        return None
    # A name in quote marks ("„Die Welt“", "“MSNBC Live”"): capitalised words, no sentence marks.
    named = all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words) and len(words) <= 4
    if named and not any(c in inner for c in ".!?,:;"):
        return None
    if span.paragraphs > 1 or (opens and capital and len(words) >= 2):
        return "direct"
    if capital and len(words) >= 8 and has_cue:
        return "direct"
    if has_cue:
        return "fragment"
    if len(words) > _MAX_SCARE_WORDS + 3 or body[span.start] == "„":
        # German news puts quoted words, not only whole sentences, in „…“
        return "fragment"
    return None


def attribute(
    body: str,
    span: QuotedSpan,
    kind: QuoteKind,
    para: tuple[int, int],
    prev_para: tuple[int, int] | None,
    analysis: Analysis,
) -> Attribution | None:
    inner = _inner(body, span)
    sent_start, _ = analysis.sentence_bounds(para[0], para[1], span.start)
    if kind == "fragment":
        return (
            before_quote(body, sent_start, span.start, first=True)
            or after_quote(body, span.end, para[1], analysis)
            or cue_later_in_sentence(body, span.end, para[1], analysis)
            or (german_clause_subject(body, sent_start, span.start) if body[span.start] == "„" else None)
        )
    ends_sentence = inner.endswith((".", "!", "?", "…")) or body[span.end : span.end + 1] == "."
    tries = [
        lambda: after_quote(body, span.end, para[1], analysis) if not ends_sentence else None,
        lambda: before_quote(body, sent_start, span.start),
        lambda: after_quote(body, span.end, para[1], analysis) if ends_sentence else None,
    ]
    for attempt in tries:
        found = attempt()
        if found:
            return written_frame(body, found, sent_start, para[1], analysis)
    lead = body[sent_start : span.start].rstrip()
    if body[span.start] == "„" and lead.endswith(":"):
        # German capitalises every noun, so the clause subject, not the last capital, speaks
        found = german_clause_subject(body, sent_start, sent_start + len(lead) - 1)
        if found:
            return found
    # "Name: “…”" (headline style): the colon is the cue.
    colon = _NAME_COLON_RE.search(body, sent_start, span.start)
    if colon and colon.end() == span.start:
        return Attribution((colon.end("name"), colon.end("name") + 1), colon.span("name"))
    # "Marovic replied:" closing the previous paragraph introduces this one.
    if span.start == para[0] and prev_para and body[prev_para[1] - 1] == ":":
        start, _ = analysis.sentence_bounds(prev_para[0], prev_para[1], prev_para[1] - 1)
        return before_quote(body, start, prev_para[1])
    return None


class FindDirectQuotes:
    name: ClassVar[str] = "find_direct_quotes"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "analysis"})
    adds: ClassVar[frozenset[str]] = frozenset({"quotes"})
    page_kinds: ClassVar[frozenset[str]] = ARTICLE_KINDS

    def run(self, doc: Document) -> Document:
        raw, body = doc.body, scan_text(doc.body)
        taken = [(q.start, q.end) for q in doc.quotes]
        paras = paragraphs(body)
        double = find_double_quoted(body)
        spans = sorted(double + find_single_quoted(body, double), key=lambda s: s.start)
        previous: tuple[Quote, Attribution | None, QuotedSpan] | None = None
        kinds = {e.id: e.kind for e in doc.entities}
        persons = sorted((m.start, m.end) for m in doc.mentions if kinds.get(m.entity_id or "") == "person")
        for span in spans:
            if any(s <= span.start < e for s, e in taken):
                continue
            p_index = next(i for i, (s, e) in enumerate(paras) if s <= span.start < e)
            para = (paras[p_index][0], max(paras[p_index][1], span.end))
            continues = previous is not None and _continues(body, previous, span, para)
            kind = previous[0].kind if continues and previous else classify(body, span, para, doc.analysis)
            if kind is None:
                continue
            start, end = span.start, span.end
            while end > start and body[end - 1].isspace():
                end -= 1
            start, end = widen(raw, start, end)
            quote = Quote(derive_id("q", doc.id, start, end), doc.id, raw[start:end], start, end, kind)
            attribution = None
            if previous and continues:
                first, attribution, _ = previous
                quote.part_of = first.part_of or first.id
            else:
                prev_para = paras[p_index - 1] if p_index > 0 else None
                attribution = attribute(body, span, kind, para, prev_para, doc.analysis)
                if attribution is None and kind == "direct":
                    attribution = carried_on(body, previous, span, prev_para) or lead_sentence(
                        body, para, span, doc.analysis
                    )
            if kind == "fragment" and attribution is None and _name_like(raw[start:end]):
                continue  # a short quoted term nobody is said to have said: a name, a title
            attribution = _person_of_colon_lead(body, span, attribution, persons, doc.analysis) or attribution
            _apply(raw, quote, attribution)
            doc.quotes.append(quote)
            previous = (quote, attribution, span)
        doc.quotes.sort(key=lambda q: q.start)
        return doc


def _person_of_colon_lead(
    body: str,
    span: QuotedSpan,
    attribution: Attribution | None,
    persons: list[tuple[int, int]],
    analysis: Analysis,
) -> Attribution | None:
    """For a German quotation a sentence introduces with a colon ("…, Annette Widmann-Mauz, zum
    Ausdruck: „…“"), the person that sentence names, where the speaker found otherwise is
    no person: the words before a colon are the speaker's own sentence, and the capital
    nearest the colon is often a noun ("Ausdruck", "Worten")."""
    lead_end = span.start
    while lead_end > 0 and body[lead_end - 1].isspace():
        lead_end -= 1
    if lead_end == 0 or body[lead_end - 1] != ":" or body[span.start] != "„":
        return None  # German quotation marks: English rules read the clause before a colon
    if attribution is not None and attribution.speaker_span is not None:
        s, e = attribution.speaker_span
        if any(ps < e and s < pe for ps, pe in persons):
            return None  # the speaker found is a person already
    sentence_start, _ = analysis.sentence_at(lead_end - 1)
    named = [(s, e) for s, e in persons if sentence_start <= s and e <= lead_end]
    if len(named) != 1:
        return None  # nobody, or several people: the rules' choice stands
    cue = attribution.cue_span if attribution is not None else (lead_end - 1, lead_end)
    return Attribution(cue, named[0])


def _continues(
    body: str, previous: tuple[Quote, Attribution | None, QuotedSpan], span: QuotedSpan, para: tuple[int, int]
) -> bool:
    """Is `span` the second piece of a quotation interrupted by its attribution?"""
    first, attribution, first_span = previous
    if attribution is None or attribution.cue_span is None or first.kind != "direct":
        return False
    if not (para[0] <= first_span.start and first_span.end <= span.start):
        return False
    if span.start - first_span.end > _SPLIT_GAP_CHARS:
        return False
    gap_start, gap_end = first_span.end, span.start
    cue_start = attribution.cue_span[0]
    if not (gap_start <= cue_start < gap_end):
        return False
    if put_to_someone(body, attribution, first_span):
        return False  # '“But why?” a reporter asked him. “Because …”': the answer is another's
    gap = body[gap_start:gap_end]
    return not any(mark in gap for mark in '“”"„«»') and len(CUE_RE.findall(gap)) == 1 and first_span.closed


def _name_like(text: str) -> bool:
    words = _WORD_RE.findall(text)
    return len(words) < _MIN_FREE_WORDS or not any(w.islower() and len(w) > 3 for w in words)


def _apply(body: str, quote: Quote, attribution: Attribution | None) -> None:
    if attribution is None:
        return
    if attribution.cue_span:
        quote.cue_span = attribution.cue_span
        quote.cue = body[attribution.cue_span[0] : attribution.cue_span[1]]
    if attribution.speaker_span:
        quote.speaker_span = attribution.speaker_span
        quote.speaker_mention = body[attribution.speaker_span[0] : attribution.speaker_span[1]]
