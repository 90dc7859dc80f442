"""The typed records that flow through newstrace.

One module, no behaviour beyond small derived properties: readers make
`RawRecord`s, stages fill in a `Document`, the store keeps them, exports
write them in SPEC's schema (see `newstrace.export`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

InputFormat = Literal["text", "html", "jsonl", "warc"]
DatePrecision = Literal["day", "month", "year"]
QuoteKind = Literal["direct", "fragment", "indirect", "interview"]
EntityKind = Literal["person", "organization", "place"]
DateKind = Literal["date", "time", "duration", "set"]
# What a stored page is: only articles (and interviews) feed quotes, stories, duplicates and
# origins by default; the others are kept, marked, and counted.
PageKind = Literal["article", "interview", "headline", "listing", "error", "stub", "paywall", "video", "other"]
# The pages read for quotations, names and dates of quotes.
ARTICLE_KINDS: frozenset[str] = frozenset({"article", "interview"})
# The pages linked into duplicates and stories: articles, and headlines with no text under
# them (a feed's items, a page whose text did not come through), which report an event too.
LINKED_KINDS: frozenset[str] = ARTICLE_KINDS | {"headline"}


@dataclass(slots=True)
class RawRecord:
    """One article as a reader found it, before any stage has looked at it.

    `given` holds the fields an input stated outright (JSON Lines); stages
    trust them over what they would infer.
    """

    source: str
    format: InputFormat
    content: str
    sha256: str
    is_html: bool
    given: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Rejection:
    """An input, or part of one, that could not be read, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class RemovedBlock:
    """Text the cleaner took out of the page, with the label that explains why."""

    text: str
    reason: str


@dataclass(slots=True)
class Quote:
    id: str
    document_id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None
    speaker_id: str | None = None
    part_of: str | None = None
    speaker_mention: str | None = None
    speaker_span: tuple[int, int] | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    said_on: str | None = None
    venue: str | None = None
    family_id: str | None = None
    first_document_id: str | None = None
    # How sure the speaker is (0-1; 0 when the words could not be resolved) and how it
    # was found: "name", "pronoun, last speaker", "role", "interview label", ...
    speaker_confidence: float | None = None
    speaker_basis: str | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """What a reader needs to cite a quote: where it was published, by whom, when."""

    document_id: str
    title: str | None
    site: str | None
    url: str | None
    source: str
    published: str | None

    @property
    def where(self) -> str:
        """The page's address, or the file it was read from."""
        return self.url or self.source


@dataclass(slots=True)
class Mention:
    """A name, pronoun or role noun in a body that refers to an entity."""

    document_id: str
    text: str
    start: int
    end: int
    entity_id: str | None = None


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    kind: EntityKind
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    # Mentions per kind, summed over documents: the kind is the one most mentions say,
    # whatever order the documents came in.
    kind_mentions: dict[str, int] = field(default_factory=dict)
    # Mentions per spelling of the name ("Hillary Clinton" 40, a typo's "Hilary Clinton" 1):
    # the name shown is the spelling most mentions use.
    name_mentions: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class DateMention:
    id: str
    document_id: str
    text: str
    start: int
    end: int
    kind: DateKind
    value: str | None = None
    anchor: str | None = None


@dataclass(slots=True)
class Story:
    id: str
    title: str
    document_ids: list[str]
    first_document_id: str
    date: str | None = None


@dataclass(slots=True)
class Document:
    """An article and everything the pipeline has learned about it.

    Fields left `None` are unknown: no stage invents a value the page
    does not support.
    """

    id: str
    source: str
    sha256: str
    format: InputFormat
    raw: str
    is_html: bool = False
    given: dict[str, str] = field(default_factory=dict)
    # clean
    body: str = ""
    removed: list[RemovedBlock] = field(default_factory=list)
    # describe
    url: str | None = None
    site: str | None = None
    title: str | None = None
    title_language: str | None = None
    language: str | None = None
    author: str | None = None
    published: str | None = None
    published_text: str | None = None
    published_precision: DatePrecision | None = None
    # where the date came from: given, url, meta, json-ld, page (a date printed on the page),
    # byline (the text's date line), copyright (a year at most)
    published_basis: str | None = None
    page_kind: PageKind = "article"
    categories: list[str] = field(default_factory=list)
    # what the HTML extractor reported, for the describe stages to weigh
    html_metadata: dict[str, str] = field(default_factory=dict)
    # dates, quotes, entities
    content_date: str | None = None
    content_date_basis: str | None = None
    date_mentions: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # link (set by collection-wide stages over the store)
    body_hash: str | None = None
    republished: bool | None = None
    republished_from: str | None = None
    origin_basis: str | None = None  # the evidence for republished_from / a date from an earlier report
    duplicate_of: str | None = None
    story_id: str | None = None
    # entities (issue 4): the people, organisations and places this body names
    entities: list[Entity] = field(default_factory=list)
    # link: story vector, signature and candidate keys, computed in the pipeline (see link.profile)
    link_profile: object | None = None
    # analysis: the linguistic analysis (`newstrace.analysis.Analysis`) shared by the
    # stages; it lives only while the per-document pipeline runs and is never stored
    analysis: object | None = None
