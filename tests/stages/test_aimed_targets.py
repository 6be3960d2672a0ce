"""Whom an armed act is aimed at when no actor is its object: the place it lands in, a site whose words
name the side, a region whose name holds another actor's word, and the verbs of striking a site
(hand-made sentences).

Each sentence is coded as a careful CAMEO coder would code it under gold/FORMAT.md and the verb codebook.
"""

from __future__ import annotations

import pytest
from dyads import roots


@pytest.mark.parametrize(("sentence", "dyad"), [
    # the place after the act's preposition
    ("Turkish jets launched strikes against targets in Dohuk province.", ("TUR", "IRQ", "19")),
    ("Israel imposed a blockade on the West Bank.", ("ISR", "PSE", "19")),
    # a site word with its name beside it
    ("Afghan rebels exploded a series of bombs in the capital Kabul.", ("AFG", "AFG", "18")),
    ("Chechen rebels exploded a bomb in the city Grozny.", ("RUS", "RUS", "18")),
    # a site whose modifier or phrase names the side
    ("Militiamen from Chad attacked a Sudanese refugee camp.", ("TCD", "SDN", "19")),
    ("Ethiopian artillery shelled Eritrean army positions overnight.", ("ETH", "ERI", "19")),
    ("Azerbaijani forces shelled a village in Armenia's Syunik province.", ("AZE", "ARM", "19")),
    # striking or hitting a site
    ("Ukrainian drones struck a fuel depot in Russia's Belgorod region.", ("UKR", "RUS", "19")),
    ("Saudi warplanes hit a market in the Yemeni town of Saada.", ("SAU", "YEM", "19")),
])
def test_armed_act_is_aimed_at_what_it_hits(events, sentence, dyad):
    assert dyad in roots(events(sentence))


@pytest.mark.parametrize("sentence", [
    "The two firms struck a deal on shipping rates.",
    "Exports hit a record in March.",
])
def test_striking_a_deal_or_a_record_is_no_attack(events, sentence):
    assert not any(e.cameo.startswith("19") for e in events(sentence))


def test_a_border_says_where_not_whom(events):
    found = roots(events("Nigerian soldiers overran an insurgent base on the Cameroonian border."))
    assert not any(tgt == "CMR" for _, tgt, _ in found)


def test_where_rockets_were_fired_from_is_not_their_target(events):
    found = roots(events("Rocket attacks fired by militants in Gaza wounded two Israeli soldiers."))
    assert not any(code == "19" and tgt == "PSE" for _, tgt, code in found)


def test_a_region_named_with_an_actor_word_is_no_actor(events):
    found = events("Israeli forces raided homes in the West Bank.")
    assert any(src == "ISR" and tgt == "PSE" for src, tgt, _ in roots(found))
    assert not any(e.target and e.target.org == "WEST" for e in found)


def test_northern_ireland_is_not_ireland(events):
    found = events("Northern Ireland police arrested two Irish Republican Army members.")
    assert not any(e.source.country == "IRL" for e in found)


def test_the_cause_of_a_riot_is_not_the_rioter(events):
    found = events("The death of a student in custody sparked riots in Abuja.")
    assert not any(e.cameo.startswith("14") and "death" in e.source.text for e in found)


def test_attacking_someone_for_a_reason_is_blame(events):
    found = roots(events("Brazil's opposition attacked President Lula for his handling of the economy."))
    assert ("BRA", "BRA", "11") in found and not any(code == "19" for *_, code in found)


def test_attacking_for_three_days_is_still_an_attack(events):
    found = roots(events("Sudanese rebels attacked Kenyan peacekeepers for three days."))
    assert ("SDN", "KEN", "19") in found
