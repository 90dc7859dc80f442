"""The entities stage: people, organisations and places named in the body."""

from __future__ import annotations

from typing import ClassVar

from ..model import ARTICLE_KINDS, Document, Mention
from .index import EntityIndex


class FindEntities:
    name: ClassVar[str] = "find_entities"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "analysis"})
    adds: ClassVar[frozenset[str]] = frozenset({"entities", "mentions"})
    page_kinds: ClassVar[frozenset[str]] = ARTICLE_KINDS

    def run(self, doc: Document) -> Document:
        index = EntityIndex.build(doc.body, doc.analysis)  # type: ignore[arg-type]
        doc.entities = index.entities
        doc.mentions = [
            Mention(doc.id, doc.body[m.start : m.end], m.start, m.end, entity.id)
            for m, entity in index.mentions
        ]
        return doc
