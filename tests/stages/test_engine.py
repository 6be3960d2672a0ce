"""Engine rules read once from the syntax, each on hand-made sentences (regressions named for what broke)."""

from __future__ import annotations

import pytest

from accord.coder import get_coder
from accord.records import Article


@pytest.fixture(scope="module")
def code():
    coder = get_coder()

    def run(text, *, published="2022-05-18", outlet=None, **kw):
        from datetime import date

        article = Article.create(text=text, published=date.fromisoformat(published), outlet=outlet)
        return coder.pipeline.run(article)

    return run


def _dyads(doc, *, asserted_only=True):
    return {(e.source.entity, e.cameo[:2], e.target.entity if e.target else None) for e in doc.events
            if not e.negated and (not asserted_only or e.modality in {"asserted", "reported"})}


def test_a_question_is_hypothetical(code):
    doc = code("Why did Russia invade Ukraine?")
    assert doc.events and all(e.modality == "hypothetical" for e in doc.events)


def test_a_nominal_event_in_a_temporal_phrase_is_background(code):
    doc = code("Trade between France and Italy has fallen since the Russian invasion of Ukraine.")
    assert ("RUS", "19", "UKR") not in _dyads(doc)


def test_the_same_nominal_event_as_subject_is_coded(code):
    doc = code("The Russian invasion of Ukraine shocked Europe.")
    assert ("RUS", "19", "UKR") in _dyads(doc)


def test_object_control_gives_the_complement_to_the_object(code):
    doc = code("Germany urged Iran to attack Israel.")
    assert ("DEU", "19", "ISR") not in _dyads(doc)
    attacks = [e for e in doc.events if e.cameo_root == "19"]
    assert all(e.source.entity == "IRN" and e.modality == "hypothetical" for e in attacks)


def test_a_cancelled_trip_did_not_happen(code):
    doc = code("The French president's trip to Poland, which was cancelled, drew criticism.")
    trips = [e for e in doc.events if e.cameo_root == "04"]
    assert trips and all(e.negated for e in trips)


def test_a_planned_visit_is_an_intention(code):
    doc = code("The Japanese prime minister's planned visit to India drew attention.")
    visits = [e for e in doc.events if e.source.entity == "JPN" and e.target and e.target.entity == "IND"]
    assert visits and all(e.modality == "intended" and e.cameo == "036" for e in visits)


def test_the_presidents_are_the_two_just_named(code):
    doc = code("Vladimir Putin had a meeting with President of Belarus Alexander Lukashenko. "
               "The presidents signed an agreement on energy.", published="2021-11-19")
    assert {("RUS", "05", "BLR"), ("BLR", "05", "RUS")} <= _dyads(doc)


def test_they_are_the_subjects_of_the_sentence_before(code):
    doc = code("The foreign ministers of Egypt and Jordan met in Cairo. They praised Saudi Arabia.")
    assert {("EGY", "05", "SAU"), ("JOR", "05", "SAU")} <= _dyads(doc)


def test_a_person_the_table_knows_gets_country_and_sector_on_the_date(code):
    doc = code("Sergey Lavrov criticized NATO.", published="2023-01-10")
    (event,) = [e for e in doc.events if e.cameo_root == "11"]
    assert (event.source.country, event.source.sector, event.target.entity) == ("RUS", "GOV", "NATO")


def test_a_former_secretary_of_state_is_not_coded_as_holding_the_office(code):
    in_office = code("John Kerry praised Cuba.", published="2015-08-14")
    assert ("USA", "05", "CUB") in _dyads(in_office)
    later = code("John Kerry praised Cuba.", published="2018-06-01")
    assert not [e for e in later.events if e.source.sector == "GOV"]


def test_the_outlet_names_the_home_of_an_unnamed_office(code):
    doc = code("The Foreign Ministry condemned Israel.",
               outlet="President of Russia (en.kremlin.ru)")
    assert ("RUS", "11", "ISR") in _dyads(doc)


def test_an_office_alone_has_no_country_without_a_home(code):
    doc = code("The Foreign Ministry condemned Israel.")
    assert not [e for e in doc.events if e.cameo_root == "11"]


def test_a_country_after_in_is_the_events_place(code):
    doc = code("Iranian commander Qasem Soleimani was killed by a United States airstrike in Iraq.",
               published="2020-01-08")
    (event,) = [e for e in doc.events if e.cameo_root in {"18", "19"}]
    assert event.source.entity == "USA" and event.target.entity == "IRN"
    assert event.location is not None and event.location.country == "IRQ"


def test_talks_after_a_meeting_happened_where_it_was_held(code):
    doc = code("Secretary of State Antony Blinken met Kazakh Foreign Minister Mukhtar Tileuberdi in Geneva. "
               "The Secretary thanked Foreign Minister Tileuberdi for Kazakhstan's help.", published="2022-05-20")
    thanks = [e for e in doc.events if e.sentence_index == 1 and e.cameo_root == "05"]
    assert thanks and all(e.location is not None and e.location.name == "Geneva" for e in thanks)


