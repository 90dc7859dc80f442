"""The attribution pattern of one sentence of reported speech.

Returns the content ranges (one, or two around a parenthetical "…, X said,
…"), the cue and the speaker mention, or None. The content is what the
reporting verb governs, as PolNeAR marks it: from "that" (kept) or the first
word after the verb and its object to the end of the sentence; or, when the
attribution closes the sentence ("…, X said." / "…, said the official."),
everything before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import DOCUMENT_NOUNS, QUOTED_AS_RES, iter_cues
from .subjects import PASSIVE_RE, subject_after, subject_before

_THAT_RE = re.compile(r"\bthat\b")
_CLAUSE_SUBJECTS = frozenset("he she they it we i you there this".split())
# an object of one to three lowercase words, then the reported clause's subject
_OBJECT_THEN_CLAUSE_RE = re.compile(
    r"\s+(?:[a-z][\w’'-]*\s+){1,3}?(" + "|".join(sorted(_CLAUSE_SUBJECTS - {"this", "it"})) + r")\s"
)
_ACCORDING_RE = re.compile(r"\b(?:[Aa]ccording to|[Ll]aut)\s+")
_SPEECH_OBJECT_CUES = frozenset(
    {"told", "tells", "telling", "assured", "assures", "warned", "urged", "reminded"}
)
_ADVERBIAL_RE = re.compile(
    r"\s*(?:in|on|at|during|after|before|while|aboard|from|with|to reporters|last|earlier|later|this|"
    r"yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_COMMA_RE = re.compile(r"[^,.;:“”\"]{0,80},\s*")
_RAISING_CUES = frozenset("seem seems seemed appear appears appeared".split())
_PASSIVE_RAISING_CUES = frozenset("expected believed thought".split())
# the agent of a passive cue: "was announced by the ministry"
_AGENT_RE = re.compile(r"\s+by\s+([^,.;:“”\"]{2,60}?)(?=\s+(?:on|in|at|that|last|this)\b|,)")
_CLOSING = "”\"’»«'"
_MARKS = '“”"„«»'


@dataclass(slots=True)
class Reported:
    pieces: list[tuple[int, int]]
    cue: tuple[int, int]
    speaker: tuple[int, int] | None  # none: a perception, not anyone's words ("seems")


def _lead_end(body: str, s: int, at: int) -> int | None:
    """End of the content before an attribution: the text must end with a comma
    (inside or outside closing marks): "Content," / "“Content,”"."""
    lead = body[s:at].rstrip()
    bare = lead.rstrip(_CLOSING)
    if not bare.endswith(","):
        return None
    return s + len(lead) if len(bare) < len(lead) else s + len(bare) - 1


def _inside_quote(body: str, start: int, at: int) -> bool:
    return sum(body.count(m, start, at) for m in _MARKS) % 2 == 1


def _according(body: str, s: int, e: int) -> Reported | None:
    according = _ACCORDING_RE.search(body, s, e)
    if not according:
        return None
    speaker = subject_after(body, according.end(), e)
    if not speaker:
        return None
    cue = (according.start(), according.end() - 1)
    comma = body.find(",", speaker[1], e)
    if according.start() - s < 3 and comma != -1:  # "According to X, content."
        return Reported([(comma + 1, e)], cue, speaker)
    if according.start() > s:  # "Content, according to X."
        return Reported([(s, according.start())], cue, speaker)
    return None


def _quoted_as(body: str, s: int, e: int) -> Reported | None:
    """"State media quoted Anatol Rusu as saying (that) …": Rusu speaks, the words follow."""
    for pattern in QUOTED_AS_RES:
        match = pattern.search(body, s, e)
        if match is None or _inside_quote(body, s, match.start()):
            continue
        speaker = subject_after(body, match.start("speaker"), match.end("speaker"))
        if speaker is None:
            continue
        start = match.end()
        that = object_then_that(body, start, e)
        return Reported([(that.end() - 4 if that else start, e)], match.span(), speaker)
    return None


# "…, he said.", "…, the ministry's spokeswoman told reporters on Monday.": a closing tag is short
_CLOSING_SPEAKER_WORDS = 6
_CLOSING_TAIL_WORDS = 5


def _closes_sentence(body: str, attribution: Reported | None, s: int, e: int) -> bool:
    """Whether `attribution` is a short tag closing the sentence and governing all before it."""
    if attribution is None or not attribution.pieces or attribution.pieces[0][0] != s or attribution.cue[0] <= s:
        return False
    speaker = attribution.speaker
    if speaker is None or len(body[speaker[0] : speaker[1]].split()) > _CLOSING_SPEAKER_WORDS:
        return False
    return len(body[attribution.cue[1] : e].split()) <= _CLOSING_TAIL_WORDS


def _cites_a_document(body: str, attribution: Reported) -> bool:
    """Whether the speaker is a document ("…, court documents say"): what it reports someone
    saying is that person's words, not the document's."""
    if attribution.speaker is None:
        return False
    words = body[attribution.speaker[0] : attribution.speaker[1]].split()
    return bool(words) and words[-1].lower() in DOCUMENT_NOUNS


def find_reported(body: str, s: int, e: int) -> Reported | None:
    found = _according(body, s, e) or _quoted_as(body, s, e)
    if found:
        return found
    cues = [cue for cue in iter_cues(body, s, e) if not _inside_quote(body, s, cue.start())]
    if len(cues) > 1:
        # "Content with a verb of its own ("has asked"), he said.": the attribution that
        # closes the sentence governs all of it, the verbs inside are its content; but in
        # "X told investigators …, documents say" X speaks
        closing = _attribution(body, s, e, cues[-1])
        if _closes_sentence(body, closing, s, e):
            if not _cites_a_document(body, closing):
                return closing
            e = closing.pieces[0][1]  # the words end where the document's attribution starts
            cues = [cue for cue in cues if cue.end() <= e]
    for cue in cues:
        found = _attribution(body, s, e, cue)
        if found is not None:
            return found
    return None


def _attribution(body: str, s: int, e: int, cue: re.Match[str]) -> Reported | None:
    """The attribution that `cue` makes of the sentence [s, e), or None."""
    passive = PASSIVE_RE.search(body, max(s, cue.start() - 8), cue.start())
    if passive:
        # "X is expected to win": what is expected is the content, nobody is named
        subject = (
            subject_before(body, s, passive.start()) if cue.group() in _PASSIVE_RAISING_CUES else None
        )
        if subject and body[cue.end() : cue.end() + 4] == " to ":
            return Reported([subject, (cue.end(), e)], cue.span(), None)
        # "It was announced on Monday that …", "… was said by the minister that …": the
        # clause is reported; the agent, if the text names one, speaks
        agent = _AGENT_RE.match(body, cue.end(), e)
        after = agent.end() if agent else cue.end()
        that = object_then_that(body, after, e)
        if that is not None and cue.group() not in _PASSIVE_RAISING_CUES:
            speaker = subject_after(body, agent.start(1), agent.end(1)) if agent else None
            return Reported([(that.end() - 4, e)], cue.span(), speaker)
        return None
    tail = body[cue.end() : e]
    speaker = subject_before(body, s, cue.start())
    if cue.group() in _RAISING_CUES:
        # "the plan appears to be failing": what appears is the content, nobody says it
        if speaker is None:
            return None
        return Reported([speaker, (cue.end(), e)], cue.span(), None)
    if speaker is None:
        after = subject_after(body, cue.end(), e)
        if after and speaker_closes(body, after[1], e):  # "…, said the official."
            lead = _lead_end(body, s, cue.start())
            if lead:
                return Reported([(s, lead)], cue.span(), after)
        return None
    if speaker[0] > s:
        lead = _lead_end(body, s, speaker[0])
        if lead and tail.strip(" .") == "":  # "Content, X said."
            return Reported([(s, lead)], cue.span(), speaker)
        if lead and tail.lstrip().startswith(","):  # "Content, X said, more content."
            rest = cue.end() + tail.index(",") + 1
            return Reported([(s, lead), (rest, e)], cue.span(), speaker)
        if tail.strip(" .") == "":
            return None
    start = max(cue.end(), speaker[1])  # after an inverted German subject too
    that = object_then_that(body, start, e)
    if cue.group() in _SPEECH_OBJECT_CUES:
        if that is None:
            # "told investigators he had never seen it": the clause opens at its subject
            clause = _OBJECT_THEN_CLAUSE_RE.match(body, start, e)
            if clause is None:
                return None
            return Reported([(clause.start(1), e)], cue.span(), speaker)
        start = that.end() - 4
    elif that:  # "said on Monday that …": the content starts at "that"
        start = that.end() - 4
    elif _ADVERBIAL_RE.match(body, start, e):
        # "said in an interview, …" / "said Wednesday on MSNBC." (content before)
        comma = _COMMA_RE.match(body, start, e)
        if comma:
            start = comma.end()
        else:
            lead = _lead_end(body, s, speaker[0]) if speaker[0] > s else None
            if lead is None:
                return None
            return Reported([(s, lead)], cue.span(), speaker)
    return Reported([(start, e)], cue.span(), speaker)


def object_then_that(body: str, start: int, e: int) -> re.Match[str] | None:
    """ "said that", "told reporters on Monday that": "that" after a few words
    that hold no clause of their own (no subject pronoun, no clause punctuation)."""
    that = _THAT_RE.search(body, start, min(e, start + 80))
    if that is None:
        return None
    between = body[start : that.start()]
    words = between.replace(",", " ").split()
    # "this" before a noun is its determiner ("told reporters this month that")
    subjects = {w.lower() for i, w in enumerate(words) if not (w.lower() == "this" and i + 1 < len(words))}
    if len(words) > 6 or any(c in between for c in '.;:“”"') or _CLAUSE_SUBJECTS & subjects:
        return None
    return that


def speaker_closes(body: str, at: int, e: int) -> bool:
    return body[at:e].strip(" .") == ""
