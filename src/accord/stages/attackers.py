"""Unidentified attackers: who did a bombing the report names no one for.

"A roadside bomb near Samarra killed a U.S. soldier", "three civilians were killed in a car bombing in
Baghdad": the act is reported, its author is not. CAMEO coders code such an act all the same, with an
unidentified armed group (the actor codebook's UAF) of the country where it happened as the source; ICEWS
calls the same actor "unidentified gunmen". Accord does so only when the sentence names the weapon or the
attack that did it (as the subject, the passive agent or an "in" phrase of the violent verb), never for a
bare passive ("three soldiers were killed"), whose author may be named in the next sentence. "An attempt
to assassinate the governor" is done by whoever attempted it: the attempt stands for its author. The local
stage gives the group the country of the place the sentence names for the event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.records import Actor
from accord.stages.syntax import prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

# Roots of violent acts (assault, fight, mass violence) whose author may go unnamed.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Words for what did the act when no one is named: weapons, attacks and their unnamed authors.
DEVICES = frozenset({
    "bomb", "bombing", "bomber", "explosion", "blast", "device", "ied", "mine", "landmine", "minefield",
    "explosive", "explosives", "grenade", "rocket", "mortar", "shell", "missile", "drone", "attack", "raid",
    "ambush", "assailant", "assailants", "attacker", "attackers", "sniper", "attempt", "plot", "conspiracy",
})  # "gunmen" and "militants" are actors of the lexicon (REB)
ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
SECTOR = "UAF"  # the actor codebook's armed group aligned neither with nor against its government


def device_tokens(verb: Token, source_tokens: list[Token], passive: bool) -> list[Token]:
    """The words naming the weapon or attack that did a violent act with no actor as its author: the
    subject ("a roadside bombing killed"), the passive agent ("killed by an explosive device") or, for a
    passive with no agent, its "in" phrase ("killed in a suicide car bombing")."""
    found = [t for t in source_tokens if _device(t)]
    if found or not passive or source_tokens:
        return found
    return [o for o in prep_objects(verb, {"in"}) if _device(o)]


def _device(token: Token) -> bool:
    if token.lemma_.lower() not in DEVICES and token.lower_ not in DEVICES:
        return False
    # "the army's attack", "an Israeli raid": an author is named, and the actors stage reads it; "the
    # attack", "the second attack" refer back to one told before, whose author the article may have named
    return not any((c.dep_ in {"poss", "amod", "compound"} and c.ent_type_ in {"NORP", "GPE", "ORG"})
                   or (c.dep_ in {"det", "poss"} and c.lower_ in ANAPHORIC) for c in token.children)


def unidentified(token: Token) -> Actor:
    """The unnamed author of an act done by `token`, known by the words that name the weapon or attack
    ("a roadside bombing"), so that a user can see what stood for the author."""
    text = token.doc[token.left_edge.i : token.i + 1].text
    return Actor(text=text, name="unidentified attackers", code=SECTOR, sector=SECTOR, kind="group")
