"""Whom a protest is against before where it happens, the sides of a meeting, promises broken to someone,
rebels of a region, the object that does a verb's gerund, and places the stance words and district nouns
hide or fake (hand-made sentences)."""

from __future__ import annotations

import pytest


def _dyads(found, root: str):
    return [(e.source.country, e.target.country if e.target else None)
            for e in found if e.cameo.startswith(root) and not e.negated]


@pytest.mark.parametrize(("sentence", "dyad"), [
    # what the words say a protest is against comes before the place it happens in
    ("Thousands of students blocked roads in Dhaka in defiance of Indian officials.", ("BGD", "IND")),
    ("Demonstrators occupied the square in Minsk in protest against Russian troops.", ("BLR", "RUS")),
    # an act done during a protest is aimed where the protest is
    ("Kashmiri youths threw stones during a rally against the Indian army.", (None, "IND")),
    ("Kosovar students threw rocks at a march against abuses by Serbian police.", ("XKX", "SRB")),
])
def test_a_protest_is_against_what_it_says(events, sentence, dyad):
    assert dyad in _dyads(events(sentence), "14")


def test_a_protest_with_no_one_to_oppose_still_targets_its_place(events):
    assert ("DZA", "DZA") in _dyads(events("Protesters blocked roads in Algiers."), "14")


@pytest.mark.parametrize(("sentence", "root", "dyads"), [
    # the sides of a meeting a third party hosts, welcomes or arranges
    ("The Omani sultan offered to host a meeting between Iran and Saudi Arabia.", "03",
     {("OMN", "IRN"), ("OMN", "SAU")}),
    ("Norway welcomed the talks between Colombia and Venezuela.", "05", {("NOR", "COL"), ("NOR", "VEN")}),
])
def test_the_sides_of_a_meeting_are_the_targets(events, sentence, root, dyads):
    assert dyads <= set(_dyads(events(sentence), root))


@pytest.mark.parametrize("sentence", [
    "The Ghanaian president reneged on his promise to Togo.",
    "Ghana went back on its pledge to Togo.",
])
def test_a_promise_is_broken_to_whom_it_was_made(events, sentence):
    assert ("GHA", "TGO") in _dyads(events(sentence), "12")


@pytest.mark.parametrize("sentence", [
    "The Ghanaian president went back to Accra on Monday.",  # "on" a day, not a promise
    "The Ghanaian president went back to Lome.",
])
def test_going_back_is_no_reneging(events, sentence):
    assert not _dyads(events(sentence), "12")


@pytest.mark.parametrize(("sentence", "root", "dyad"), [
    # rebels named after a region of one country are that country's
    ("The Ethiopian army accused Tigray rebels of shelling a town.", "11", ("ETH", "ETH")),
    ("The Philippine army attacked Mindanao rebels.", "19", ("PHL", "PHL")),
])
def test_rebels_of_a_region(events, sentence, root, dyad):
    assert dyad in _dyads(events(sentence), root)


def test_rebels_of_a_region_two_countries_share_have_none(events):
    found = [e for e in events("Kashmir rebels attacked an army post.") if e.cameo.startswith("19")]
    assert found and all(e.source.country is None for e in found)


def test_the_articles_country_settles_a_shared_region(events):
    assert ("IND", "IND") in _dyads(events("Kashmir rebels attacked an Indian army post."), "19")


@pytest.mark.parametrize(("sentence", "root", "dyad", "modality"), [
    # the object of "accuse X of", "praise X for" does what the gerund says; an accusation is a claim
    ("Mali accused French troops of killing civilians in Gao.", "19", ("FRA", "MLI"), "reported"),
    ("Russia praised Turkey for sending aid to Syria.", "07", ("TUR", "SYR"), "asserted"),
])
def test_the_object_does_what_the_gerund_says(events, sentence, root, dyad, modality):
    found = [e for e in events(sentence) if e.cameo.startswith(root)]
    assert (dyad, modality) in [((e.source.country, e.target.country if e.target else None), e.modality)
                                for e in found]


def test_a_gerund_after_a_verb_of_no_control_keeps_the_subject(events):
    assert ("EGY", "JOR") in _dyads(events("Egypt signed a deal with Israel after meeting Jordan."), "04")


