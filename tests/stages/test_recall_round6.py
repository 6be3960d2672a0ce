"""Recall, sixth round: acts done together by coordinated subjects, staying in contact, "the presidents"
long after they were named, family names under a title, a call "made by X to Y", "asked X to do Y",
welcoming a role, and guards: purpose clauses of a topic, striving, receiving a document (hand-made
sentences).

Each sentence is coded as a careful CAMEO coder would code it under gold/FORMAT.md and the verb codebook.
"""

from __future__ import annotations

import pytest
from dyads import coded, roots

# --- coordinated subjects of a cooperative act act on each other (FORMAT.md: joint actions) ----------------

@pytest.mark.parametrize(("sentence", "pair"), [
    ("Ghana and Senegal are committed to working closely together on security.", ("GHA", "SEN")),
    ("Chile and Peru agreed to keep regular contacts.", ("CHL", "PER")),
    ("Norway and Iceland plan to remain in close contact.", ("NOR", "ISL")),
])
def test_coordinated_subjects_cooperate_with_each_other(events, sentence, pair):
    found = roots(events(sentence))
    a, b = pair
    assert (a, b, "03") in found and (b, a, "03") in found


def test_staying_in_contact_is_intent_to_consult(events):
    found = coded(events("Norway and Iceland plan to remain in close contact."))
    assert ("NOR", "ISL", "036") in found


@pytest.mark.parametrize("sentence", [
    "Japan, Korea and Australia have pledged funds.",
    "Brazil and Argentina are committed to lowering inflation.",
])
def test_undirected_pledges_are_not_made_to_each_other(events, sentence):
    found = coded(events(sentence))
    countries = {"JPN", "KOR", "AUS", "BRA", "ARG"}
    assert not any(src[:3] in countries and tgt and tgt[:3] in countries for src, tgt, _ in found)


def test_hosting_is_not_mutual(events):
    found = coded(events("Mexico and Colombia received the punishment their crimes deserve."))
    assert not any(code.startswith("04") and tgt for _, tgt, code in found)


# --- "the presidents" at the end of a readout are the pair its opening named ----------------------------

def test_presidents_refers_back_to_the_opening_pair(events):
    text = ("Argentine President Alberto Fernandez spoke with Chilean President Gabriel Boric. "
            "They reviewed trade. Argentina would export wheat to Africa. The European Union raised tariffs. "
            "Brazil exported soybeans. The presidents also discussed border security in the Andes.")
    found = [e for e in events(text) if "border security" in e.sentence]
    dyads = {(e.source.code[:3], e.target.code[:3] if e.target else None, e.cameo[:2]) for e in found}
    assert ("ARG", "CHL", "04") in dyads and ("CHL", "ARG", "04") in dyads


# --- a family name written first: "Director Wang" after "Wang Yi" ------------------------------------------

def test_title_with_family_name_finds_the_person(events):
    text = ("The Indian foreign secretary met Chinese foreign policy chief Wang Yi. "
            "Secretary Kwatra and Director Wang discussed the border dispute.")
    found = [e for e in events(text) if "border dispute" in e.sentence]
    assert any(e.source.code.startswith("CHN") for e in found)


def test_family_name_after_a_long_office_title(events):
    """The person's name, not the office words parsed into it, is what later mentions use."""
    text = ("Foreign Secretary Vinay Kwatra spoke by phone with Politburo Member and Director of the Office of the "
            "Foreign Affairs Commission Yang Jiechi today. Secretary Kwatra and Director Yang discussed the border "
            "dispute.")
    found = [e for e in events(text) if "border dispute" in e.sentence]
    assert any(e.source.code.startswith("CHN") for e in found)


def test_given_name_alone_finds_no_one(events):
    """Only a two-word name registers its first word, and only a titled mention looks it up."""
    found = events("Chinese foreign policy chief Wang Yi met Indian officials. Wang criticized Japan. "
                   "Director Wang criticized Australia.")
    # The titled "Director Wang" is Wang Yi; the bare "Wang" is not looked up by the first word.
    criticised = {e.target.code[:3] for e in found if e.cameo.startswith("11") and e.source.code.startswith("CHN")
                  and e.target is not None}
    assert criticised == {"AUS"}


# --- a call "made by X to Y": the participle's phrases are the call's -------------------------------------

def test_call_made_by_to(events):
    found = roots(events("The report concerns a phone call made by President Lula last May to Bolivian "
                         "President Luis Arce."))
    assert ("BRA", "BOL", "04") in found and ("BOL", "BRA", "04") in found


# --- "asked X to do Y" is an appeal, whatever Y is -------------------------------------------------------

def test_asking_someone_to_act_is_an_appeal(events):
    assert ("KEN", "TZA", "02") in roots(events("The Kenyan president asked Tanzania to investigate the killings."))


def test_asked_to_with_no_one_named_appeals_to_no_one(events):
    found = roots(events("The Kenyan president was asked to investigate the killings."))
    assert not any(code == "02" and tgt for _, tgt, code in found)


# --- welcoming a role or act is approval (051); welcoming a visitor is hosting (043) ---------------------

def test_welcoming_a_role_is_praise(events):
    found = coded(events("The Kenyan foreign minister welcomed Ghana's chairmanship of the African Union."))
    assert ("KENGOV", "GHA", "051") in found
    assert not any(code.startswith("04") for _, _, code in found)


def test_welcoming_a_visitor_is_hosting(events):
    assert ("FRAGOV", "MLIGOV", "043") in coded(events("The French foreign minister welcomed the Malian president."))


def test_receiving_a_document_is_no_visit(events):
    found = coded(events("The French minister said France looks forward to receiving Mali's written reply."))
    assert not any(code.startswith("04") and tgt for _, tgt, code in found)


# --- guards: what a topic verb's object is for, and striving, are no acts ---------------------------------

@pytest.mark.parametrize("sentence", [
    "Kenya explored ways to expand trade with Uganda.",
    "Ghana and Togo discussed ways and assessed steps to enhance military cooperation with Benin.",
])
def test_purpose_of_a_topic_is_no_act(events, sentence):
    found = roots(events(sentence))
    assert not any(code in {"05", "06"} for _, _, code in found)


def test_striving_is_intent(events):
    found = events("Striving to promote ties, Kenya and Uganda agreed to hold more meetings.")
    assert not any(e.cameo.startswith("05") for e in found)
    assert any(e.cameo.startswith("03") and e.source.code == "KEN" for e in found)
