"""Two records of one entity as one. Pure functions: the registry and the stores use them."""

from __future__ import annotations

from collections import Counter

from ..model import Entity, EntityKind

# Ties between kinds go the same way every time: a name is a place or an organisation
# before it is a person (wrongly calling a place a person is the worse error).
_KIND_ORDER = {"place": 0, "organization": 1, "person": 2}


def kind_votes(entity: Entity) -> dict[str, int]:
    """Mentions per kind; a record without them counts all its mentions for its kind."""
    return entity.kind_mentions or {entity.kind: max(entity.mentions, 1)}


def majority_kind(votes: dict[str, int]) -> EntityKind:
    return min(votes, key=lambda kind: (-votes[kind], _KIND_ORDER.get(kind, 3), kind))  # type: ignore[return-value]


def name_votes(entity: Entity) -> dict[str, int]:
    """Mentions per spelling; a record without them counts all its mentions for its name."""
    return entity.name_mentions or {entity.name: max(entity.mentions, 1)}


def _fewest_capitals(name: str) -> tuple[int, str]:
    return sum(c.isupper() for c in name), name


def best_spelling(spellings: dict[str, int]) -> str:
    """The spelling most mentions use; on a tie the one with the fewest capitals ("Trump",
    not a transcript's "TRUMP"), then the alphabetically first, so that the choice does not
    depend on the order documents came in."""
    return min(spellings, key=lambda n: (-spellings[n], *_fewest_capitals(n)))


def merge_views(first: Entity, second: Entity) -> Entity:
    """Two documents' views of one entity (same id) as one.

    Names of one id differ only in case, accents or transliteration; the spelling
    most mentions use is kept (see `best_spelling`).
    """
    spellings = dict(Counter(name_votes(first)) + Counter(name_votes(second)))
    name = best_spelling(spellings)
    votes = dict(Counter(kind_votes(first)) + Counter(kind_votes(second)))
    return Entity(
        id=first.id,
        name=name,
        # Views that disagree on the kind: most mentions decide (a place that one page's
        # recogniser took for a person stays a place).
        kind=majority_kind(votes),
        aliases=sorted({first.name, second.name, *first.aliases, *second.aliases} - {name}),
        roles=sorted({*first.roles, *second.roles}),
        mentions=first.mentions + second.mentions,
        kind_mentions=votes,
        name_mentions=spellings,
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
        kind_mentions=into.kind_mentions,
        name_mentions=into.name_mentions,
    )
