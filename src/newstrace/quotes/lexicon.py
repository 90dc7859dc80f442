"""Patterns that carry the signal for attribution, built from the language data
files (reporting verbs, pronouns, speaker nouns: see `newstrace.lang`).

No library ships a reporting-verb lexicon tuned for news attribution, so the lists
are written in the data files; they are deliberately general (no names, no outlets).
The rules here still read every language at once; stages that know the document's
language ask `newstrace.lang.resources` directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lang import languages, resources, union

# Reporting verbs in the forms news prose uses them, from the language data files
# (newstrace/lang/*.toml). "has said" etc. is handled by allowing auxiliaries before them.
GERMAN_CUE_WORDS = resources("de").speech_verbs
CUE_WORDS = union("speech_verbs")
_PHRASES = [phrase for code in languages() for phrase in resources(code).speech_phrases]

CUE_PATTERN = (
    r"(?:" + r"|".join(_PHRASES) + r"|" + r"|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r")"
)
# Not inside a hyphenated word ("so-called" reports nothing), and not a noun
# after a determiner or possessive ("his comments", "Trump's remarks").
_NOT_AFTER = "".join(
    rf"(?<!\b{w} )"
    for w in "the The a an his her their its our my your these those such no new recent latest previous past same other many some any".split()
)
CUE_RE = re.compile(r"(?<![\w-])" + _NOT_AFTER + r"(?<!['’]s )" + CUE_PATTERN + r"\b")

# First words of every cue: a sentence without one of them has no cue, which a
# set lookup tells faster than the cue pattern's long alternation.
def _first_words(phrase: str) -> set[str]:
    """The words a cue phrase can open with: "pointed out" -> pointed, "(?:was|were) quoted
    as saying" -> was, were."""
    if phrase.startswith("(?:"):
        return {alternative.split()[0] for alternative in phrase[3 : phrase.index(")")].split("|")}
    match = re.match(r"[^\W\d_]+", phrase)
    return {match.group()} if match else set()


_CUE_FIRST_WORDS = CUE_WORDS | frozenset(word for phrase in _PHRASES for word in _first_words(phrase)) | {"has"}
_WORD_TOKEN_RE = re.compile(r"[^\W\d_]+")


def iter_cues(body: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches `CUE_RE.finditer` gives, tried only where a cue's first word stands."""
    last_end = start
    for word in _WORD_TOKEN_RE.finditer(body, start, end):
        if word.start() >= last_end and word.group() in _CUE_FIRST_WORDS:
            cue = CUE_RE.match(body, word.start(), end)
            if cue:
                last_end = cue.end()
                yield cue


# Auxiliaries and adverbs allowed between a subject and its reporting verb:
# "Marovic has also said", "he later told".
AUX_WORDS = union("aux_words")
PERSON_PRONOUNS = union("person_pronouns")
PRONOUNS = union("pronouns")
DETERMINERS = union("determiners")
INDEFINITE_DETERMINERS = union("indefinite_determiners")
INFINITIVE_MARKERS = union("infinitive_markers")
SPEECH_LEMMAS = union("speech_verb_lemmas")
# Nouns that name a speaker without naming a person: "sources said".
SOURCE_NOUNS = union("source_nouns")
ROLE_PREPOSITIONS = union("role_prepositions")
# Words written with a period that ends no sentence ("Gen.", "Rev.", "Nr.").
ABBREVIATIONS = union("abbreviations")
QUESTION_VERBS = union("question_verbs")
DOCUMENT_NOUNS = union("document_nouns")
# "media quoted X as saying": each pattern's group `speaker` is who speaks.
QUOTED_AS_RES = tuple(re.compile(p) for code in languages() for p in resources(code).quoted_as_phrases)
# Role nouns and the roles they may stand for ("the top diplomat" ~ secretary of state).
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    noun: roles for code in languages() for noun, roles in resources(code).role_synonyms.items()
}

# Nationality/affiliation words that make a role incompatible with another's. A list,
# not a word shape: "-an" / "-i" endings also make surnames ("Eastman", "Stan", "Modi").
NATIONALITIES = union("nationalities")
