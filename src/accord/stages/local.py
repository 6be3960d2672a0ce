"""Local groups: a group named by its role alone takes the country it acts in.

"Protesters", "the accused", "villagers" or "rebels" with no country in the text are coded by their sector
alone (generic.py). Coders give them a country when the event says where they are: the country of the
police or court acting on them or acted on by them (police and courts act within their own jurisdiction),
else the country of the place the sentence names for the event ("protesters in Kirkuk"). Troops, aid
workers, doctors and clergy are as often foreigners where they act, so they keep their sector alone; so do
groups whose event has only an inferred place (a visit's host country, the dateline) or none.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accord.document import Candidate, Document
    from accord.records import Actor

# Sectors of groups that belong where they are found.
LOCAL_SECTORS = frozenset({"CVL", "OPP", "REB", "POL", "CRM", "EDU", "LAB", "AGR"})
# Sectors whose actors act only inside their own country.
JURISDICTION_SECTORS = frozenset({"POL", "JUD"})
# Forces that arrest and detain (173) where they hold power: "the army placed the president under house
# arrest" is that president's country's army.
ARRESTING_SECTORS = frozenset({"POL", "MIL"})


def _placeless(actor: Actor | None) -> bool:
    """A group known only by a local sector: no country, no organisation."""
    return actor is not None and actor.country is None and actor.org is None and actor.sector in LOCAL_SECTORS


def _with_country(actor: Actor, country: str) -> Actor:
    return replace(actor, country=country, code=country + actor.code)


def local_country(candidate: Candidate, other: Actor | None) -> str | None:
    """The country a placeless side of this candidate belongs to, facing `other`, or None."""
    if other is not None and other.country and other.sector in JURISDICTION_SECTORS:
        return other.country
    place = candidate.location
    # Only a place the sentence names: an inferred one (a visit's host, the dateline) says nothing of the group.
    if place is not None and place.country and place.text is not None:
        return place.country
    return None


class LocalActorsStage:
    """Give placeless groups the country their event puts them in."""

    name = "local"
    requires = ("candidates", "places")
    assigns = ("local",)

    def __call__(self, doc: Document) -> Document:
        for candidate in doc.candidates:
            source, target = candidate.source, candidate.target
            if (source.country is None and source.org is None and source.sector in ARRESTING_SECTORS
                    and candidate.cameo.startswith("173") and target is not None and target.country):
                candidate.source = _with_country(source, target.country)
            elif _placeless(source):
                country = local_country(candidate, target)
                if country is not None:
                    candidate.source = _with_country(source, country)
            if _placeless(target):
                country = local_country(candidate, source)
                if country is not None:
                    candidate.target = _with_country(target, country)  # type: ignore[arg-type]
        return doc
