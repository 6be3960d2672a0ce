"""Noun phrases coded the PETRARCH way on a dependency parse: which actors a phrase names, and its codes.

A phrase is its head and the words that modify it (compounds, adjectives, possessors, determiners),
plus its "of"/"in"/"from" phrases: "the ambassadors of Arnor, Osgiliath and Gondor" names three actors
(ARNGOV, OSGGOV, GONGOV), "human rights activists in Arnor" one (ARNOPP). An actor named before the
head wins over one in a prepositional phrase. Coordinated heads are coded one by one; a head that
names no actor of its own borrows the shared modifiers of the first ("Danish media and government":
DNKMED, DNKGOV) or the prepositional actors of another ("lawmakers and officials in Fornost").
A head the dictionaries do not know keeps the actor the actors stage found there, if any.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from accord.document import Mention
from accord.knowledge.petrarch_codes import Hit, PhraseTable, actor_codes, compose

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependencies that keep a word inside its head's phrase (conj, appos, relcl, prep are phrases of their own).
_INSIDE = {"compound", "amod", "poss", "det", "nmod", "nummod", "flat", "case", "quantmod", "punct", "advmod",
           "predet", "nn", "cc", "conj"}
_PP = {"of", "in", "from"}
_MODIFIER = {"compound", "nmod", "poss", "amod", "flat", "nn"}
# Prepositions whose object is the head's actor: "of" always ("the government of Gondor"), "in" and "from"
# only for an agent ("activists in Arnor"; not "an attack by X in Ithilen", whose actor is X).
_PP_ALWAYS = {"of"}


@dataclass(frozen=True)
class Phrase:
    """What one head token's phrase names: its codes, its own words' span, its parts for borrowing."""

    head: int
    codes: tuple[str, ...]
    start: int  # first token of the head's own words (the span a '+' or '$' slot covers)
    own_actors: tuple[str, ...]
    pp_actors: tuple[str, ...]
    left: tuple[Hit, ...]  # hits before the head (shared modifiers a coordinated head may borrow)
    agents: tuple[Hit, ...]


class PhraseReader:
    """Codes the noun phrases of one sentence, caching each head."""

    def __init__(self, table: PhraseTable | None, day: date | None, mentions: dict[int, list[Mention]]) -> None:
        self.table = table
        self.day = day
        self.mentions = mentions
        self.cache: dict[int, Phrase] = {}

    def phrase(self, head: Token) -> Phrase:
        """The coded phrase a head token heads."""
        if head.i not in self.cache:
            self.cache[head.i] = self._read(head)
        return self.cache[head.i]

    def group(self, head: Token) -> list[Phrase]:
        """The coded phrases of a head and its coordinated heads, with borrowing (see the module doc)."""
        members = [self.phrase(t) for t in members_of(head) if t.pos_ in {"NOUN", "PROPN", "PRON", "ADJ", "X"}]
        if len(members) < 2:
            return [m for m in members if m.codes]
        first = members[0]
        pp = next((m.pp_actors for m in members if m.pp_actors), ())
        out = []
        for m in members:
            if not m.own_actors and not m.pp_actors and (first.own_actors or pp):
                agents = [h for h in (*first.left, *m.agents) if h.agent is not None]
                actors = first.own_actors or pp
                codes = tuple(dict.fromkeys(compose(a, [h.agent for h in agents]) for a in actors))
                m = Phrase(m.head, codes, m.start, m.own_actors, m.pp_actors, m.left, m.agents)
            if m.codes:
                out.append(m)
        return out

    def _read(self, head: Token) -> Phrase:
        own = _own_tokens(head)
        preps = [p for p in head.children if p.dep_ == "prep" and p.lower_ in _PP]
        tokens = sorted({*own, *(t for p in preps for t in _pp_tokens(p))}, key=lambda t: t.i)
        start = min(t.i for t in own)
        fallback = tuple(m.actor.code for m in self.mentions.get(head.i, []))
        if self.table is None:
            return Phrase(head.i, fallback, start, (), (), (), ())
        words, owner = _words(tokens)
        hits = self.table.match(words)
        head_at = owner.index(head.i)
        own_ids = {t.i for t in own}
        own_end = max(k for k, i in enumerate(owner) if i in own_ids)
        agents = tuple(h for h in hits if h.agent)
        always = {t.i for p in preps if p.lower_ in _PP_ALWAYS for t in _pp_tokens(p)}
        own_actors = _codes([h for h in hits if h.actor and h.start <= own_end], self.day)
        pp_hits = [h for h in hits if h.actor and h.start > own_end and (agents or owner[h.start] in always)]
        pp_actors = _codes(pp_hits, self.day)
        left = tuple(h for h in hits if h.end <= head_at)
        actors = own_actors or pp_actors
        if actors:
            codes = tuple(dict.fromkeys(compose(a, [h.agent for h in agents]) for a in actors))
        elif agents:
            codes = (compose(None, [h.agent for h in agents]),)
        else:
            codes = fallback
        return Phrase(head.i, codes, start, own_actors, pp_actors, left, agents)


def _words(tokens: list[Token]) -> tuple[list[str], list[int]]:
    """Words to match and the token each comes from; "Dol_Amroth" written with '_' is two words."""
    words, owner = [], []
    for t in tokens:
        for word in t.text.replace("_", " ").split() or [t.text]:
            words.append(word)
            owner.append(t.i)
    return words, owner


def members_of(head: Token) -> list[Token]:
    """A head and the heads coordinated with it; an apposition in a list counts ("Mordor, the Shire, Fornost")."""
    out, stack = [head], [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            listed = any(c.dep_ == "conj" for c in (*token.children, *child.children))
            if child.dep_ == "conj" or (child.dep_ == "appos" and child.pos_ == "PROPN" and listed):
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def is_head(token: Token) -> bool:
    """True when a noun heads its own phrase (not a compound, possessor or modifier of another noun)."""
    if token.pos_ not in {"NOUN", "PROPN", "PRON", "X"}:
        return False
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:  # "Eriadori and Calenardhon leaders"
        first = first.head
    return not (first.dep_ in _MODIFIER and first.head.pos_ in {"NOUN", "PROPN"} and first.head.i != first.i)


def _codes(hits: list[Hit], day: date | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(code for h in hits for code in actor_codes(h.actor, day)))


def _own_tokens(head: Token) -> list[Token]:
    """The head and the words modifying it inside its phrase (not its coordinated heads)."""
    out = [head]
    stack = [c for c in head.children if c.dep_ in _INSIDE and c.dep_ not in {"conj", "cc"} and c.i < head.i
             or c.dep_ in {"case"}]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ in _INSIDE)
    return out


def _pp_tokens(prep: Token) -> list[Token]:
    """A prepositional phrase's words, without clauses hanging from it."""
    out = [prep]
    stack = list(prep.children)
    while stack:
        token = stack.pop()
        if token.dep_ in {"relcl", "acl", "advcl", "ccomp", "prep"} and token.head.dep_ != "prep":
            continue
        out.append(token)
        stack.extend(token.children)
    return out
