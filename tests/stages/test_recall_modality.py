"""Announced acts and refusals, alert and border phrasings, older leaders (hand-made sentences).

Each sentence is coded as a careful CAMEO coder would code it under the verb codebook: a promise or a
stated readiness to act is the 03x intent, a stated "will not" is the 12x refusal that mirrors it.
"""

from __future__ import annotations

import pytest
from dyads import actor_code, coded

# --- intent: "said it would", "is willing to", "will support" --------------------------------------------


def test_would_in_reported_speech_is_an_announced_act(events):
    # reported speech turns "will send" into "would send": an intent to give aid (0333), not a guess
    found = events("Peru said it would send food to Bolivia.")
    assert ("PER", "BOL", "0333") in coded(found)
    assert all(e.modality == "intended" for e in found if e.cameo == "0333")


def test_would_with_a_condition_stays_hypothetical(events):
    found = events("Peru would send food to Bolivia if the floods worsened.")
    assert all(e.modality == "hypothetical" for e in found)


def test_willing_to_is_an_intent(events):
    assert ("ESP", "MLI", "0356") in coded(events("Spain is willing to withdraw its troops from Mali."))


def test_will_support_is_a_promise_of_support(events):
    # codebook 032: offered or promised support for a policy or goal
    assert ("ITA", "GRC", "032") in coded(events("Italy will support Greece's bid."))


# --- refusal: "will not" ----------------------------------------------------------------------------------


def test_will_not_accept_is_a_refusal(events):
    found = events("Egypt will not accept refugees from Sudan.")
    assert ("EGY", "SDN", "1223") in coded(found)  # refusing humanitarian aid (0333 -> 1223)


def test_would_not_meet_demands_is_a_refusal(events):
    assert ("KEN", "SOM", "123") in coded(events("Kenya said it would not meet the demands of Somalia."))


def test_a_reported_failure_is_no_refusal(events):
    found = events("Kenya failed to accept the demands of Somalia.")
    assert not any(e.cameo_root == "12" for e in found)


# --- codebook phrasings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hungary closed its border with Serbia.", ("HUN", "SRB", "191")),
        ("Germany paid compensation to Namibia.", ("DEU", "NAM", "080")),
        ("Jordan opened its borders to Syria.", ("JOR", "SYR", "073")),
    ],
)
def test_codebook_phrasings(events, sentence, expected):
    assert expected in coded(events(sentence))


def test_troops_on_alert_show_force(events):
    found = events("Turkish troops remained on alert near the border.")
    assert any(e.cameo == "152" and e.source.code == "TURMIL" for e in found)


def test_warships_are_the_military(events):
    found = events("Russian warships attacked Ukrainian positions.")
    assert any(e.cameo_root == "19" and e.source.code == "RUSMIL" for e in found)


# --- people: older leaders, surnames under an office -------------------------------------------------------


def test_a_leader_of_the_1980s(events):
    found = events("Chancellor Helmut Kohl criticized Poland.", published="1987-05-01")
    # Kohl's term (1982-1998) is in the people table: a 1987 article's "Chancellor Helmut Kohl" is Germany's
    assert any(e.source.code == "DEUGOV" and actor_code(e.target) == "POL" for e in found)


def test_a_surname_under_an_office(events):
    found = events("President Mubarak visited Jordan.", published="1995-03-01")
    assert any(e.source.code == "EGYGOV" and actor_code(e.target) == "JOR" for e in found)


# --- conditions, shares, named bodies ----------------------------------------------------------------------


def test_an_act_announced_unless_a_condition_is_met_is_a_threat(events):
    # codebook 13: "will withdraw their force unless ..." threatens; it offers nothing
    found = events("Ghana will withdraw its peacekeepers from Mali unless the junta holds elections.")
    assert any(e.source.code == "GHA" and e.cameo_root == "13" for e in found)
    assert not any(e.source.code == "GHA" and e.cameo.startswith("03") for e in found)


def test_will_not_unless_is_a_refusal(events):
    # codebook 1242: will not end a strike unless demands are met
    found = events("Ghana will not end the strike unless the government raises wages.")
    assert any(e.cameo == "1242" and not e.negated for e in found)


def test_a_share_of_the_object_is_the_object(events):
    # "part of a military aid program": the program is what is suspended
    found = events("Canada suspended part of its military aid programme for Haiti.")
    assert ("CAN", "HTI", "164") in coded(found) or any(
        e.cameo_root == "16" and e.source.code == "CAN" for e in found
    )


def test_a_forum_named_by_an_igo_is_the_igo(events):
    found = events("The ASEAN forum criticized Myanmar.")
    assert any(e.source.org == "ASEAN" and actor_code(e.target) == "MMR" for e in found)


