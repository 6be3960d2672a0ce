"""Local groups: a group named by its role alone takes the country it acts in.

"Protesters", "the accused", "villagers" or "rebels" with no country in the text are coded by their sector
alone (generic.py). Coders give them a country when the event says where they are: the place the sentence
names for the event ("protesters in Kirkuk"; the unidentified attackers of a bombing too, attackers.py), else
the country of the police, court or security service acting on them or acted on by them (those act within
their own jurisdiction; this holds for any group, journalists included). Troops, aid workers, doctors and
clergy are as often foreigners where they act, so one sentence's place does not give them a country (the
article's home country may: generic.py gives a dateline's country to unions, NGOs, clergy and doctors named
with no other); nor does an inferred place (a visit's host country, the dateline). Last, a protest by a civil
group with no target named is aimed at that group's own government, as CAMEO coders read a domestic
demonstration.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from accord.knowledge.tables import VERBAL_ROOTS
from accord.records import Actor

if TYPE_CHECKING:
    from accord.document import Candidate, Document

# Sectors of groups that belong where they are found.
LOCAL_SECTORS = frozenset({"CVL", "OPP", "REB", "POL", "CRM", "EDU", "LAB", "AGR", "UAF"})
# Sectors whose actors act only inside their own country: the police, courts and security services.
JURISDICTION_SECTORS = frozenset({"POL", "JUD", "SPY"})
# Groups that stand against their own government: rebels or an opposition with no country that a government
# yields to, aids, fights or coerces are that government's ("The Mozambique government accepted demands from
# Shona rebels"); one it only talks about may be abroad ("The US government condemned the rebels").
INSURGENTS = frozenset({"REB", "OPP"})
# Forces that arrest and detain (173) where they hold power: "the army placed the president under house
# arrest" is that president's country's army.
ARRESTING_SECTORS = frozenset({"POL", "MIL"})
# Groups whose protest, with no one named as its target, is aimed at the government they live under, as
# CAMEO coders read a domestic demonstration ("thousands marched through Lagos demanding higher wages").
PROTESTERS = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR", "REL", "PTY", "BUS", "MED", "NGO", "HLH"})


def _sector_only(actor: Actor | None) -> bool:
    """A group known by its sector alone: no country, no organisation."""
    return actor is not None and actor.country is None and actor.org is None and actor.sector is not None


def _with_country(actor: Actor, country: str) -> Actor:
    return replace(actor, country=country, code=country + actor.code)


def local_country(candidate: Candidate, side: Actor, other: Actor | None) -> str | None:
    """The country a sector-only side of this candidate belongs to, facing `other`, or None: for a group
    that belongs where it is found, the place the sentence names for the event (the police facing it may
    have their country only from the article's dateline); else, for any group, the country of the
    police, court or security service facing it."""
    place = named_place_country(candidate) if side.sector in LOCAL_SECTORS else None
    if place is not None:
        return place
    if other is not None and other.country and (other.sector in JURISDICTION_SECTORS or (
            other.sector == "GOV" and (_domestic_coercion(candidate.cameo) or (
                side.sector in INSURGENTS and candidate.cameo[:2] not in VERBAL_ROOTS)))):
        return other.country
    return None


def _domestic_coercion(cameo: str) -> bool:
    """Coercion (17) other than expulsion: a government bans, seizes, arrests and represses within its own
    borders ("the government ordered the opposition newspaper to close"); whom it expels is foreign."""
    return cameo.startswith("17") and not cameo.startswith("174")


def named_place_country(candidate: Candidate) -> str | None:
    """The country of the event's place when the sentence names it; an inferred place (a visit's host, the
    dateline, the venue of earlier talks) carries no words and says nothing of the group."""
    place = candidate.location
    return place.country if place is not None and place.country and place.text is not None else None


class LocalActorsStage:
    """Give placeless groups the country their event puts them in."""

    name = "local"
    requires = ("candidates", "places")
    assigns = ("local",)

    def __call__(self, doc: Document) -> Document:
        scene = doc.notes.get("scene_country")
        for candidate in doc.candidates:
            source, target = candidate.source, candidate.target
            if (source.country is None and source.org is None and source.sector in ARRESTING_SECTORS
                    and candidate.cameo.startswith("173") and target is not None and target.country):
                # Arrested where the sentence says, else where the article's towns are, else where the
                # prisoner is from.
                where = named_place_country(candidate) or (scene if source.sector == "POL" else None)
                candidate.source = _with_country(source, where or target.country)
            elif _sector_only(source):
                country = local_country(candidate, source, target) or _in_scene(
                    source, scene, protesting=candidate.cameo.startswith("14")) or _jurisdiction(candidate) or (
                    _host(candidate, source, target))
                if country is not None:
                    candidate.source = _with_country(source, country)
            if target is not None and _sector_only(target):
                country = local_country(candidate, target, candidate.source) or _in_scene(target, scene) or (
                    _host(candidate, target, candidate.source))
                if country is not None:
                    candidate.target = _with_country(target, country)
            _own_government(candidate)
        return doc


def _host(candidate: Candidate, side: Actor, other: Actor | None) -> str | None:
    """The country of the place a sentence names for talks or cooperation (02-06) between an official of
    no known country and a foreign side: the host's ("In Vientiane, the Deputy Secretary will meet Deputy
    Prime Minister Kikeo"). Not when the place is the other side's country (a guest there is from anywhere)."""
    if side.sector not in ("GOV", "LEG") or other is None or not other.country:
        return None
    if candidate.cameo[:2] not in ("02", "03", "04", "05", "06"):
        return None
    place = named_place_country(candidate)
    return place if place is not None and place != other.country else None


def _in_scene(actor: Actor, scene: str | None, protesting: bool = False) -> str | None:
    """The country of the article's towns, for police, courts and security services no sentence places
    (they act within their own country, and the story is where its towns are), and for a group that
    protests there. Not for civilians, migrants or victims a story names in passing: they are as often
    elsewhere (on 600 corpus articles giving them the story's country was wrong more often than right)."""
    if actor.sector in JURISDICTION_SECTORS or (protesting and actor.sector in LOCAL_SECTORS):
        return scene
    return None


def _jurisdiction(candidate: Candidate) -> str | None:
    """The country of the people a court, police force or security service with no country of its own
    investigates, sues, tries or coerces, as the last resort: it acts within its own country ("Judge
    Alejandro Rivera opened fraud investigations against 28 Chilean government officials"). Not whom it
    expels, who are foreign."""
    target = candidate.target
    if candidate.source.sector not in JURISDICTION_SECTORS or target is None or not target.country:
        return None
    if candidate.cameo.startswith(("09", "115", "116")) or _domestic_coercion(candidate.cameo):
        return target.country
    return None


def _own_government(candidate: Candidate) -> None:
    """A protest aimed at no one named (or its calling off) is aimed at the protesters' own government,
    unless the sentence puts it in another country (a protest abroad may be aimed at the host)."""
    source = candidate.source
    protest = candidate.cameo.startswith(("14", "082"))  # a protest, or calling one off
    if candidate.target is not None or not protest or source.sector not in PROTESTERS:
        return
    country = source.country
    if country is None or named_place_country(candidate) not in (None, country):
        return
    candidate.target = Actor.implied(country, "GOV")
    candidate.confidence = round(candidate.confidence * 0.7, 3)
    candidate.rule += " +own government"
