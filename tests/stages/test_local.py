"""The local stage: groups known only by their role take the country their event puts them in."""

from __future__ import annotations

import pytest
from dyads import coded

from accord.document import Candidate, Document
from accord.records import Actor, Article, Place
from accord.stages.local import LocalActorsStage, local_country

CASES = [
    # (text, (source, target, code) expected among the events)
    # The police and courts act in their own country: whoever they act on or face is from there.
    ("Egyptian police opened fire on demonstrators on Monday.", ("EGYPOL", "EGYCVL", "193")),
    ("Kenyan police arrested dozens of students in the capital.", ("KENPOL", "KENEDU", "173")),
    ("Protesters threw stones at Chilean police.", ("CHLCVL", "CHLPOL", "145")),
    # A named place says where the group is.
    ("Thousands of protesters rallied in Kirkuk against the government.", ("IRQCVL", "IRQ", "141")),
    ("Israeli troops fired on protesters in Gaza.", ("ISRMIL", "PSECVL", "193")),
    ("American soldiers killed villagers in Afghanistan.", ("USAMIL", "AFGCVL", "190")),
    ("Rebels attacked a police station near Goma.", ("CODREB", None, "190")),
    # A named place beats the jurisdiction of police whose country only the dateline gave.
    ("Police arrested two British tourists in Dubai.", ("AREPOL", "GBR", "173")),
    ("WASHINGTON (Reuters) - Police arrested dozens of protesters in Basra on Monday.", ("USAPOL", "IRQCVL", "173")),
    # With no place named, the police lend their country to whoever they act on.
    ("Turkish police detained three students.", ("TURPOL", "TUREDU", "173")),
    # A judge or police force with no country of its own, and no place, acts where the people it investigates
    # or coerces are from.
    ("Judge Alejandro Rivera opened fraud investigations against 28 Chilean officials.",
     ("CHLJUD", "CHLGOV", "090")),
    ("Police detained three Kenyan students.", ("KENPOL", "KENEDU", "173")),
    # ... but not whom it expels, who are foreign.
    ("Police expelled three Kenyan students.", ("POL", "KENEDU", "166")),
    # The troops' country is no guide to their victims' (only police and courts are), nor is no place at all.
    ("Syrian government forces shelled rebels.", ("SYRMIL", "REB", "194")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_a_local_group_takes_its_country(events, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(events(text))


def _group(sector: str) -> Actor:
    return Actor(text="them", name="them", code=sector, sector=sector, kind="group")


def _candidate(source: Actor, target: Actor | None, location: Place | None = None) -> Candidate:
    return Candidate(sentence=0, source=source, target=target, cameo="173", rule="test", trigger_start=0,
                     trigger_end=1, trigger_text="x", location=location)  # fmt: skip


GHA_POLICE = Actor(text="police", name="police", code="GHAPOL", country="GHA", sector="POL", kind="group")
GHA_ARMY = Actor(text="army", name="army", code="GHAMIL", country="GHA", sector="MIL", kind="group")
ACCRA = Place(name="Accra", country="GHA", text="Accra")


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        (_candidate(GHA_POLICE, _group("CVL")), ("GHAPOL", "GHACVL")),
        (_candidate(_group("CRM"), GHA_POLICE), ("GHACRM", "GHAPOL")),
        (_candidate(GHA_ARMY, _group("CVL")), ("GHAMIL", "CVL")),  # armies fight abroad
        (_candidate(GHA_ARMY, _group("CVL"), ACCRA), ("GHAMIL", "GHACVL")),
        # An inferred place (no words in the text) and groups that travel keep no country.
        (_candidate(GHA_ARMY, _group("CVL"), Place(name="Ghana", country="GHA", precision="country")),
         ("GHAMIL", "CVL")),
        (_candidate(_group("MIL"), _group("NGO"), ACCRA), ("MIL", "NGO")),
        # A group with an organisation is no local group.
        (_candidate(GHA_POLICE, Actor(text="UN staff", name="UN", code="IGOUNO", org="UN", sector="CVL")),
         ("GHAPOL", "IGOUNO")),
    ],
)
def test_the_stage_on_candidates(candidate: Candidate, expected: tuple[str, str]) -> None:
    LocalActorsStage()(Document(article=Article.create(text="x"), candidates=[candidate]))
    assert (candidate.source.code, candidate.target.code if candidate.target else None) == expected


def test_no_target_no_country_from_it() -> None:
    candidate = _candidate(_group("CVL"), None)
    assert local_country(candidate, candidate.source, None) is None


# --- a protest aimed at no one named is aimed at the protesters' own government ---------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Thousands of Chilean students marched demanding free tuition.", ("CHLEDU", "CHLGOV", "14")),
    ("Kenyan farmers protested over falling maize prices.", ("KENAGR", "KENGOV", "14")),
])
def test_a_protest_at_no_one_is_at_the_own_government(events, text, expected):
    src, tgt, root = expected
    assert any(s == src and t == tgt and c.startswith(root) for s, t, c in coded(events(text)))


@pytest.mark.parametrize("text", [
    "Iranian exiles protested outside the embassy in Paris.",  # abroad: perhaps at the host
    "Chilean students marched against the Argentine ambassador.",  # the text names whom
])
def test_no_own_government_when_the_text_says_otherwise(events, text):
    assert not any(t and t.endswith("GOV") and t[:3] == s[:3] for s, t, _ in coded(events(text)))


def test_calling_off_a_strike_concedes_to_the_own_government(events):
    assert ("KENHLH", "KENGOV", "082") in coded(events("Kenyan doctors called off their strike on Friday."))


# --- a government coerces within its own borders; whom it expels is foreign -------------------------------

def test_a_government_coerces_its_own_media(events):
    found = coded(events("The Belarusian government shut down an independent newspaper."))
    assert any(s == "BLRGOV" and t == "BLRMED" and c.startswith("17") for s, t, c in found)


def test_whom_a_government_expels_keeps_no_country(events):
    found = coded(events("The Iranian government expelled two journalists."))
    assert not any(t == "IRNMED" for _, t, _ in found)


def test_journalists_are_a_group_police_act_on(events):
    assert ("TURPOL", "TURMED", "173") in coded(events("Turkish police arrested three journalists."))
