"""Reads the dashboard and the API need beyond store/queries.py, in parameterised SQL over the same Store.

Filters come from ``EventFilter.where()`` (parameterised), extended here with a quad class, a text search
and both directions of a dyad. Values are always parameters; only fixed SQL fragments are formatted in.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from accord.records import Article, Event
from accord.store.database import Store
from accord.store.queries import FREQUENCIES, QUADS, EventFilter
from accord.store.rows import event_from_row
from accord.store.schema import EVENT_COLUMNS

DAY = "coalesce(e.date, a.published)"
FROM = "FROM events e JOIN articles a ON a.id = e.article_id"
_QUAD_COUNTS = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS {n}" for q, n in QUADS.items())


@dataclass(frozen=True, kw_only=True)
class Search:
    """An EventFilter plus what the web adds: a quad class, a text search, an undirected dyad."""

    filter: EventFilter = field(default_factory=EventFilter)
    quad_class: int | None = None
    q: str | None = None  # case-insensitive substring of the sentence or the article title
    pair: tuple[str, str] | None = None  # events between these two actors, either direction

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over events ``e`` joined to articles ``a``, and its parameters."""
        condition, params = self.filter.where()
        parts, params = [condition], list(params)
        if self.quad_class is not None:
            parts.append("e.quad_class = ?")
            params.append(int(self.quad_class))
        if self.q:
            parts.append("(contains(lower(e.sentence), ?) OR contains(lower(coalesce(a.title, '')), ?))")
            params += [self.q.lower()] * 2
        if self.pair:
            a, b = self.pair
            forward, p1 = EventFilter(source=a, target=b).where()
            backward, p2 = EventFilter(source=b, target=a).where()
            parts.append(f"(({forward}) OR ({backward}))")
            params += p1 + p2
        return " AND ".join(parts), params


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return store.arrow(sql, params).to_pylist()


def event_page(store: Store, search: Search, *, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """One page of matching events, newest first, and how many match in all."""
    condition, params = search.where()
    total = _rows(store, f"SELECT count(*) AS n {FROM} WHERE {condition}", params)[0]["n"]
    sql = f"""
        SELECT e.id, {DAY} AS day, e.source_code, e.source_name, e.cameo, e.target_code, e.target_name,
               e.plover_event, e.quad_class, e.goldstein, e.negated, e.modality, e.source_sector,
               e.target_sector, e.location_name, e.trigger_text, e.sentence, e.article_id, a.title, a.outlet
        {FROM} WHERE {condition}
        ORDER BY day DESC NULLS LAST, a.stored_at, e.article_id, e.sentence_index, e.id
        LIMIT ? OFFSET ?
    """
    return int(total), _rows(store, sql, [*params, int(limit), int(offset)])


def event(store: Store, event_id: str) -> Event | None:
    """The stored event with this id, or None."""
    sql = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE id = ?"
    found = _rows(store, sql, [event_id])
    return event_from_row(found[0]) if found else None


def evidence(store: Store, found: Event) -> dict[str, Any]:
    """Where an event comes from: sentence, trigger offsets (in the article and the sentence), rule, article."""
    article = store.article(found.article_id)
    sentence_start = article.text.find(found.sentence) if article else -1
    trigger = found.trigger.to_json() if found.trigger else None
    in_sentence = None
    if found.trigger:
        start = found.trigger.start - sentence_start if sentence_start >= 0 else -1
        if not (0 <= start and found.sentence[start : start + len(found.trigger.text)] == found.trigger.text):
            start = found.sentence.find(found.trigger.text)
        if start >= 0:
            in_sentence = {"start": start, "end": start + len(found.trigger.text)}
    return {
        "sentence": found.sentence,
        "sentence_index": found.sentence_index,
        "sentence_start": sentence_start if sentence_start >= 0 else None,
        "trigger": trigger,
        "trigger_in_sentence": in_sentence,
        "rule": found.rule,
        "article": article_summary(article) if article else None,
    }


def article_summary(article: Article) -> dict[str, Any]:
    """An article without its text."""
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
    }


