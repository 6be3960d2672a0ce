"""Unidentified attackers: a violent act done by a weapon or an attack the report names no author for is
coded with an unidentified armed group (UAF) of the country where it happened (hand-made sentences)."""

from __future__ import annotations

import pytest

from accord.knowledge.gazetteer import get_gazetteer


def _violent(found):
    return [e for e in found if e.cameo[:2] in {"18", "19", "20"} and not e.negated]


@pytest.mark.parametrize(("sentence", "where", "victims"), [
    ("A car bomb near the central market in Mosul killed four Iraqi policemen.", "IRQ", "IRQ"),
    ("Two Nigerian soldiers were killed by a roadside bomb outside of the town of Maiduguri.", "NGA", "NGA"),
    ("Five Afghan civilians died after they were killed in a suicide bombing in Kandahar.", "AFG", "AFG"),
    ("Unknown assailants attacked a Somali journalist in Mogadishu on Friday.", "SOM", "SOM"),
])
def test_an_act_by_a_weapon_or_unnamed_assailants_has_an_unidentified_author_where_it_happened(
        events, sentence, where, victims):
    found = _violent(events(sentence))
    assert any(e.source.sector == "UAF" and e.source.country == where and e.target is not None
               and e.target.country == victims for e in found)


def test_the_author_is_known_by_the_words_that_name_the_weapon(events):
    found = _violent(events("A roadside bomb near Kirkuk killed three Iraqi soldiers."))
    assert found and found[0].source.text == "A roadside bomb" and found[0].source.name == "unidentified attackers"


@pytest.mark.parametrize("sentence", [
    "Three Iraqi soldiers were killed in Basra.",  # no weapon, no attack: the author may come next
    "Six Mexican nationals were killed in the attack.",  # the attack told before, its author maybe named
    "The second bombing killed four Iraqi policemen near Mosul.",
])
def test_no_author_is_invented_without_a_weapon_or_for_an_attack_told_before(events, sentence):
    assert not any(e.source.sector == "UAF" for e in events(sentence))


def test_a_named_author_is_the_author(events):
    found = _violent(events("An Israeli airstrike killed two Palestinians in Gaza."))
    assert found and all(e.source.country == "ISR" and e.source.sector != "UAF" for e in found)


def test_outside_of_a_city_places_the_event_there(events):
    found = _violent(events("A landmine outside of the city of Gao wounded two Malian soldiers on patrol."))
    assert found and found[0].location is not None and found[0].location.country == "MLI"


@pytest.mark.parametrize(("written", "country"), [("Samarra", "IRQ"), ("Marib", "YEM")])
def test_transliteration_marks_are_not_needed_to_find_a_place(written, country):
    place = get_gazetteer().lookup(written, countries=frozenset(), alternates=False)
    assert place is not None and place.country == country


def test_an_attempt_on_a_life_with_no_author_named_was_made_by_unidentified_attackers(events):
    found = _violent(events("An attempt to kill the Afghan defence minister failed on Tuesday."))
    assert found and all(e.source.sector == "UAF" and e.modality == "asserted" for e in found)
    assert any(e.target is not None and e.target.country == "AFG" for e in found)


def test_an_attempt_to_do_something_peaceful_is_no_attempt_on_a_life(events):
    found = events("Ghana made an attempt to mediate between Togo and Benin.")
    assert not any(e.cameo.startswith("18") for e in found)


def test_surviving_an_attempt_by_named_rebels_is_still_their_act(events):
    found = _violent(events("The Malian president survived an assassination attempt by Tuareg rebels."))
    assert any(e.source.sector == "REB" and e.target is not None and e.target.country == "MLI" for e in found)
