"""Contexts: the sectors an event is about (economic, military, energy ...) and the codes they refine.

The clause of the trigger is read for context words (data/contexts.tsv); a business source makes an
event economic and a military one military. A context may refine a general code into CAMEO's specific
one ("intends to advance cooperation" by a company: 030 -> 0311), as data/refine.tsv lists.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from accord.document import Candidate, Document
from accord.knowledge.tables import read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Token

_SECTOR_CONTEXT = {"BUS": "economic", "MIL": "military", "JUD": "legal", "SPY": "intelligence", "AGR": "agriculture",
                   "HLH": "health"}
_SKIP_DEPS = {"advcl", "relcl", "ccomp", "parataxis"}


@lru_cache(maxsize=1)
def context_words() -> dict[str, str]:
    """lemma -> PLOVER context, from data/contexts.tsv."""
    words: dict[str, str] = {}
    for row in read_tsv("contexts.tsv"):
        for lemma in row["lemmas"].split():
            words.setdefault(lemma, row["context"])
    return words


@lru_cache(maxsize=1)
def refinements() -> dict[tuple[str, str], str]:
    """(code, context) -> refined code, from data/refine.tsv."""
    return {(r["code"], r["context"]): r["refined"] for r in read_tsv("refine.tsv")}


def clause_tokens(trigger: Token) -> list[Token]:
    """The trigger's subtree without embedded clauses that carry events of their own."""
    out: list[Token] = []
    stack = [trigger]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _SKIP_DEPS)
    return out


def contexts_of(candidate: Candidate) -> tuple[str, ...]:
    """Contexts signalled by the trigger's clause and the actors' sectors, in a stable order."""
    words = context_words()
    found: list[str] = []
    for actor in (candidate.source, candidate.target):
        if actor is not None and actor.sector in _SECTOR_CONTEXT and actor is candidate.source:
            found.append(_SECTOR_CONTEXT[actor.sector])
    if candidate.token is not None:
        for token in clause_tokens(candidate.token):
            context = words.get(token.lemma_.lower()) or words.get(token.lower_)
            if context:
                found.append(context)
    return tuple(dict.fromkeys(found))


class ContextsStage:
    """Set each candidate's contexts and refine its code where a context calls for it."""

    name = "contexts"
    requires = ("candidates",)
    assigns = ("contexts",)

    def __call__(self, doc: Document) -> Document:
        table = refinements()
        for candidate in doc.candidates:
            candidate.contexts = contexts_of(candidate)
            for context in candidate.contexts:
                refined = table.get((candidate.cameo, context))
                if refined:
                    candidate.cameo = refined
                    candidate.plover = None  # the pattern's PLOVER type was for its own code
                    break
        return doc
