"""Recall, third round: demands written as nouns, "is opposed to", and who a rejected or accepted call came
from (hand-made sentences).

Each sentence is coded as a careful CAMEO coder would code it under gold/FORMAT.md and the verb codebook.
"""

from __future__ import annotations

import pytest
from dyads import coded, roots

# --- a demand written as a noun: the one who is to act is the target -----------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ghana repeated its demands that Togo free the detained traders.", ("GHA", "TGO", "10")),
    ("Egypt voiced a demand that Sudan withdraw its troops.", ("EGY", "SDN", "10")),
    ("The Chilean opposition renewed its demand that Argentina return the islands.", ("CHL", "ARG", "10")),
])
def test_noun_demand(events, sentence, expected):
    assert expected in roots(events(sentence))


def test_demand_accepted_is_not_a_demand(events):
    # the verb carries the event: accepting a demand is yielding (08), not demanding
    found = coded(events("Mali accepted demands from Niger that it free the traders."))
    assert ("MLI", "NER", "083") in found
    assert not any(code.startswith("10") for _, _, code in found)


# --- "is opposed to": the subject disapproves ---------------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Peru is opposed to Bolivia.", ("PER", "BOL", "110")),
    ("Peru is opposed to the Bolivian plan.", ("PER", "BOL", "110")),
])
def test_opposed_to(events, sentence, expected):
    assert expected in coded(events(sentence))


def test_opposed_by_is_still_passive(events):
    found = coded(events("The proposal is opposed by Bolivia."))
    assert all(source == "BOL" for source, _, _ in found)


# --- a rejected or accepted call: who made it is the target -------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Chile rejected calls by Peru for new talks.", ("CHL", "PER", "122")),
    ("Ghana rejected an offer from Togo to mediate.", ("GHA", "TGO", "125")),
    ("Mali accepted demands from Niger that it free the traders.", ("MLI", "NER", "083")),
])
def test_call_from(events, sentence, expected):
    assert expected in coded(events(sentence))


def test_dismissed_appeal_from_a_leader(events):
    found = roots(events("Rebels dismissed an appeal from the Ugandan president to disarm."))
    assert ("REB", "UGA", "12") in found


# --- an announced act with no pattern of its own: whom it is aimed at is the target --------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hamas threatened Monday to resume attacks in Israel.", ("PSE", "ISR", "13")),
    ("Syria threatened to cut off water to Jordan.", ("SYR", "JOR", "13")),
    ("Spain promised to continue food shipments to Cuba.", ("ESP", "CUB", "03")),
    ("Japan offered to send engineers to Laos.", ("JPN", "LAO", "03")),
])
def test_announced_act_aimed_at(events, sentence, expected):
    assert expected in roots(events(sentence))


def test_threat_with_its_own_pattern_keeps_itsactor_code(events):
    found = coded(events("Iran threatened to attack Iraq."))
    assert ("IRN", "IRQ", "138") in found
    assert ("IRN", "IRQ", "130") not in found


def test_announced_act_on_no_one_has_no_target(events):
    assert all(target is None for _, target, _ in coded(events("Chad agreed to resign.")))
