"""Recall, seventh round: criticism and protest met by an act are aimed at whoever did it ("despite
criticism by X"), attacking someone as something is criticism (hand-made sentences).

Each sentence is coded as a careful CAMEO coder would code it under gold/FORMAT.md and the verb codebook.
"""

from __future__ import annotations

import pytest
from dyads import roots


@pytest.mark.parametrize(("sentence", "dyad"), [
    ("The Hungarian government passed the media law despite criticism by the European Commission.",
     ("IGO", "HUN", "11")),
    ("Colombia's president signed the decree amid protests by Colombian truck drivers.", ("COL", "COL", "14")),
    ("Japan released the treated water despite objections from South Korea.", ("KOR", "JPN", "11")),
])
def test_criticism_met_by_an_act_is_aimed_at_its_doer(events, sentence, dyad):
    src, tgt, root = dyad
    assert any(s == src and t == tgt and c[:1] == root[:1] for s, t, c in roots(events(sentence)))


def test_criticism_with_no_act_carrying_it_has_no_doer_as_target(events):
    found = roots(events("Criticism by the European Commission grew on Monday."))
    assert not any(t is not None for _, t, _ in found)


def test_attacking_something_as_a_sham_is_criticism(events):
    found = roots(events("The Venezuelan president attacked the Colombian inquiry as a sham."))
    assert ("VEN", "COL", "11") in found and not any(code == "19" for *_, code in found)


# --- "no" before the noun that carries the act denies it ----------------------------------------------------

@pytest.mark.parametrize(("sentence", "code"), [
    ("Peru and Bolivia reached no agreement on the border.", "057"),
    ("The EU imposed no new sanctions on Belarus.", "163"),
    ("Ghana has no objection to the Togolese plan.", "110"),
])
def test_no_before_the_act_noun_negates_it(events, sentence, code):
    found = [e for e in events(sentence) if e.cameo == code]
    assert found and all(e.negated for e in found)


def test_without_no_the_act_happened(events):
    found = [e for e in events("The EU imposed new sanctions on Belarus.") if e.cameo == "163"]
    assert found and not any(e.negated for e in found)


# --- readiness to act on someone; the importance of cooperation stressed together ---------------------------

def test_readiness_to_help_someone_is_aimed_at_them(events):
    assert ("MEX", "GTM", "03") in roots(events("Mexico expressed its readiness to help Guatemala."))


@pytest.mark.parametrize("sentence", [
    "Ghana and Togo underscored the importance of their cooperation on maritime security.",
    "The leaders of Ghana and Togo stressed the importance of Ghana-Togo partnership.",
])
def test_stressing_shared_cooperation_is_intent_to_cooperate_with_each_other(events, sentence):
    found = roots(events(sentence))
    assert ("GHA", "TGO", "03") in found and ("TGO", "GHA", "03") in found


def test_stressing_cooperation_with_someone_is_aimed_at_them(events):
    assert ("GHA", "TGO", "03") in roots(events("Ghana stressed the importance of cooperation with Togo."))


def test_stressing_a_need_is_no_cooperation(events):
    assert not roots(events("Ghana stressed the need for reforms in Togo."))


def test_a_verb_that_codes_nothing_leaves_the_noun_its_event(events):
    found = roots(events("Ghana and Togo highlighted their last meeting in Accra."))
    assert ("GHA", "TGO", "04") in found and ("TGO", "GHA", "04") in found


def test_designating_for_sanctions_is_a_sanction(events):
    found = roots(events("Canada is designating three Russian banks for sanctions."))
    assert ("CAN", "RUS", "16") in found


def test_designating_a_venue_is_no_sanction(events):
    assert not any(code == "16" for *_, code in roots(events("Kenya designated Nairobi as the venue.")))


def test_a_place_in_a_joint_resolve_is_its_topic_not_a_partner(events):
    found = roots(events("Ghana and Togo reaffirmed their determination to coordinate action in Mali."))
    assert ("GHA", "TGO", "03") in found and ("TGO", "GHA", "03") in found
    assert not any(tgt == "MLI" for _, tgt, _ in found)


def test_a_country_helped_in_a_joint_resolve_is_its_target(events):
    found = roots(events("Chile and Peru voiced their readiness to help Bolivia."))
    assert ("CHL", "BOL", "03") in found and ("PER", "BOL", "03") in found


def test_a_group_including_named_members_acts_through_them(events):
    found = roots(events("World leaders including the Chilean president paid tribute to the late king of "
                         "Thailand."))
    assert ("CHL", "THA", "01") in found


# --- what an act is described as --------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "dyad"), [
    ("Peru described Chile's election as a success.", ("PER", "CHL", "05")),
    ("The Ukrainian foreign minister described the Russian strike as a war crime.", ("UKR", "RUS", "11")),
])
def test_describing_an_act_as_something_judges_it(events, sentence, dyad):
    assert dyad in roots(events(sentence))


def test_describing_a_step_judges_nothing(events):
    assert not roots(events("Kenya described Uganda's decision as a step backwards."))
