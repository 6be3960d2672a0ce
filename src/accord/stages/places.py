"""The places stage: where each candidate event happened, from the place names in its sentence.

Place names are the sentence's GPE/LOC/FAC entities plus capitalised words after "in", "at", "to" or "near"
(the small model misses some) and capitalised words before a region word ("Punjab province", "the Donetsk
region", "Rakhine State", which the model often calls NORP or PERSON), less any words an actor mention covers:
"Islamabad said" is an actor, not a place. A name followed by ", Qualifier" is looked up with it ("Paris,
Texas"); a name after "the city of" or "the province of" is located by that noun. Names are looked up in the
gazetteer with the article's countries as a preference. A place governed by a locative preposition on the
trigger wins, then any locative place, then cities over regions over countries, then the one nearest the
trigger. With no place named, a visit (042) happens in the target's country and hosting a visit (043) in the
source's; later exchanges between the same officials happen where they met; and a domestic event of the
dateline's country happens at the dateline ("ISLAMABAD -").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from accord.knowledge.gazetteer import Gazetteer, Remembering, fold, get_gazetteer
from accord.knowledge.patterns import builtin_classes
from accord.knowledge.tables import VERBAL_ROOTS
from accord.records import Actor, Place
from accord.stages.local import JURISDICTION_SECTORS
from accord.stages.place_names import (
    LOCATIVE,
    NON_LOCATIVE,
    PLACE_LABELS,
    PLACE_NOUNS,
    actor_tokens,
    lookup_name,
    name_spans,
    place_noun,
    qualified_place,
    says_where,
)
from accord.stages.syntax import prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from accord.document import Candidate, Document

# Acts that happen where they take people or troops out of: "evacuated students from Sumy", "withdrew its
# troops from Kabul" happened in Sumy and Kabul ("arrived from Moscow" did not happen in Moscow).
LEAVING = frozenset({"evacuate", "withdraw", "pull", "rescue", "airlift", "extract"})
_PRECISION_RANK = {"city": 2, "admin1": 1, "country": 0}
# Words that refer back to the city the article named last ("in other parts of the city").
CITY_WORDS = frozenset({"city", "town"})
# Cities the gazetteer knows as countries (or territories): "the city" after "in Hong Kong" is Hong Kong.
CITY_STATES = frozenset({"HKG", "SGP", "MAC", "MCO", "VAT", "GIB"})
# Who protests where the story is when no sentence says where (besides local.py's police, courts and
# security services, who act at home): civilians, the opposition, students and workers.
SCENE_PROTESTERS = frozenset({"CVL", "OPP", "EDU", "LAB"})
# Gatherings whose place is where what is said at them was said (besides verbs.txt's @talks).
MEETING_NOUNS = frozenset({"conference", "ministerial", "forum", "session", "sideline", "sidelines", "visit",
                           "trip", "tour", "assembly", "gathering", "ceremony", "rally"})
# Verbs of a sentence that only says where something told before happened ("The shooting took place in X").
SCENE_VERBS = frozenset({"happen", "occur", "unfold"})
SCENE_PASSIVES = frozenset({"hold", "stage", "carry"})
SCENE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
SCENE_REACH = 2  # sentences ahead: one about the victims may come between
def article_countries(doc: Document) -> frozenset[str]:
    """The countries an article is about: those of its actor mentions, and its home country if known."""
    codes = {m.actor.country for m in doc.mentions if m.actor.country}
    if doc.home_country:
        codes.add(doc.home_country)
    return frozenset(codes)


def dateline_place(doc: Document, gazetteer: Gazetteer | None = None) -> Place | None:
    """The place a dateline names ("ISLAMABAD -"), looked up in the gazetteer, or None."""
    if not doc.dateline:
        return None
    gazetteer = gazetteer or get_gazetteer()
    place = gazetteer.lookup(doc.dateline, countries=article_countries(doc))
    return replace(place, text=doc.dateline) if place is not None else None


def _score(part: Span, place: Place, trigger: Token | None) -> tuple[int, int, int, int] | None:
    """How likely this place is the event's location (higher is better), or None if it cannot be."""
    root = part.root
    if root.dep_ == "poss":
        return None  # "Pakistan's market": a possessor, not a location
    root = place_noun(root) or root
    if root.dep_ == "compound" and root.head.lower_ in PLACE_NOUNS:
        root = root.head  # "in the Tsuen Wan district": the phrase is the place noun's
    prep = root.head if root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and prep.head.lower_ in LOCATIVE:
        prep = prep.head  # "outside of the city of Basra": one preposition in two words
    word = prep.lower_ if prep is not None else ""
    heads = _trigger_heads(trigger) if trigger is not None else set()
    leaving = word == "from" and trigger is not None and trigger.lemma_.lower() in LEAVING
    if word in NON_LOCATIVE and not (leaving and prep is not None and prep.head in heads):
        return None
    locative = (prep is not None and says_where(prep, root)) or leaving
    on_trigger = trigger is not None and prep is not None and (locative or word == "to") and (
        prep.head in heads or _at_meeting(prep))
    on_trigger = on_trigger or (trigger is not None and root.dep_ == "dobj" and root.head == trigger)  # "visited X"
    distance = abs(root.i - trigger.i) if trigger is not None else root.i
    return (int(on_trigger), int(locative), _PRECISION_RANK.get(place.precision, 0), -distance)


