"""Collection stage: one entity per person or organisation across the whole collection.

needs: entities and quotes of newly stored documents      sets: entities table,
quote speakers of surname-only mentions

Within a document, the entity stage already resolves a surname to the full
name written elsewhere in the same text; its ids depend only on the
canonical name, so the same full name gets the same id in every outlet.
What is left for the collection: (1) merging each new document's view of an
entity (aliases, roles, mention counts) into the stored one, and (2) pages
that only ever name someone by surname ("Marovic said"): when the collection
knows exactly one person of that surname, the surname is that person.

Merging is a union of names and roles and a sum of mentions; surname aliases
are decided from everything stored and applied when reading (see
`Store.set_entity_alias`), so the collection does not depend on the order
documents arrive in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from ..model import Document, Entity
from ..store import Store
from .merge import merge_views

if TYPE_CHECKING:
    from ..link.stages import LinkPass


def _merged_by_id(entities: Iterable[Entity]) -> dict[str, Entity]:
    merged: dict[str, Entity] = {}
    for entity in entities:
        merged[entity.id] = merge_views(merged[entity.id], entity) if entity.id in merged else entity
    return merged


def register_entities(store: Store, new_docs: Sequence[Document]) -> None:
    """Merge the new documents' entities into the store and resolve bare surnames."""
    incoming = _merged_by_id(entity for doc in new_docs for entity in doc.entities)
    if not incoming:
        return
    stored = {entity.id: entity for entity in store.entities(incoming)}
    merged = [merge_views(stored[i], e) if i in stored else e for i, e in incoming.items()]
    store.put_entities(merged)
    _resolve_surnames(store, merged)


# A bare surname goes to the person of that surname whom the collection names at least
# this many times as often as all the others together ("Obama" in a campaign's coverage).
SURNAME_DOMINANCE = 4


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _resolve_surnames(store: Store, touched: list[Entity]) -> None:
    """Alias each one-word person, and each "First M. Last", to the full name they stand for.

    "Donald J. Trump" is "Donald Trump" when that is the only middle-initial form of the
    name ("George W. Bush" and "George H. W. Bush" stay apart). A bare surname is the
    only person of that surname, or the one the collection names far more than the
    others together. Decided afresh from everything stored for every surname the batch
    touches, so a surname that a later page makes ambiguous is unresolved again, and the
    final state does not depend on arrival order.
    """
    surnames = {e.name for e in touched if e.kind == "person" and len(e.name.split()) == 1}
    # A new full name can resolve (or make ambiguous) surnames stored earlier, too.
    surnames |= {e.name.split()[-1] for e in touched if e.kind == "person" and len(e.name.split()) > 1}
    for surname in sorted(surnames):
        full_names = store.people_with_surname(surname)
        canonical_of = _middle_initial_aliases(full_names)
        for variant in full_names:
            store.set_entity_alias(variant.id, canonical_of.get(variant.id))
        mentions: dict[str, int] = {}
        for person in full_names:
            key = canonical_of.get(person.id, person.id)
            mentions[key] = mentions.get(key, 0) + person.mentions
        ranked = sorted(mentions.items(), key=lambda item: (-item[1], item[0]))
        others = sum(count for _, count in ranked[1:])
        dominant = ranked and ranked[0][1] >= SURNAME_DOMINANCE * others
        canonical = ranked[0][0] if dominant else None
        for alias in store.people_named(surname):
            store.set_entity_alias(alias.id, canonical)


def _middle_initial_aliases(full_names: list[Entity]) -> dict[str, str]:
    """Variant id -> id of the plain "First Last", for names whose middle initials are
    the only thing that sets them apart, when exactly one such variant exists."""
    plain = {tuple(e.name.casefold().split()): e for e in full_names if len(e.name.split()) == 2}
    variants: dict[str, list[Entity]] = {}
    for entity in full_names:
        words = entity.name.split()
        if len(words) > 2 and all(_is_initial(w) for w in words[1:-1]):
            key = (words[0].casefold(), words[-1].casefold())
            if key in plain:
                variants.setdefault(plain[key].id, []).append(entity)
    return {found[0].id: target for target, found in variants.items() if len(found) == 1}


class RegisterEntities:
    """Collection stage: the new documents' entities merged into the collection's registry.

    needs: nothing      adds: entities
    """

    name: ClassVar[str] = "register_entities"
    needs: ClassVar[frozenset[str]] = frozenset()
    adds: ClassVar[frozenset[str]] = frozenset({"entities"})

    def run(self, batch: LinkPass) -> None:
        register_entities(batch.store, [batch.docs[i] for i in batch.new_ids])