@pytest.mark.parametrize(("sentence", "country"), [
    # a stance word is no place
    ("A prominent anti-Syria journalist has been killed in a car bomb explosion.", None),
    # "in a sector of", "on the outskirts of": the place noun's phrase
    ("A Lebanese journalist was killed in a car bombing in a residential sector of eastern Beirut.", "LBN"),
    ("Police clashed with protesters on the outskirts of Kabul.", "AFG"),
    ("Students demonstrated throughout Indonesia.", "IDN"),
    # a hyphenated name is one name, whether NER stops at the hyphen or reads no place at all
    ("Russian missiles struck a power plant in Ivano-Frankivsk on Monday.", "UKR"),
    ("Police arrested two Kazakh smugglers in Khanty-Mansiysk (Siberia).", "RUS"),
])
def test_event_places(events, sentence, country):
    first = next(iter(events(sentence)), None)
    assert first is not None
    assert (first.location.country if first.location else None) == country


@pytest.mark.parametrize(("sentence", "dyads"), [
    # a state or an organisation is often "they" in its own statement
    ("Norway said they would send tents to Haiti.", {("NOR", "HTI")}),
    # a pair that speaks stays the pair
    ("Norway and Sweden said they would send tents to Haiti.", {("NOR", "HTI"), ("SWE", "HTI")}),
])
def test_they_in_a_statement_is_who_makes_it(events, sentence, dyads):
    assert dyads <= set(_dyads(events(sentence), "03"))


@pytest.mark.parametrize(("sentence", "root", "dyad"), [
    # talks or a call that frame what the sentence tells are between its subject and whom it addresses
    ("In a phone call on Tuesday, the Kenyan president urged Ethiopia's prime minister to reopen the border.",
     "04", ("KEN", "ETH")),
    ("During talks in Ankara, Erdogan told the Hungarian prime minister that Turkey would buy grain.", "04",
     ("TUR", "HUN")),
])
def test_talks_that_frame_a_sentence(events, sentence, root, dyad):
    dyads = _dyads(events(sentence, "2019-06-01"), root)
    assert dyad in dyads and tuple(reversed(dyad)) in dyads


@pytest.mark.parametrize(("sentence", "place"), [
    # aid sent to a country went there; sent to a person, it names no place
    ("Japan sent tents to Nepal.", ("Nepal", "country")),
    ("Japan sent tents to the Nepali prime minister.", None),
])
def test_aid_is_placed_where_it_was_sent(events, sentence, place):
    found = [e for e in events(sentence) if e.cameo.startswith("07")]
    assert found
    assert (found[0].location and (found[0].location.name, found[0].location.precision)) == place


@pytest.mark.parametrize("topics", ["exchanged views on Somalia, Sudan and Ethiopia",
                                    "discussed regional issues, such as Somalia, Sudan and Ethiopia"])
def test_they_are_never_the_states_talked_about(events, topics):
    text = (f"The Kenyan president met the Ugandan president in Nairobi. They {topics}. They agreed to "
            "expand trade.")
    dyads = set(_dyads(events(text), "03"))
    assert not dyads & {("SOM", "SDN"), ("SDN", "SOM"), ("SDN", "ETH"), ("ETH", "SDN"), ("SOM", "ETH")}


def test_he_may_be_one_of_two_named_together(events):
    text = "The Kenyan president and the Ugandan prime minister met in Nairobi. He praised Tanzania."
    assert [e for e in events(text, "2023-06-01") if e.cameo.startswith("05") and e.source.country in {"KEN", "UGA"}]


def test_he_is_never_a_plural(events):
    text = ("Kenyan officials said the attack began at noon. The attacker reached the courtyard before he was "
            "shot by a police officer.")
    assert not [e for e in events(text) if e.cameo.startswith("19") and e.target is not None
                and e.target.sector == "GOV"]


@pytest.mark.parametrize("sentence", [
    "Jordan Peterson criticized Canada.",
    "Under Secretary Victoria Nuland criticized Russia.",
])
def test_a_place_that_begins_a_persons_name_is_no_actor(events, sentence):
    assert not [e for e in events(sentence) if e.source.country in {"JOR", "SYC"}]


def test_they_is_no_plural_that_was_only_an_object(events):
    text = ("The delegation reaffirmed its partnership with the Kenyan people. They met with President Ruto "
            "in Nairobi.")
    assert not [e for e in events(text, "2023-06-01") if e.source.sector == "CVL" or (
        e.target is not None and e.target.sector == "CVL")]