def test_a_company_does_not_inherit_the_officials_meeting_place(code):
    doc = code("The Chilean president met the Peruvian president in Lima. "
               "A Chilean mining company intends to cooperate with Peru.", published="2022-05-20")
    later = [e for e in doc.events if e.sentence_index == 1]
    assert later and all(e.location is None for e in later)


def test_a_domestic_event_happens_at_the_dateline(code):
    doc = code("NAIROBI - Kenyan police arrested opposition leaders on Monday.", published="2023-03-21")
    arrests = [e for e in doc.events if e.cameo_root == "17"]
    assert arrests and all(e.location is not None and e.location.name == "Nairobi" for e in arrests)


def test_an_international_event_does_not_take_the_dateline(code):
    doc = code("NAIROBI - Kenya criticized Uganda on Monday.", published="2023-03-21")
    critic = [e for e in doc.events if e.cameo_root == "11"]
    assert critic and all(e.location is None for e in critic)


def test_a_call_with_someone_is_coded_both_ways(code):
    doc = code("Vladimir Putin had a telephone conversation with President of Belarus Alexander Lukashenko.",
               published="2021-11-19")
    assert {("RUS", "04", "BLR"), ("BLR", "04", "RUS")} <= _dyads(doc)


def test_a_visit_is_not_coded_both_ways(code):
    doc = code("The Japanese prime minister visited India.", published="2022-05-18")
    assert ("JPN", "04", "IND") in _dyads(doc) and ("IND", "04", "JPN") not in _dyads(doc)


def test_their_commitment_is_the_pairs_intent(code):
    doc = code("Vladimir Putin spoke with Xi Jinping. They reaffirmed their commitment to deepen the partnership.",
               published="2022-06-15")
    later = {d for d in _dyads(doc, asserted_only=False) if d[1] == "03"}
    assert {("RUS", "03", "CHN"), ("CHN", "03", "RUS")} <= later


def test_a_call_that_is_only_the_topic_is_not_reported(code):
    doc = code("Regarding Trump's phone call with Zelensky, a prosecutor said it was unusual.",
               published="2019-09-26")
    assert not [e for e in doc.events if e.cameo_root == "04"]


def test_a_pledge_with_no_target_is_aimed_at_the_country_the_article_is_about(code):
    doc = code("A building collapsed in Aleppo, Syria. Syria has been rebuilding since the war in Syria ended. "
               "China and Russia have pledged funds.", published="2019-02-05")
    pledges = [e for e in doc.events if e.cameo_root == "03"]
    assert {(e.source.entity, e.target and e.target.entity) for e in pledges} == {("CHN", "SYR"), ("RUS", "SYR")}
    assert all(e.rule.endswith("+implicit target") for e in pledges)


def test_no_implicit_target_without_a_clear_focus(code):
    doc = code("China and Russia have pledged funds.", published="2019-02-05")
    pledges = [e for e in doc.events if e.cameo_root == "03"]
    assert pledges and all(e.target is None for e in pledges)


def test_a_specific_code_of_a_root_wins_over_its_general_one(code):
    """One event per sentence, dyad and root: "agreed to hold more meetings" (036) says more than "promote
    ties" (030)."""
    doc = code("Striving to further promote mutually beneficial ties, Putin and Erdogan agreed to hold more "
               "meetings.", published="2022-08-05")
    assert sorted(e.cameo for e in doc.events if e.cameo_root == "03") == ["036", "036"]


READOUT = ("Secretary of State Antony Blinken spoke by phone with Indian External Affairs Minister Subrahmanyam "
           "Jaishankar today. ")


def test_a_readout_statement_with_no_target_is_aimed_at_the_counterpart(code):
    doc = code(READOUT + "The Secretary called for transparency on the origin of the virus.", published="2021-06-11")
    stressed = [e for e in doc.events if "transparency" in e.sentence]
    assert [(e.source.entity, e.target and e.target.entity) for e in stressed] == [("USA", "IND")]
    assert stressed[0].rule.endswith("+counterpart") and stressed[0].target.sector == "GOV"


def test_a_readout_statement_about_a_third_country_is_not_aimed_at_the_counterpart(code):
    doc = code(READOUT + "The Secretary reiterated U.S. support for a return to democracy in Venezuela.",
               published="2021-06-11")
    support = [e for e in doc.events if "Venezuela" in e.sentence]
    assert support and all(e.target is None or e.target.entity != "IND" for e in support)


def test_a_counterpart_is_not_added_where_the_pair_is_coded_already(code):
    doc = code(READOUT + "They reaffirmed their commitment to deepen the partnership.", published="2021-06-11")
    intents = [(e.source.entity, e.target and e.target.entity) for e in doc.events if e.cameo_root == "03"]
    assert sorted(intents) == [("IND", "USA"), ("USA", "IND")]


def test_agreeing_to_something_with_no_pattern_is_a_plain_intent_to_cooperate(code):
    doc = code("Chile offered Peru a new arrangement.")
    assert ("CHL", "03", "PER") in _dyads(doc, asserted_only=False)
    assert [e.cameo for e in doc.events if e.cameo_root == "03"] == ["030"]


def test_agreeing_to_a_known_act_codes_that_acts_intent_only(code):
    doc = code("Chile agreed to meet Peru.")
    assert sorted(e.cameo for e in doc.events if e.target is not None) == ["036"]
