"""Reported (indirect) speech: "X said that …", "…, X said.", "according to X, …",
"X told Reuters on Friday that …", "…, X said, …", German "X sagte, …" /
"…, so X." / "laut X …". The sentence patterns live in `reported`.

A sentence mostly inside a direct quotation is left to the direct stage;
quoted fragments inside the content stay as their own `fragment` records.
A content interrupted by its attribution is one record per piece, later
pieces `part_of` the first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from ..ids import derive_id
from ..model import ARTICLE_KINDS, Document, Quote
from ..spans import SpanIndex
from .german import KONJUNKTIV_RE, find_german
from .lexicon import INFINITIVE_MARKERS, SPEECH_LEMMAS
from .marks import paragraphs, scan_text, widen
from .parsed import find_parsed, find_parsed_all
from .reported import Reported, find_reported, object_then_that

if TYPE_CHECKING:
    from ..analysis import Analysis

_MIN_CONTENT_WORDS = 2
# At most this many words make "to comment on the new fees" an act of speech, not its words.
_MAX_ACT_WORDS = 6
_TRIM = " .,;:\n"


class FindIndirectQuotes:
    name: ClassVar[str] = "find_indirect_quotes"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "language", "analysis", "quotes"})
    adds: ClassVar[frozenset[str]] = frozenset({"quotes"})
    page_kinds: ClassVar[frozenset[str]] = ARTICLE_KINDS

    def run(self, doc: Document) -> Document:
        raw, body = doc.body, scan_text(doc.body)
        direct = SpanIndex((q.start, q.end) for q in doc.quotes if q.kind in ("direct", "interview"))
        attributed = [q for q in doc.quotes if q.speaker_span and q.cue_span]
        attributed_spans = SpanIndex((q.start, q.end) for q in attributed)
        german = doc.language == "de"
        analysis = doc.analysis
        sentences = [(s, e) for p_start, p_end in paragraphs(body) for s, e in analysis.sentence_spans(p_start, p_end)]
        read = {(s, e) for s, e in sentences if e - s >= 20 and not _covered(s, e, direct)}
        # What the rules find, before the parse: they read no parse, nor the quotes this
        # stage adds. (German attributions are all found by rules.)
        by_rules = {(s, e): self._by_rules(doc, body, s, e, german) for s, e in sorted(read)}
        if not german:
            analysis.parse_ahead(
                analysis.sentence_index(s) for (s, e), found in by_rules.items() if found is None or _another_cue(analysis, s)
            )
        last: Reported | None = None  # the attribution free indirect speech carries on
        for s, e in sentences:
            if (s, e) not in read:
                last = _attribution_of(attributed, attributed_spans, s, e) if e - s >= 20 else last
                continue
            found = by_rules[(s, e)]
            parsed = found is None and not german
            if parsed:
                found = find_parsed(analysis, body, s, e)
            if found is None and german and last and last.speaker and KONJUNKTIV_RE.search(body, s, e):
                found = Reported([(s, e)], last.cue, last.speaker)  # free indirect speech
            last = found
            if found is None:
                continue
            attributions = [found]
            if not german and found.pieces and (parsed or _another_cue(analysis, s)):
                # a second verb of saying in the same sentence ("X said …, and Y told …")
                attributions += find_parsed_all(analysis, body, s, e, outside=found.pieces)
            for attribution in attributions:
                self._add(doc, raw, body, attribution, direct)
        doc.quotes.sort(key=lambda q: q.start)
        return doc

    @staticmethod
    def _by_rules(doc: Document, body: str, s: int, e: int, german: bool) -> Reported | None:
        return (
            _labelled_line(doc, body, s, e)
            or (find_german(body, s, e) if german else None)
            or find_reported(body, s, e)
            or (None if german else _mixed(doc, body, s, e))
        )

    def _add(
        self, doc: Document, raw: str, body: str, found: Reported, direct: SpanIndex
    ) -> None:
        """One reported attribution as quote records (one per piece, later ones part of the first)."""
        pieces = []
        for c_start, c_end in found.pieces:
            while c_start < c_end and body[c_start] in _TRIM:
                c_start += 1
            while c_end > c_start and body[c_end - 1] in _TRIM:
                c_end -= 1
            if c_end > c_start:
                pieces.append(widen(raw, c_start, c_end))
        words = sum(len(body[a:b].split()) for a, b in pieces)
        if words < _MIN_CONTENT_WORDS or _covered(pieces[0][0], pieces[-1][1], direct):
            return
        if _speech_infinitive(body[pieces[0][0] : pieces[0][1]]):
            return  # "declined to comment on the fees", "refused to say when": no words reported
        first_id = None
        for c_start, c_end in pieces:
            quote = Quote(
                derive_id("q", doc.id, c_start, c_end),
                doc.id,
                raw[c_start:c_end],
                c_start,
                c_end,
                "indirect",
            )
            quote.part_of = first_id
            first_id = first_id or quote.id
            quote.cue_span, quote.cue = found.cue, raw[found.cue[0] : found.cue[1]]
            if found.speaker:
                quote.speaker_span = found.speaker
                quote.speaker_mention = raw[found.speaker[0] : found.speaker[1]]
            doc.quotes.append(quote)
        if found.speaker:
            # a quoted fragment inside the reported words is the same speaker's
            # ('X said farmers faced “near-unprecedented uncertainty”')
            for fragment in doc.quotes:
                inside = any(a <= fragment.start and fragment.end <= b for a, b in pieces)
                if fragment.kind == "fragment" and fragment.speaker_span is None and inside:
                    fragment.cue_span, fragment.cue = found.cue, raw[found.cue[0] : found.cue[1]]
                    fragment.speaker_span = found.speaker
                    fragment.speaker_mention = raw[found.speaker[0] : found.speaker[1]]


# "John McCain: Populist anger appeals to bad angels" — a headline or summary line that
# gives a named source its words after a colon, on the same line.
_LABELLED_LINE_RE = re.compile(r"([A-Z][^:\n]{1,60}?):[ \t]+(\S[^\n]*)")
_LABEL_MAX_WORDS = 6


def _labelled_line(doc: Document, body: str, s: int, e: int) -> Reported | None:
    """A line "Source: words" whose source holds a person or organisation the text names."""
    if s > 0 and body[s - 1] != "\n":
        return None
    match = _LABELLED_LINE_RE.match(body, s)
    if match is None or len(match.group(1).split()) > _LABEL_MAX_WORDS:
        return None
    label_start, label_end = match.span(1)
    kinds = {entity.id: entity.kind for entity in doc.entities}
    named = any(
        label_start <= m.start and m.end <= label_end and kinds.get(m.entity_id or "") in ("person", "organization")
        for m in doc.mentions
    )
    if not named:
        return None
    content_start, content_end = match.span(2)
    return Reported([(content_start, content_end)], (label_end, label_end + 1), (label_start, label_end))


def _speech_infinitive(content: str) -> bool:
    """Whether the content is a short infinitive of saying ("to comment on the fees"); a
    long one carries words ("continues to insist his tactics will be worth it")."""
    words = content.lower().split()
    return (
        2 <= len(words) <= _MAX_ACT_WORDS and words[0] in INFINITIVE_MARKERS and words[1] in SPEECH_LEMMAS
    )


def _mixed(doc: Document, body: str, s: int, e: int) -> Reported | None:
    """A quoted fragment whose reporting verb comes earlier in the sentence
    ("X called the plan “a disgrace”"): the reported clause runs from after the
    verb (or its "that") to the end of the sentence, the fragment inside it."""
    for quote in doc.quotes:
        if (
            quote.kind != "fragment"
            or not (s <= quote.start < e)
            or not quote.cue_span
            or not quote.speaker_span
        ):
            continue
        cue_start, cue_end = quote.cue_span
        if s <= cue_start and cue_end <= quote.start and quote.speaker_span[1] <= cue_start:
            that = object_then_that(body, cue_end, e)
            start = that.start() if that else cue_end
            return Reported([(start, e)], quote.cue_span, quote.speaker_span)
    return None


def _attribution_of(attributed: list[Quote], spans: SpanIndex, s: int, e: int) -> Reported | None:
    """The attribution of the (first) attributed quote over [s, e), for speech that carries on after it."""
    positions = [position for _, _, position in spans.overlapping(s, e)]
    if not positions:
        return None
    quote = attributed[min(positions)]
    assert quote.cue_span and quote.speaker_span
    return Reported([], quote.cue_span, quote.speaker_span)


def _another_cue(analysis: Analysis, start: int) -> bool:
    """Whether the sentence at `start` holds a second verb of saying, besides the one an
    attribution the rules found stands on ("X said …, and Y told …"): only then is its
    parse read for another."""
    return analysis.cue_count(analysis.sentence_index(start)) > 1


def _covered(start: int, end: int, spans: SpanIndex) -> bool:
    return spans.covered(start, end) > (end - start) / 2
