"""Recall, fourth round: targets named inside a phrase of the event, what a protest is against, and acts
held over an "unless" (hand-made sentences).

Each sentence is coded as a careful CAMEO coder would code it under gold/FORMAT.md and the verb codebook.
"""

from __future__ import annotations

import pytest
from dyads import actor_code, coded, roots


def _targets(found, root: str) -> set[str | None]:
    return {actor_code(e.target) for e in found if e.cameo.startswith(root) and not e.negated}


# --- an act named as a noun is aimed at whoever did it: "abuses by X", "a demand from X" --------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Chile is investigating alleged abuses by Bolivian border guards.", ("CHL", "BOL", "09")),
    ("Kenyan police launched an investigation into killings committed by Somali militants.", ("KEN", "SOM", "09")),
    ("Mali's junta rejected an ultimatum from the French president over the elections.", ("MLI", "FRA", "12")),
    ("Ghana demanded an apology by Nigeria for the raid.", ("GHA", "NGA", "10")),
    ("Norway condemned the shelling of the port by Russian warships.", ("NOR", "RUS", "11")),
])
def test_act_aimed_at_its_doer(events, sentence, expected):
    assert expected in roots(events(sentence))


# --- a refused or announced act: whom its complement lets act or acts on ------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("The junta in Mali refused to allow UN aircraft to land in the capital.", ("MLI", "IGO", "12")),
    ("Ethiopia refused to lift the blockade on Eritrean ports.", ("ETH", "ERI", "12")),
    ("Japan will give 20 million dollars of food aid for Haiti.", ("JPN", "HTI", "03")),
    ("Cuba said it would allow the return of UN human rights monitors.", ("CUB", "IGO", "03")),
])
def test_complement_names_the_target(events, sentence, expected):
    assert expected in roots(events(sentence))


# --- an act held over an "unless": the side that must act is the target -------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hungary threatened to cut off gas supplies unless Ukraine paid its debts.", ("HUN", "UKR", "13")),
    ("Togo's opposition said it would boycott the vote unless the Togolese president resigned.", ("TGO", "TGO", "13")),
])
def test_unless_names_the_target(events, sentence, expected):
    assert expected in roots(events(sentence))


def test_unless_with_no_actor_names_no_target(events):
    found = events("Kenyan unions will strike unless wages rise.")
    assert _targets(found, "1") <= {None}


# --- the phrases of a nominal act and of the verb that carries it -------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Russia completed the withdrawal of its troops from Syria.", ("RUS", "SYR", "08")),
    ("Syrian forces launched artillery and rocket fire against Turkish army posts.", ("SYR", "TUR", "19")),
    ("Kenyan police confiscated rifles from Somali militiamen.", ("KEN", "SOM", "17")),
])
def test_nominal_act_phrases(events, sentence, expected):
    assert expected in roots(events(sentence))


def test_artillery_fire_is_shelling(events):
    found = coded(events("Syrian forces launched artillery and rocket fire against Turkish army posts."))
    assert any(code == "194" for _, _, code in found)
    assert not any(code.startswith("15") for _, _, code in found)


# --- protests, strikes and riots: what they are against, when the text says it ------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Thousands of Kenyans marched in Nairobi to demand the resignation of the Ugandan president.",
     ("KEN", "UGA", "14")),
    ("Farmers blocked roads to protest at the Chinese trade policy.", ("AGR", "CHN", "14")),
    ("Students in Dhaka held a rally to show their anger at the Indian border policy.", ("BGD", "IND", "14")),
    ("Miners began a hunger strike to press their demands for back pay from the Bolivian government.",
     ("LAB", "BOL", "14")),
    ("Teachers went on strike over a pay freeze imposed by the Kenyan government.", ("EDU", "KEN", "14")),
    # the students take the country of the police they face (stages/local.py)
    ("Students staged a march in protest against abuses by the Zimbabwean police.", ("ZWE", "ZWE", "14")),
])
def test_protest_against(events, sentence, expected):
    assert expected in roots(events(sentence))


def test_going_on_strike_is_no_trip(events):
    found = coded(events("Tunisian lawyers went on strike."))
    assert ("TUN", None, "143") in found
    assert not any(code.startswith("04") for _, _, code in found)


@pytest.mark.parametrize("sentence", [
    "Tunisian lawyers went on strike.",
    "Nurses in Lima staged a protest to demand higher pay.",
    "Hundreds of Serbian students rallied against the government.",
])
def test_protest_with_nothing_named_against_is_not_aimed_at_the_protesters(events, sentence):
    # at no one, or (stages/local.py) at the protesters' own government as CAMEO coders read it
    found = [e for e in events(sentence) if e.cameo.startswith("14") and not e.negated]
    assert all(e.target is None or (e.target.sector == "GOV" and e.target.country == e.source.country)
               for e in found)


# --- a site's own place: "the town of Gao", "a camp in southern Turkey" -------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Rebels attacked an army base in the town of Gao.", ("MLI", "MLI", "19")),  # local stage: rebels where they fight
    ("Syrian refugees rioted at a camp in southern Turkey.", ("SYR", "TUR", "14")),
])
def test_site_in_a_place(events, sentence, expected):
    assert expected in roots(events(sentence))


def test_common_noun_site_alone_is_no_place(events):
    assert _targets(events("Rebels attacked an army base in the town."), "19") <= {None}


def test_demand_of_membership_keeps_its_code(events):
    # the "by" reading must not outrank the specific demand pattern
    assert any(code == "1012" for _, _, code in coded(events("Ukraine demanded NATO membership.")))


# --- more phrasings: a demand's clause on the verb, a boycott of contact, aid cut off in a place, a pullout --------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("The ILO repeated its demand on Monday that Qatar end forced labour.", ("IGO", "QAT", "10")),
    ("The Serbian opposition will boycott contact with the Kosovo government, its leader announced.",
     ("SRB", "XKX", "13")),
    ("The Red Crescent suspended food deliveries in Yemen after the attack.", ("NGO", "YEM", "16")),
    ("The Pentagon accelerated the pullout of its forces from Afghanistan.", ("USA", "AFG", "08")),
    ("Sudanese militias were engaged in ethnic cleansing in Darfur against Chadian villagers.", ("SDN", "TCD", "20")),
])
def test_more_phrasings(events, sentence, expected):
    assert expected in roots(events(sentence))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Kenyan government instituted a curfew in Mombasa.", ("KEN", "KEN", "17")),
    ("Washington will prohibit all aid to Somali militias.", ("USA", "SOM", "13")),
])
def test_curfew_and_aid_ban_verbs(events, sentence, expected):
    assert expected in roots(events(sentence))