def _trigger_heads(trigger: Token) -> set[Token]:
    """Words whose locative phrase places the event: the trigger, and the other half of a light-verb
    construction ("held talks in Geneva": the verb for the noun trigger, the noun for the verb trigger)."""
    talks = builtin_classes()["@talks"]
    heads = {trigger, *(c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in talks)}
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        heads.add(trigger.head)
    return heads


def _at_meeting(prep: Token) -> bool:
    """Whether a locative phrase places a meeting ("the summit in Cornwall", "talks in Geneva"): what is said
    during it is said there."""
    return prep.lower_ != "to" and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in _meeting_nouns()


@lru_cache(maxsize=1)
def _meeting_nouns() -> frozenset[str]:
    """verbs.txt's @talks and the other gatherings, joined once rather than per place looked at."""
    return builtin_classes()["@talks"] | MEETING_NOUNS


def _speech_topic(
    candidate: Candidate, score: tuple[int, int, int, int], place: Place, part: Span, actors: set[int]
) -> bool:
    """Whether a place off the trigger of a verbal act is what the act is about, not where it happened:
    "condemned the attack in Kabul", "discussed the situation in Donbass". Statements, appeals, demands
    and threats happen where they are made; of talks (04) a city in a locative phrase off the trigger still
    tells the venue ("their meeting on the sidelines of the General Assembly in New York"): cities are
    seldom what talks are about. The parser often hangs the venue on the object ("met Mikati in Lebanon",
    "signed an agreement in Panama City"): any place on an actor the act is done with, or a city on what
    was signed, is where it was done; a city on another object is still a topic ("discussed the attack in
    Kabul"). `actors` are the sentence's actor mention heads."""
    if score[0] or candidate.cameo[:2] not in VERBAL_ROOTS:
        return False
    trigger = candidate.token
    objects = [c for c in trigger.children if c.dep_ == "dobj"] if trigger is not None else []
    root = place_noun(part.root) or part.root
    host = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else None
    signed = trigger is not None and trigger.lemma_ == "sign" and place.precision == "city"
    if host in objects and score[1] and (signed or host.i in actors):
        return False
    if any(part.root in c.subtree for c in objects):
        return True  # inside what was discussed: "discussed the bombing in Kabul"
    return not (candidate.cameo.startswith("04") and place.precision == "city" and score[1])


def find_place(
    doc: Document, candidate: Candidate, gazetteer: Gazetteer, countries: frozenset[str]
) -> Place | None:
    """The best place named in a candidate's sentence, or None."""
    found = _best_place(doc, candidate, gazetteer, countries)
    return found[1] if found else None


