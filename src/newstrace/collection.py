"""A collection of documents in a store: the Python API behind every interface.

    import newstrace
    collection = newstrace.open("news.db")
    report = collection.ingest(["pages/"])
    for quote in collection.quotes(speaker="Marovic", since="2024-01"):
        print(quote.speaker, quote.text)

The CLI, the HTTP API and the web pages call these same methods.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .config import Settings, load_settings
from .errors import UsageError
from .export import FORMATS, export_collection
from .heap import give_back_freed_memory
from .link.stages import PassCounts, build_collection_pipeline
from .model import Citation, Document, Entity, Quote, RawRecord, Rejection, Story
from .read import read_inputs
from .read.limits import ReadLimits
from .run import make_executor
from .spark import AlreadyStored, read_processed
from .store import QuoteFilter, Store, open_store

# Input hashes are checked against the store this many at a time (raw pages are held meanwhile).
HASH_BATCH = 256
# The hashes an ingest has let through are kept until the store holds them; past this many,
# those it does are dropped (the store answers for them), so a crawl of millions of pages
# keeps the hashes of the pages in flight, not of every page.
SEEN_KEPT = 16 * HASH_BATCH

# What `_unseen` filters: raw records before processing, or processed documents being loaded.
Unseen = TypeVar("Unseen", RawRecord, Document)


@dataclass(slots=True)
class IngestReport:
    ingested: int = 0
    already_stored: int = 0
    duplicates: int = 0
    link: PassCounts = field(default_factory=PassCounts)  # what the collection stages did, and their time
    rejections: list[Rejection] = field(default_factory=list)
    page_kinds: dict[str, int] = field(default_factory=dict)  # stored documents per page kind

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def summary(self) -> str:
        kinds = ", ".join(
            f"{count} {kind}"
            for kind, count in sorted(self.page_kinds.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        return (
            f"ingested {self.ingested} documents, {self.duplicates} duplicates, "
            f"{self.already_stored} already stored, {self.rejected} rejected"
            + (f" (pages: {kinds})" if kinds else "")
        )


class Collection:
    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings
        self._collection_pipeline = build_collection_pipeline()

    # --- ingesting -------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        jobs: int | None = None,
        engine: str = "local",
        parquet: str | Path | None = None,
        on_rejection: Callable[[Rejection], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Read, process and store every article under `paths`; link the new ones.

        Inputs already stored (the same bytes) are skipped. Bad inputs are
        reported through `on_rejection` and kept in the store's rejection
        log; they never stop the batch. `engine="spark"` runs the
        per-document stages on Spark (`newstrace.spark.engine`), writing the
        processed dataset to `parquet` (a temporary folder when None), then
        loads it here: the collection is the same either way. There `jobs`
        is the local master's cores, where no Spark setting names a master.
        """
        settings = self.settings.with_overrides(jobs=jobs)
        if engine == "spark":
            spark_paths = [str(p) for p in paths]
            return self._ingest_with_spark(spark_paths, settings, jobs, parquet, on_rejection, on_progress)
        if engine != "local":
            raise UsageError(f"unknown engine {engine!r}; choose local or spark")
        report = IngestReport()
        reject = self._rejecter(report, on_rejection)
        with self.store.ingest_lock():
            inputs = read_inputs((str(p) for p in paths), ReadLimits.from_settings(settings))
            new_records = self._unseen(inputs, report, reject)
            executor = make_executor(settings)
            try:
                self._store_all(executor.map(new_records), report, reject, settings, on_progress)
            finally:
                executor.close()
        return report

    def load(
        self,
        parquet: str | Path,
        *,
        on_rejection: Callable[[Rejection], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Store and link a processed dataset that `ingest(engine="spark", parquet=...)` wrote.

        Loading the same dataset twice, or one whose pages are stored
        already, adds nothing new, as ingesting does.
        """
        report = IngestReport()
        reject = self._rejecter(report, on_rejection)

        def processed() -> Iterator[Document | Rejection]:
            for item in read_processed(parquet):
                if isinstance(item, AlreadyStored):
                    report.already_stored += 1
                else:
                    yield item

        with self.store.ingest_lock():
            documents = self._unseen(processed(), report, reject)
            self._store_all(documents, report, reject, self.settings, on_progress)
        return report

    def _ingest_with_spark(
        self,
        paths: list[str],
        settings: Settings,
        cores: int | None,
        parquet: str | Path | None,
        on_rejection: Callable[[Rejection], None] | None,
        on_progress: Callable[[int], None] | None,
    ) -> IngestReport:
        from .spark.engine import process_with_spark

        with tempfile.TemporaryDirectory(prefix="newstrace-spark-") as scratch:
            out = str(parquet) if parquet is not None else str(Path(scratch) / "processed")
            process_with_spark(paths, out, settings, self.store.known_hashes, cores=cores)
            return self.load(out, on_rejection=on_rejection, on_progress=on_progress)

    @staticmethod
    def _rejecter(
        report: IngestReport, on_rejection: Callable[[Rejection], None] | None
    ) -> Callable[[Rejection], None]:
        def reject(rejection: Rejection) -> None:
            report.rejections.append(rejection)
            if on_rejection:
                on_rejection(rejection)

        return reject

    def _store_all(
        self,
        items: Iterable[Document | Rejection],
        report: IngestReport,
        reject: Callable[[Rejection], None],
        settings: Settings,
        on_progress: Callable[[int], None] | None,
    ) -> None:
        """Store and link processed documents a batch at a time, with the rejections met meanwhile.

        Each batch, its link pass and its rejections are one transaction: an ingest killed at
        any moment leaves the batches before it whole and nothing of the one it was in, and
        running it again stores (by their hashes) exactly the documents that are missing.

        Batches are cut by count alone, never by time: where a batch ends can change which
        story a late document lands in, and the same input must give the same collection
        however fast the machine or how many workers.
        """
        batch: list[Document] = []
        kept = 0  # report.rejections[:kept] are in the store
        for item in items:
            if isinstance(item, Rejection):
                reject(item)
            else:
                batch.append(item)
                if len(batch) >= settings.store_batch:
                    kept = self._store_and_link(batch, report, reject, settings, kept)
                    batch = []
                    # here, once the pass is out of scope: what it held, so memory stays flat
                    give_back_freed_memory()
            if on_progress:
                # every input handled counts, so that a known number of inputs gives the time left
                on_progress(report.ingested + len(batch) + report.already_stored + report.rejected)
        self._store_and_link(batch, report, reject, settings, kept)

    def _store_and_link(
        self,
        batch: list[Document],
        report: IngestReport,
        reject: Callable[[Rejection], None],
        settings: Settings,
        kept: int,
    ) -> int:
        """Store one batch and link it into the collection at once; returns how many of the
        report's rejections are in the store after it.

        Linking is incremental and order-independent, so linking batch by
        batch gives the same result as linking everything at the end, and
        only one batch of documents (raw pages included) is held in memory.
        """
        with self.store.transaction():
            stored = self._store_batch(batch, reject)
            self.store.add_rejections(report.rejections[kept:])
            if stored:
                done = self._collection_pipeline.run(self.store, stored, settings)
        if stored:
            report.ingested += len(stored)
            for doc in stored:
                report.page_kinds[doc.page_kind] = report.page_kinds.get(doc.page_kind, 0) + 1
            report.duplicates += sum(1 for doc in stored if done.value(doc.id, "duplicate_of"))
            report.link.add(done.counts)
        return len(report.rejections)

    def _unseen(
        self,
        items: Iterable[Unseen | Rejection],
        report: IngestReport,
        reject: Callable[[Rejection], None],
    ) -> Iterator[Unseen]:
        """Inputs (raw or processed) whose bytes are not stored yet, nor seen earlier in this batch.

        The store is asked about `HASH_BATCH` inputs at a time: re-ingesting
        a large folder costs one query per batch, not one per file.
        """
        seen: set[str] = set()  # let through and, as far as this knows, not stored yet
        waiting: list[Unseen] = []
        prune_at = SEEN_KEPT

        def new_of_waiting() -> Iterator[Unseen]:
            nonlocal prune_at
            stored = self.store.known_hashes(record.sha256 for record in waiting)
            for record in waiting:
                if record.sha256 in seen or record.sha256 in stored:
                    report.already_stored += 1
                else:
                    seen.add(record.sha256)
                    yield record
            waiting.clear()
            if len(seen) >= prune_at:
                seen.difference_update(self.store.known_hashes(seen))
                # Those left are in flight, or were rejected and never stored: the next look
                # waits until the set has doubled, so rejections cannot make it run every batch.
                prune_at = max(SEEN_KEPT, 2 * len(seen))

        for item in items:
            if isinstance(item, Rejection):
                reject(item)
            else:
                waiting.append(item)
                if len(waiting) >= HASH_BATCH:
                    yield from new_of_waiting()
        yield from new_of_waiting()

    def _store_batch(self, batch: list[Document], reject: Callable[[Rejection], None]) -> list[Document]:
        # A given id (JSON Lines) that another stored document already has
        # would silently replace nothing and lose this one: report it.
        taken = self.store.known_ids(doc.id for doc in batch)
        keep = []
        for doc in batch:
            if doc.id in taken:
                reject(Rejection(doc.source, f"id {doc.id!r} is already used by another document"))
            else:
                taken.add(doc.id)
                keep.append(doc)
        self.store.add_documents(keep)
        return keep

    # --- reading ---------------------------------------------------------
    def document(self, doc_id: str) -> Document | None:
        return self.store.document(doc_id)

    def documents(self) -> Iterator[Document]:
        return self.store.documents()

    def quotes(
        self,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> list[Quote]:
        return self.store.quotes(QuoteFilter(speaker, since, until, search, limit=limit))

    def cite(self, quotes: list[Quote]) -> list[tuple[Quote, Citation]]:
        """Each quote with what a citation needs: its page's title, outlet, address, date."""
        citations = self.store.citations({q.document_id for q in quotes})
        return [(q, citations[q.document_id]) for q in quotes if q.document_id in citations]

    def entities(self) -> list[Entity]:
        return self.store.resolved_entities()

    def stories(self) -> list[Story]:
        return self.store.stories()

    def search(self, text: str, limit: int = 20) -> list[Document]:
        return self.store.search_documents(text, limit)

    def rejections(self) -> list[Rejection]:
        return self.store.rejections()

    def export(self, out: str | Path | None = None, format: str = "jsonl") -> int:
        """Write the whole collection in SPEC's export schema; returns the record count."""
        return export_collection(self.store, Path(out) if out is not None else None, format)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Collection:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()


def open(db: str | Path | None = None, **settings: Any) -> Collection:  # like builtins.open, on purpose
    """Open (creating if needed) the collection at `db`: a SQLite path or a database URL."""
    resolved = load_settings(db=str(db) if db is not None else None, **settings)
    return Collection(open_store(resolved.db), resolved)


__all__ = ["FORMATS", "Collection", "IngestReport", "open"]
