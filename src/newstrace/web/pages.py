"""The web pages: server-rendered Jinja2 templates over the same browse queries as the API.

Every page has a stable URL built from ids (`/speakers/{id}`, `/families/{id}`,
`/stories/{id}`, `/documents/{id}`), works without JavaScript, and is bounded:
a speaker page shows one page of quotes at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..store.browse import PAGE_SIZE, Browse, CitedQuote, QuoteQuery
from .api import Cursor, collection, quote_query
from .highlight import date_span, marked_paragraphs, quote_span
from .timeline import timeline_svg
from .wording import word_differences

router = APIRouter(include_in_schema=False)
# Starlette turns Jinja2 autoescaping on for every template: article text is always text.
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
# The pages of one record: `/documents/{id}` etc. Built directly, not with `url_for`,
# which searches the route table on every call (a listing makes hundreds).
RECORD_PATHS = {
    "document": "/documents/",
    "speaker": "/speakers/",
    "family": "/families/",
    "story": "/stories/",
}


def link(kind: str, record_id: str) -> str:
    return RECORD_PATHS[kind] + quote(record_id, safe="")


templates.env.globals["link"] = link
# Quotes on the search page; the full listing is one link away (`/quotes?q=`).
SEARCH_QUOTES = 20
# Quotes on one page of a speaker's page, each with its carriers.
SPEAKER_QUOTES = 20
# Outlets shown beside each quote of a speaker page (the family page lists them all).
CARRIERS_SHOWN = 12


def _page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    return _page(request, "error.html", status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, browse: Annotated[Browse, Depends(collection)]) -> HTMLResponse:
    return _page(
        request,
        "home.html",
        counts=browse.counts(),
        stories=browse.latest_stories(10),
        speakers=browse.top_speakers(10),
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    browse: Annotated[Browse, Depends(collection)],
    q: Annotated[str, Query(max_length=500)] = "",
) -> HTMLResponse:
    quotes = browse.quote_page(QuoteQuery(text=q), limit=SEARCH_QUOTES).items if q.strip() else []
    documents = browse.search_documents(q, limit=20) if q.strip() else []
    return _page(request, "search.html", q=q, quotes=quotes, documents=documents)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    browse: Annotated[Browse, Depends(collection)],
    query: Annotated[QuoteQuery, Depends(quote_query)],
    after: Cursor = None,
) -> HTMLResponse:
    page = browse.quote_page(query, after=after, limit=PAGE_SIZE)
    params = {k: v for k, v in request.query_params.items() if k != "after"}
    return _page(request, "quotes.html", page=page, params=params, query=query)


@router.get("/speakers/{entity_id}", response_class=HTMLResponse)
def speaker(
    request: Request, browse: Annotated[Browse, Depends(collection)], entity_id: str, after: Cursor = None
) -> HTMLResponse:
    entity = browse.speaker(entity_id)
    if entity is None:
        raise HTTPException(404, f"no speaker {entity_id}")
    page = browse.quote_page(QuoteQuery(speaker_id=entity_id), after=after, limit=SPEAKER_QUOTES)
    rows = sorted(page.items, key=lambda item: (item.date or "9999", item.position))
    carriers = {item.quote.id: _carriers(browse, item) for item in rows}
    documents = {item.quote.document_id for item in rows}
    return _page(
        request,
        "speaker.html",
        entity=entity,
        rows=rows,
        carriers=carriers,
        documents=len(documents),
        quoted_in=browse.speaker_documents(entity_id),
        next_after=page.next_after,
        timeline=timeline_svg(browse.speaker_timeline(entity_id), f"Quotes of {entity.name} by month said"),
    )


def _carriers(browse: Browse, item: CitedQuote) -> list[CitedQuote]:
    # a quote no other document repeats has no family id stored, and no other carrier
    return browse.family(item.quote.family_id)[:CARRIERS_SHOWN] if item.quote.family_id else [item]


@router.get("/families/{family_id}", response_class=HTMLResponse)
def family(request: Request, browse: Annotated[Browse, Depends(collection)], family_id: str) -> HTMLResponse:
    members = browse.family(family_id)
    if not members:
        raise HTTPException(404, f"no quote family {family_id}")
    origin = members[0]
    variants = [(item, *word_differences(origin.quote.text, item.quote.text)) for item in members]
    return _page(request, "family.html", family_id=family_id, origin=origin, variants=variants)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, browse: Annotated[Browse, Depends(collection)], story_id: str) -> HTMLResponse:
    found = browse.story(story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id}")
    record, documents = found
    return _page(request, "story.html", story=record, documents=documents)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(
    request: Request, browse: Annotated[Browse, Depends(collection)], document_id: str
) -> HTMLResponse:
    view = browse.document_view(document_id)
    if view is None:
        raise HTTPException(404, f"no document {document_id}")
    spans = [
        quote_span(said, family_url=link("family", said.family_id or said.id)) for said in view.quotes
    ] + [date_span(mention) for mention in view.dates]
    return _page(
        request,
        "document.html",
        doc=view.document,
        quotes=view.quotes,
        paragraphs=marked_paragraphs(view.document.body, spans),
    )
