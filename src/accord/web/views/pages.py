"""The dashboard: overview, dyad, event search, event and article pages (server-rendered, autoescaped)."""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from accord.web import data, render
from accord.web.app import WebState
from accord.web.params import ACTOR, Filters, Freq
from accord.web.strict import PageRoute

router = APIRouter(route_class=PageRoute, include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("accord.web") / "templates"))
PAGE_SIZE = 50
PageActor = Annotated[str | None, Query(pattern=ACTOR)]


def _store(request: Request):  # type: ignore[no-untyped-def]
    state: WebState = request.app.state.web
    return state.store


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    store = _store(request)
    everything = data.Search()
    return _page(
        request, "overview.html",
        totals=data.totals(store),
        timeline=render.quad_chart(data.series(store, everything, freq="month")),
        dyads=data.dyads(store, everything, limit=15),
        world=render.world_map(data.locations(store, everything)),
    )  # fmt: skip


@router.get("/dyad", response_class=HTMLResponse)
def dyad(request: Request, a: PageActor = None, b: PageActor = None, freq: Freq = "month") -> HTMLResponse:
    store = _store(request)
    context: dict[str, Any] = {
        "a": (a or "").upper(),
        "b": (b or "").upper(),
        "freq": freq,
        "actors": data.actors(store),
    }
    if a and b:
        pair = data.Search(pair=(a.upper(), b.upper()))
        rows = data.series(store, pair, freq=freq)
        total, events = data.event_page(store, pair, limit=200, offset=0)
        context.update(
            timeline=render.quad_chart(rows), goldstein=render.goldstein_chart(rows),
            sectors=data.sectors(store, pair), events=events, total=total,
            directions=data.dyads(store, pair, limit=10),
        )  # fmt: skip
    return _page(request, "dyad.html", **context)


@router.get("/events", response_class=HTMLResponse)
def search(
    request: Request, search: Filters, page: Annotated[int, Query(ge=1, le=10_000)] = 1
) -> HTMLResponse:
    total, rows = data.event_page(_store(request), search, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    query = {k: v for k, v in request.query_params.items() if k != "page"}
    pages = max(1, -(-total // PAGE_SIZE))
    links = {
        "prev": "?" + urlencode({**query, "page": page - 1}) if page > 1 else None,
        "next": "?" + urlencode({**query, "page": page + 1}) if page < pages else None,
    }
    return _page(
        request,
        "events.html",
        events=rows,
        total=total,
        page=page,
        pages=pages,
        links=links,
        form=dict(request.query_params),
    )


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: Annotated[str, Path(pattern=r"^[0-9a-f]{8,64}$")]) -> HTMLResponse:
    store = _store(request)
    found = data.event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    evidence = data.evidence(store, found)
    spans: list[tuple[int, int, str]] = []
    if evidence["trigger_in_sentence"]:
        t = evidence["trigger_in_sentence"]
        spans.append((t["start"], t["end"], "trigger"))
    spans += render.actor_span(found.sentence, found.source.text, "actor source")
    if found.target:
        spans += render.actor_span(found.sentence, found.target.text, "actor target")
    return _page(
        request, "event.html", event=found, evidence=evidence, pieces=render.highlight(found.sentence, spans)
    )


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    store = _store(request)
    found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    url = found.url if found.url and urlsplit(found.url).scheme in ("http", "https") else None
    events = store.events(article_id=article_id)
    return _page(
        request,
        "article.html",
        article=found,
        url=url,
        events=events,
        paragraphs=[p for p in found.text.split("\n") if p.strip()],
    )
