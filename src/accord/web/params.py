"""Query parameters shared by the API and the pages, validated before any SQL sees them."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query

from accord.store.queries import EventFilter
from accord.web.data import Search

ACTOR = r"^[A-Za-z0-9_]{2,24}$"
CODE = r"^([0-9]{2,4}|[A-Za-z_]{2,24})$"

Actor = Annotated[str | None, Query(pattern=ACTOR, description="actor code, country (ISO3) or organisation")]


def search_params(
    actor: Actor = None,
    source: Actor = None,
    target: Actor = None,
    dyad: Annotated[
        str | None,
        Query(
            pattern=r"^[A-Za-z0-9_]{2,24},[A-Za-z0-9_]{2,24}$",
            description="two actors, comma-separated: events between them, either direction",
        ),
    ] = None,
    code: Annotated[
        str | None,
        Query(pattern=CODE, description="CAMEO code or prefix (042, 04) or a PLOVER event (CONSULT)"),
    ] = None,
    quad_class: Annotated[
        int | None, Query(ge=1, le=4, description="1 verbal coop ... 4 material conflict")
    ] = None,
    sector: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,8}$", description="GOV, MIL, BUS ...")] = None,
    since: Annotated[date | None, Query(description="first day, included (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="last day, included (YYYY-MM-DD)")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="text in the sentence or article title")
    ] = None,
) -> Search:
    """The event filter of a request."""
    pair = tuple(dyad.upper().split(",")) if dyad else None
    return Search(
        filter=EventFilter(
            actor=actor, source=source, target=target, code=code, sector=sector, since=since, until=until
        ),
        quad_class=quad_class,
        q=q.strip() or None if q else None,
        pair=pair,  # type: ignore[arg-type]
    )


Filters = Annotated[Search, Depends(search_params)]
Limit = Annotated[int, Query(ge=1, le=500, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="rows to skip")]
Freq = Annotated[str, Query(pattern=r"^(day|week|month|year)$", description="day, week, month or year")]
