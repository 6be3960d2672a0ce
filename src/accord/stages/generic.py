"""Generic actors: groups named by their role alone ("rebels", "the police", "students", "protesters").

CAMEO codes such an actor by its sector with no country (REB, POL, EDU, CVL) when the text names none.
They are read here, by Accord's own events stage, only where a pattern needs an actor and the actors stage
found none: they are no mention of their own, so neither coreference nor PETRARCH mode (whose agents
need an actor) sees them. A domestic institution (police, opposition, unions, universities) belongs to the
article's home country when it has one; civilians, rebels and troops in a readout are as often another
country's, so they keep their sector alone.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from accord.knowledge import tables
from accord.knowledge.lexicon import plurals
from accord.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

# Sectors of groups coded by their sector alone; not the state's organs: a "government" or a "minister"
# with no country is unknown, not generic.
GENERIC_SECTORS = frozenset({"REB", "CVL", "POL", "MIL", "OPP", "EDU", "LAB", "AGR", "CRM", "NGO", "REL",
                             "HLH", "MED"})
# Those that take the article's home country.
HOME_SECTORS = frozenset({"POL", "OPP", "EDU", "LAB", "AGR", "NGO", "REL", "HLH"})
# Where a group noun stands as an actor: subjects, objects and their coordinations.
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "agent"}
_MODIFIER_DEPS = {"compound", "amod"}


@lru_cache(maxsize=1)
def generic_words() -> dict[tuple[str, ...], str]:
    """Office phrases of the generic sectors, lower case and singular or plural -> sector."""
    words: dict[tuple[str, ...], str] = {}
    for office in tables.offices():
        if office.sector not in GENERIC_SECTORS:
            continue
        for phrase in office.words:
            parts = tuple(phrase.lower().split())
            words.setdefault(parts, office.sector)
            for plural in plurals(parts[-1]):
                words.setdefault((*parts[:-1], plural), office.sector)
    return words


def generic_actor(token: Token, home: str | None) -> Actor | None:
    """The generic actor a noun stands for, if it is a group word in an argument slot."""
    if token.pos_ != "NOUN" or token.dep_ not in _ARG_DEPS:
        return None
    table = generic_words()
    modifiers = [t for t in token.lefts if t.dep_ in _MODIFIER_DEPS and t.i == token.i - 1]
    for phrase in ([modifiers[0].lower_, token.lemma_.lower()] if modifiers else [], [token.lemma_.lower()],
                   [token.lower_]):
        sector = table.get(tuple(phrase)) if phrase else None
        if sector is not None:
            country = home if sector in HOME_SECTORS else None
            text = token.doc[token.left_edge.i : token.i + 1].text
            code = (country or "") + sector
            return Actor(text=text, name=" ".join(phrase), code=code, country=country, sector=sector,
                         kind="group")
    return None
