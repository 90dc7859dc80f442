"""Reported (indirect) speech: "X said that …", "…, X said.", "according to X, …",
"X told Reuters on Friday that …", German "X sagte, …" / "…, so X." / "laut X …".

The content is the clause the reporting verb governs, up to the end of the
sentence (it includes "that", as PolNeAR marks it). A sentence mostly inside
a direct quotation is left to the direct stage; quoted fragments inside the
content stay as their own `fragment` records.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..ids import derive_id
from ..model import Document, Quote
from .attribution import _PASSIVE_RE, subject_after, subject_before
from .lexicon import CUE_RE
from .marks import paragraphs

_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’»]?|$)", re.MULTILINE)
_OBJECT_THEN_THAT_RE = re.compile(r"[^,.;:“”\"]{0,60}?\bthat\b")
_ACCORDING_RE = re.compile(r"\b(?:[Aa]ccording to|[Ll]aut)\s+")
_MIN_CONTENT_WORDS = 4
_SPEECH_OBJECT_CUES = frozenset(
    {"told", "tells", "telling", "assured", "assures", "warned", "urged", "reminded"}
)


class FindIndirectQuotes:
    name: ClassVar[str] = "find_indirect_quotes"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "quotes"})
    adds: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def run(self, doc: Document) -> Document:
        body = doc.body
        direct = [(q.start, q.end) for q in doc.quotes if q.kind in ("direct", "interview")]
        for p_start, p_end in paragraphs(body):
            for sentence in _SENTENCE_RE.finditer(body, p_start, p_end):
                s, e = sentence.span()
                while s < e and body[s].isspace():
                    s += 1
                if e - s < 20 or _covered(s, e, direct):
                    continue
                found = self._sentence(body, s, e)
                if found is None:
                    continue
                (c_start, c_end), cue, speaker = found
                while c_end > c_start and body[c_end - 1] in " .,;:\n":
                    c_end -= 1
                if len(body[c_start:c_end].split()) < _MIN_CONTENT_WORDS or _covered(c_start, c_end, direct):
                    continue
                quote = Quote(
                    derive_id("q", doc.id, c_start, c_end),
                    doc.id,
                    body[c_start:c_end],
                    c_start,
                    c_end,
                    "indirect",
                )
                quote.cue_span, quote.cue = cue, body[cue[0] : cue[1]]
                quote.speaker_span, quote.speaker_mention = speaker, body[speaker[0] : speaker[1]]
                doc.quotes.append(quote)
        doc.quotes.sort(key=lambda q: q.start)
        return doc

    @staticmethod
    def _sentence(
        body: str, s: int, e: int
    ) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
        according = _ACCORDING_RE.search(body, s, e)
        if according:
            speaker = subject_after(body, according.end(), e)
            if speaker:
                cue = (according.start(), according.end() - 1)
                comma = body.find(",", speaker[1], e)
                if according.start() - s < 3 and comma != -1:  # "According to X, content."
                    return (comma + 1 + (body[comma + 1] == " "), e), cue, speaker
                if according.start() > s:  # "Content, according to X."
                    return (s, according.start()), cue, speaker
        for cue in CUE_RE.finditer(body, s, e):
            if _inside_quote(body, s, cue.start()) or _PASSIVE_RE.search(
                body, max(s, cue.start() - 8), cue.start()
            ):
                continue  # inside a quotation, or passive ("was asked", "is expected")
            speaker = subject_before(body, s, cue.start())
            if speaker is None:
                after = subject_after(body, cue.end(), e)
                # "…, said the official." closing the sentence: content is what came before
                if (
                    after
                    and body[s : cue.start()].rstrip().endswith(",")
                    and body[after[1] : e].strip(" .") == ""
                ):
                    return (s, cue.start()), cue.span(), after
                continue
            tail = body[cue.end() : e]
            if tail.strip(" .") == "" and speaker[0] > s:
                lead = body[s : speaker[0]].rstrip()
                if lead.endswith(","):  # "Content, X said."
                    return (s, s + len(lead) - 1), cue.span(), speaker
                continue
            start = cue.end()
            that = _OBJECT_THEN_THAT_RE.match(body, start, e)
            if cue.group() in _SPEECH_OBJECT_CUES:
                if that is None:
                    continue
                start = that.end() - 4
            elif that:  # "said on Monday that …": the content starts at "that"
                start = that.end() - 4
            while start < e and body[start] in " ,:":
                start += 1
            return (start, e), cue.span(), speaker
        return None


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return inside > (end - start) / 2


def _inside_quote(body: str, start: int, at: int) -> bool:
    return sum(body[start:at].count(m) for m in '“”"„«»') % 2 == 1