def _best_place(
    doc: Document, candidate: Candidate, gazetteer: Gazetteer, countries: frozenset[str],
    last_city: Place | None = None,
) -> tuple[tuple[int, int, int, int], Place] | None:
    """The best place named in a candidate's sentence and its score (see _score), or None; "the city" names
    `last_city`, the city the article named last."""
    span = doc.sentences[candidate.sentence].span
    if span is None:
        return None
    best: tuple[tuple[int, int, int, int], Place] | None = None
    qualifiers: set[int] = set()  # a qualifier that narrowed a name is no place of its own
    actors = {m.head for m in doc.mentions if m.sentence == candidate.sentence}
    for name, from_ner in name_spans(span, actor_tokens(doc, candidate.sentence)):
        if name.start in qualifiers:
            continue
        qualified = qualified_place(name, span, gazetteer, countries) if from_ner else None
        if qualified is not None:
            qualifiers.add(qualified[1].start)
        found = (name, qualified[0]) if qualified is not None else lookup_name(name, from_ner, gazetteer, countries)
        if found is None:
            continue
        score = _score(found[0], found[1], candidate.token)
        if score is not None and _speech_topic(candidate, score, found[1], found[0], actors):
            continue
        if score is not None and (best is None or score > best[0]):
            written = span.doc[name.start : qualified[1].end] if qualified is not None else found[0]
            best = (score, replace(found[1], text=written.text))
    if last_city is None:
        return best
    for part, words in _the_city(span):
        score = _score(part, last_city, candidate.token)
        if score is not None and not _speech_topic(candidate, score, last_city, part, actors) and (
                best is None or score > best[0]):
            best = (score, replace(last_city, text=words.text))
    return best


def _the_city(span: Span) -> Iterator[tuple[Span, Span]]:
    """"the city" or "the town" in a locative phrase ("in the city", "in other parts of the city"), which
    names the city the article named last: the phrase to score and the words."""
    doc = span.doc
    for token in span:
        if token.lower_ not in CITY_WORDS or token.i == span.start or doc[token.i - 1].lower_ != "the" \
                or token.dep_ != "pobj" or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue  # not "the city" in a phrase, or "the city of Izmir" (named)
        words = doc[token.i - 1 : token.i + 1]
        if token.head.lower_ in LOCATIVE:
            yield doc[token.i : token.i + 1], words
        elif token.head.lower_ == "of" and token.head.head.dep_ == "pobj":  # "in (other) parts of the city"
            yield doc[token.head.head.i : token.head.head.i + 1], words


def visit_place(candidate: Candidate, gazetteer: Gazetteer) -> Place | None:
    """Where an unlocated visit happened: the host's country (target of 042, source of 043); where aid
    sent "to" a country went: that country ("delivered vaccines to Samoa")."""
    if candidate.cameo.startswith("042") and candidate.target is not None:
        return gazetteer.country(candidate.target.country)
    if candidate.cameo.startswith("043"):
        return gazetteer.country(candidate.source.country)
    if candidate.cameo.startswith("07") and _sent_to(candidate):
        return gazetteer.country(candidate.target.country if candidate.target else None)
    return None


def _sent_to(candidate: Candidate) -> bool:
    """Whether the trigger's "to" phrase names the target state: aid delivered to a country, not a person."""
    target, trigger = candidate.target, candidate.token
    if target is None or target.kind != "state" or trigger is None:
        return False
    return any(o.text in target.text for o in prep_objects(trigger, {"to", "into"}))


