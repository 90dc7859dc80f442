"""Interview transcripts: speaker labels and the turns after them.

A label is a short capitalised name (with or without a role) ending in a colon, or in a
stray quote mark where a colon was mistyped ("Nadia Ferrant\""), either as a paragraph of
its own or opening the paragraph that holds the words ("Q: How long ...?", "OW: I was
...", "BLINKEN: We are ..."). Each turn, up to the next label, is one `interview` quote
for that label's speaker. A turn whose first paragraph opens with a quote mark ends
where that quotation closes, so that whatever follows the transcript is not taken for
an answer.

Labels that do not spell a name are resolved from the text: "Q" is the interviewer and
"A" the interviewee, as the introduction names them ("X spoke to Y", "an interview
with Y"); initials ("OW") are the person of the text with those initials. The speaker
then points at where the text names that person.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..entities.names import find_names
from ..ids import derive_id
from ..model import ARTICLE_KINDS, Document, Quote
from .lexicon import CUE_RE
from .marks import DOUBLE_MARKS, paragraphs

_LABEL_RE = re.compile(r"^(?P<label>[A-ZÀ-Þ][\w’'.-]*(?:[ \t]+[\w’'.-]+){0,8})[ \t]*[:\"”]$")
# A label opening the paragraph of its turn: at most four words before the colon.
_INLINE_LABEL_RE = re.compile(r"^(?P<label>[A-ZÀ-Þ][\w’'.-]*(?:[ \t]+[\w’'.-]+){0,3})[ \t]*:[ \t]+(?=\S)")
_QUESTION_LABELS = frozenset({"Q", "Question", "Frage", "F"})
_ANSWER_LABELS = frozenset({"A", "Answer", "Antwort"})
_GENERIC_LABELS = _QUESTION_LABELS | _ANSWER_LABELS
_INITIALS_RE = re.compile(r"[A-Z]{2,3}")
# "X spoke to Y", "X interviewed Y", "in an interview with Y": who asks and who answers.
_INTERVIEW_RE = re.compile(
    r"\b(?:spoke|talked|talks|speaks) (?:to|with)\b|\binterview(?:ed|s)?\b(?: with\b)?|\bsat down with\b"
)
_MIN_LABELS = 2
# A question-and-answer layout: at least this many question paragraphs with an answer after
_MIN_QUESTIONS = 3
# An article is an interview when its turns hold at least this share of the text.
_INTERVIEW_SHARE = 0.5
_MAX_QUESTION_WORDS = 60


def _is_label(text: str) -> re.Match[str] | None:
    match = _LABEL_RE.match(text)
    if match is None or CUE_RE.search(text):
        return None
    words = match.group("label").split()
    if any(
        w[:1].islower() and w not in {"of", "for", "the", "and", "de", "von", "van", "der"} for w in words
    ):
        return None
    return match


class FindInterviewTurns:
    name: ClassVar[str] = "find_interview_turns"
    needs: ClassVar[frozenset[str]] = frozenset({"body"})
    adds: ClassVar[frozenset[str]] = frozenset({"quotes", "page_kind"})
    page_kinds: ClassVar[frozenset[str]] = ARTICLE_KINDS

    def run(self, doc: Document) -> Document:
        body = doc.body
        paras = paragraphs(body)
        labels = [(i, m) for i, (s, e) in enumerate(paras) if (m := _is_label(body[s:e]))]
        inline = False
        if not _is_transcript(labels):
            labels = [(i, m) for i, (s, e) in enumerate(paras) if (m := _is_inline_label(body[s:e]))]
            inline = True
        if not _is_transcript(labels):
            return self._question_paragraphs(doc, paras)
        label_rows = {i for i, _ in labels}
        people = _people(doc)
        first_label = paras[labels[0][0]][0]
        roles = _interview_roles(body, people, first_label)
        for i, match in labels:
            turn = self._turn(body, paras, i, label_rows, match.end() if inline else None)
            if turn is None:
                continue
            label_start = paras[i][0]
            label = match.group("label")
            speaker = _label_speaker(label, label_start, people, roles)
            _add_turn(doc, turn, label, (label_start, label_start + len(label)), speaker)
        _mark_interview(doc)
        return doc

    @staticmethod
    def _question_paragraphs(doc: Document, paras: list[tuple[int, int]]) -> Document:
        """An interview laid out as question paragraphs (bold on the page, plain here), each
        followed by the answer's paragraphs, under an introduction that says who spoke to whom.
        Questions go to the interviewer (none where the outlet asks), answers to the
        interviewee; without an interviewee the layout is left alone."""
        body = doc.body
        questions = [i for i, (s, e) in enumerate(paras) if _is_question(body[s:e])]
        answered = [i for i in questions if i + 1 < len(paras) and i + 1 not in questions]
        if len(answered) < _MIN_QUESTIONS or questions[0] == 0:
            return doc
        roles = _interview_roles(body, _people(doc), paras[questions[0]][0])
        if "A" not in roles:
            return doc
        for n, i in enumerate(questions):
            upto = questions[n + 1] if n + 1 < len(questions) else len(paras)
            turns = [((paras[i][0], paras[i][1]), roles.get("Q"), "Q")]
            if i + 1 < upto:
                turns.append(((paras[i + 1][0], paras[upto - 1][1]), roles["A"], "A"))
            for span, speaker, label in turns:
                _add_turn(doc, span, label, None, speaker)
        _mark_interview(doc)
        return doc

    @staticmethod
    def _turn(
        body: str, paras: list[tuple[int, int]], label: int, label_rows: set[int], inline_at: int | None = None
    ) -> tuple[int, int] | None:
        if inline_at is not None:
            # the words follow the label in its own paragraph, and run on to the next label
            first = label
            start, end = paras[label][0] + inline_at, paras[label][1]
        else:
            first = label + 1
            if first >= len(paras) or first in label_rows:
                return None
            start, end = paras[first]
        quoted = body[start] in DOUBLE_MARKS
        if quoted and _closes(body, start, end):
            return start, end
        for j in range(first + 1, len(paras)):
            if j in label_rows:
                break
            end = paras[j][1]
            if quoted and _closes(body, paras[j][0], end):
                break
        return start, end


def _add_turn(
    doc: Document,
    span: tuple[int, int],
    label: str,
    label_span: tuple[int, int] | None,
    speaker: tuple[int, int] | None,
) -> None:
    """One turn as an `interview` quote, cued by its label, said by `speaker` where known."""
    start, end = span
    quote = Quote(derive_id("q", doc.id, start, end), doc.id, doc.body[start:end], start, end, "interview")
    quote.cue, quote.cue_span = label, label_span
    if speaker:
        quote.speaker_span = speaker
        quote.speaker_mention = doc.body[speaker[0] : speaker[1]]
    doc.quotes.append(quote)


def _mark_interview(doc: Document) -> None:
    """An article that is a transcript of turns is an interview (`page_kind`); its turns
    are put in text order."""
    doc.quotes.sort(key=lambda q: q.start)
    turns = [q for q in doc.quotes if q.kind == "interview"]
    covered = sum(q.end - q.start for q in turns)
    if doc.page_kind == "article" and len(turns) >= _MIN_LABELS and covered >= _INTERVIEW_SHARE * len(doc.body):
        doc.page_kind = "interview"  # the turns are most of the text, not a passage of it


def _is_question(paragraph: str) -> bool:
    """A paragraph that is one interviewer's question: it ends in a question mark, is not
    a quotation, and is short."""
    text = paragraph.strip()
    return (
        text.endswith("?")
        and text[:1] not in DOUBLE_MARKS
        and not any(mark in text for mark in DOUBLE_MARKS)
        and len(text.split()) <= _MAX_QUESTION_WORDS
    )


def _is_inline_label(text: str) -> re.Match[str] | None:
    match = _INLINE_LABEL_RE.match(text)
    if match is None or CUE_RE.search(match.group("label")):
        return None
    words = match.group("label").split()
    if any(w[:1].islower() and w not in {"of", "for", "the", "and", "de", "von", "van", "der"} for w in words):
        return None
    return match


def _is_transcript(labels: list[tuple[int, re.Match[str]]]) -> bool:
    """A lone "Name:" is a lead-in, not a transcript: two labels or more, at least one of
    them repeated or generic (Q/A)."""
    names = [m.group("label") for _, m in labels]
    return len(names) >= _MIN_LABELS and (len(set(names)) < len(names) or bool(set(names) & _GENERIC_LABELS))


def _people(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, name) of every person mention the entity stage found, in text order."""
    persons = {e.id: e.name for e in doc.entities if e.kind == "person"}
    return sorted((m.start, m.end, persons[m.entity_id]) for m in doc.mentions if m.entity_id in persons)