def test_a_country_before_a_leaders_name_stays_a_country(events):
    # NER may call "Belarus Alexander Lukashenko" one person: the country still names his
    dyads = _dyads(events("Vladimir Putin had a telephone conversation with President of Belarus Alexander "
                          "Lukashenko.", "2021-11-19"), "04")
    assert ("RUS", "BLR") in dyads and ("BLR", "RUS") in dyads


@pytest.mark.parametrize("sentence", [
    "NATO guidelines call on Hungary to spend two percent of its GDP on defence.",
    "European Union rules require Poland to respect the independence of its judges.",
])
def test_a_standing_text_is_no_actor(events, sentence):
    assert not [e for e in events(sentence) if e.cameo.startswith("02") or e.cameo.startswith("10")]


def test_meeting_a_challenge_is_no_meeting(events):
    found = events("Kenya and Uganda pledged to meet the challenges posed by Somalia.")
    assert not [e for e in found if e.cameo.startswith(("036", "04")) and e.target is not None
                and e.target.country == "SOM"]


ACCUSED = ("A Kenyan, John Mwangi, appeared in court in Kampala yesterday, charged with murder. Police arrested "
           "the accused near a market in Kampala. Police alleged the accused planned the attack in Kampala.")


def test_the_accused_is_who_was_charged_and_police_are_of_the_storys_towns(events):
    found = events(ACCUSED, "2023-06-01")
    assert ("UGA", "KEN") in _dyads(found, "17")  # the arrest
    assert ("UGA", "KEN") in _dyads(found, "11")  # the allegation
    assert all(source != "KEN" for source, _ in _dyads(found, "11"))  # "charged with murder" charges no one


def test_the_accused_with_no_one_charged_is_no_one(events):
    found = events("Police arrested the accused near a market in Kampala.", "2023-06-01")
    assert not [e for e in found if e.target is not None and e.target.country == "KEN"]


@pytest.mark.parametrize(("sentence", "root", "dyad"), [
    # a reduced passive participle tells what was done to the noun or subject it qualifies
    ("Pakistan, backed by China, rejected the Indian proposal.", "05", ("CHN", "PAK")),
    ("A Kenyan, John Mwangi, appeared in court, charged with murder by Ugandan prosecutors.", "11",
     ("UGA", "KEN")),
])
def test_a_reduced_passive(events, sentence, root, dyad):
    dyads = _dyads(events(sentence, "2023-06-01"), root)
    assert dyad in dyads and tuple(reversed(dyad)) not in dyads


def test_both_sides_are_never_a_state_named_inside_a_topic(events):
    text = ("The Kenyan president had a telephone conversation with the Ugandan president. They noted that "
            "thanks to joint Kenyan-Ugandan efforts the statehood of Somalia had been preserved. Both sides "
            "expressed the resolve to continue coordinating their efforts.")
    dyads = set(_dyads(events(text, "2023-06-01"), "03"))
    assert ("KEN", "UGA") in dyads and not {d for d in dyads if "SOM" in d}


@pytest.mark.parametrize("sentence", [
    # what the object includes may be what the pattern needs, on the object or (as parsed) on the verb
    "Protesters threw objects including petrol bombs and bricks at the police.",
    "Some protesters responded by throwing things, including Molotov cocktails.",
])
def test_an_object_by_what_it_includes(events, sentence):
    assert [e for e in events(sentence) if e.cameo == "145"]


def test_protesters_no_sentence_places_are_of_the_storys_towns(events):
    text = ("Police fired on protesters in Kampala on Friday. Students marched through Kampala on Sunday. "
            "Some protesters responded by throwing stones.")
    found = [e for e in events(text, "2023-06-01") if e.cameo == "145"]
    assert found and found[0].source.country == "UGA"


def test_the_storys_city_places_its_police_when_no_sentence_does(events):
    text = ("A Kenyan appeared in court in Kampala yesterday, charged with murder. The shooting in Kampala "
            "killed three. Police arrested the accused near a market.")
    found = [e for e in events(text, "2023-06-01") if e.cameo.startswith("17")]
    assert found and found[0].location is not None and found[0].location.name == "Kampala"
    assert found[0].location.text is None  # inferred: no words of its sentence name it


def test_the_storys_city_does_not_place_a_government(events):
    text = ("The Kenyan president visited Kampala on Monday. Talks in Kampala lasted two days. Kenya later "
            "recalled its ambassador to Uganda.")
    recalls = [e for e in events(text, "2023-06-01") if e.cameo.startswith("16")]
    assert recalls and all(e.location is None or e.location.name != "Kampala" for e in recalls)