class PlacesStage:
    """Set each candidate's location from the place names in its sentence."""

    name = "places"
    requires = ("candidates", "mentions")
    assigns = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        # The gazetteer is fetched on first call, not here, so building a pipeline stays cheap.
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Document) -> Document:
        if not doc.candidates:
            return doc
        countries = article_countries(doc)
        gazetteer = Remembering(self.gazetteer, _qualified_names(doc, self.gazetteer, countries))
        doc.notes["scene_country"], scene_city = story_scene(doc, gazetteer, countries)
        # Where the article's talks were held: later sentences about the same pair ("They discussed ...",
        # "The Secretary thanked ...") happened there too, unless they name a place of their own.
        meetings: dict[frozenset, Place] = {}
        dateline = dateline_place(doc, gazetteer)
        last_city: Place | None = None
        scenes: dict[int, tuple[tuple[int, int, int, int], Place] | None] = {}
        for candidate in sorted(doc.candidates, key=lambda c: c.sentence):
            pair = _pair(candidate)
            found = _best_place(doc, candidate, gazetteer, countries, last_city)
            if found is not None and (found[1].precision == "city" or found[1].country in CITY_STATES):
                last_city = found[1]
            if found is not None and _topic(found, meetings.get(pair)):
                found = (found[0], meetings[pair])
            if found is None or not found[0][0]:
                scene = scenes.setdefault(candidate.sentence, _scene(doc, candidate.sentence, gazetteer,
                                                                     countries))
                if scene is not None and (found is None or found[1].country == scene[1].country):
                    found = scene
            visited = None if found else visit_place(candidate, gazetteer)
            candidate.location = (found and found[1]) or visited or _inferred(meetings.get(pair)) or _inferred(
                _at_home(candidate, dateline)) or _inferred(_local_scene(candidate, scene_city))
            _visit_or_host(candidate, gazetteer)
            # Where talks happened (what they were about was left out by _speech_topic) is their venue.
            venue = visited or (found[1] if found else None)
            if candidate.cameo.startswith("04") and venue is not None and pair:
                meetings.setdefault(pair, venue)
        return doc


def _qualified_names(doc: Document, gazetteer: Gazetteer, countries: frozenset[str]) -> dict[str, Place]:
    """The cities the article names with a qualifier ("San Jose, Costa Rica"), by their bare name; a name
    qualified two ways is left out."""
    found: dict[str, set[Place]] = {}
    for span in (s.span for s in doc.sentences if s.span is not None):
        for ent in (e for e in span.ents if e.label_ == "GPE"):
            qualified = qualified_place(ent, span, gazetteer, countries)
            if qualified is not None and qualified[0].precision == "city":
                found.setdefault(fold(ent.text), set()).add(qualified[0])
    return {name: next(iter(places)) for name, places in found.items() if len(places) == 1}


def _visit_or_host(candidate: Candidate, gazetteer: Gazetteer) -> None:
    """A meeting (040) the text places in one side's country and not the other's is the other side's visit
    (042) and the first side's hosting (043), as CAMEO's codes for visits have it: "Blinken met Foreign
    Minister Tileuberdi today in Washington" is Kazakhstan's visit and the United States' hosting. Only a
    place that is in that country whatever the article is about: the preference for the article's countries
    would make "in Geneva" Geneva, Illinois, in a story about Biden and Putin."""
    place, target = candidate.location, candidate.target
    if candidate.cameo != "040" or place is None or place.text is None or target is None:
        return
    sides = (candidate.source.country, target.country)
    if None in sides or sides[0] == sides[1] or place.country not in sides:
        return
    anywhere = gazetteer.lookup(place.text)
    if anywhere is None or anywhere.country != place.country:
        return
    candidate.cameo, suffix = ("042", " +visit") if place.country == sides[1] else ("043", " +host")
    candidate.rule += suffix


def story_scene(doc: Document, gazetteer: Gazetteer, countries: frozenset[str]) -> tuple[str | None, Place | None]:
    """Where the story is: the country of the cities and regions its parsed sentences name, when at least
    two such names are of one country and no other has as many (an Australian tried in Christchurch: New
    Zealand), and its city, when one city is named at least twice and more often than any other. Each
    None otherwise."""
    by_country: dict[str, int] = {}
    by_city: dict[Place, int] = {}
    for sentence in doc.sentences:
        if sentence.span is None:
            continue
        for ent in sentence.span.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            place = gazetteer.lookup(ent.text, countries=countries)
            if place is None or not place.country:
                continue
            city = place.precision == "city" or place.country in CITY_STATES
            if city or place.precision == "admin1":
                by_country[place.country] = by_country.get(place.country, 0) + 1
            if city:
                by_city[place] = by_city.get(place, 0) + 1
    return _clear_winner(by_country), _clear_winner(by_city)


