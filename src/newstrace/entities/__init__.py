"""People, organisations and places: mentions, canonical names, roles, aliases."""

from .index import EntityIndex, entity_id, normalise_name
from .stage import FindEntities

__all__ = ["EntityIndex", "FindEntities", "entity_id", "normalise_name"]
