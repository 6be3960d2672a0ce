"""Recall, fifth round: crowd-control weapons, condolences and tributes, house arrest, allegations,
yielding to demands, statements that carry an act, "neither ... nor" negation, "Place-based" bodies
and event words that only name an actor (hand-made sentences).

Each sentence is coded as a careful CAMEO coder would code it under gold/FORMAT.md and the verb codebook.
"""

from __future__ import annotations

import pytest
from dyads import coded, roots

# --- repression: crowd-control weapons used or fired on people (codebook 175) -------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Serbian police used tear gas against opposition demonstrators in Belgrade.", ("SRBPOL", "SRBCVL", "175")),
    ("Chilean police used rubber bullets and water cannons against student protesters.",
     ("CHLPOL", "CHLCVL", "175")),
    ("Georgian riot police used force against protesters outside parliament in Tbilisi.",
     ("GEOPOL", "GEOCVL", "175")),
    ("Indonesian police fired live rounds at protesters in Jakarta.", ("IDNPOL", "IDNCVL", "175")),
    ("Peruvian police fired and landed a rubber bullet on a protester in Lima.", ("PERPOL", "PERCVL", "175")),
])
def test_crowd_control_is_repression(events, sentence, expected):
    assert expected in coded(events(sentence))


def test_event_word_naming_an_actor_is_no_event(events):
    """ "riot police" are police, not a riot."""
    found = coded(events("Belarusian riot police detained dozens of demonstrators in Minsk."))
    assert ("BLRPOL", "BLRCVL", "173") in found
    assert not any(code.startswith("14") for _, _, code in found)


# --- "land" with an object is no arrival ---------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The Turkish defence firm landed a contract with Qatar.",
    "Police in Lima landed a rubber bullet on a protester.",
])
def test_land_with_an_object_is_no_visit(events, sentence):
    assert not any(code.startswith("04") for _, _, code in coded(events(sentence)))


def test_landing_in_a_country_is_still_a_visit(events):
    assert ("TURGOV", "AZE", "042") in coded(events("The Turkish president landed in Baku on Monday."))


# --- condolences and tributes (018), house arrest (173) ------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Indian prime minister paid tribute to the Nepalese victims of the avalanche.", ("IND", "NPL", "01")),
    ("Jordan's king paid homage to the Egyptian soldiers killed in the attack.", ("JOR", "EGY", "01")),
    ("A Thai court placed the former Thai prime minister under house arrest.", ("THA", "THA", "17")),
    ("Myanmar's military put the Myanmar president under house arrest.", ("MMR", "MMR", "17")),
])
def test_tribute_and_house_arrest(events, sentence, expected):
    assert expected in roots(events(sentence))


def test_tribute_code_is_empathy(events):
    found = coded(events("The Indian prime minister paid tribute to the Nepalese victims of the avalanche."))
    assert any(code == "018" for _, _, code in found)


# --- an allegation made by an actor accuses who it names (112) -----------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ghana alleged that Togolese soldiers had crossed the border.", ("GHA", "TGO", "11")),
    ("Ukraine's foreign ministry alleged Russian troops had shelled the town.", ("UKR", "RUS", "11")),
])
def test_allegation_is_an_accusation(events, sentence, expected):
    assert expected in roots(events(sentence))


def test_alleged_as_adjective_accuses_no_one(events):
    found = coded(events("Chile is investigating the alleged fraud."))
    assert not any(code.startswith("11") for _, _, code in found)


# --- yielding to demands (080) ---------------------------------------------------------------------------

def test_conceding_to_demands_is_yielding(events):
    found = roots(events("The Zambian president conceded to demands from Zambian opposition parties."))
    assert ("ZMB", "ZMB", "08") in found


# --- a statement, resolution or letter issued carries its issuer's act -----------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Iranian foreign ministry issued a statement condemning Israel.", ("IRN", "ISR", "11")),
    ("The Kenyan parliament passed a resolution condemning Uganda's incursion.", ("KEN", "UGA", "11")),
    ("Nigeria released a communique urging Niger to restore civilian rule.", ("NGA", "NER", "02")),
])
def test_issued_text_speaks_for_its_issuer(events, sentence, expected):
    assert expected in roots(events(sentence))


def test_participle_on_other_nouns_keeps_its_own_subject(events):
    """Only an issued text speaks for its issuer: "a man carrying a flag" does not make the police carry it."""
    found = coded(events("Kenyan police arrested a man condemning Uganda."))
    assert not any(src.startswith("KEN") and code.startswith("11") for src, _, code in found)


# --- "neither X nor Y", "no X" deny the act of all they name ---------------------------------------------

def test_neither_nor_negates_both(events):
    found = events("Neither France nor Germany would endorse the Italian proposal.")
    assert {e.source.code for e in found if e.cameo.startswith("05")} == {"FRA", "DEU"}
    assert all(e.negated for e in found if e.cameo.startswith("05"))


def test_neither_nor_negates_a_past_act(events):
    assert ("KEN", "SOM", "154") in coded(events("Neither Kenya nor Uganda sent troops to Somalia."), negated=True)
    assert not coded(events("Neither Kenya nor Uganda sent troops to Somalia."))


def test_either_or_is_not_negated(events):
    found = coded(events("Either Kenya or Uganda sent troops to Somalia."))
    assert ("KEN", "SOM", "154") in found


# --- "Place-based": the seat of a body gives its country, never an actor of its own ----------------------

@pytest.mark.parametrize(("sentence", "source"), [
    ("The Kenya-based company signed a deal with Uganda.", "KENBUS"),
    ("UK-based retailer Tesco signed a supply deal with Thailand.", "GBRBUS"),
    ("The Doha-based broadcaster criticised Egypt.", "QAT"),
])
def test_seat_gives_the_country(events, sentence, source):
    assert any(src.startswith(source) for src, _, _ in coded(events(sentence)))


def test_seat_yields_to_a_named_nationality(events):
    found = coded(events("The London-based Syrian Observatory for Human Rights accused Turkey of shelling villages."))
    assert any(src.startswith("SYR") and code.startswith("11") for src, _, code in found)
    assert not any(src.startswith("GBR") for src, _, _ in found)


def test_seat_is_no_government(events):
    found = coded(events("A Berlin-based charity provided aid to Syrian refugees."))
    assert ("DEUNGO", "SYRCVL", "070") in found
    assert not any(src == "DEUGOV" for src, _, _ in found)


# --- who arrests: a force named by its role alone arrests in its own country ----------------------------

def test_army_arresting_a_leader_is_his_countrys(events):
    found = coded(events("The army moved on Tuesday, having first placed the Gabonese president under house arrest."))
    assert ("GABMIL", "GABGOV", "173") in found


# --- a perfect with "before" recalls, it reports no event --------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Although Bolivian police have used tear gas against protesters before, the march was calm.",
    "Serbia has previously expelled Croatian diplomats.",
])
def test_recalled_act_is_no_event(events, sentence):
    assert not coded(events(sentence))


def test_recent_act_is_still_an_event(events):
    assert ("SRB", "HRV", "16") in roots(events("Serbia has expelled Croatian diplomats."))
