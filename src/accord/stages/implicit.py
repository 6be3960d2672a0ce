"""Targets a sentence leaves unnamed but its article implies: the other side of the talks a readout opens
with, the country the article is about, or for a curfew or state of emergency the source's own country. Run
by the events stage once every sentence is coded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.records import Actor

if TYPE_CHECKING:
    from accord.document import Candidate, Document

# Roots whose target, when the sentence names none, is the country the article is about: intent to
# cooperate, support, aid, appeals, disapproval, rejection, threats; and condolences and tributes (018),
# paid to the country the article mourns with.
IMPLICIT_ROOTS = {"02", "03", "05", "07", "10", "11", "12", "13"}
IMPLICIT_CODES = {"018"}
# Curfews, martial law and states of emergency, imposed, threatened, kept or eased: a state declares them
# over its own land ("threatened to institute a curfew", "voted to lift the state of emergency").
DOMESTIC_CODES = {"0813", "0814", "1241", "1323", "1324", "1723", "1724"}


def implicit_targets(doc: Document) -> None:
    """An appeal, pledge, praise or criticism with no target named is aimed at the other side of the talks
    the article opens with, when its source is one side and its sentence names no third country ("Secretary
    Blinken spoke by phone with Director Yang ... The Secretary stressed the importance of transparency":
    to Yang; not "reiterated U.S. support for a return to democracy in Venezuela"), as a readout's
    statements are; else at the country the article is about, as coders read it ("China, Iran and Russia
    have pledged funds" in a story about Syria)."""
    focus = doc.notes.get("focus_country")
    talks = _opening_talks(doc)
    sides = {talks.source.country: talks.target, talks.target.country: talks.source} if talks is not None else {}
    coded = {_key(c) for c in doc.candidates if c.target is not None}
    named: dict[int, set[str | None]] = {}  # the countries each sentence names
    for m in doc.mentions:
        if m.actor.country:
            named.setdefault(m.sentence, set()).add(m.actor.country)
    repeated: list[Candidate] = []
    for c in doc.candidates:
        if c.target is None and c.cameo in DOMESTIC_CODES and c.source.country:
            c.target = Actor.implied(c.source.country)
            c.rule += " +own country"
            continue
        if c.target is not None or not (c.cameo[:2] in IMPLICIT_ROOTS or c.cameo in IMPLICIT_CODES):
            continue
        after_talks = talks is not None and c.sentence > talks.sentence
        if after_talks and c.source.country in sides and named.get(c.sentence, set()) <= set(sides):
            other = sides[c.source.country]
            c.target = Actor.implied(other.country, other.sector)
            c.rule += " +counterpart"
        elif focus and c.source.country not in (focus, None):
            c.target = Actor.implied(focus)
            c.rule += " +implicit target"
        else:
            continue
        c.confidence = round(c.confidence * 0.7, 3)
        if _key(c) in coded:
            repeated.append(c)  # "They reaffirmed their commitment": coded already between the two of them
        coded.add(_key(c))
    dropped = {id(c) for c in repeated}
    doc.candidates[:] = [c for c in doc.candidates if id(c) not in dropped]


def _key(c: Candidate) -> tuple:
    target = c.target
    return c.sentence, c.source.entity, c.source.sector, target and target.entity, c.cameo[:2], c.negated


def _opening_talks(doc: Document) -> Candidate | None:
    """The meeting, call or talks between two countries' actors that the article's first sentences report."""
    return next((c for c in doc.candidates if c.sentence < 3 and c.cameo[:2] == "04" and not c.negated
                 and c.target is not None and c.source.country and c.target.country
                 and c.source.country != c.target.country), None)  # fmt: skip