def dyads(store: Store, search: Search, *, limit: int) -> list[dict[str, Any]]:
    """Directed dyads with counts by quad class, most active first (negated events left out)."""
    condition, params = replace(search, filter=replace(search.filter, negated=False)).where()
    sql = f"""
        SELECT e.source_code, e.target_code, count(*) AS events, {_QUAD_COUNTS},
               round(avg(e.goldstein), 3) AS goldstein_mean, min({DAY}) AS first_day, max({DAY}) AS last_day
        {FROM} WHERE {condition} AND e.target_code IS NOT NULL
        GROUP BY e.source_code, e.target_code ORDER BY events DESC, e.source_code, e.target_code LIMIT ?
    """
    return _rows(store, sql, [*params, int(limit)])


def series(store: Store, search: Search, *, freq: str) -> list[dict[str, Any]]:
    """Matching events per period (counts by quad class, mean Goldstein), negated left out, gaps kept."""
    if freq not in FREQUENCIES:
        raise ValueError(f"frequency must be one of {', '.join(FREQUENCIES)}")
    condition, params = replace(search, filter=replace(search.filter, negated=False)).where()
    quads = ", ".join(
        f"count(ev.quad_class) FILTER (WHERE ev.quad_class = {q}) AS {n}" for q, n in QUADS.items()
    )
    sql = f"""
        WITH ev AS (SELECT date_trunc('{freq}', {DAY})::DATE AS period, e.quad_class, e.goldstein
                    {FROM} WHERE {condition} AND {DAY} IS NOT NULL),
        periods AS (SELECT unnest(range(min(period), max(period) + INTERVAL 1 {freq}, INTERVAL 1 {freq}))::DATE
                    AS period FROM ev HAVING count(*) > 0)
        SELECT p.period, count(ev.period) AS events, {quads}, round(avg(ev.goldstein), 3) AS goldstein_mean
        FROM periods p LEFT JOIN ev ON ev.period = p.period GROUP BY p.period ORDER BY p.period
    """
    return _rows(store, sql, params)


def sectors(store: Store, search: Search) -> list[dict[str, Any]]:
    """Sectors of the actors in matching events, with how many events each takes part in."""
    condition, params = search.where()
    sql = f"""
        SELECT sector, count(*) AS events FROM (
            SELECT e.id, unnest([e.source_sector, e.target_sector]) AS sector {FROM} WHERE {condition}
        ) WHERE sector IS NOT NULL GROUP BY sector ORDER BY events DESC, sector
    """
    return _rows(store, sql, params)


def actors(store: Store, *, limit: int = 500) -> list[dict[str, Any]]:
    """Actor codes, countries and organisations seen in events, most frequent first (the dashboard's picker)."""
    sql = """
        SELECT code, any_value(name) AS name, count(*) AS events FROM (
            SELECT source_code AS code, source_name AS name FROM events
            UNION ALL SELECT target_code, target_name FROM events
            UNION ALL SELECT source_country, source_country FROM events
            UNION ALL SELECT target_country, target_country FROM events
        ) WHERE code IS NOT NULL GROUP BY code ORDER BY events DESC, code LIMIT ?
    """
    return _rows(store, sql, [int(limit)])


def locations(store: Store, search: Search, *, limit: int = 2000) -> list[dict[str, Any]]:
    """Places of matching events with coordinates, and how many events each holds."""
    condition, params = search.where()
    sql = f"""
        SELECT e.location_name AS name, e.location_country AS country, round(e.lat, 3) AS lat,
               round(e.lon, 3) AS lon, count(*) AS events
        {FROM} WHERE {condition} AND e.lat IS NOT NULL AND e.lon IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, name LIMIT ?
    """
    return _rows(store, sql, [*params, int(limit)])


def totals(store: Store) -> dict[str, Any]:
    """How many articles and events, and the first and last event day."""
    sql = f"SELECT count(*) AS events, min({DAY}) AS first_day, max({DAY}) AS last_day {FROM}"
    row = _rows(store, sql, [])[0]
    row["articles"] = store.counts()["articles"]
    return row
