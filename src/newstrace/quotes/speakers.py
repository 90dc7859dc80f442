"""Resolve each quote's speaker mention to a canonical entity, with how sure that is.

Names resolve through the document's entities (surname -> full name). Pronouns ("he",
"er") go to the most recent person who spoke, else the most recent person named, whose
gender as the text gives it agrees; "who" to the name right before it. Role nouns ("the
top US diplomat", "the secretary", "der Staatsanwalt") go to the most recent person whose
known roles fit the noun and do not clash in nationality. A body the text names ("the
Kremlin", "the Afghan government") speaks as an organisation; a place the text writes as
a place ("in Moscow") is no speaker. Generic sources ("officials", "a source"), new
referents ("a spokesman"), groups, first persons and unresolvable mentions leave
`speaker` None with their words in `speaker_mention`: no guess. Each quote gets
`speaker_confidence` and `speaker_basis` (see `CONFIDENCE`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..entities.gender import Gender, person_genders, pronoun_gender
from ..entities.index import EntityIndex
from ..entities.recognised import NAME_PARTICLES
from ..entities.words import ORG_WORDS, PLACE_PREPOSITION_BEFORE_RE, ROLE_WORDS, TITLE_WORDS
from ..lang import resources, union, word_frequency
from ..model import ARTICLE_KINDS, Document, Entity, Mention, Quote
from .lexicon import (
    DETERMINERS,
    INDEFINITE_DETERMINERS,
    NATIONALITIES,
    PERSON_PRONOUNS,
    PRONOUNS,
    ROLE_PREPOSITIONS,
    ROLE_SYNONYMS,
    SOURCE_NOUNS,
)

if TYPE_CHECKING:
    from ..analysis import Analysis

_RECENT_SPEAKER_CHARS = 2500
# Nouns that name a body that speaks as one ("the government", "the agency").
ORGANISATION_NOUNS = frozenset(w.lower() for w in ORG_WORDS)
# Nouns that name a role someone in the text can hold ("the minister", "the spokesman").
ROLE_NOUNS = frozenset(w.lower().rstrip(".") for w in ROLE_WORDS) | frozenset(ROLE_SYNONYMS)
_PLACE_SHAPE_RE = re.compile(r"(?:ia|land|stan|ington|[Kk]remlin|House)$|^[A-Z]{2,}$")
_WORD_RE = re.compile(r"[\w’'.-]+")
_INITIAL_RE = re.compile(r"[A-Z]\.")
# Words joining two people in a speaker's words ("X and Y said"), in the languages of the
# language files.
_AND_RE = re.compile(rf"\s(?:{'|'.join(sorted(union('conjunctions')))})\s")
_APOSTROPHE_RE = re.compile(r"[’']")
# A party and state after a name ("D-Md.", "R-Texas"), as US news writes them; a party's
# letter alone only in parentheses ("Gov. Marta Olin (R) said").
_AFFILIATION_RE = re.compile(r"[A-Z]{1,3}-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?")
_PARTY_LETTER_RE = re.compile(r"\([A-Z]\)")
_AFFILIATION_REACH_CHARS = 60
# Between a name and a role in apposition after it: a comma and spaces.
_APPOSITION_RE = re.compile(r"\s*,\s*")
# Words at least this frequent (wordfreq's Zipf scale: 4.5 is about 30 per million words)
# are nouns first: "Opposition", "Bank". Surnames this frequent ("Smith", "Trump") reach the
# speaker stage as recognised names, not as new ones.
_COMMON_ZIPF = 4.5
# One to four capitalised words, name particles allowed between them ("Ursula von der Leyen").
_PARTICLE = "|".join(sorted(NAME_PARTICLES))
_NAME_SHAPE_RE = re.compile(
    rf"[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+(?:(?:{_PARTICLE})\s+)*[A-ZÀ-ÖØ-Þ][\w’'.-]*){{0,3}}"
)


def _is_title(word: str) -> bool:
    return word in TITLE_WORDS or f"{word}." in TITLE_WORDS or word in NATIONALITIES


def _fit(head: str, modifiers: list[str], entity: Entity) -> int:
    """How well "the [US] president" fits a person: 2 when a role of theirs holds the noun
    and no nationality we ask for is contradicted or left unconfirmed, 1 when the noun fits
    but the nationality we ask for is not in their roles, 0 when it does not fit."""
    role_words = {w.lower() for role in entity.roles for w in role.split()}
    wanted = ROLE_SYNONYMS.get(head, frozenset({head}))
    if not role_words & wanted and not any(head in role.lower() for role in entity.roles):
        return 0
    ours = {m for m in modifiers if m in NATIONALITIES}
    theirs = {w for role in entity.roles for w in role.split() if w in NATIONALITIES}
    if not ours:
        return 2
    if not theirs:
        return 1
    return 2 if ours & theirs else 0


# Parts of speech no name is made of. The tagger takes an unknown name for an adjective
# or a verb now and then ("Blinken" as in "broken", "Brent"), so only closed-class tags
# count ("Thus", "Apparently Lindsey"), and a gerund opening a run ("Using JavaScript").
_CLOSED_CLASS = frozenset({"ADV", "AUX", "ADP", "SCONJ", "CCONJ", "PRON", "NUM", "PART", "INTJ"})


def _parse_says_no_name(analysis: Analysis, start: int, end: int) -> bool:
    """Whether the parse of the words body[start:end] makes them something other than a
    name: a closed-class word, a gerund opening them, or a plural (a group: "Republicans
    said")."""
    parsed = analysis.parsed(analysis.sentence_index(start))
    if parsed is None:
        return False
    tokens = [
        t
        for t in parsed.doc
        if parsed.span(t)[1] > start and parsed.span(t)[0] < end and not t.is_punct and t.pos_ != "DET"
    ]
    if not tokens:
        return False
    if any(t.pos_ in _CLOSED_CLASS for t in tokens):
        return True
    # a plural is a group ("Republicans said", "Senate Democrats said"), unless an initial
    # makes the words a person's name the tagger read as a plural ("Nadia R. Waters")
    if any("Plur" in t.morph.get("Number") for t in tokens) and not any(_INITIAL_RE.fullmatch(t.text) for t in tokens):
        return True
    # a run opened by a gerund or participle ("Using JavaScript"), not by a name the
    # tagger took for a verb ("Brent Sherwood")
    return len(tokens) > 1 and bool(set(tokens[0].morph.get("VerbForm")) & {"Ger", "Part"})


@dataclass(frozen=True, slots=True)
class _Text:
    """What speaker resolution knows of the document it reads."""

    body: str
    language: str | None
    analysis: Analysis | None  # with a trained recogniser and parser, else None
    nouns_capitalised: bool
    genders: dict[str, Gender]  # entity id -> the gender the text gives the person

    def agrees(self, entity: Entity, wanted: Gender | None) -> bool:
        """Whether a person may be "he" or "she": an unknown gender agrees with either."""
        known = self.genders.get(entity.id)
        return wanted is None or known is None or known == wanted


@dataclass(frozen=True, slots=True)
class Resolution:
    """Who a speaker mention is, how we know, and how sure that is (0-1)."""

    entity: Entity
    basis: str
    confidence: float


# How sure each way of resolving a speaker is: set from the accuracy measured on GUM's
# coreference (`benchmarks/coref.py --split tune`) and on the real news pages, rounded,
# and read as an order more than as probabilities.
CONFIDENCE = {
    # measured: GUM tune / the real news pages of benchmarks/real_quotes.py
    "name": 0.95,  # the speaker's words hold a name of the text ("Ilse Marovic"): 0.97 / 0.98
    "surname": 0.9,  # a surname the recogniser missed, named in full elsewhere in the text
    "new name": 0.8,  # a capitalised name the entity stage did not find ("Okafor told"): 1.0 / 0.85
    "relative pronoun": 0.8,  # "..., who said"
    "organisation": 0.85,  # "the Afghan government": a body the text names
    "pronoun, last speaker": 0.6,  # "he said" after a quote of his: 0.43 / 0.67
    "pronoun, last person named": 0.55,  # "she said", no earlier speaker agrees: 0.44 / 1 of 1
    "pronoun, person named just before": 0.55,  # "… Minister Marovic was less sure. She called it …"
    "role, last speaker": 0.7,  # "the minister said" after the minister spoke
    "role": 0.65,  # "the top US diplomat": the nearest person whose roles fit
    "role, last speaker without roles": 0.5,
    "role, nationality unconfirmed": 0.5,
    "role, named just after": 0.6,  # a standfirst's "the minister", named in the first sentence after
}
# How far after a role at the top of a text its holder may first be named.
_CATAPHORA_CHARS = 400
# Below this, a resolution is a guess: the speaker stays null and the words stay in
# `speaker_mention` (a guess is never shown as a fact).
MIN_CONFIDENCE = 0.5


class ResolveSpeakers:
    name: ClassVar[str] = "resolve_speakers"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "quotes", "entities"})
    adds: ClassVar[frozenset[str]] = frozenset({"quotes", "mentions"})
    page_kinds: ClassVar[frozenset[str]] = ARTICLE_KINDS

    def run(self, doc: Document) -> Document:
        # FindEntities ran first: its entities and mentions are the index (no second pass)
        index = (
            EntityIndex.from_document(doc.body, doc.entities, doc.mentions)
            if doc.mentions
            else EntityIndex.build(doc.body)
        )
        known = {e.id: e for e in doc.entities}
        speaker_starts = frozenset(q.speaker_span[0] for q in doc.quotes if q.speaker_span)
        text = _Text(
            doc.body,
            doc.language,
            doc.analysis if doc.analysis is not None and doc.analysis.recognises_names else None,
            resources(doc.language).nouns_capitalised,
            person_genders(doc.body, index, doc.language, unknown=speaker_starts),
        )
        last_speaker: tuple[int, Entity] | None = None
        by_id: dict[str, Quote] = {q.id: q for q in doc.quotes}
        for quote in sorted(doc.quotes, key=lambda q: (q.speaker_span or (q.start,))[0]):
            if (
                quote.part_of
                and quote.part_of in by_id
                and quote.speaker_span == by_id[quote.part_of].speaker_span
            ):
                head = by_id[quote.part_of]
                quote.speaker, quote.speaker_id = head.speaker, head.speaker_id
                quote.speaker_confidence, quote.speaker_basis = head.speaker_confidence, head.speaker_basis
                continue
            if quote.speaker_span is None:
                continue
            start, end = quote.speaker_span
            found = self._resolve(text, start, end, index, last_speaker)
            if found is None or found.confidence < MIN_CONFIDENCE:
                quote.speaker_confidence, quote.speaker_basis = 0.0, "unresolved"
                continue
            if found.entity.kind == "place" and (
                _written_as_place(doc.body, found.entity.name) or _common_word(found.entity.name, doc.language)
            ):
                # "Moscow said": a place speaks for a government or a firm the text does not
                # name; the words stay in speaker_mention, and no place is a speaker. Only where
                # the text writes it as a place ("in Moscow"), or the "place" is a common word
                # the recogniser typed ("Opposition"): it takes unknown surnames for places now
                # and then ("Laboy said").
                quote.speaker_confidence, quote.speaker_basis = 0.0, "place"
                continue
            entity = found.entity
            known.setdefault(entity.id, entity)
            quote.speaker, quote.speaker_id = entity.name, entity.id
            quote.speaker_confidence, quote.speaker_basis = found.confidence, found.basis
            if entity.kind == "person":
                last_speaker = (end, entity)
            if not index.entity_at(start, end):
                doc.mentions.append(Mention(doc.id, doc.body[start:end], start, end, entity.id))
        doc.entities = sorted(known.values(), key=lambda e: (e.kind, e.name))
        return doc

    def _resolve(
        self, context: _Text, start: int, end: int, index: EntityIndex, last: tuple[int, Entity] | None
    ) -> Resolution | None:
        body, analysis = context.body, context.analysis
        text = body[start:end]
        if " and " in text and text.split()[0].lower() in DETERMINERS:
            text = text.split(" and ")[0]  # "the top diplomat and long-time adviser": one person, first head
        words = _WORD_RE.findall(text)
        if not words:
            return None
        lower = words[0].lower()
        if _AFFILIATION_RE.fullmatch(text.strip(" ,.")) or _PARTY_LETTER_RE.fullmatch(body, start - 1, end + 1):
            # "Sen. Ben Cardin, D-Md., said": the party and state stand for the name before them
            before = index.persons_before(start)
            near = before and start - before[0][0] < _AFFILIATION_REACH_CHARS
            return _resolution(before[0][1], "name") if near else None
        if len(words) == 1 and lower in PERSON_PRONOUNS:
            # "he" / "she": the last speaker, or else the nearest person named, whose
            # gender (as the text gives it) agrees
            # gender (as the text gives it) agrees. (Preferring a person whose gender the
            # text gives over a last speaker whose gender it does not was tried: on the
            # real-page check it sent "he" to the most talked-about man far too often.)
            wanted = pronoun_gender(lower, context.language)
            if last and start - last[0] < _RECENT_SPEAKER_CHARS and context.agrees(last[1], wanted):
                named = _named_in_sentence_before(context, start, last[0], index, wanted)
                if named is not None and named.id != last[1].id:
                    return _resolution(named, "pronoun, person named just before")
                return _resolution(last[1], "pronoun, last speaker")
            for _, entity in index.persons_before(start):
                if context.agrees(entity, wanted):
                    return _resolution(entity, "pronoun, last person named")
            return None
        if len(words) == 1 and lower == "who":
            before = index.persons_before(start)
            near = before and start - before[0][0] < 80
            return _resolution(before[0][1], "relative pronoun") if near else None
        if _has_pronoun(words) and lower not in DETERMINERS:
            return None  # "they", "I", "we", "So I", "I've": no one person of the text
        if lower in INDEFINITE_DETERMINERS:
            return None  # "a spokesman for the airline": someone the text does not name
        if len(words) == 1 and lower in SOURCE_NOUNS:
            return None  # "Witnesses said", "Officials said": a group, capitalised as it opens a sentence
        of_at = next((i for i, w in enumerate(words[1:], start=1) if w in ROLE_PREPOSITIONS), None)
        if of_at is not None and words[of_at - 1][:1].isupper():
            # "Prof. Anna Lindqvist of the university": the person named before "of" is the head
            cut = re.search(rf"\s{re.escape(words[of_at])}\s", text)
            named = index.entity_at(start, start + cut.start(), not_possessors_in=body, speaking=True) if cut else None
            if named is not None and named.kind == "person":
                return _resolution(named, "name")
        if lower in ROLE_NOUNS:
            # "Gwynne Shotwell, president and chief operating officer of SpaceX, said": a role
            # in apposition after a name is that person
            nearest = index.person_ending_before(start)
            if nearest and _APPOSITION_RE.fullmatch(body, nearest[0], start):
                return _resolution(nearest[1], "name")
        joined = next((i for i, w in enumerate(words[2:-1], start=2) if w in ROLE_PREPOSITIONS), None)
        if joined is not None and lower in DETERMINERS and words[joined - 1].islower() and words[joined - 1] in ROLE_NOUNS:
            # "the leader of the Civic Renewal party": the role is the head; the party is whom
            # it is held for, and does not speak. (Without the article, "president and chief
            # operating officer of SpaceX" is an apposition to a name before it, above.)
            modifiers = [w for w in words[: joined - 1] if w.lower() not in DETERMINERS]
            return self._by_role(words[joined - 1], modifiers, start, index, last)
        head = words[-1]
        if head.lower() in ORGANISATION_NOUNS and head.islower():
            # "the Associated Press news agency", "the US military", "the Afghan government":
            # the body the text names speaks; "the airline" names none
            inside = index.entity_at(start, end, not_possessors_in=body)
            if inside is not None and inside.kind == "organization":
                return _resolution(inside, "organisation")
            modifiers = [w for w in words[:-1] if w.lower() not in DETERMINERS]
            if modifiers and all(w[:1].isupper() or w in NATIONALITIES for w in modifiers):
                name = " ".join([*modifiers, head])
                return _resolution(index.add(name, "organization"), "organisation")
            return None
        if head.islower() or (words[0].lower() in DETERMINERS and head.lower() in SOURCE_NOUNS):
            if head.lower() in SOURCE_NOUNS - {
                "spokesman",
                "spokeswoman",
                "spokesperson",
            } and not index.entity_at(start, end):
                return None
            return self._by_role(head.lower(), words[:-1], start, index, last)
        if (
            words[0].lower() in DETERMINERS
            and len(words) >= 2
            and not any(w[:1].isupper() for w in words[1:])
        ):
            return self._by_role(head.lower(), words[1:-1], start, index, last)  # "der Staatsanwalt"
        bare = [w for w in words if w.lower() not in DETERMINERS]
        if bare and all(_is_title(w) or w in {"of", "for"} for w in bare):
            # a capitalised role without a name: "the US Secretary of State"
            return self._by_role(bare[-1].lower(), bare[:-1], start, index, last, phrase=" ".join(bare))
        # "Padalecki and co-star Misha Collins": the first of coordinated names speaks for
        # them; otherwise the name is the head, last ("NASA Administrator Charles Bolden",
        # "Harbour Radio Vice President and Managing Editor Tomas Holt": titles joined, one person)
        joined_at = next((start + m.start() for m in _AND_RE.finditer(text)), None)
        coordinated = joined_at is not None and any(
            start <= mention.start and mention.end <= joined_at and not body[mention.end : joined_at].strip(" ,")
            for mention, _ in index.mentions
        )
        entity = index.entity_at(start, end, first=coordinated, not_possessors_in=body, speaking=True)
        if entity is not None:
            return _resolution(entity, "name")
        name = " ".join(w for w in words if w.lower() not in DETERMINERS)
        # a surname the recogniser did not mark, or a transcript's "BLINKEN"
        named_in_full = [
            e
            for e in index.entities
            if e.kind == "person" and " " in e.name and e.name.split()[-1].casefold() == name.casefold()
        ]
        if len(named_in_full) == 1:
            return _resolution(named_in_full[0], "surname")
        organisation = index.organisation_starting_with(name) if " " not in name else None
        if organisation is not None:
            return _resolution(organisation, "organisation")  # "Transvel" for "Transvel Energy"
        if not name or lower in {"they", "we", "i", "it", "you", "es", "wir", "ich"}:
            return None
        if not _NAME_SHAPE_RE.fullmatch(name):
            return None  # a description ("SurveyMonkey data from Iowa"), not a name
        if " " not in name and (context.nouns_capitalised or _is_title(name) or _common_word(name, context.language)):
            # a noun ("Ministerin", "Nationalbank" in German; "Opposition" opening a
            # sentence) or a title: not a surname
            return None
        if analysis is not None and _parse_says_no_name(analysis, start, end):
            # capitals at a sentence start that the parse reads as other words ("Thus",
            # "Using JavaScript", "Apparently Lindsey") or a group ("Republicans said")
            return None
        # A lone capitalised word the text never places or names as an organisation,
        # subject of a reporting verb, is most often a surname ("Marovic told"); one the
        # text writes as a place ("in Oszgard") is a place, which `run` keeps from speaking;
        # other country-shaped words stay organisations.
        if " " not in name and _written_as_place(body, name):
            return _resolution(index.add(name, "place"), "new name")
        known_place = any(e.name == name for _, e in index.mentions)
        kind = (
            "person"
            if not any(word in ORG_WORDS for word in name.split())
            and (len(name.split()) >= 2 or not (known_place or _PLACE_SHAPE_RE.search(name)))
            else "organization"
        )
        return _resolution(index.add(name, kind), "new name")

    @staticmethod
    def _by_role(
        head: str,
        modifiers: list[str],
        start: int,
        index: EntityIndex,
        last: tuple[int, Entity] | None,
        phrase: str | None = None,
    ) -> Resolution | None:
        def fit(entity: Entity) -> int:
            if phrase and any(phrase.lower() in role.lower() for role in entity.roles):
                return 2
            return _fit(head, modifiers, entity)

        if head not in ROLE_NOUNS:
            return None  # "his father", "your uncle": a relation, not a role the text gives anyone
        recent = last is not None and start - last[0] < _RECENT_SPEAKER_CHARS
        if last and recent and fit(last[1]):
            return _resolution(last[1], "role, last speaker")
        before = [entity for _, entity in index.persons_before(start)]
        for entity in before:
            if fit(entity) == 2:
                return _resolution(entity, "role")
        if last and recent and not last[1].roles:
            # the text never gave the last speaker a role: "the president" may well be them
            return _resolution(last[1], "role, last speaker without roles")
        for entity in before:
            if fit(entity) == 1:
                return _resolution(entity, "role, nationality unconfirmed")
        if not before:
            # a standfirst before anyone is named ("Foreign minister says …" over "Foreign
            # Minister Ilse Marovic has …"): the first person named just after, role and all
            after = sorted(
                (m.start, e) for m, e in index.mentions if e.kind == "person" and start < m.start < start + _CATAPHORA_CHARS
            )
            fitting = [entity for _, entity in after if fit(entity) == 2]
            if fitting:
                return _resolution(fitting[0], "role, named just after")
        return None


