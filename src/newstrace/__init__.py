"""newstrace: who said what, when, and who reported it first, from scraped news pages.

The Python API:

    import newstrace
    with newstrace.open("news.db") as collection:
        collection.ingest(["pages/"])
        quotes = collection.quotes(speaker="Marovic", search="tariffs")
"""

from __future__ import annotations

from .collection import Collection, IngestReport, open
from .model import DateMention, Document, Entity, Mention, Quote, RawRecord, Rejection, RemovedBlock, Story
from .pipeline import analyse_page

__version__ = "0.1.0"

__all__ = [
    "Collection",
    "DateMention",
    "Document",
    "Entity",
    "IngestReport",
    "Mention",
    "Quote",
    "RawRecord",
    "Rejection",
    "RemovedBlock",
    "Story",
    "__version__",
    "analyse_page",
    "open",
]
