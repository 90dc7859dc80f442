"""Canonical entities of one document: surnames resolved to full names,
roles and aliases gathered, ids derived from the normalised full name.

The id depends only on the canonical name, so the same person gets the same
id in every document and outlet (cross-document identity for free when the
full name is written the same way; a collection-level merge of spelling
variants, "Dmitri"/"Dmitry", is left to a later stage).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..ids import derive_id
from ..lang import resources
from ..model import Entity, EntityKind
from .merge import best_spelling, majority_kind
from .names import NameMention, find_names, title_case_lines
from .recognised import reconcile
from .words import ORG_WORDS, PLACE_PREPOSITION_BEFORE_RE, PLACE_WORDS, ROLE_WORDS, introduced_as_organisation

if TYPE_CHECKING:
    from ..analysis import Analysis

# "Oren Szalay, the presidential spokesman," gives the role after the name.
_APPOSITIVE_RE = re.compile(r",\s+(?:the|a|an|der|die)\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+),")
# A role in apposition right after a name, with or without an article, up to where the
# apposition ends (a comma or period, or "of", "at", "for" going on to whom the role is
# held with): "Benedikt Arvane, chief executive of Transvel Energy". It says the name is
# a person's; the role itself is gathered only in the narrower form above, as "president"
# cut from "president of the Federal Reserve Bank" would match every president.
_PERSON_APPOSITION_RE = re.compile(
    r",\s+(?:(?:the|a|an|der|die)\s+)?((?:[\w’'-]+\s+){0,5}?[\w’'-]+)"
    r"(?=\s*[,;.]|\s+(?:of|at|for|von|der|des|bei)\s)"
)


# Spelling variants of one transliterated name ("Dmitri" / "Dmitry" / "Dmitriy",
# "Zelensky" / "Zelenskyy", "Aleksei" / "Alexei"): y reads as i, x as ks, doubled
# letters as one. Written here: no library folds romanisation variants of names.
_TRANSLITERATION = (("x", "ks"), ("y", "i"), ("ph", "f"))
_DOUBLED_RE = re.compile(r"(\w)\1+")


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The key under which spellings of one name meet: case, accents and common
    transliteration variants folded."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = plain.casefold().replace("’", "'")
    for written, read in _TRANSLITERATION:
        folded = folded.replace(written, read)
    return " ".join(_DOUBLED_RE.sub(r"\1", folded).split())


def is_role(words: str) -> bool:
    """Whether `words` in front of or after a name say what the person is.

    "Secretary of State" and "Trump senior adviser" do; what a capitalised run leaves
    in front of a name otherwise does not: "Because of", "Bikers for", "Former", "Mr.".
    """
    parts = words.split()
    if not parts or not (parts[-1][:1].isupper() or parts[-1].lower() in ROLE_WORDS):
        return False
    return any(part in ROLE_WORDS or part.lower() in ROLE_WORDS for part in parts)


def _trimmed_to_known_names(body: str, names: list[NameMention]) -> list[NameMention]:
    """A person's name with words in front that are not part of it ("Offensive Things
    Donald Trump" in a headline, "Neither Donald J. Trump") cut to the full name the text
    writes on its own elsewhere ("Donald Trump")."""
    alone = {m.name for m in names if m.kind_hint == "person" and len(m.name.split()) >= 2}
    trimmed = []
    for mention in names:
        words = mention.name.split()
        if mention.kind_hint == "person" and len(words) >= 3:
            for cut in range(1, len(words) - 1):
                suffix = " ".join(words[cut:])
                start = mention.end - len(suffix)
                if suffix in alone and body[start : mention.end] == suffix:
                    mention = NameMention(start, mention.end, suffix, mention.role, mention.role_start, "person")
                    break
        trimmed.append(mention)
    return trimmed


# The text saying what a name is ("the state operator Ostragaz", "Foreign Minister Ilse
# Marovic", "Benedikt Arvane, chief executive of …") outweighs this many mentions whose
# kind the recogniser guessed from the name alone, in the document and in the collection.
DESCRIBED_VOTES = 10


def _initial_of(word: str, full: str) -> bool:
    """"J." stands for "John" in "J. Smith" / "John Smith"."""
    return len(word) == 2 and word.endswith(".") and full[:1] == word[:1]


def entity_id(name: str) -> str:
    return derive_id("e", normalise_name(name))


@dataclass(slots=True)
class EntityIndex:
    """What one body says about whom: mentions, each pointing at an entity."""

    body: str
    mentions: list[tuple[NameMention, Entity]] = field(default_factory=list)
    by_key: dict[str, Entity] = field(default_factory=dict)

    @classmethod
    def build(cls, body: str, analysis: Analysis | None = None) -> EntityIndex:
        index = cls(body)
        language = analysis.language if analysis is not None else None
        headlines = title_case_lines(body)
        names = find_names(body, nouns_capitalised=resources(language).nouns_capitalised, headlines=headlines)
        if analysis is not None and analysis.recognises_names:
            names = reconcile(body, names, analysis.entities, headlines)
        names = _trimmed_to_known_names(body, names)
        # "Benedikt Arvane, chief executive of Transvel Energy": the text says the name is a
        # person's, whatever the recogniser guessed from the name; decided first, so that
        # "Arvane" later in the text is this person too
        described_as_person = {
            mention.start
            for mention in names
            if mention.kind_hint != "person" and index._described_as_person(mention)
        }
        names = [
            replace(mention, kind_hint="person") if mention.start in described_as_person else mention
            for mention in names
        ]
        # surname or first name, case folded ("LINDQVIST:" in a transcript is Lindqvist) -> full names seen
        full_person_names: dict[str, list[str]] = {}
        organisations_by_first_word: dict[str, list[str]] = {}
        kinds: dict[str, Counter[EntityKind]] = {}
        for mention in names:
            words = mention.name.split()
            if mention.kind_hint == "person" and len(words) >= 2:
                for key in (words[-1].casefold(), words[0].casefold()):
                    if mention.name not in full_person_names.setdefault(key, []):
                        full_person_names[key].append(mention.name)
            elif mention.kind_hint == "organization" and len(words) >= 2 and words[-1] in ORG_WORDS:
                if mention.name not in organisations_by_first_word.setdefault(words[0], []):
                    organisations_by_first_word[words[0]].append(mention.name)
        for mention in names:
            words = mention.name.split()
            canonical, kind = mention.name, mention.kind_hint
            # A surname, a first name or "J. Smith" is the full name written elsewhere in the
            # text, when only one person of the text has it ("Ava" / "Ava DuVernay").
            last = words[-1].casefold()
            fulls = full_person_names.get(last, [])
            surname_of = len(words) == 1 and all(f.split()[-1].casefold() == last for f in fulls)
            if surname_of and len(fulls) > 1:
                # Several people of the text share the surname ("Hillary Clinton", "Bill
                # Clinton"): news style keeps the bare surname for the one introduced first
                # and writes the others in full each time.
                fulls = fulls[:1]
            if len(fulls) == 1 and (kind in (None, "person") or surname_of):
                # a surname the recogniser typed otherwise ("Blinken" as a place) is still
                # the person of the text who has it
                full = fulls[0]
                if len(words) == 1 or (words[0].casefold() == full.split()[0].casefold() or _initial_of(words[0], full)):
                    canonical, kind = full, "person"
            # a role in front ("former technology executive Carly Fiorina") says person as
            # plainly as one after the name
            described = mention.start in described_as_person or (
                kind == "person" and mention.role is not None and is_role(mention.role)
            )
            if kind != "person" and introduced_as_organisation(body, mention.start):
                kind, described = "organization", True  # "state operator Ostragaz", "the firm Acme"
            if len(words) == 1 and kind != "person" and len(organisations_by_first_word.get(words[0], ())) == 1:
                # "Transvel" after "Transvel Energy": the short form of the organisation
                canonical, kind = organisations_by_first_word[words[0]][0], "organization"
            if kind is None and PLACE_PREPOSITION_BEFORE_RE.search(body, max(0, mention.start - 12), mention.start):
                kind = "place"
            if kind is None:
                continue
            entity = index.add(canonical, kind)
            entity.mentions += 1
            kinds.setdefault(entity.id, Counter())[kind] += DESCRIBED_VOTES if described else 1
            entity.name_mentions[canonical] = entity.name_mentions.get(canonical, 0) + 1
            if mention.name != canonical and mention.name not in entity.aliases:
                entity.aliases.append(mention.name)
            for role in (mention.role, index._appositive_role(mention)):
                if role and kind == "person" and is_role(role) and role not in entity.roles:
                    entity.roles.append(role)
            index.mentions.append((mention, entity))
        # One name, one kind: the kind most of its mentions say ("from Kastrel", "in
        # Kastrel" outvote one "Kastrel's" the recogniser took for a person's).
        for entity in index.by_key.values():
            entity.kind_mentions = dict(kinds[entity.id])
            entity.kind = majority_kind(entity.kind_mentions)
            entity.name = best_spelling(entity.name_mentions)
            entity.aliases = [a for a in entity.aliases if a != entity.name]
            entity.aliases += [n for n in sorted(entity.name_mentions) if n != entity.name and n not in entity.aliases]
        return index

    @classmethod
    def from_document(cls, body: str, entities: list[Entity], mentions: list) -> EntityIndex:
        """The index again from a document's entities and mentions (as `FindEntities`
        left them), without re-reading the body."""
        index = cls(body)
        by_id = {e.id: e for e in entities}
        for entity in entities:
            index.by_key[normalise_name(entity.name)] = entity
        for mention in mentions:
            entity = by_id.get(mention.entity_id)
            if entity is not None:
                name = NameMention(mention.start, mention.end, mention.text, None, None, entity.kind)
                index.mentions.append((name, entity))
        return index

    def add(self, name: str, kind: EntityKind) -> Entity:
        key = normalise_name(name)
        entity = self.by_key.get(key)
        if entity is None:
            entity = Entity(id=entity_id(name), name=name, kind=kind)
            self.by_key[key] = entity
        return entity

    def organisation_starting_with(self, word: str) -> Entity | None:
        """The one organisation of the text whose name begins with `word` ("Transvel" for
        "Transvel Energy"); None when there is none or several."""
        found = [e for e in self.by_key.values() if e.kind == "organization" and e.name.split()[0] == word]
        return found[0] if len(found) == 1 and " " in found[0].name else None

    def _appositive_role(self, mention: NameMention) -> str | None:
        match = _APPOSITIVE_RE.match(self.body, mention.end)
        return match.group(1) if match else None

    def _described_as_person(self, mention: NameMention) -> bool:
        """Whether a role stands in apposition right after the mention: words that
        `is_role` accepts ending on a role word ("chief executive", not "President Biden"
        of "In Washington, President Biden, …"), and nothing but the recogniser's guess
        keeps the mention from a person's name (`_may_be_person`)."""
        match = _PERSON_APPOSITION_RE.match(self.body, mention.end)
        if match is None:
            return False
        role = match.group(1)
        last = role.split()[-1]
        return is_role(role) and (last in ROLE_WORDS or last.lower() in ROLE_WORDS) and self._may_be_person(mention)

    def _may_be_person(self, mention: NameMention) -> bool:
        """Whether nothing but the recogniser's guess keeps the mention from a person's
        name: no word of the name says organisation or place ("Transvel Energy"), and a
        place, or a name of no known kind, has no place preposition in front ("In Moscow,
        the spokesman of …" opens a sentence whose subject is the role), and no name has
        "of" in front. A name typed as an organisation needs no place check: "According to
        Benedikt Arvane, chief executive of …" is a person's."""
        if any(w in ORG_WORDS or w in PLACE_WORDS for w in mention.name.split()):
            return False
        before = self.body[max(0, mention.start - 12) : mention.start].lower()  # "In Moscow" opens sentences
        if before.endswith(" of "):
            return False  # "Misha Shah, 32, of Chicago, an account executive": the role is hers
        return mention.kind_hint == "organization" or PLACE_PREPOSITION_BEFORE_RE.search(before) is None

    def entity_at(
        self,
        start: int,
        end: int,
        first: bool = False,
        not_possessors_in: str | None = None,
        speaking: bool = False,
    ) -> Entity | None:
        """The entity whose mention lies inside [start, end): the last one (the head of
        "NASA Administrator Charles Bolden"), or the first where `first` asks for it. With
        the body in `not_possessors_in`, a possessor is no candidate: in "representatives
        of Epstein's lawyers" the speaker is not Epstein. With `speaking`, a place is one
        only where no person or organisation is there: "Shaheda Begum of Ishwaripur
        village" speaks, not the village."""
        if speaking:
            found = self.entity_at(start, end, first, not_possessors_in)
            if found is None or found.kind != "place":
                return found
            speakers = [
                e
                for m, e in self.mentions
                if start <= m.start and m.end <= end and e.kind != "place"
                and not (not_possessors_in is not None and not_possessors_in.startswith(("'s", "’s"), m.end))
            ]
            return (speakers[0] if first else speakers[-1]) if speakers else found
        found = None
        for mention, entity in self.mentions:
            if not_possessors_in is not None and not_possessors_in.startswith(("'s", "’s"), mention.end):
                continue
            if start <= mention.start and mention.end <= end:
                if first:
                    return entity
                found = entity
        return found

    def persons_before(self, offset: int) -> list[tuple[int, Entity]]:
        """Person mentions before `offset`, nearest first."""
        return sorted(
            ((m.start, e) for m, e in self.mentions if e.kind == "person" and m.end <= offset),
            key=lambda pair: -pair[0],
        )

    def person_ending_before(self, offset: int) -> tuple[int, Entity] | None:
        """The person mention that ends last at or before `offset`, with its end."""
        ends = [(m.end, e) for m, e in self.mentions if e.kind == "person" and m.end <= offset]
        return max(ends, key=lambda pair: pair[0]) if ends else None

    @property
    def entities(self) -> list[Entity]:
        return sorted(self.by_key.values(), key=lambda e: (e.kind, e.name))
