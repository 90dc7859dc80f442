"""Reported speech read from the dependency parse: the cue is a verb of saying, the
source its subject (or, for "… and says …", the subject of the verb it is coordinated
with), the content its clausal complement ("Wilson told the paper on Saturday that he
cast his ballot", "Adelson said on Friday he met Trump").

Used where the sentence patterns of `reported` find nothing, for languages with a
trained parser (see `newstrace.analysis`). Verbs of belief ("think", "hope") without a
speech act are not quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang import resources
from .reported import Reported

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..analysis import Analysis, ParsedSentence

_SUBJECTS = ("nsubj",)
_COMPLEMENTS = ("ccomp",)
_TRAILING = " .,;:\n"


def find_parsed(analysis: Analysis, body: str, start: int, end: int) -> Reported | None:
    """The first verb of saying in body[start:end] with a subject and a clausal complement."""
    found = find_parsed_all(analysis, body, start, end)
    return found[0] if found else None


def find_parsed_all(
    analysis: Analysis, body: str, start: int, end: int, outside: list[tuple[int, int]] | None = None
) -> list[Reported]:
    """Every verb of saying in body[start:end] with a subject and a clausal complement, in
    order, whose content does not overlap `outside` (attributions found otherwise) nor
    an earlier one of these."""
    sentence = analysis.sentence_index(start)
    if not analysis.parses or not analysis.is_cue_sentence(sentence):
        return []  # no parser, or no verb of saying: nothing to parse for
    parsed = analysis.parsed(sentence)
    if parsed is None:
        return []
    words = resources(analysis.language)
    cues = words.speech_verb_lemmas - words.belief_verb_lemmas
    taken = list(outside or [])
    found: list[Reported] = []
    for token in parsed.doc:
        # the form too: a headline's "Says" may keep its capital in the lemma
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma in words.belief_verb_lemmas:
            continue
        if lemma not in cues and token.lower_ not in words.speech_verbs:
            continue
        complement = next((c for c in token.children if c.dep_ in _COMPLEMENTS), None)
        subject = _subject(token)
        if complement is None or subject is None:
            continue
        c_start, c_end = _span(parsed, _content_start(complement), complement.right_edge)
        speaker = _span(parsed, subject.left_edge, subject)
        if not (start <= c_start and c_end <= end and start <= speaker[0]):
            continue
        while c_end > c_start and body[c_end - 1] in _TRAILING:
            c_end -= 1
        if c_end <= c_start or any(s < c_end and c_start < e for s, e in taken):
            continue
        taken.append((c_start, c_end))
        found.append(Reported([(c_start, c_end)], parsed.span(token), speaker))
    return found


def _content_start(complement: Token) -> Token:
    """Where the reported clause begins: its "that", else its subject: a time or place the
    parser hung on the clause ("on Saturday the pier would reopen") belongs to the report."""
    for dep in ("mark", "nsubj", "nsubjpass", "expl"):
        child = next((c for c in complement.children if c.dep_ == dep), None)
        if child is not None and child.i < complement.i:
            return child.left_edge
    return complement.left_edge


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or for a coordinated verb ("survived … and says …") the first
    verb's."""
    found = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if found is None and verb.dep_ == "conj":
        found = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    if found is not None and found.pos_ == "PRON" and found.lower_ in ("it", "this", "that"):
        return None  # "it said" about a document is left to the rules
    return found


def _span(parsed: ParsedSentence, first: Token, last: Token) -> tuple[int, int]:
    return parsed.span(first)[0], parsed.span(last)[1]
