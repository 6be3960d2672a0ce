"""The REST API: events, one event's evidence, dyads, series, actors, articles; code a text; ingest with a token."""

from __future__ import annotations

import hmac
from dataclasses import replace
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from accord.errors import AccordError
from accord.records import Article
from accord.web import data
from accord.web.api import models
from accord.web.app import WebState
from accord.web.params import Filters, Freq, Limit, Offset
from accord.web.strict import StrictRoute

router = APIRouter(prefix="/api", route_class=StrictRoute, tags=["api"])

EventId = Annotated[str, Path(pattern=r"^[0-9a-f]{8,64}$")]
ArticleId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:/-]{1,200}$")]
MAX_INGEST = 100  # articles in one POST /api/articles


def _state(request: Request) -> WebState:
    return request.app.state.web


@router.get(
    "/events",
    summary="Events matching the filters, newest first, one page at a time",
    response_model=models.EventPage,
)
def list_events(request: Request, search: Filters, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    total, rows = data.event_page(_state(request).store, search, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@router.get(
    "/events/{event_id}",
    summary="One event (the JSON contract) and its evidence",
    response_model=models.EventDetail,
)
def get_event(request: Request, event_id: EventId) -> dict[str, Any]:
    store = _state(request).store
    found = data.event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return {"event": found.to_json(), "evidence": data.evidence(store, found)}


@router.get("/dyads", summary="Top directed dyads with counts by quad class", response_model=models.Items)
def top_dyads(request: Request, search: Filters, limit: Limit = 20) -> dict[str, Any]:
    return {"items": data.dyads(_state(request).store, search, limit=limit)}


@router.get(
    "/series",
    summary="A dyad's events per period: counts by quad class and mean Goldstein",
    response_model=models.Series,
)
def dyad_series(
    request: Request,
    search: Filters,
    freq: Freq = "month",
    both: Annotated[bool, Query(description="count both directions of source and target")] = False,
) -> dict[str, Any]:
    flt = search.filter
    if not (flt.source and flt.target) and not search.pair:
        raise HTTPException(422, "series needs source and target, or dyad=A,B")
    if both and flt.source and flt.target:
        search = replace(
            search,
            pair=(flt.source.upper(), flt.target.upper()),
            filter=replace(flt, source=None, target=None),
        )
    return {"freq": freq, "items": data.series(_state(request).store, search, freq=freq)}


@router.get("/actors", summary="Actors seen in events, most frequent first", response_model=models.Items)
def list_actors(request: Request, limit: Limit = 200) -> dict[str, Any]:
    return {"items": data.actors(_state(request).store, limit=limit)}


@router.get(
    "/locations",
    summary="Event places with coordinates and event counts",
    response_model=models.Items,
)
def list_locations(request: Request, search: Filters, limit: Limit = 500) -> dict[str, Any]:
    return {"items": data.locations(_state(request).store, search, limit=limit)}


@router.get(
    "/articles/{article_id:path}",
    summary="One stored article with its text and event ids",
    response_model=models.ArticleOut,
)
def get_article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    store = _state(request).store
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    events = [e.id for e in store.events(article_id=article_id)]
    return {**article.to_json(), "events": events}


class CodeRequest(BaseModel):
    """A text to code; nothing is stored."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the article text (at most the server's limit, else 413)")
    published: date | None = Field(None, description="publication day: anchors relative dates")
    url: str | None = Field(
        None, max_length=2000, description="kept on the events' article id; never fetched"
    )


@router.post(
    "/code",
    summary="Code a posted text into events without storing them",
    response_model=models.Coded,
)
def code(request: Request, body: CodeRequest) -> dict[str, Any]:
    state = _state(request)
    if len(body.text) > state.max_code_chars:
        raise HTTPException(
            413, f"text is {len(body.text)} characters, over the limit of {state.max_code_chars}"
        )
    if not body.text.strip():
        raise HTTPException(422, "text is blank")
    from accord.coder import code_text

    try:
        with state.coder_lock:
            events = code_text(body.text, published=body.published, url=body.url)
    except AccordError as exc:
        raise HTTPException(422, str(exc)) from None
    return {"events": [e.to_json() for e in events]}


class ArticleIn(BaseModel):
    """An article to ingest."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=200_000)
    published: date | None = None
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000, description="stored as given; never fetched")
    outlet: str | None = Field(None, max_length=200)


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST)


@router.post(
    "/articles",
    summary="Code and store articles (only with the server's write token)",
    response_model=models.Ingested,
)
def ingest(
    request: Request, body: IngestRequest, authorization: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    state = _state(request)
    if not state.write_token:
        raise HTTPException(403, "this server is read-only: start it with a write token to ingest")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given.encode(), state.write_token.encode()):
        raise HTTPException(401, "a valid write token is needed (Authorization: Bearer TOKEN)")
    from accord.coder import coder_version, get_coder

    articles = [
        Article.create(
            text=a.text,
            url=a.url,
            title=a.title,
            outlet=a.outlet,
            published=a.published,
            published_source="field" if a.published else None,
            source="api",
        )
        for a in body.articles
    ]
    with state.coder_lock:
        coded = list(get_coder().code(articles))
    items = [(c.article, c.events) for c in coded if c.failure is None]
    failures = [c.failure for c in coded if c.failure is not None]
    result = state.store.add_batch(items, failures, coder=coder_version())
    return {"new": result.new, "existing": result.existing, "events": result.events, "failed": len(failures)}
