"""The per-document pipeline: an ordered list of small stages.

A stage is a class with `name`, the document fields it `needs`, the fields it
`adds`, and `run(doc) -> doc`; one that only makes sense for some kinds of page names
them in `page_kinds` and is skipped for the others (`describe/page_kind`). A stage
holding resources for the length of one document's processing (the analysis: spaCy's
vocabulary) has `document_scope()`, a context manager the pipeline enters around each
document's whole run. The pipeline checks when it is built that every
stage's needs are met by the reader or an earlier stage, so a misordered
pipeline fails at once rather than on the thousandth document.

Phases, in order (see `build_pipeline`):
  clean     HTML extraction, text normalisation, boilerplate removal (`clean/`)
  describe  title, site, author, categories, language, stated date (`describe/`)
  analysis  sentences, tokens, names, and parses where needed (`analysis/`)
  dates     temporal expressions, the document's own content date (`time/`)
  quotes    entities, interview turns, direct and indirect quotes, speakers,
            then the date and venue of each quote (`entities/`, `quotes/`, `time/`)
  link      the body fingerprint and the link profile (story vector, candidate keys)
Collection-wide work runs after each batch is stored, over the store, as the
collection pipeline (`link/stages.py`): the entity registry, duplicates,
quote families, stories and origins.

Executors (`newstrace.run`) decide where `Pipeline.process` runs; no stage
knows how it is scheduled.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from typing import ClassVar, Protocol

from .config import Settings
from .deadline import time_limit
from .errors import InputError
from .ids import document_id, sha256_hex
from .model import Document, RawRecord

# What every document has before the first stage runs.
READER_FIELDS = frozenset({"id", "source", "sha256", "format", "raw", "is_html", "given"})


class Stage(Protocol):
    name: ClassVar[str]
    needs: ClassVar[frozenset[str]]
    adds: ClassVar[frozenset[str]]

    def run(self, doc: Document) -> Document: ...


class Declares(Protocol):
    name: ClassVar[str]
    needs: ClassVar[frozenset[str]]
    adds: ClassVar[frozenset[str]]


def check_order(stages: Sequence[Declares], available: frozenset[str] = frozenset(), kind: str = "stage") -> None:
    """Raise when a stage needs what no earlier stage (or what is `available` at the start) adds."""
    have = set(available)
    for stage in stages:
        missing = stage.needs - have
        if missing:
            raise ValueError(f"{kind} {stage.name!r} needs {sorted(missing)}, which no earlier stage adds")
        have |= stage.adds


class Pipeline:
    """The stages, and the limits one page must keep to (`max_seconds`, `max_quotes`;
    0 for none): a page beyond them raises InputError, which executors report."""

    def __init__(self, stages: Sequence[Stage], *, max_seconds: float = 0, max_quotes: int = 0):
        check_order(stages, READER_FIELDS)
        self.stages = list(stages)
        self._document_scopes = [stage.document_scope for stage in stages if hasattr(stage, "document_scope")]
        self.max_seconds = max_seconds
        self.max_quotes = max_quotes

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def process(self, record: RawRecord) -> Document:
        doc = new_document(record)
        too_long = f"processing took longer than {self.max_seconds:g} s (page_max_seconds)"
        with time_limit(self.max_seconds, too_long), ExitStack() as scopes:
            for scope in self._document_scopes:
                scopes.enter_context(scope())
            try:
                for stage in self.stages:
                    kinds = getattr(stage, "page_kinds", None)
                    if kinds is not None and doc.page_kind not in kinds:
                        continue  # an error page, a stub, a listing: stored, but no quotes or links
                    doc = stage.run(doc)
            finally:
                doc.analysis = None  # per-document only: not pickled to the parent, never stored
        if self.max_quotes and len(doc.quotes) > self.max_quotes:
            raise InputError(f"more than {self.max_quotes} quotations (page_max_quotes)")
        return doc


def new_document(record: RawRecord) -> Document:
    """A document as the reader hands it over; a given `id` is trusted (SPEC)."""
    return Document(
        id=record.given.get("id") or document_id(record.sha256),
        source=record.source,
        sha256=record.sha256,
        format=record.format,
        raw=record.content,
        is_html=record.is_html,
        given=dict(record.given),
    )


def build_pipeline(settings: Settings) -> Pipeline:
    """The default pipeline, stage by stage, in phase order."""
    # Imported here so that importing `newstrace.pipeline` stays cheap for
    # executors that only need the class (e.g. to unpickle settings).
    from .analysis import AnalyseText
    from .clean.boilerplate import RemoveBoilerplate
    from .clean.extract_html import ExtractHtml
    from .clean.normalise import NormaliseText
    from .describe.author import DescribeAuthor
    from .describe.categories import DescribeCategories
    from .describe.language import DescribeLanguage
    from .describe.page_kind import ClassifyPage
    from .describe.published import DescribePublished
    from .describe.site import DescribeSite
    from .describe.title import DescribeTitle
    from .link.fingerprint import FingerprintBody
    from .link.profile import PrepareLinking
    from .quotes import quote_stages
    from .time import ContentDate, DateQuotes, TagDates

    return Pipeline(
        [
            ExtractHtml(timeout_seconds=settings.html_timeout_seconds),
            NormaliseText(),
            RemoveBoilerplate(),
            DescribeTitle(),
            DescribeSite(),
            DescribeAuthor(),
            DescribeCategories(),
            # Before the date: the body's language decides how 05/10/2018 reads.
            DescribeLanguage(),
            DescribePublished(),
            ClassifyPage(),
            # One linguistic analysis (sentences, tokens, names, parses) for every later stage.
            AnalyseText(parse=settings.analysis_parse),
            TagDates(),
            ContentDate(republication_days=settings.republication_days),
            *quote_stages(),  # entities, interview turns, direct, indirect, speakers
            DateQuotes(),
            PrepareLinking(settings),
            FingerprintBody(),
        ],
        max_seconds=settings.page_max_seconds,
        max_quotes=settings.page_max_quotes,
    )


def analyse_page(
    content: str,
    *,
    is_html: bool,
    source: str = "<memory>",
    given: dict[str, str] | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Run the per-document pipeline on one page held in memory.

    For notebooks and benchmarks; ingesting into a collection goes through
    `newstrace.open(...).ingest(...)`. Build the pipeline once with
    `build_pipeline(load_settings())` and pass it in when analysing many pages.
    """
    if pipeline is None:
        from .config import load_settings

        pipeline = build_pipeline(load_settings())
    record = RawRecord(
        source=source,
        format="html" if is_html else "text",
        content=content,
        sha256=sha256_hex(content),
        is_html=is_html,
        given=dict(given or {}),
    )
    return pipeline.process(record)