def _clear_winner(counts: dict) -> Any:
    """The key counted at least twice and more often than any other, or None."""
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _scene(doc: Document, index: int, gazetteer: Gazetteer, countries: frozenset[str]
           ) -> tuple[tuple[int, int, int, int], Place] | None:
    """The place a sentence just after this one in its paragraph gives for what this one told, when that is
    all it says ("Police fired on a protester. The victim was taken to hospital. The shooting took place in
    the Tsuen Wan district."), or None: its subject is a definite common noun that names no actor and its
    verb only places it (took place, happened, occurred, was held)."""
    for later in range(index + 1, min(index + 1 + SCENE_REACH, len(doc.sentences))):
        span = doc.sentences[later].span
        if span is None or doc.new_paragraph(later):
            return None  # another paragraph
        found = _scene_of(doc, later, span, gazetteer, countries)
        if found is not None:
            return found
    return None


def _scene_of(doc: Document, index: int, span: Span, gazetteer: Gazetteer, countries: frozenset[str]
              ) -> tuple[tuple[int, int, int, int], Place] | None:
    """The place a sentence that only places something told before names (see _scene), or None."""
    if not any(t.dep_ for t in span):
        return None
    root = span.root
    lemma = root.lemma_.lower()
    placing = lemma in SCENE_VERBS or (lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in root.children)) or (
        lemma in SCENE_PASSIVES and any(c.dep_ == "auxpass" for c in root.children))
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not placing or len(subjects) != 1 or subjects[0].pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in SCENE_DETERMINERS for c in subjects[0].children):
        return None
    if any(m.sentence == index and m.start <= subjects[0].i < m.end for m in doc.mentions):
        return None  # "the delegation arrived": an actor, told of in its own right
    best: tuple[tuple[int, int, int, int], Place] | None = None
    for name, from_ner in name_spans(span, actor_tokens(doc, index)):
        found = lookup_name(name, from_ner, gazetteer, countries)
        score = _score(found[0], found[1], root) if found is not None else None
        if found is not None and score is not None and score[0] and (best is None or score > best[0]):
            best = (score, replace(found[1], text=found[0].text))
    return best


def _local_scene(candidate: Candidate, city: Place | None) -> Place | None:
    """The story's city for an act of its own country's police or courts, or a protest of its people, that
    no sentence places ("Police arrested the accused near Strickland Street" in a story about
    Christchurch). Not for anyone else: a briefing that names Moscow twice does not put "the Iranians"
    there (on 600 corpus articles any civil group or any country's police was placed wrongly)."""
    source = candidate.source
    if city is None or source.country not in (None, city.country):  # the local stage may give it one later
        return None
    local = source.sector in JURISDICTION_SECTORS or (
        source.sector in SCENE_PROTESTERS and candidate.cameo.startswith("14"))
    return city if local else None


def _inferred(place: Place | None) -> Place | None:
    """A place the event takes from elsewhere in the article (earlier talks, the dateline): no words of its
    sentence name it."""
    return replace(place, text=None) if place is not None else None


def _topic(found: tuple[tuple[int, int, int, int], Place], venue: Place | None) -> bool:
    """Whether a region or country off the trigger is what a pair that met in a city talked about ("they
    discussed the crisis in Tigray" after meeting in Paris), not where they talked."""
    (on_trigger, *_), place = found
    return bool(venue is not None and venue.precision == "city" and not on_trigger and place.precision != "city")


def _at_home(candidate: Candidate, dateline: Place | None) -> Place | None:
    """The dateline's place for a domestic event of the dateline's country (both actors from there)."""
    if dateline is None or dateline.country is None or candidate.target is None:
        return None
    countries = {candidate.source.country, candidate.target.country}
    return dateline if countries == {dateline.country} else None


def _pair(candidate: Candidate) -> frozenset:
    """The two countries of an exchange between officials or states; empty for anything else."""
    if candidate.target is None or not (_official(candidate.source) and _official(candidate.target)):
        return frozenset()
    return frozenset({candidate.source.entity, candidate.target.entity})


def _official(actor: Actor) -> bool:
    """An official, or a state named as a whole ("the United States' support for ...": the state acts)."""
    return actor.sector in ("GOV", "MIL", "LEG") or (actor.sector is None and actor.kind == "state")
