"""Questions asked of the store, answered as Arrow tables (or pandas frames): the Python API of `accord query`.

Every function takes a Store and an ``EventFilter``. An event's day is its own date, else its article's
publication day. Aggregates (series, dyads, stories) leave negated events out: "refrained from
condemning" is no condemnation; the event list shows them, marked, unless the filter says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pyarrow as pa

from accord.errors import UsageError
from accord.store.database import Store

FREQUENCIES = ("day", "week", "month", "year")
QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}

_DAY = "coalesce(e.date, a.published)"
_FROM = "FROM events e JOIN articles a ON a.id = e.article_id"


@dataclass(frozen=True, kw_only=True)
class EventFilter:
    """Which events a query looks at; None means any."""

    actor: str | None = None  # actor code, country or organisation, on either side
    source: str | None = None  # the same, as the source
    target: str | None = None  # the same, as the target
    code: str | None = None  # CAMEO code or its prefix ("04", "042"), or a PLOVER event ("CONSULT")
    sector: str | None = None  # sector of either actor (GOV, MIL, BUS ...)
    since: date | None = None  # first day, included
    until: date | None = None  # last day, included
    negated: bool | None = None  # True: only negated events; False: none of them

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over events ``e`` joined to articles ``a``, and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        if self.actor:
            parts.append(f"({_side('source')} OR {_side('target')})")
            params += [self.actor.upper()] * 6
        for role in ("source", "target"):
            value = getattr(self, role)
            if value:
                parts.append(_side(role))
                params += [value.upper()] * 3
        if self.code:
            code = self.code.strip()
            if code.isdigit():
                parts.append("starts_with(e.cameo, ?)")
            else:
                parts.append("e.plover_event = ?")
                code = code.upper()
            params.append(code)
        if self.sector:
            parts.append("(e.source_sector = ? OR e.target_sector = ?)")
            params += [self.sector.upper()] * 2
        if self.since:
            parts.append(f"{_DAY} >= ?")
            params.append(self.since)
        if self.until:
            parts.append(f"{_DAY} <= ?")
            params.append(self.until)
        if self.negated is not None:
            parts.append("e.negated = ?")
            params.append(self.negated)
        return (" AND ".join(parts) or "TRUE"), params


def _side(role: str) -> str:
    return f"(e.{role}_code = ? OR e.{role}_country = ? OR e.{role}_org = ?)"


def _result(table: pa.Table, as_pandas: bool) -> Any:
    if not as_pandas:
        return table
    try:
        return table.to_pandas()
    except ImportError:
        raise UsageError("pandas is not installed: pip install pandas, or use the Arrow table") from None


def events(
    store: Store, where: EventFilter = EventFilter(), *, limit: int | None = None, as_pandas: bool = False
) -> Any:
    """Events matching the filter, newest day first, with how many mentions, articles and sources tell them."""
    condition, params = where.where()
    sql = f"""
        SELECT e.id, {_DAY} AS day, e.source_code, e.cameo, e.target_code, e.plover_event, e.quad_class,
               e.goldstein, e.negated, e.modality, e.source_sector, e.target_sector, e.location_name,
               e.trigger_text, e.sentence, e.article_id, a.outlet, a.url, e.story_id,
               s.num_mentions, s.num_articles, s.num_sources
        {_FROM} LEFT JOIN stories s ON s.story_id = e.story_id
        WHERE {condition}
        ORDER BY day DESC NULLS LAST, a.stored_at, e.article_id, e.sentence_index
    """
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _result(store.arrow(sql, params), as_pandas)


def dyad_series(
    store: Store,
    source: str,
    target: str,
    *,
    freq: str = "month",
    where: EventFilter = EventFilter(),
    as_pandas: bool = False,
) -> Any:
    """Events of source on target per period: counts by quad class and mean Goldstein, empty periods kept."""
    if freq not in FREQUENCIES:
        raise UsageError(f"frequency must be one of {', '.join(FREQUENCIES)}, not {freq!r}")
    condition, params = replace(where, source=source, target=target, negated=False).where()
    quads = ", ".join(
        f"count(ev.quad_class) FILTER (WHERE ev.quad_class = {q}) AS {n}" for q, n in QUADS.items()
    )
    sql = f"""
        WITH ev AS (
            SELECT date_trunc('{freq}', {_DAY})::DATE AS period, e.quad_class, e.goldstein
            {_FROM} WHERE {condition} AND {_DAY} IS NOT NULL
        ),
        periods AS (
            SELECT unnest(range(min(period), max(period) + INTERVAL 1 {freq}, INTERVAL 1 {freq}))::DATE AS period
            FROM ev HAVING count(*) > 0
        )
        SELECT p.period, count(ev.period) AS events, {quads}, round(avg(ev.goldstein), 3) AS goldstein_mean
        FROM periods p LEFT JOIN ev ON ev.period = p.period
        GROUP BY p.period ORDER BY p.period
    """
    return _result(store.arrow(sql, params), as_pandas)


def dyads(
    store: Store, where: EventFilter = EventFilter(), *, limit: int | None = 20, as_pandas: bool = False
) -> Any:
    """Who acts on whom: each directed dyad with its event counts by quad class, most active first.

    With no limit this is the whole network, one edge a row.
    """
    condition, params = replace(where, negated=False).where()
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS {n}" for q, n in QUADS.items())
    sql = f"""
        SELECT e.source_code, e.target_code, count(*) AS events, {quads},
               round(avg(e.goldstein), 3) AS goldstein_mean, min({_DAY}) AS first_day, max({_DAY}) AS last_day
        {_FROM} WHERE {condition} AND e.target_code IS NOT NULL
        GROUP BY e.source_code, e.target_code
        ORDER BY events DESC, e.source_code, e.target_code
    """
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _result(store.arrow(sql, params), as_pandas)


def stories(
    store: Store,
    where: EventFilter = EventFilter(),
    *,
    min_articles: int = 1,
    limit: int | None = None,
    as_pandas: bool = False,
) -> Any:
    """Events told by several articles linked into one story, with GDELT's mention, article and source counts."""
    condition, params = replace(where, negated=False).where()
    sql = f"""
        SELECT s.story_id, s.date AS day, s.source_code, s.cameo, s.target_code,
               s.num_mentions, s.num_articles, s.num_sources
        FROM stories s
        WHERE s.num_articles >= ? AND s.story_id IN (SELECT e.story_id {_FROM} WHERE {condition})
        ORDER BY s.num_articles DESC, s.num_mentions DESC, day DESC, s.story_id
    """
    params = [int(min_articles), *params]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _result(store.arrow(sql, params), as_pandas)


def failures(
    store: Store, *, stage: str | None = None, limit: int | None = None, as_pandas: bool = False
) -> Any:
    """Inputs that could not be read or coded, most recent first, with how often each was met."""
    sql = """
        SELECT failed_at, stage, source, reason, attempts, first_failed_at, article_id
        FROM failures WHERE (? IS NULL OR stage = ?) ORDER BY failed_at DESC, rowid
    """
    params: list[Any] = [stage, stage]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _result(store.arrow(sql, params), as_pandas)
