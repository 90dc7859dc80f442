"""Two records of one entity as one. Pure functions: the registry and the stores use them."""

from __future__ import annotations

from ..model import Entity


def merge_views(first: Entity, second: Entity) -> Entity:
    """Two documents' views of one entity (same id) as one.

    Names of one id differ only in case or accents; the alphabetically first
    is kept, so the choice does not depend on which view came first.
    """
    name = min(first.name, second.name)
    return Entity(
        id=first.id,
        name=name,
        # Views that disagree on the kind: the one with more mentions decides (a place that
        # one page's recogniser took for a person stays a place).
        kind=first.kind if first.mentions >= second.mentions else second.kind,
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
