"""Language knowledge as data: one TOML file per language, loaded once.

Each ``<code>.toml`` beside this module holds the words stages need for that language
(speech verbs, titles, role nouns, month names, abbreviations, ...). Stages ask for the
document's language with `resources(doc.language)`; a language without a file gets an
empty set of resources, so adding French means adding ``fr.toml`` (and a model), not
editing stages. `union(name)` is for rules that still read every language at once.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from pathlib import Path

from wordfreq import available_languages, zipf_frequency

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class LanguageResources:
    """What the stages know about one language. Every field is optional in the file."""

    code: str
    # tokenizer: abbreviations whose period does not end a sentence
    abbreviations: frozenset[str] = frozenset()
    # attribution: verbs of saying (forms as written, and lemmas), multi-word cues as
    # regular-expression fragments, and the small words around a cue
    speech_verbs: frozenset[str] = frozenset()
    speech_verb_lemmas: frozenset[str] = frozenset()
    # lemmas among those that state a belief or a plan, not a speech act ("think", "hope")
    belief_verb_lemmas: frozenset[str] = frozenset()
    # forms of the verbs that put a question ("asked"): the quotation after a question is
    # its answer, someone else's
    question_verbs: frozenset[str] = frozenset()
    # pronouns that stand for whom something is said or put to ("asked him")
    object_pronouns: frozenset[str] = frozenset()
    speech_phrases: tuple[str, ...] = ()
    # "media quoted X as saying": regular expressions whose group `speaker` is who speaks
    quoted_as_phrases: tuple[str, ...] = ()
    # what a text cites without being a speaker ("…, court documents say"): the words
    # reported in it are the speaker's inside them ("X told investigators …")
    document_nouns: frozenset[str] = frozenset()
    aux_words: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    person_pronouns: frozenset[str] = frozenset()
    # gender: pronouns (all cases) and words in a role or title that mark one
    male_pronouns: frozenset[str] = frozenset()
    female_pronouns: frozenset[str] = frozenset()
    male_words: frozenset[str] = frozenset()
    female_words: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    # the word that joins two people ("X and Y said")
    conjunctions: frozenset[str] = frozenset()
    # the word that marks an infinitive ("to comment")
    infinitive_markers: frozenset[str] = frozenset()
    # determiners that introduce someone new ("a spokesman"): never a person named before
    indefinite_determiners: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    role_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    # names: titles in front of a name, those that mark a person, lowercase role nouns,
    # words that make a name an organisation or a place, and capitalised non-names
    titles: frozenset[str] = frozenset()
    person_titles: frozenset[str] = frozenset()
    role_nouns: frozenset[str] = frozenset()
    # titles that are no role ("Mr."), and words that qualify a role without being one
    # ("Former"): a role made only of these says nothing about the person
    # whether every noun is capitalised (German): then capitals alone do not mark a name
    nouns_capitalised: bool = False
    # endings that make a compound word a title ("Außenministerin", "Präsidentensprecher")
    title_endings: tuple[str, ...] = ()
    nationalities: frozenset[str] = frozenset()
    # prepositions that put a place after them ("in Vienna", "aus Wien")
    place_prepositions: frozenset[str] = frozenset()
    # prepositions that join a role to whom it is held for ("the leader of the party")
    role_prepositions: frozenset[str] = frozenset()
    courtesy_titles: frozenset[str] = frozenset()
    role_qualifiers: frozenset[str] = frozenset()
    organisation_words: frozenset[str] = frozenset()
    # lowercase nouns that put an organisation's name after them ("state operator Ostragaz")
    organisation_nouns: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    not_name_words: frozenset[str] = frozenset()
    # bylines: labels in front of a name ("Article by", "Autor:") and words after it that
    # say something else ("Last Updated", "Tech Reporter", "Reviewed by")
    byline_labels: frozenset[str] = frozenset()
    # a newsroom's collective byline ends in one of these: "Podium Staff", "The Currency editors"
    byline_groups: frozenset[str] = frozenset()
    byline_stops: frozenset[str] = frozenset()
    # page kinds: what error pages, script-only stubs and paywalls say (lowercase phrases)
    error_phrases: tuple[str, ...] = ()
    script_notices: tuple[str, ...] = ()
    paywall_phrases: tuple[str, ...] = ()
    # calendar words, lowercase, with their numbers (ISO weekdays: Monday = 1)
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    # PostgreSQL's text search configuration for the language (its stemmer and stop
    # words); None where PostgreSQL has none
    text_search_config: str | None = None


def _words(value: object) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(value.split())
    if isinstance(value, list):
        return frozenset(w for item in value for w in str(item).split())
    raise TypeError(f"expected a string or a list of strings, got {type(value).__name__}")


@lru_cache(maxsize=32)
def resources(code: str | None) -> LanguageResources:
    """The resources of language ``code``; empty for a language without a data file."""
    path = HERE / f"{code}.toml"
    if not code or not path.is_file():
        return LanguageResources(code or "")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    known = {item.name for item in fields(LanguageResources)} - {"code"}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"{path.name}: unknown resources {sorted(unknown)}")
    values: dict[str, object] = {}
    for name, value in data.items():
        if name in ("months", "weekdays"):
            values[name] = {str(k): int(v) for k, v in value.items()}
        elif name == "role_synonyms":
            values[name] = {str(k): _words(v) for k, v in value.items()}
        elif name == "nouns_capitalised":
            values[name] = bool(value)
        elif name == "text_search_config":
            values[name] = str(value)
        elif name in ("speech_phrases", "quoted_as_phrases", "error_phrases", "script_notices", "paywall_phrases"):
            values[name] = tuple(value)
        elif name == "title_endings":
            values[name] = tuple(sorted(_words(value)))
        else:
            values[name] = _words(value)
    return LanguageResources(code, **values)


def caseless(word: str) -> str:
    """``word`` compared as a case-insensitive regular expression compares it: `re.I`
    folds case one character at a time ('İ' matches 'i', 'ſ' matches 's'), which
    `str.lower()` does not always undo."""
    out = []
    for char in word:
        folded = char.casefold()
        out.append(folded if len(folded) == 1 else char.lower()[0])
    return "".join(out)


def languages() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.toml"))


@lru_cache(maxsize=64)
def union(name: str) -> frozenset[str]:
    """One resource over every language with a data file, for rules not yet per language."""
    merged: set[str] = set()
    for code in languages():
        merged.update(getattr(resources(code), name))
    return frozenset(merged)


def word_frequency(word: str, language: str | None) -> float:
    """How common `word`, lowercased, is in running text of `language`, on wordfreq's Zipf
    scale (6 for "will", 4 for "households", 0 for a rare surname); 0 in a language
    wordfreq has no list for, where no word is known to be common."""
    return zipf_frequency(word.lower(), language) if language in _listed_languages() else 0.0


@cache
def _listed_languages() -> frozenset[str]:
    return frozenset(available_languages())
