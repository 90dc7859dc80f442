"""German reported speech: the frames that name a source without a verb of
saying ("laut X", "nach Angaben X", "X zufolge", "…, so X."), "Wie X
mitteilte, …", and free indirect speech: a sentence in Konjunktiv I ("sei",
"habe", "könne") that carries on the reported speech of the sentence before.

The content is the sentence with the frame cut out (one or two pieces), as
the German Wikinews quotation data marks it. German nouns are capitalised, so
a source noun phrase runs over articles, capitalised words and the adjectives
before them, and ends at the first other lowercase word (usually the verb).
"""

from __future__ import annotations

import re

from .german_np import noun_phrase
from .reported import Reported

_FRAME_START_RE = re.compile(
    r"(?:(?<=\s)|^)(?:[Ll]aut|[Nn]ach (?:(?:den |eigenen |ersten |offiziellen |bisherigen )?"
    r"(?:Angaben|Aussagen|Informationen|Meinung|Ansicht|Einschätzung|Schätzungen|Berichten)"
    r"(?: von| vom)?)|[Gg]emäß)\s+"
)
_ZUFOLGE_RE = re.compile(r"\s+zufolge\b")
_SO_RE = re.compile(r",\s+so\s+")
_WIE_RE = re.compile(r"^Wie\s+")
# Finite verbs in Konjunktiv I (and the forms news uses for it): the mark of reported speech.
KONJUNKTIV_RE = re.compile(
    r"\b(?:sei|seien|seiest|habe|könne|könnten|werde|müsse|solle|wolle|dürfe|gebe|bestehe|liege|gehe|"
    r"komme|stehe|wisse|bleibe|fehle|handle|brauche|wäre|wären|hätten)\b"
)
def _cut(s: int, e: int, frame: tuple[int, int]) -> list[tuple[int, int]]:
    return [(a, b) for a, b in ((s, frame[0]), (frame[1], e)) if b - a > 3]


def find_german(body: str, s: int, e: int) -> Reported | None:
    frame = _FRAME_START_RE.search(body, s, e)
    if frame:
        speaker = noun_phrase(body, frame.end(), e)
        if speaker:
            cue = (frame.start(), frame.start() + len(frame.group().split()[0]))
            return Reported(_cut(s, e, (frame.start(), speaker[1])), cue, speaker)
    zufolge = _ZUFOLGE_RE.search(body, s, e)
    if zufolge:
        left = max(body.rfind(",", s, zufolge.start()) + 1, s)
        while body[left].isspace():
            left += 1
        speaker = (left, zufolge.start())
        if (speaker[1] > speaker[0] and body[left].isupper()) or body[left : left + 4] in ("dem ", "der "):
            return Reported(_cut(s, e, (left, zufolge.end())), (zufolge.start() + 1, zufolge.end()), speaker)
    so = _SO_RE.search(body, s, e)
    if so:
        speaker = noun_phrase(body, so.end(), e)
        if (speaker and body[speaker[1] : e].strip(' .,“”"') == "") or (speaker and body[speaker[1]] == ","):
            return Reported(_cut(s, e, (so.start(), speaker[1])), (so.end() - 3, so.end() - 1), speaker)
    wie = _WIE_RE.match(body[s:e])
    if wie:
        comma = body.find(",", s, e)
        speaker = noun_phrase(body, s + wie.end(), comma if comma != -1 else e)
        if comma != -1 and speaker:
            cue_words = body[speaker[1] : comma].split()
            if cue_words:
                cue_start = body.index(cue_words[0], speaker[1])
                return Reported([(comma + 1, e)], (cue_start, comma), speaker)
    return None
