"""A direct quote with no attribution of its own takes one from what came
just before it: the previous quote's speaker going on ("…,” Spencer said.
“…”), or a short sentence that names a speaker and a verb and stops
("Iowa State's Dianne Bystrom agreed. “…”"). PolNeAR and the German data
give such a quote the same source mention as the sentence before, so the
mention is carried, not re-resolved.
"""

from __future__ import annotations

import re

from ..analysis import Analysis
from ..lang import union
from .attribution import Attribution, before_quote
from .lexicon import CUE_RE, QUESTION_VERBS
from .marks import QuotedSpan

_CARRY_CHARS = 400
_MAX_LEAD_WORDS = 16
# '“…,” he told reporters on Friday. “…”': at most this many words close the previous quote
_MAX_CLOSING_WORDS = 8
_MARKS = '“”"„«»'


def carried_on(
    body: str,
    previous: tuple[object, Attribution | None, QuotedSpan] | None,
    span: QuotedSpan,
    prev_para: tuple[int, int] | None,
) -> Attribution | None:
    """The previous quote's speaker, when nothing else was said between (the
    previous quote's own attribution, in the gap, does not count)."""
    if previous is None:
        return None
    _, attribution, last = previous
    if attribution is None or attribution.speaker_span is None:
        return None
    if put_to_someone(body, attribution, last):
        return None  # '“But why?” a reporter asked him. “…”': the answer is someone else's
    near = last.end >= (prev_para[0] if prev_para else 0)
    if not near or span.start - last.end > _CARRY_CHARS:
        return None
    gap_start = last.end
    for part in (attribution.cue_span, attribution.speaker_span):
        if part and last.end <= part[0] and part[1] <= span.start:
            gap_start = max(gap_start, part[1])
    if CUE_RE.search(body, gap_start, span.start):
        # '“…,” he said. “…”': the previous quote's own short attribution, after it
        gap = body[gap_start : span.start]
        if len(gap.split()) <= _MAX_CLOSING_WORDS and len(CUE_RE.findall(gap)) == 1:
            closing = before_quote(body, gap_start, span.start)
            if closing is not None and closing.speaker_span is not None:
                return Attribution(None, closing.speaker_span)
        return None
    return Attribution(None, attribution.speaker_span)


def put_to_someone(body: str, attribution: Attribution, quote: QuotedSpan) -> bool:
    """Whether the quote is a question put to someone: it ends with a question mark, its verb
    puts a question, and someone is asked ("asked him", "asked the senator"). A speaker's own
    question ("“What do we have to lose?” he asked.") goes on in the next quotation."""
    cue = attribution.cue_span
    if cue is None or not body[quote.start : quote.end].rstrip(_MARKS + " ,").endswith("?"):
        return False
    if body[cue[0] : cue[1]].lower() not in QUESTION_VERBS:
        return False
    after = cue[1]
    speaker = attribution.speaker_span
    if speaker is not None and speaker[0] >= cue[1]:
        after = speaker[1]  # '“…?” asked a reporter': who asks comes first
    asked = _NEXT_WORD_RE.match(body, after)
    return asked is not None and (asked.group(1)[:1].isupper() or asked.group(1).lower() in _ASKED_WORDS)


# Words that open whom a question is put to: object pronouns and articles.
_ASKED_WORDS = union("object_pronouns") | union("articles")
_NEXT_WORD_RE = re.compile(r"[ \t]+([^\W\d_]+)")


def lead_sentence(body: str, para: tuple[int, int], span: QuotedSpan, analysis: Analysis) -> Attribution | None:
    """The short sentence right before a quote that opens its own sentence, in
    the same paragraph: "Bystrom agreed." / "He added." names the speaker."""
    before = None
    for s, e in analysis.sentence_spans(para[0], para[1]):
        if e > span.start:
            break
        before = (s, e)
    if before is None or body[before[1] : span.start].strip():
        return None
    s, e = before
    if any(m in body[s:e] for m in _MARKS) or len(body[s:e].split()) > _MAX_LEAD_WORDS:
        return None
    return before_quote(body, s, e)
