"""Recall rules: actors named without a country, group tables, clause complements, refusals (hand-made sentences).

Each sentence is coded as a careful CAMEO coder would code it under gold/FORMAT.md and the verb codebook.
"""

from __future__ import annotations

import pytest
from dyads import actor_code, coded

# --- groups.tsv: armed groups and NGOs with no country cue ------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hezbollah fighters attacked an Israeli patrol.", ("LBNREB", "ISR", "190")),
    ("The Taliban kidnapped two Indian engineers.", ("AFGREB", "IND", "181")),
    ("Amnesty International accused Egypt of torturing detainees.", ("NGOAMN", "EGY", "112")),
    ("Red Cross officials suspended aid deliveries to Yemen.", ("NGOIRC", "YEM", "164")),
    ("Human Rights Watch criticized Bahrain.", ("NGOHRW", "BHR", "110")),
    ("Al-Qaeda threatened France.", ("IMGMOSALQ", "FRA", "130")),
])
def test_groups_are_actors(events, sentence, expected):
    assert expected in coded(events(sentence))


def test_a_groups_leader_speaks_for_the_group(events):
    # a GOV office word under a group's name is the group's ("Hamas leaders"), not a government's
    assert ("PSEREB", "ISR", "130") in coded(events("Hamas leaders threatened Israel."))


# --- generic actors: a group named by its role alone -----------------------------------------------------

def test_rebels_with_no_country_are_coded_by_sector(events):
    found = events("Rebels attacked Ugandan troops near the border.")
    assert ("REB", "UGAMIL", "190") in coded(found)


def test_police_acting_on_people_is_domestic(events):
    found = events("Police arrested twelve protesters in the capital.")
    assert ("POL", "CVL", "173") in coded(found)


def test_a_named_place_beats_a_generic_object_as_target(events):
    # the object "militants" is only a role: the country of the place is the target, as before
    found = events("The Turkish air force bombed Kurdish militants in northern Iraq.")
    assert ("TURMIL", "IRQ", "195") in coded(found)


def test_a_domestic_institution_takes_the_dateline_country(events):
    found = events("NAIROBI, June 3 (Reuters) - Riot police fired tear gas at opposition supporters.")
    assert any(e.source.code == "KENPOL" for e in found)


def test_generic_actors_are_no_mentions(events):
    # PETRARCH mode falls back on mentions: a role word alone must not become one
    from accord.coder import get_coder
    from accord.records import Article

    doc = get_coder().pipeline.run(Article.create(text="Rebels attacked a convoy."))
    assert not doc.mentions


# --- quantities: "thousands of", "a group of", "members of" ----------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("A group of Moroccan diplomats held talks with Tunisian officials.", ("MARGOV", "TUNGOV", "040")),
    ("Thousands of Kenyan students demonstrated against the government of Uganda.", ("KENEDU", "UGAGOV", "141")),
    ("Members of Hamas attacked Israel.", ("PSEREB", "ISR", "190")),
])
def test_a_quantity_head_stands_for_its_of_phrase(events, sentence, expected):
    assert expected in coded(events(sentence))


# --- clause complements: demands, obligations, announcements --------------------------------------------

def test_demanded_that_x_do_targets_x(events):
    found = events("Norway demanded that the Sudanese government end curbs on the press.")
    assert ("NOR", "SDNGOV", "100") in coded(found)


def test_said_x_must_is_a_demand_and_the_act_is_not_done(events):
    found = events("Germany said on Friday that Iran must release the sailors.")
    assert ("DEU", "IRN", "100") in coded(found)
    assert all(e.modality == "hypothetical" for e in found if e.cameo_root == "08")


def test_agreed_to_what_finds_no_actor_is_a_plain_agreement(events):
    # the complement ("a ceasefire") has patterns but names no one: the announcement is still 030
    found = events("Armenia and Azerbaijan agreed to a ceasefire.")
    assert {e.source.code for e in found if e.cameo == "030"} == {"ARM", "AZE"}


def test_agreed_to_an_act_that_fires_is_that_acts_intent(events):
    found = events("Armenia agreed to meet Azerbaijan.")
    assert ("ARM", "AZE", "036") in coded(found) and not any(e.cameo == "030" for e in found)


# --- refusals: the codebook's 12 codes mirror its 03 codes -----------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Nigeria refused to extradite the suspect to Ghana.", ("NGA", "GHA", "1213")),
    ("The Kenyan president declined to meet the Somali foreign minister.", ("KENGOV", "SOMGOV", "125")),
    ("Chile refused to send peacekeepers to Haiti.", ("CHL", "HTI", "1224")),
])
def test_a_refusal_is_a_rejection_of_the_act(events, sentence, expected):
    found = events(sentence)
    assert expected in coded(found)
    refused = [e for e in found if e.cameo_root != "12"]
    assert all(e.negated for e in refused)  # the act itself did not happen


def test_declining_to_comment_stays_011(events):
    found = events("The Kenyan foreign ministry declined to comment on the Somali report.")
    assert "011" in {e.cameo for e in found} and not any(e.cameo_root == "12" for e in found)


# --- objects: a compound says what the object is --------------------------------------------------------

def test_a_head_object_beats_its_compound(events):
    # "ceasefire proposal" is a proposal (125), not a ceasefire (1246)
    assert ("ISR", "EGY", "125") in coded(events("Israel rejected Egypt's ceasefire proposal."))


def test_a_compound_names_the_object_when_the_head_says_nothing(events):
    assert ("JPN", "MMR", "164") in coded(events("Japan suspended aid deliveries to Myanmar."))


# --- protests: the place's country is the target when no one is named --------------------------------------

def test_a_protest_in_a_country_targets_it(events):
    found = events("Thousands of ethnic Albanians demonstrated in Serbia on Tuesday.")
    assert any(e.cameo_root == "14" and actor_code(e.target) == "SRB" for e in found)


def test_a_common_noun_after_in_is_no_place(events):
    # "in defiance of" must not find Defiance, Ohio
    found = events("Thousands of Kenyans blocked streets in Nairobi in defiance of the police.")
    assert not any(e.target is not None and e.target.country == "USA" for e in found)