# The subject of a sentence's main verb, as the parser labels it.
_SENTENCE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})


def _named_in_sentence_before(
    context: _Text, start: int, last_end: int, index: EntityIndex, wanted: Gender | None
) -> Entity | None:
    """The one person the sentence before a pronoun's names, as its subject, where the
    pronoun opens its sentence and the last speaker is not named there: "… said Szalay.
    Minister Ilse Marovic was less sure. She called it …" is Marovic, not the last speaker."""
    analysis = context.analysis
    if analysis is None:
        return None
    sentence = analysis.sentence_index(start)
    if sentence == 0 or context.body[analysis.sentences[sentence][0] : start].strip(" “\"'‘\n"):
        return None  # the pronoun does not open its sentence
    before_start, before_end = analysis.sentences[sentence - 1]
    if last_end > before_start:
        return None  # the last speaker is named there: the pronoun goes on with them
    named = {
        entity.id: (mention, entity)
        for mention, entity in index.mentions
        if entity.kind == "person" and before_start <= mention.start and mention.end <= before_end
    }
    if len(named) != 1:
        return None
    [(mention, entity)] = named.values()
    if not context.agrees(entity, wanted):
        return None
    # only the subject of that sentence: "The harbour master's speeches for Marovic … He has
    # declared" is still the harbour master
    parsed = analysis.parsed(sentence - 1)
    if parsed is None:
        return None
    subjects = [
        (parsed.span(t.left_edge)[0], parsed.span(t.right_edge)[1])
        for t in parsed.doc
        if t.dep_ in _SENTENCE_SUBJECTS and t.head.dep_ == "ROOT"
    ]
    return entity if any(s < mention.end and mention.start < e for s, e in subjects) else None


