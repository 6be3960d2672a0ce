"""Who and where when the parse or the tables mislead: an apposition beyond the verb, deputies' surnames,
US states against foreign towns of their name (hand-made sentences).

Each sentence is coded as a careful CAMEO coder would code it under gold/FORMAT.md.
"""

from __future__ import annotations

import pytest

from accord.knowledge.gazetteer import get_gazetteer


def test_a_list_after_the_verb_is_not_the_travellers_country(events):
    # The parser hangs "the Philippines" on "Sherman" as an apposition; no Philippine Sherman travels.
    found = events("Deputy Secretary of State Wendy Sherman will travel to the Republic of Korea (ROK), the "
                   "Philippines, Vietnam, and Laos from June 5 to 14.", "2022-06-03")
    sources = {e.source.country for e in found if e.cameo.startswith("036")}
    assert found and not sources & {"PHL", "VNM", "LAO"}


def test_a_deputys_surname_is_not_a_ministers(events):
    # China's table holds a minister Choi; a vice minister Choi is someone else.
    found = events("Vice Foreign Minister Choi met Deputy Secretary Sherman in Seoul.", "2021-07-21")
    assert found and all("CHN" not in (e.source.code, e.target and e.target.code) for e in found)


def test_the_vice_president_of_the_day(events):
    found = events("Vice President Harris visited Poland.", "2022-03-10")
    assert ("USAGOV", "POL", "042") in {(e.source.code, e.target and e.target.code, e.cameo) for e in found}


@pytest.mark.parametrize("name", ["Arizona", "Colorado", "Florida", "Maryland", "Montana", "Virginia"])
def test_a_us_state_outranks_a_foreign_town_or_region_of_its_name(name):
    place = get_gazetteer().lookup(name)
    assert place is not None and (place.country, place.precision) == ("USA", "admin1")


def test_a_state_governor_is_american(events):
    found = events("Florida Governor Ron DeSantis declared a state of emergency.", "2019-09-02")
    assert any(e.source.country == "USA" for e in found)
