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

from .lexicon import iter_cues
from .subjects import PASSIVE_RE, subject_after, subject_before

_THAT_RE = re.compile(r"\bthat\b")
_CLAUSE_SUBJECTS = frozenset("he she they it we i you there this".split())
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
    return sum(body[start:at].count(m) for m in _MARKS) % 2 == 1


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


def find_reported(body: str, s: int, e: int) -> Reported | None:
    found = _according(body, s, e)
    if found:
        return found
    cues = [cue for cue in iter_cues(body, s, e) if not _inside_quote(body, s, cue.start())]
    if len(cues) > 1:
        # "Content with a verb of its own ("has asked"), he said.": the attribution that
        # closes the sentence governs all of it, the verbs inside are its content
        closing = _attribution(body, s, e, cues[-1])
        if closing is not None and closing.pieces and closing.pieces[0][0] == s and closing.cue[0] > s:
            return closing
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
            return None
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