def _interview_roles(
    body: str, people: list[tuple[int, int, str]], before: int
) -> dict[str, tuple[int, int]]:
    """Where the introduction names the interviewer ("Q") and the interviewee ("A")."""
    # the last mention before the transcript: a title's "an interview" names nobody
    cues = list(_INTERVIEW_RE.finditer(body, 0, before))
    if not cues:
        return {}
    cue = cues[-1]
    asking = [p for p in people if p[1] <= cue.start()]
    # the interviewee is named after the cue, in its paragraph ("spoke to X about …")
    paragraph_end = body.find("\n", cue.end(), before)
    answering = [p for p in people if cue.end() <= p[0] < (before if paragraph_end == -1 else paragraph_end)]
    roles = {}
    if asking and not body[asking[-1][1] : cue.start()].strip(" ,.'’s").count(" ") > 3:
        roles["Q"] = asking[-1][:2]
    if answering:
        roles["A"] = answering[0][:2]
    return roles


def _label_speaker(
    label: str, label_start: int, people: list[tuple[int, int, str]], roles: dict[str, tuple[int, int]]
) -> tuple[int, int] | None:
    """Body offsets of the words that name the speaker of a label's turns."""
    if label in _QUESTION_LABELS:
        return roles.get("Q")
    if label in _ANSWER_LABELS:
        return roles.get("A")
    if _INITIALS_RE.fullmatch(label):
        matching = {name for _, _, name in people if "".join(w[0] for w in name.split()) == label}
        if len(matching) == 1:
            return next((s, e) for s, e, name in people if name in matching)
    if label.isupper() and " " not in label:
        # a broadcast transcript's "LINDQVIST:": the person of the text with that surname
        matching = {name for _, _, name in people if name.split()[-1].casefold() == label.casefold()}
        if len(matching) == 1:
            return next((s, e) for s, e, name in people if name in matching)
    named = find_names(label, skip_headlines=False)
    speaker = named[-1] if named else None
    return (label_start + speaker.start, label_start + speaker.end) if speaker else None


def _closes(body: str, start: int, end: int) -> bool:
    """Does the paragraph end a quotation (a closing mark after text)?"""
    return end - start > 1 and body[end - 1] in DOUBLE_MARKS and not body[end - 2].isspace()
