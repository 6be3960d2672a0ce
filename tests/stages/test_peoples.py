"""A people named by a plural demonym belongs to the state the words say, not always to its kin state:
"Bosnian Croats" are Bosnian, "ethnic Hungarians in Romania" Romanian (hand-made sentences)."""

from __future__ import annotations

import pytest


def _sources(found):
    return [e.source.country for e in found if not e.negated]


@pytest.mark.parametrize(("sentence", "country"), [
    # a nationality before a people of peoples.tsv
    ("Bosnian Croats protested against the electoral law in Mostar.", "BIH"),
    ("Kosovo Serbs blocked roads to protest against the arrest of a former policeman.", "XKX"),
    # a place after "of"
    ("The Hungarians of northern Serbia demanded autonomy from Belgrade.", "SRB"),
    # "ethnic": a place in the phrase, or where the act happens
    ("Ethnic Russians in eastern Ukraine demanded autonomy from Kyiv.", "UKR"),
    ("Thousands of ethnic Armenians demonstrated in Georgia against the new law.", "GEO"),
])
def test_the_words_say_whose_a_people_is(events, sentence, country):
    assert country in _sources(events(sentence))


@pytest.mark.parametrize(("sentence", "country"), [
    ("Turkish Cypriots protested against the new border rules.", "CYP"),  # Cypriots: a nationality, not a people
    ("Russians in Syria bombed a market in Idlib.", "RUS"),  # no "ethnic": "in" says where, not whose
    ("Ethnic Uzbeks protested against the new language law.", "UZB"),  # nothing says otherwise
])
def test_otherwise_the_demonym_names_the_state(events, sentence, country):
    assert country in _sources(events(sentence))


@pytest.mark.parametrize(("sentence", "dyad"), [
    # a people no table knows under a nationality is the country's people, not its state: their protest
    # against the state has a target
    ("Thousands of Syrian Kurds marched in Qamishli calling for autonomy from Syria.", ("SYR", "SYR")),
    ("Lebanese Shiites protested against the Lebanese government.", ("LBN", "LBN")),
])
def test_a_people_under_a_nationality_acts_as_civilians(events, sentence, dyad):
    found = [e for e in events(sentence) if e.cameo.startswith("14") and e.target is not None]
    assert found and found[0].source.sector == "CVL"
    assert (found[0].source.country, found[0].target.country) == dyad
