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


def _resolve_surnames(store: Store, touched: list[Entity]) -> None:
    """Alias each one-word person to the only full name with that surname, if there is one.

    Decided afresh from everything stored for every surname the batch
    touches, so a surname that a later page makes ambiguous is unresolved
    again, and the final state does not depend on arrival order.
    """
    surnames = {e.name for e in touched if e.kind == "person" and len(e.name.split()) == 1}
    # A new full name can resolve (or make ambiguous) surnames stored earlier, too.
    surnames |= {e.name.split()[-1] for e in touched if e.kind == "person" and len(e.name.split()) > 1}
    for surname in sorted(surnames):
        full_names = store.people_with_surname(surname)
        canonical = full_names[0].id if len(full_names) == 1 else None
        for alias in store.people_named(surname):
            store.set_entity_alias(alias.id, canonical)


class RegisterEntities:
    """Collection stage: the new documents' entities merged into the collection's registry.

    needs: nothing      adds: entities
    """

    name: ClassVar[str] = "register_entities"
    needs: ClassVar[frozenset[str]] = frozenset()
    adds: ClassVar[frozenset[str]] = frozenset({"entities"})

    def run(self, batch: LinkPass) -> None:
        register_entities(batch.store, [batch.docs[i] for i in batch.new_ids])
