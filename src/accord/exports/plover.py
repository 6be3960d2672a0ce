"""PLOVER JSON: one record a line with the data fields of the PLOVER manual ("Data Fields" chapter).

Choices where the manual leaves room:

- ``actor``/``recipient`` entities carry ``code`` (ISO3, or UNO, EUR, IGO, NGO, MNC for non-state actors),
  ``sector``, ``entity_text``, ``identifier_text`` (the canonical name).
- Accord's modality and negation become the manual's auxiliary modes in ``context``: ``negation``,
  ``future`` (intended) and ``hypothetical``.
- ``event_scale`` is the manual's PLOVER score for the event and mode (``data/plover_scores.tsv``);
  ``link`` is the story id that ties together the same event told by several articles.
- Events with no PLOVER category (PLOVER drops CAMEO 01) are not exported.
- Accord's own fields ride along under names the manual does not use: ``cameo``, ``goldstein``,
  ``modality``, ``num_mentions``, ``num_articles``, ``num_sources``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any, BinaryIO

import pyarrow as pa

CODEBOOK = "plover-base (PLOVER manual, Data Fields)"
_AUXILIARY = {"intended": "future", "hypothetical": "hypothetical"}
_ORGS = {"UN": "UNO", "EU": "EUR"}
_SECTOR_ENTITIES = {"IGO": "IGO", "NGO": "NGO"}
_RESOLUTION = {"country": 1, "admin1": 2, "city": 4}


def write_plover(batches: Iterator[pa.RecordBatch], sink: BinaryIO) -> int:
    """Write events as PLOVER JSON records, one a line (the manual suggests JSONL)."""
    count = 0
    for batch in batches:
        for row in batch.to_pylist():
            if not row["plover_event"]:
                continue
            sink.write(json.dumps(plover_record(row), ensure_ascii=False).encode("utf-8") + b"\n")
            count += 1
    return count


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event row (events columns plus article and story fields) as a PLOVER record."""
    day = row["date"] or row["article_published"] or row["stored_at"].date()
    mode = row["plover_mode"]
    context = list(row["plover_contexts"] or [])
    if row["negated"]:
        context.append("negation")
    if row["modality"] in _AUXILIARY:
        context.append(_AUXILIARY[row["modality"]])
    target = _entity(row, "target")
    return {
        "id": row["id"],
        "has_event": True,
        "date": day.isoformat(),
        "actor": [_entity(row, "source")],
        "recipient": [target] if target else [],
        "event": [row["plover_event"]],
        "event_loc": _location(row),
        "event_text": [row["sentence"]],
        "quad_code": row["quad_class"],
        "event_scale": plover_score(row["plover_event"], mode),
        "mode": [mode] if mode else [],
        "context": context,
        "link": row["story_id"],
        "text_info": _text_info(row),
        "cite_info": _cite_info(row),
        "coder": row["coder"],
        "coded_date": (row["coded_at"] or row["stored_at"]).date().isoformat(),
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "modality": row["modality"],
        "num_mentions": row["num_mentions"],
        "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
    }


def _entity(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    if not row[f"{role}_code"] and not row[f"{role}_text"]:
        return None
    country, org, sector = row[f"{role}_country"], row[f"{role}_org"], row[f"{role}_sector"]
    code = country or _ORGS.get(org or "") or _SECTOR_ENTITIES.get(sector or "")
    if code is None and row[f"{role}_kind"] == "company":
        code = "MNC"
    return {
        "code": code,
        "sector": sector,
        "entity_text": row[f"{role}_text"],
        "identifier_text": row[f"{role}_name"],
        "actor_code": row[f"{role}_code"],
    }


def _location(row: dict[str, Any]) -> dict[str, Any] | None:
    if not row["location_name"]:
        return None
    precision = row["location_precision"] or "city"
    return {
        # The words the article used, where the place was named (older stores and inferred places: none).
        "extracted_place": row.get("location_text") or row["location_name"],
        "resolved_place": row["location_name"],
        "geonameid": row["geonameid"],
        "lat": row["lat"],
        "lon": row["lon"],
        "city": row["location_name"] if precision == "city" else None,
        "province": row["location_admin1"],
        "country_code": row["location_country"],
        "resolution": _RESOLUTION.get(precision),
    }


def _text_info(row: dict[str, Any]) -> dict[str, Any]:
    info: dict[str, Any] = {"sequence": row["sentence_index"]}
    if row["trigger_start"] is not None:
        info.update(start=row["trigger_start"], end=row["trigger_end"])
    return info


def _cite_info(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "corpus": row["article_source"],
        "citation": row["article_id"],
        "url": row["article_url"],
        "title": row["article_title"],
        "language": row["article_language"],
        "publication": row["article_outlet"],
        "coder": row["coder"],
        "codebook": CODEBOOK,
    }


@lru_cache(maxsize=1)
def _scores() -> dict[tuple[str, str], float]:
    text = resources.files("accord.exports").joinpath("data", "plover_scores.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")][1:]
    table: dict[tuple[str, str], float] = {}
    for line in lines:
        event, mode, score = line.split("\t")
        table[(event, mode)] = float(score)
    return table


def plover_score(event: str, mode: str | None) -> float | None:
    """The PLOVER manual's conflict-cooperation score of an event and mode (the event's when the mode has none)."""
    scores = _scores()
    key = (mode or "").lower().replace("_", "-")
    return scores.get((event, key), scores.get((event, "")))
