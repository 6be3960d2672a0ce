"""Targets the small parser hides: a bare verb coordinated with one that names the recipient, a number
phrase parsed as a particle, a recipient parsed as the subject of the reduced relative after it
(hand-made sentences)."""

from __future__ import annotations

import pytest


def _dyads(found, root: str):
    return [(e.source.country, e.target.country if e.target else None)
            for e in found if e.cameo.startswith(root) and not e.negated]


@pytest.mark.parametrize(("sentence", "root", "dyad"), [
    # a bare verb shares the phrases of its conjunct
    ("Norway donated and airlifted tents to Haiti.", "07", ("NOR", "HTI")),
    ("Japan pledged and quickly shipped medicines to Nepal.", "03", ("JPN", "NPL")),
    # "up to 16": the parser makes "up" a particle of the verb and "to" a preposition
    ("Rebels in Mali have kidnapped up to 16 Nigerian oil workers from a town market.", "18", ("MLI", "NGA")),
    # a truce demanded with someone is demanded of them
    ("Somali clan elders demanded a truce with Ethiopian troops.", "10", ("SOM", "ETH")),
    # "officers holed up": the reduced relative taken for a clause with its own subject
    ("Canada has granted political asylum to three Eritrean navy officers holed up in a church.", "07",
     ("CAN", "ERI")),
])
def test_the_recipient_the_parse_hides_is_the_target(events, sentence, root, dyad):
    assert dyad in _dyads(events(sentence), root)


@pytest.mark.parametrize(("sentence", "root"), [
    # the conjunct has phrases of its own but the trigger has its own object: nothing is borrowed
    ("Norway condemned the coup and sent tents to Haiti.", "11"),
    # a clause after a preposition that has its object stays a clause
    ("Canada sent aid to Eritrea after floods hit the capital.", "07"),
])
def test_phrases_are_not_borrowed_past_the_triggers_own(events, sentence, root):
    dyads = _dyads(events(sentence), root)
    assert ("NOR", "HTI") not in dyads
    assert ("CAN", None) not in dyads


@pytest.mark.parametrize(("sentence", "root", "dyad"), [
    # supporters are people of the place they act in; "the capital city of X" is a place, not X's government
    ("Hundreds of supporters of the jailed mayor blocked roads in the capital city of Tunis.", "14",
     ("TUN", "TUN")),
    ("Thousands of supporters of the ousted prime minister rallied in Islamabad.", "14", ("PAK", "PAK")),
])
def test_supporters_belong_where_they_act(events, sentence, root, dyad):
    assert dyad in _dyads(events(sentence), root)


def test_the_capital_city_of_x_is_where_the_act_happens(events):
    found = [e for e in events("Hundreds of students marched in the capital city of Tunis on Friday.")
             if e.cameo.startswith("14")]
    assert found and found[0].location is not None and found[0].location.country == "TUN"


@pytest.mark.parametrize(("sentence", "code"), [
    # peacekeepers arriving are deployed, officials arriving visit (the pattern's subject condition)
    ("Ghanaian peacekeepers arrived in South Sudan on Monday.", "074"),
    ("The first contingent of Nepali peacekeeping troops arrived in Lebanon.", "074"),
    ("The Nepali foreign minister arrived in Lebanon.", "042"),
])
def test_who_arrives_says_what_the_arrival_is(events, sentence, code):
    assert code in [e.cameo for e in events(sentence)]


@pytest.mark.parametrize(("sentence", "code", "dyad"), [
    # a noun that carries a demand: its "that" clause says who must act
    ("The Kenyan president issued a blunt reminder to Uganda that it must respect the border.", "100",
     ("KEN", "UGA")),
    ("Germany gave a warning to Belarus that it should free the detained journalists.", "100", ("DEU", "BLR")),
    # a protest that something was done is a complaint against whoever did it
    ("The Chinese embassy protested that Japanese officials had visited the shrine.", "114", ("CHN", "JPN")),
])
def test_demands_and_complaints_carried_by_a_clause(events, sentence, code, dyad):
    assert (code, dyad) in [(e.cameo, (e.source.country, e.target.country if e.target else None))
                            for e in events(sentence) if not e.negated]


@pytest.mark.parametrize("sentence", [
    "The Kenyan president said the ruins were a reminder of the war with Uganda.",  # no one must do anything
    "Students protested against the new law in Dhaka.",  # a demonstration stays one
])
def test_no_demand_or_complaint_without_the_clause(events, sentence):
    assert not [e for e in events(sentence) if e.cameo in {"100", "114"}]


@pytest.mark.parametrize(("sentence", "cameo", "plover"), [
    # PLOVER splits CAMEO codes: resigning is RETREAT 'resign', an indictment ACCUSE 'allege'
    ("The Peruvian prime minister resigned on Sunday.", "0831", ("RETREAT", "resign")),
    ("The Malian president stepped down after the mutiny.", "0831", ("RETREAT", "resign")),
    ("A Kenyan court indicted the Somali warlord.", "173", ("ACCUSE", "allege")),
    ("Kenyan police arrested the Somali warlord.", "173", ("COERCE", "arrest")),  # the code's own mapping
])
def test_a_pattern_gives_the_plover_type_of_its_act(events, sentence, cameo, plover):
    assert plover in [(e.plover.event, e.plover.mode) for e in events(sentence) if e.cameo == cameo]


@pytest.mark.parametrize(("sentence", "dyad"), [
    # what is complained of names the target before whom it is told to
    ("Syria complained to the United Nations over three Turkish air strikes.", ("SYR", "TUR")),
    # a source's own people are no target: the one told is
    ("Japan complained to China about the detention of its citizens.", ("JPN", "CHN")),
])
def test_a_complaint_is_aimed_at_whom_it_is_about(events, sentence, dyad):
    assert dyad in _dyads(events(sentence), "11")


def test_an_actor_keeps_no_punctuation_of_the_sentence(events):
    # the parser made the subject the root: its subtree's full stop is no part of the name
    found = events("A state-run Iranian newspaper called Monday on Muslims to rally against Israeli Prime Minister "
                   "Benjamin Netanyahu.")
    assert found and all(not e.source.text.endswith((".", ",")) for e in found)
    assert "A state-run Iranian newspaper" in [e.source.text for e in found]


def test_evacuating_settlements_somewhere_is_aimed_at_that_place(events):
    found = [e for e in events("Israel will evacuate four settlements in the northern West Bank.")
             if e.cameo.startswith("0")]
    assert ("ISR", "PSE") in [(e.source.country, e.target.country if e.target else None) for e in found]


@pytest.mark.parametrize(("sentence", "code", "dyad"), [
    # what an act is called says whether it is praised or condemned; the predicate itself is no target
    ("The Chinese foreign ministry called the American sanctions a betrayal of the Chinese people.", "111",
     ("CHN", "USA")),
    ("The German minister called the Russian decision a grave mistake.", "111", ("DEU", "RUS")),
])
def test_calling_an_act_a_crime_criticises_its_author(events, sentence, code, dyad):
    found = [(e.cameo, (e.source.country, e.target.country if e.target else None)) for e in events(sentence)]
    assert (code, dyad) in found
    assert (code, ("CHN", "CHN")) not in found  # "the Chinese people" is the predicate's, not a target
