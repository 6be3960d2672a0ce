"""Targets a complement, a force abroad, a trade or a government's own rebels name; curfews at home; "-led"
coalitions; meetings at one side's home as visits (hand-made sentences).

Each sentence is coded as a careful CAMEO coder would code it under gold/FORMAT.md and the verb codebook.
"""

from __future__ import annotations

import pytest
from dyads import roots


@pytest.mark.parametrize(("sentence", "dyad"), [
    # an appeal to rally against someone, whose infinitive the parser hangs as an adverbial clause, or whose
    # "against" sits on a second verb of the complement
    ("An official Syrian newspaper called on Arabs to unite and mobilize against Israeli leader Ariel Sharon.",
     ("SYR", "ISR", "11")),
    ("The cleric called on Shiites to rise and stand against the Saudi monarchy.", ("REL", "SAU", "11")),
    # an offer of troops to a force is aimed at the country the force is in
    ("France is ready to contribute up to 4,000 troops to an international peace-keeping force in Liberia.",
     ("FRA", "LBR", "03")),
    ("Ghana pledged troops to a peacekeeping force in Mali.", ("GHA", "MLI", "03")),
    # a ban or embargo on a trade is aimed at where the trade goes or comes from
    ("The US imposed an embargo on arms sales to Taiwan.", ("USA", "TWN", "16")),
    ("Russia lifted a ban on flights to Georgia.", ("RUS", "GEO", "08")),
    ("The US Congress agreed to lift embargoes on pharmaceutical sales in late February to Iran.",
     ("USA", "IRN", "03")),
    # deliveries allowed "to" a country, as "into" it
    ("Uzbekistan opened the bridge to allow the delivery of grain to Afghanistan.", ("UZB", "AFG", "08")),
    # rebels or an opposition with no country that a government yields to, fights or coerces are its own
    ("The Mozambique government accepted demands from Shona rebels that it initiate political reforms.",
     ("MOZ", "MOZ", "08")),
    ("The Sudanese government freed fifty captured rebels.", ("SDN", "SDN", "08")),
    # a curfew, martial law or a state of emergency is declared over the declaring state's own land
    ("Iraq's interim government announced that it is prepared to impose martial law.", ("IRQ", "IRQ", "13")),
    ("Samoa's cabinet voted to lift the state of emergency.", ("WSM", "WSM", "08")),
    ("The Kenyan government imposed a curfew after the riots.", ("KEN", "KEN", "17")),
    # a coalition or force "-led" by a state is that state's
    ("The Saudi-led coalition bombed Sanaa.", ("SAU", "YEM", "19")),
    ("Iran condemned the US-led coalition.", ("IRN", "USA", "11")),
    ("Turkey refused to help the US-led coalition.", ("TUR", "USA", "12")),
])
def test_the_dyad_is_coded(events, sentence, dyad):
    assert dyad in roots(events(sentence))


def test_rebels_a_government_only_talks_about_may_be_abroad(events):
    found = roots(events("The US government condemned the rebels."))
    assert ("USA", "REB", "11") in found and ("USA", "USA", "11") not in found


def test_a_curfew_in_a_named_place_is_aimed_there(events):
    found = roots(events("Israel imposed a curfew on the West Bank town of Hebron."))
    assert ("ISR", "PSE", "17") in found and ("ISR", "ISR", "17") not in found


def test_a_law_is_not_martial_law(events):
    assert not [e for e in events("The pope imposed a law mandating that priests report abuse.")
                if e.cameo.startswith(("172", "132", "081"))]


def test_martial_law_is_named_by_its_modifier(events):
    assert ("THA", "THA", "08") in roots(events("The Thai army lifted martial law."))


def test_talks_led_by_a_state_are_no_actor(events):
    assert not [e for e in events("Iran criticised the EU-led talks.") if e.target is not None]


@pytest.mark.parametrize(("sentence", "codes"), [
    # a meeting in one side's country is the other side's visit (042) and its host's hosting (043)
    ("Secretary Blinken met Kazakh Foreign Minister Tileuberdi today in Washington.",
     {("KAZ", "USA", "042"), ("USA", "KAZ", "043")}),
    ("Putin met Erdogan in Sochi.", {("TUR", "RUS", "042"), ("RUS", "TUR", "043")}),
    # in a third country, or in a place that is one side's only by the article's preference, a meeting
    ("Biden met Xi in Bali.", {("USA", "CHN", "040"), ("CHN", "USA", "040")}),
    ("President Biden met with President Putin yesterday in Geneva.", {("USA", "RUS", "040"), ("RUS", "USA", "040")}),
])
def test_a_meeting_at_one_sides_home_is_a_visit(events, sentence, codes):
    found = {(e.source.code[:3], e.target.code[:3], e.cameo) for e in events(sentence) if e.target is not None}
    assert codes <= found