# --- weapons for their users, acts on oneself, codebook phrasings ------------------------------------------


def test_a_countrys_aircraft_act_for_its_military(events):
    found = events("Turkish aircraft killed 12 Kurdish fighters near the border.")
    assert any(e.source.country == "TUR" and e.cameo_root == "19" for e in found)


def test_an_act_on_oneself_has_no_target(events):
    # "its labour market": the only target is the source itself; the act still happened
    found = events("Austria imposed restrictions on its labour market.")
    assert ("AUT", None, "172") in coded(found)


def test_throwing_stones_is_a_violent_protest(events):
    found = events("Egyptian students threw stones at the police.")
    assert any(e.cameo.startswith("145") and e.source.country == "EGY" for e in found)


def test_ordering_a_newspaper_shut_restricts_the_press(events):
    found = events("The Zimbabwean government ordered the newspaper to suspend publication.")
    assert any(e.cameo == "1721" and e.source.code == "ZWEGOV" for e in found)


def test_an_administration_named_after_its_leader(events):
    found = events("The Obama administration criticized China.", published="2012-03-01")
    assert any(e.source.code == "USAGOV" and actor_code(e.target) == "CHN" for e in found)


def test_committed_to_doing_is_an_intent(events):
    found = events("Chile is committed to opening its market to Peru.")
    assert any(e.source.code == "CHL" and e.cameo.startswith("031") for e in found)


def test_a_harm_made_to_hang_on_a_condition_is_a_threat(events):
    found = events("The European Union may impose sanctions on Belarus if the crackdown continues.")
    threats = [e for e in found if e.cameo_root == "13" and e.modality == "intended"]
    assert any(actor_code(e.target) == "BLR" for e in threats)


def test_an_offer_on_a_condition_stays_hypothetical(events):
    found = events("Kenya could send troops to Somalia if asked.")
    assert not any(e.cameo_root == "13" for e in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Zambia reneged on the agreement.", ("ZMB", None, "120")),
        ("Thousands of Afghans sought refuge in Pakistan.", ("AFG", "PAK", "0233")),
        ("The IAEA dispatched inspectors to Iran.", ("IGOUNOIAE", "IRN", "090")),
    ],
)
def test_more_codebook_phrasings(events, sentence, expected):
    found = coded(events(sentence))
    assert any(s.startswith(expected[0]) and t == expected[1] and c == expected[2] for s, t, c in found)


def test_carrying_on_a_strike_is_a_protest_not_a_refusal(events):
    found = events("Nigerian workers continued their strike against the government.")
    assert any(e.cameo_root == "14" for e in found) and not any(e.cameo_root == "12" for e in found)


def test_force_with_no_one_named_acts_on_the_country_where_it_happens(events):
    found = events("Kenyan protesters blocked roads in Kampala.")
    assert any(e.cameo.startswith("144") and actor_code(e.target) == "UGA" for e in found)


# --- event nouns under a preposition, more group words ------------------------------------------------------


def test_who_comes_for_talks_holds_them(events):
    found = events("Indian and Pakistani diplomats arrived in Geneva for talks.")
    assert any(
        e.cameo_root == "04" and e.source.country == "IND" and actor_code(e.target) == "PAKGOV" for e in found
    )


def test_engaged_in_an_event_noun_is_its_source(events):
    found = events("Sudanese forces engaged in ethnic cleansing in Darfur.")
    assert any(e.cameo == "203" and e.source.code == "SDNMIL" for e in found)


def test_agreeing_to_a_ceasefire_stays_an_agreement(events):
    # "agree to" an event noun is the agreement, not the truce itself
    found = events("Armenia and Azerbaijan agreed to a ceasefire.")
    assert not any(e.cameo.startswith("087") and e.modality == "asserted" for e in found)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Lebanese inhabitants of the border villages threatened Israel.", "LBNCVL"),
        ("Afghan elders demanded the release of the prisoners.", "AFGCVL"),
        ("U.S. border patrol agents detained Mexican migrants.", "USAPOL"),
    ],
)
def test_group_words(events, sentence, source):
    assert any(e.source.code == source for e in events(sentence))


def test_stopping_work_is_a_strike(events):
    found = events("Greek dock workers stopped work in protest at the privatisation.")
    assert any(e.cameo == "143" for e in found)


def test_a_government_named_after_its_leader(events):
    found = events("The government of President Mubarak criticized Israel.", published="1995-03-01")
    assert any(e.source.code == "EGYGOV" and actor_code(e.target) == "ISR" for e in found)
