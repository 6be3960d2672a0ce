"""Response models of the REST API: the OpenAPI schema then documents what each endpoint returns.

An event is the JSON contract of DESIGN.md (``Event.to_json``); a test checks that these models and the
records name the same fields. Rows of the list endpoints (events, dyads, series, actors, places) are the
store's flat columns and stay open dictionaries.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field


class ActorOut(BaseModel):
    text: str = Field(description="the words of the article naming the actor")
    name: str
    code: str = Field(description="CAMEO-style actor code: country, then sector (PAKGOV, BLRBUS)")
    country: str | None = Field(description="ISO 3166-1 alpha-3")
    org: str | None = Field(description="IGO or organisation code when the actor is one")
    sector: str | None
    kind: str = Field(description="state, person, organisation, company or group")


class PlaceOut(BaseModel):
    name: str
    country: str | None = Field(description="ISO 3166-1 alpha-3")
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str = Field(description="country, admin1 or city")
    text: str | None = Field(description="the place's name as the article wrote it; null when inferred")


class PloverOut(BaseModel):
    event: str = Field(description="PLOVER event type")
    mode: str | None
    contexts: list[str]


class TriggerOut(BaseModel):
    text: str
    start: int = Field(description="character offset in the article text")
    end: int


class EventOut(BaseModel):
    """One coded event, as `accord code --format jsonl` prints it."""

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    source: ActorOut
    target: ActorOut | None
    cameo: str
    cameo_root: str
    plover: PloverOut
    quad_class: int
    goldstein: float
    negated: bool
    modality: str = Field(description="asserted, intended, reported or hypothetical")
    date: date | None
    date_precision: str = Field(description="day, month, year or published")
    location: PlaceOut | None
    trigger: TriggerOut | None
    rule: str = Field(description="the pattern that fired")
    confidence: float
    coder: str


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = Field(description="events as rows of the store's events table")


class EventDetail(BaseModel):
    event: EventOut
    evidence: dict[str, Any] = Field(description="the article and the sentence's trigger and actor spans")


class Items(BaseModel):
    items: list[dict[str, Any]]


class Series(BaseModel):
    freq: str
    items: list[dict[str, Any]] = Field(description="one row per period, empty periods included")


class ArticleOut(BaseModel):
    id: str
    text: str
    url: str | None
    outlet: str | None
    title: str | None
    published: date | None
    published_source: str | None
    language: str
    source: str | None
    events: list[str] = Field(description="ids of the article's events")


class Coded(BaseModel):
    events: list[EventOut]


class Ingested(BaseModel):
    new: int
    existing: int
    events: int
    failed: int
