"""Find the cue and the speaker mention next to a quotation, in its own words.

The signal is positional: a reporting verb right after the quote with its
subject ("…,” Marovic replied), inverted ("…,” said the official), or a
subject and verb before it in the same sentence ("he underlined that “…”"),
or at the end of the previous paragraph ("He said:"). The subject is the
clause between the last boundary and the verb, accepted only if it looks like
a noun phrase (pronoun, determiner, capitalised name, source noun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analysis import Analysis
from .german_np import ADVERB_ENDINGS, TOPIC_WORDS, noun_phrase, written_source
from .lexicon import CUE_RE
from .subjects import PASSIVE_RE, subject_after, subject_before

_ACCORDING_RE = re.compile(
    r"\b(?:[Aa]ccording to|[Ll]aut|[Nn]ach (?:den Worten|Ansicht|Angaben|Aussagen|Meinung|Auffassung|"
    r"Einschätzung)(?: von| vom| des| der)?)\s+"
)
_GERMAN_SO_RE = re.compile(r"[\s,]*(?P<word>so|laut)\s+")


@dataclass(slots=True)
class Attribution:
    cue_span: tuple[int, int] | None
    speaker_span: tuple[int, int] | None


def after_quote(body: str, end: int, hi: int, analysis: Analysis) -> Attribution | None:
    """`,” Marovic replied` / `,” said the official` / `„…“, so der Minister`."""
    window_end = min(hi, end + 160)
    limit = analysis.next_sentence_end(end, window_end) or window_end
    for mark in '“”"„«»':
        cut = body.find(mark, end, limit)
        if cut != -1:
            limit = cut
    cue = CUE_RE.search(body, end, limit)
    if cue is None:
        so = _GERMAN_SO_RE.match(body, end, limit)
        if so:
            speaker = subject_after(body, so.end(), limit)
            if speaker:
                return Attribution(so.span("word"), speaker)
        return None
    subject = subject_after(body, cue.end(), limit)
    if subject and body[end : cue.start()].strip(" ,—–-\n") == "":
        return Attribution(cue.span(), subject)
    subject = subject_before(body, end, cue.start())
    if subject:
        return Attribution(cue.span(), subject)
    return None


def before_quote(body: str, lo: int, start: int, first: bool = False) -> Attribution | None:
    """The last (or `first`) `subject cue` in body[lo:start]: `he underlined that “…”`,
    `X said: „…“`. The first suits a fragment inside reported speech, whose main
    verb comes first ("he went on to say that the US considered … “unacceptable”")."""
    according = None
    for match in _ACCORDING_RE.finditer(body, lo, start):
        according = match
    best: Attribution | None = None
    for cue in CUE_RE.finditer(body, lo, start):
        if PASSIVE_RE.search(body, max(lo, cue.start() - 8), cue.start()):
            continue  # "is expected to", "was told": not the subject speaking
        subject = subject_before(body, lo, cue.start())
        if subject is None and body[lo : cue.start()].strip(" ,:") == "":
            subject = subject_after(body, cue.end(), start)  # "Dazu sagte der Minister: „…“"
        if subject is None and cue.group().endswith("ing"):
            subject = _clause_subject(body, lo, cue.start())  # "X published …, suggesting “…”"
        if subject:
            best = Attribution(cue.span(), subject)
            if first:
                break
    if best is None and according is not None:
        subject = subject_after(body, according.end(), start)
        if subject:
            best = Attribution((according.start(), according.end() - 1), subject)
    return best


def cue_later_in_sentence(body: str, end: int, hi: int, analysis: Analysis) -> Attribution | None:
    """A `subject cue` anywhere after the quote in its sentence, outside other quotes:
    "“would prefer …” with Kastrel, but has made clear “…,” Marovic has said."."""
    _, stop = analysis.sentence_bounds(end, hi, end)
    inside = False
    for i in range(end, stop):
        if body[i] in '“”"„«»':
            inside = not inside
        elif not inside and body[i].isalpha() and (i == 0 or not body[i - 1].isalnum()):
            cue = CUE_RE.match(body, i)
            if cue:
                subject = subject_before(body, end, cue.start())
                if subject:
                    return Attribution(cue.span(), subject)
    return None


def _clause_subject(body: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The first name in the sentence, as the subject of a participle cue."""
    from ..entities.names import find_names  # entities sit above quotes; imported late

    names = find_names(body[lo:hi])
    return (lo + names[0].start, lo + names[0].end) if names else None


def german_clause_subject(body: str, lo: int, hi: int) -> Attribution | None:
    """The subject opening a German clause that quotes words without a verb of
    saying ("Die Organisation feierte das Urteil als „großen Erfolg“")."""
    words = body[lo:hi].split()
    if len(words) < 2 or words[0].lower() in TOPIC_WORDS or words[0].lower().endswith(ADVERB_ENDINGS):
        return None
    if words[0] in {"Er", "Sie", "Wir", "Ich"}:
        return Attribution(None, (lo, lo + len(words[0])))
    span = noun_phrase(body, lo, hi)
    return Attribution(None, span) if span else None


def written_frame(body: str, found: Attribution, lo: int, hi: int, analysis: Analysis) -> Attribution:
    """ "heißt es in dem Antrag": the document speaks, not "es"."""
    cue, speaker = found.cue_span, found.speaker_span
    if (
        cue
        and speaker
        and body[cue[0] : cue[1]] in ("heißt", "hieß")
        and body[speaker[0] : speaker[1]] == "es"
    ):
        _, sent_end = analysis.sentence_bounds(lo, hi, cue[0])
        source = written_source(body, lo, sent_end)
        if source:
            return Attribution(cue, source)
    return found
