"""A sentence that only says where something told just before happened ("The shooting took place in the
Tsuen Wan district.") places the events of that earlier sentence (hand-made paragraphs)."""

from __future__ import annotations

import pytest


def _placed(found, cameo_root: str):
    # the words the article used: the gazetteer's own name may be spelled otherwise (Sopore is "Sopur")
    return [(e.location.text, e.location.country) if e.location else None
            for e in found if e.cameo.startswith(cameo_root) and not e.negated]


@pytest.mark.parametrize(("text", "root", "place"), [
    ("Indian police fired on Kashmiri protesters on Friday. The shooting took place near Sopore.", "19",
     ("Sopore", "IND")),
    # one sentence about the victims between them
    ("Nigerian soldiers attacked villagers on Sunday. Four people died in hospital. The attack happened in the "
     "Gwoza district.", "19", ("Gwoza", "NGA")),
    ("The Russian foreign minister met his Turkish counterpart on Monday. The meeting was held in Sochi.", "04",
     ("Sochi", "RUS")),
])
def test_a_later_sentence_that_places_the_act_gives_its_location(events, text, root, place):
    assert place in _placed(events(text), root)


@pytest.mark.parametrize(("text", "root"), [
    # another paragraph tells another story
    ("Indian police fired on Kashmiri protesters on Friday.\n\nThe shooting took place near Sopore.", "19"),
    # a place on the act itself is kept: the later sentence is about something else in another country
    ("Indian police fired on Kashmiri protesters in Srinagar. The concert was held in Lahore.", "19"),
    # not a sentence that only places something: the subject is an actor
    ("Indian police fired on Kashmiri protesters on Friday. The protesters gathered near Sopore.", "19"),
])
def test_only_a_placing_sentence_of_the_same_paragraph_places_the_act(events, text, root):
    assert ("Sopore", "IND") not in _placed(events(text), root)
    assert ("Lahore", "PAK") not in _placed(events(text), root)


def test_a_name_before_a_district_word_is_placed_like_the_district(events):
    # the district's phrase hangs on the act, Kowloon's on the police
    found = events("Police in Kowloon fired tear gas in the Tsuen Wan district.")
    assert ("Tsuen Wan", "HKG") in _placed(found, "17")


@pytest.mark.parametrize(("text", "place"), [
    # a name the article qualified once keeps that place where it stands alone
    ("Blinken is travelling to San Jose, Costa Rica. He met Guatemala's foreign minister in San Jose.",
     ("San Jose", "CRI")),
    ("The envoy flew to Tripoli, Lebanon. He met Syrian officers in Tripoli.", ("Tripoli", "LBN")),
])
def test_a_name_keeps_the_place_its_qualifier_gave(events, text, place):
    assert place in _placed(events(text), "04")


def test_a_name_qualified_two_ways_is_left_to_the_gazetteer(events):
    text = "Paris, Texas, and Paris, France, are twinned. The Kenyan president arrived in Paris."
    assert ("Paris", "FRA") in _placed(events(text), "04")
