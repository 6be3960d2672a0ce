"""An official no table knows, named with the title, is an actor coded by the office's sector alone."""

from __future__ import annotations

import pytest

CASES = [
    # (text, the source actor's (code, country) expected on the event with this CAMEO root)
    ("President Joaquim Mbeleza gave in to the demands of the strikers.", "08", ("GOV", None)),
    ("Judge Alejandra Ruvalcaba opened an investigation into the mayor.", "09", ("JUD", None)),
    ("Prime Minister Tomasz Wierzbicki criticised the Belarusian government.", "11", ("GOV", None)),
    # The country named beside the title still wins, and a known person keeps their table's country.
    ("Malawian President Joaquim Mbeleza criticised Zambia.", "11", ("MWIGOV", "MWI")),
    ("President Emmanuel Macron criticised Russia.", "11", ("FRAGOV", "FRA")),
]


@pytest.mark.parametrize(("text", "root", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_a_titled_unknown_official_is_an_actor(events, text: str, root: str, expected: tuple) -> None:
    found = [e for e in events(text, "2019-06-01") if e.cameo.startswith(root)]
    assert found, f"no {root} event"
    assert (found[0].source.code, found[0].source.country) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Former President Joaquim Mbeleza criticised the rebels.",  # no longer speaks for a government
        "General Director Ivan Petrovsky criticised the ministry.",  # "General" here is no rank, and no sector
        "Mr Tomasz Wierzbicki criticised the rebels.",  # no office at all
    ],
)
def test_no_actor_without_a_state_office(events, text: str) -> None:
    assert not [e for e in events(text, "2019-06-01") if e.cameo.startswith("11")]


@pytest.mark.parametrize(("text", "published", "country"), [
    # another first name before a surname the table knows is another person
    ("Arizona Governor Greg Abbott criticised Mexico.", "2014-06-01", "USA"),  # the region, not Tony Abbott
    ("Senator Hunter Putin criticised Ukraine.", "2019-06-01", None),
    # the person's own first name, its short form, a title or an honorific before the surname
    ("Prime Minister Tony Abbott criticised Indonesia.", "2014-06-01", "AUS"),
    ("Defence Minister Benjamin Gantz criticised Hamas.", "2021-06-01", "ISR"),
    ("Mr. Putin criticised Ukraine.", "2019-06-01", "RUS"),
])
def test_a_surname_alone_must_agree_with_the_first_name_written(events, text, published, country):
    found = [e for e in events(text, published) if e.cameo.startswith("11")]
    assert found and found[0].source.country == country


@pytest.mark.parametrize(("text", "country"), [
    # a first-level region named with an office gives its country
    ("Texas Governor Greg Abbott criticised Mexico.", "USA"),
    ("The Kerala government criticised Saudi Arabia.", "IND"),
    ("The police chief of Bavaria criticised Austria.", "DEU"),
    # a city before a region word stands for its region
    ("The deputy governor of the Tyumen region criticised Kazakhstan.", "RUS"),
])
def test_a_regional_official_belongs_to_the_regions_country(events, text, country):
    found = [e for e in events(text, "2019-06-01") if e.cameo.startswith("11")]
    assert found and found[0].source.country == country


def test_a_place_in_a_universitys_name_is_no_country(events):
    found = [e for e in events("Saint Louis University criticised Kenya.", "2019-06-01")]
    assert all(e.source.country != "SYC" for e in found)


def test_a_region_two_countries_share_gives_no_country(events):
    # India's Punjab and Pakistan's: the phrase alone cannot tell
    found = [e for e in events("The governor of Punjab criticised Afghanistan.", "2019-06-01")
             if e.cameo.startswith("11")]
    assert all(e.source.country not in {"IND", "PAK"} for e in found)
