"""Resolve each quote's speaker mention to a canonical entity.

Names resolve through the document's entities (surname -> full name).
Pronouns ("he", "er") go to the most recent person who spoke, else the most
recent person named; "who" to the name right before it. Role nouns ("the top
US diplomat", "the secretary", "der Staatsanwalt") go to the most recent
person whose known roles fit the noun and do not clash in nationality.
Organisations and metonyms ("the Kremlin", "Moscow") speak as organisations.
Generic sources ("officials", "a source") and unresolvable mentions leave
`speaker` None: no guess.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from ..entities.index import EntityIndex
from ..entities.recognised import NAME_PARTICLES
from ..entities.words import ORG_WORDS, TITLE_WORDS
from ..lang import resources
from ..model import Document, Entity, Mention, Quote
from .lexicon import DETERMINERS, NATIONALITY_RE, PERSON_PRONOUNS, ROLE_SYNONYMS, SOURCE_NOUNS

if TYPE_CHECKING:
    from ..analysis import Analysis

_RECENT_SPEAKER_CHARS = 2500
_NEARBY_ROLELESS_CHARS = 600
_PLACE_SHAPE_RE = re.compile(r"(?:ia|land|stan|ington|[Kk]remlin|House)$|^[A-Z]{2,}$")
_WORD_RE = re.compile(r"[\w’'.-]+")
# One to four capitalised words, name particles allowed between them ("Ursula von der Leyen").
_PARTICLE = "|".join(sorted(NAME_PARTICLES))
_NAME_SHAPE_RE = re.compile(
    rf"[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+(?:(?:{_PARTICLE})\s+)*[A-ZÀ-ÖØ-Þ][\w’'.-]*){{0,3}}"
)


def _is_title(word: str) -> bool:
    return word in TITLE_WORDS or bool(NATIONALITY_RE.match(word))


def _compatible(head: str, modifiers: list[str], entity: Entity) -> bool:
    role_words = {w.lower() for role in entity.roles for w in role.split()}
    wanted = ROLE_SYNONYMS.get(head, frozenset({head}))
    if not role_words & wanted and not any(head in role.lower() for role in entity.roles):
        return False
    ours = {m for m in modifiers if NATIONALITY_RE.match(m)}
    theirs = {w for role in entity.roles for w in role.split() if NATIONALITY_RE.match(w)}
    return not ours or not theirs or bool(ours & theirs)


def _plural(analysis: Analysis, offset: int) -> bool:
    parsed = analysis.parsed(analysis.sentence_index(offset))
    token = parsed.token_at(offset) if parsed is not None else None
    return token is not None and "Plur" in token.morph.get("Number")


class ResolveSpeakers:
    name: ClassVar[str] = "resolve_speakers"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "quotes", "entities"})
    adds: ClassVar[frozenset[str]] = frozenset({"quotes", "mentions"})

    def run(self, doc: Document) -> Document:
        # FindEntities ran first: its entities and mentions are the index (no second pass)
        index = (
            EntityIndex.from_document(doc.body, doc.entities, doc.mentions)
            if doc.mentions
            else EntityIndex.build(doc.body)
        )
        known = {e.id: e for e in doc.entities}
        analysis = doc.analysis if doc.analysis is not None and doc.analysis.recognises_names else None
        nouns_capitalised = resources(doc.language).nouns_capitalised
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
                continue
            if quote.speaker_span is None:
                continue
            start, end = quote.speaker_span
            entity = self._resolve(doc.body, start, end, index, last_speaker, analysis, nouns_capitalised)
            if entity is None:
                continue
            known.setdefault(entity.id, entity)
            quote.speaker, quote.speaker_id = entity.name, entity.id
            if entity.kind == "person":
                last_speaker = (end, entity)
            if not index.entity_at(start, end):
                doc.mentions.append(Mention(doc.id, doc.body[start:end], start, end, entity.id))
        doc.entities = sorted(known.values(), key=lambda e: (e.kind, e.name))
        return doc

    def _resolve(
        self,
        body: str,
        start: int,
        end: int,
        index: EntityIndex,
        last: tuple[int, Entity] | None,
        analysis: Analysis | None = None,
        nouns_capitalised: bool = False,
    ) -> Entity | None:
        text = body[start:end]
        if " and " in text and text.split()[0].lower() in DETERMINERS:
            text = text.split(" and ")[0]  # "the top diplomat and long-time adviser": one person, first head
        words = _WORD_RE.findall(text)
        if not words:
            return None
        lower = words[0].lower()
        if len(words) == 1 and lower in PERSON_PRONOUNS:
            if last and start - last[0] < _RECENT_SPEAKER_CHARS:
                return last[1]
            before = index.persons_before(start)
            return before[0][1] if before else None
        if len(words) == 1 and lower == "who":
            before = index.persons_before(start)
            return before[0][1] if before and start - before[0][0] < 80 else None
        head = words[-1]
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
        entity = index.entity_at(start, end)
        if entity is not None:
            return entity
        name = " ".join(w for w in words if w.lower() not in DETERMINERS)
        named_in_full = [e for e in index.entities if e.kind == "person" and " " in e.name and e.name.split()[-1] == name]
        if len(named_in_full) == 1:
            return named_in_full[0]  # a surname the recogniser did not mark
        if not name or lower in {"they", "we", "i", "it", "you", "es", "wir", "ich"}:
            return None
        if not _NAME_SHAPE_RE.fullmatch(name):
            return None  # a description ("SurveyMonkey data from Iowa"), not a name
        if " " not in name and (
            nouns_capitalised or _is_title(name) or (analysis is not None and _plural(analysis, start))
        ):
            # a noun ("Ministerin", "Nationalbank" in German), a title, or a group
            # ("Republicans said"): not a surname ("Okafor said")
            return None
        # A lone capitalised word the text never places or names as an organisation,
        # subject of a reporting verb, is most often a surname ("Marovic told");
        # country-shaped words ("Russia", "Moscow" after "in") stay organisations.
        known_place = any(e.name == name for _, e in index.mentions)
        kind = (
            "person"
            if not any(word in ORG_WORDS for word in name.split())
            and (len(name.split()) >= 2 or not (known_place or _PLACE_SHAPE_RE.search(name)))
            else "organization"
        )
        return index.add(name, kind)

    @staticmethod
    def _by_role(
        head: str,
        modifiers: list[str],
        start: int,
        index: EntityIndex,
        last: tuple[int, Entity] | None,
        phrase: str | None = None,
    ) -> Entity | None:
        def fits(entity: Entity) -> bool:
            if phrase and any(phrase.lower() in role.lower() for role in entity.roles):
                return True
            return _compatible(head, modifiers, entity)

        if last and start - last[0] < _RECENT_SPEAKER_CHARS and (fits(last[1]) or not last[1].roles):
            return last[1]
        for position, entity in index.persons_before(start):
            # a nearby person whose roles the text never gives may still fit
            if fits(entity) or (not entity.roles and start - position < _NEARBY_ROLELESS_CHARS):
                return entity
        return None
