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

Both steps are unions and sums, so the stored result does not depend on the
order documents arrive in — except that a surname folded into the only
full name known at the time stays folded if a second person of that surname
arrives later (noted in the closing note of issue 4).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Document, Entity
from ..store import Store


def merge_views(first: Entity, second: Entity) -> Entity:
    """Two documents' views of one entity (same id) as one.

    Names of one id differ only in case or accents; the alphabetically first
    is kept, so the choice does not depend on which view came first.
    """
    name = min(first.name, second.name)
    return Entity(
        id=first.id,
        name=name,
        kind=first.kind if first.kind == second.kind else "person",
        aliases=sorted({first.name, second.name, *first.aliases, *second.aliases} - {name}),
        roles=sorted({*first.roles, *second.roles}),
        mentions=first.mentions + second.mentions,
    )


def fold_alias(into: Entity, alias: Entity) -> Entity:
    """`alias` (another id, e.g. a bare surname) as one more name of `into`."""
    return Entity(
        id=into.id,
        name=into.name,
        kind=into.kind,
        aliases=sorted({*into.aliases, alias.name, *alias.aliases} - {into.name}),
        roles=sorted({*into.roles, *alias.roles}),
        mentions=into.mentions + alias.mentions,
    )


def _merged_by_id(entities: Iterable[Entity]) -> dict[str, Entity]:
    merged: dict[str, Entity] = {}
    for entity in entities:
        merged[entity.id] = merge_views(merged[entity.id], entity) if entity.id in merged else entity
    return merged


def register_entities(store: Store, new_docs: Sequence[Document]) -> None:
    """Merge the new documents' entities into the store and fold bare surnames."""
    incoming = _merged_by_id(entity for doc in new_docs for entity in doc.entities)
    if not incoming:
        return
    stored = {entity.id: entity for entity in store.entities(incoming)}
    merged = [merge_views(stored[i], e) if i in stored else e for i, e in incoming.items()]
    store.put_entities(merged)
    renamed = _fold_surnames(store, merged)
    # The documents in hand (the link phase reads them next) get the same names.
    for doc in new_docs:
        for quote in doc.quotes:
            if quote.speaker_id in renamed:
                quote.speaker_id, quote.speaker = renamed[quote.speaker_id]


def _fold_surnames(store: Store, touched: list[Entity]) -> dict[str, tuple[str, str]]:
    """Fold one-word person entities into the only full name with that surname."""
    surnames = {e.name for e in touched if e.kind == "person" and len(e.name.split()) == 1}
    # A new full name can resolve surnames stored earlier, too.
    surnames |= {e.name.split()[-1] for e in touched if e.kind == "person" and len(e.name.split()) > 1}
    renamed: dict[str, tuple[str, str]] = {}
    for surname in sorted(surnames):
        full_names = store.people_with_surname(surname)
        if len(full_names) != 1:
            continue
        into = full_names[0]
        for alias in store.people_named(surname):
            into = fold_alias(into, alias)
            store.fold_entity(alias.id, into)
            renamed[alias.id] = (into.id, into.name)
    return renamed
