"""The JSON API: documents, quotes, speakers, stories, quote families and search.

Records are the export's (`newstrace.export`), so the API, the CLI and the files
agree field for field; a quote in a listing carries its citation beside it.
Listings are pages of at most `MAX_PAGE_SIZE` (default `PAGE_SIZE`), in stored
order, continued with the `after` cursor each page returns as `next_after`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from ..export import (
    citation_record,
    date_mention_record,
    document_record,
    entity_record,
    quote_record,
    story_record,
)
from ..store.browse import (
    MAX_PAGE_SIZE,
    PAGE_SIZE,
    Browse,
    CitedQuote,
    QuoteQuery,
    SpeakerCount,
    StoryDocument,
)

router = APIRouter(prefix="/api", tags=["api"])

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# Downloads walk the listing page by page; this bounds one download.
MAX_DOWNLOAD_ROWS = 100_000


def collection(request: Request) -> Browse:
    return request.app.state.collection.browse()


def quote_query(
    speaker: Annotated[str | None, Query(max_length=200, description="words of the speaker's name")] = None,
    speaker_id: Annotated[str | None, Query(max_length=100, description="an entity id")] = None,
    since: Annotated[
        str | None, Query(pattern=ISO_DATE, description="said on or after (YYYY[-MM[-DD]])")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=ISO_DATE, description="said on or before (YYYY[-MM[-DD]])")
    ] = None,
    q: Annotated[str | None, Query(max_length=500, description="words of the quotation")] = None,
    site: Annotated[str | None, Query(max_length=200)] = None,
    kind: Literal["direct", "indirect", "fragment", "interview"] | None = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
    story: Annotated[str | None, Query(max_length=100, description="a story id")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="of the speaker")] = None,
) -> QuoteQuery:
    return QuoteQuery(
        speaker=speaker or None, speaker_id=speaker_id or None, since=since, until=until, text=q or None,
        site=site or None, kind=kind, language=language, story_id=story or None, min_confidence=min_confidence,
    )  # fmt: skip


Cursor = Annotated[int | None, Query(ge=0, description="continue after this position (a page's next_after)")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"page size (default {PAGE_SIZE})")]


def _json(content: Any) -> JSONResponse:
    """The answer as JSON, encoded once by the standard library: the records are plain
    JSON values already, and FastAPI's generic encoder walks them again (a third of an
    answer's time). The route's annotation still documents the shape in OpenAPI."""
    return JSONResponse(content)


def cited_record(item: CitedQuote) -> dict[str, Any]:
    """A quote and what a citation needs: speaker, date said, outlet, title, URL or source, id."""
    return {
        **quote_record(item.quote),
        "date": item.date,
        "language": item.language,
        "citation": {**citation_record(item.citation), "where": item.citation.where},
    }


def story_document_record(doc: StoryDocument) -> dict[str, Any]:
    return {
        "id": doc.id, "title": doc.title, "site": doc.site, "url": doc.url, "source": doc.source,
        "published": doc.published, "content_date": doc.content_date, "republished": doc.republished,
        "republished_from": doc.republished_from, "language": doc.language, "page_kind": doc.page_kind,
        "duplicate_of": doc.duplicate_of,
    }  # fmt: skip


def speaker_record(count: SpeakerCount) -> dict[str, Any]:
    return {**entity_record(count.entity), "quotes": count.quotes}


@router.get("/quotes", summary="Quotes, filtered, a page at a time", name="api_quotes")
def quotes(
    browse: Annotated[Browse, Depends(collection)],
    query: Annotated[QuoteQuery, Depends(quote_query)],
    after: Cursor = None,
    limit: Limit = PAGE_SIZE,
) -> dict[str, Any]:
    page = browse.quote_page(query, after=after, limit=limit)
    return _json(
        {"items": [cited_record(item) for item in page.items], "next_after": page.next_after, "limit": limit}
    )


@router.get("/quotes.jsonl", summary="Every quote of a listing as JSON Lines", name="api_quotes_jsonl")
def quotes_jsonl(
    browse: Annotated[Browse, Depends(collection)], query: Annotated[QuoteQuery, Depends(quote_query)]
) -> StreamingResponse:
    lines = (json.dumps(cited_record(item), ensure_ascii=False) + "\n" for item in _every(browse, query))
    return StreamingResponse(lines, media_type="application/x-ndjson", headers=_attachment("quotes.jsonl"))


CSV_COLUMNS = (
    "id", "speaker", "speaker_id", "text", "kind", "date", "said_on", "site", "title", "published",
    "where", "document_id", "family_id", "first_document_id", "speaker_confidence",
)  # fmt: skip


@router.get("/quotes.csv", summary="Every quote of a listing as CSV", name="api_quotes_csv")
def quotes_csv(
    browse: Annotated[Browse, Depends(collection)], query: Annotated[QuoteQuery, Depends(quote_query)]
) -> StreamingResponse:
    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for item in _every(browse, query):
            record = cited_record(item)
            flat = {**record, **record["citation"], "id": record["id"], "document_id": record["document_id"]}
            writer.writerow([flat.get(column) for column in CSV_COLUMNS])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8", headers=_attachment("quotes.csv"))


def _every(browse: Browse, query: QuoteQuery) -> Iterator[CitedQuote]:
    after, sent = None, 0
    while sent < MAX_DOWNLOAD_ROWS:
        page = browse.quote_page(query, after=after, limit=MAX_PAGE_SIZE)
        yield from page.items
        sent += len(page.items)
        if page.next_after is None:
            return
        after = page.next_after


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get(
    "/speakers", summary="Speakers: the most quoted, or those whose name has these words", name="api_speakers"
)
def speakers(
    browse: Annotated[Browse, Depends(collection)],
    name: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = PAGE_SIZE,
) -> dict[str, Any]:
    return _json({"items": [speaker_record(count) for count in browse.speakers(name, limit=limit)]})


@router.get("/speakers/{entity_id}", summary="One speaker, with quotes by month said", name="api_speaker")
def speaker(browse: Annotated[Browse, Depends(collection)], entity_id: str) -> dict[str, Any]:
    entity = browse.speaker(entity_id)
    if entity is None:
        raise HTTPException(404, f"no speaker {entity_id}")
    return _json({**entity_record(entity), "timeline": browse.speaker_timeline(entity_id)})


@router.get("/stories", summary="The latest stories", name="api_stories")
def stories(browse: Annotated[Browse, Depends(collection)], limit: Limit = PAGE_SIZE) -> dict[str, Any]:
    return _json({"items": [story_record(story) for story in browse.latest_stories(limit)]})


@router.get("/stories/{story_id}", summary="One story and every outlet's document", name="api_story")
def story(browse: Annotated[Browse, Depends(collection)], story_id: str) -> dict[str, Any]:
    found = browse.story(story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id}")
    record, documents = found
    return _json({**story_record(record), "documents": [story_document_record(doc) for doc in documents]})


@router.get(
    "/families/{family_id}", summary="A quote family: every variant, the earliest first", name="api_family"
)
def family(browse: Annotated[Browse, Depends(collection)], family_id: str) -> dict[str, Any]:
    members = browse.family(family_id)
    if not members:
        raise HTTPException(404, f"no quote family {family_id}")
    return _json(
        {"id": family_id, "origin": members[0].quote.id, "items": [cited_record(item) for item in members]}
    )


@router.get(
    "/documents/{document_id}",
    summary="One document: page facts, clean body, removed blocks, quotes, dates",
    name="api_document",
)
def document(browse: Annotated[Browse, Depends(collection)], document_id: str) -> dict[str, Any]:
    view = browse.document_view(document_id)
    if view is None:
        raise HTTPException(404, f"no document {document_id}")
    return _json(
        {
            **document_record(view.document),
            "quotes": [quote_record(quote) for quote in view.quotes],
            "date_mentions": [date_mention_record(mention) for mention in view.dates],
        }
    )


@router.get("/search", summary="Quotes and documents with these words", name="api_search")
def search(
    browse: Annotated[Browse, Depends(collection)],
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
) -> dict[str, Any]:
    return _json(
        {
            "quotes": [
                cited_record(item) for item in browse.quote_page(QuoteQuery(text=q), limit=limit).items
            ],
            "documents": [story_document_record(doc) for doc in browse.search_documents(q, limit=limit)],
        }
    )


@router.get("/counts", summary="How much the collection holds", name="api_counts")
def counts(browse: Annotated[Browse, Depends(collection)]) -> dict[str, int]:
    found = browse.counts()
    return _json(
        {
            "documents": found.documents,
            "quotes": found.quotes,
            "speakers": found.speakers,
            "stories": found.stories,
        }
    )