def _written_as_place(body: str, name: str) -> bool:
    """Whether the text puts `name` after a place preposition ("in Veloria", "to Moscow")."""
    for match in re.finditer(rf"\b{re.escape(name)}\b", body):
        before = match.start()
        if body[max(0, before - 4) : before] == "the ":
            before -= 4  # "at the White House"
        if PLACE_PREPOSITION_BEFORE_RE.search(body, max(0, before - 16), before):
            return True
    return False


def _has_pronoun(words: list[str]) -> bool:
    """Whether a pronoun stands among the words: "So I", "I've", "they" — but not the
    surname "He" of "He Jianxiong" (capitalised and followed by another name)."""
    for index, word in enumerate(words):
        if _APOSTROPHE_RE.split(word)[0].lower() not in PRONOUNS:
            continue
        followed_by_name = index + 1 < len(words) and words[index + 1][:1].isupper()
        if not (word[:1].isupper() and followed_by_name and word != "I"):
            return True
    return False


def _common_word(word: str, language: str | None) -> bool:
    """A word common enough in running text to be a noun before it is a surname."""
    return word_frequency(word, language) >= _COMMON_ZIPF


def _resolution(entity: Entity, basis: str) -> Resolution:
    return Resolution(entity, basis, CONFIDENCE[basis])
