"""PETRARCH actor and agent dictionaries as phrase tables: matching words, composing codes, lexicon cues.

PETRARCH codes a noun phrase from the actor phrases and agent phrases it holds: the actor's code (on the
sentence's date) with each agent's code after it (``[~GOV]``) or before it (``[NGO~]``), an agent code
the actor's code already holds left out (``WHITE_HOUSE [USAGOV]`` + ``OFFICIALS [~GOV]`` is ``USAGOV``),
and ``---`` standing for the actor when there is none ("a senior official": ``---GOV``). This module
does that on plain word sequences; the stage that reads the parse is ``stages/petrarch_events.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from accord.knowledge.lexicon import Cue
from accord.knowledge.petrarch import DictActor, DictAgent

NULL_ACTOR = "---"
# CAMEO's regional pseudo-countries (its actor codebook) that lead a code as a country would.
PSEUDO_COUNTRIES = frozenset(
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF WST "
    "GZS WBK".split()
)
_SKIPPED_CODES = {"---", "+++", "***", "###"}


@dataclass(frozen=True)
class Hit:
    """A dictionary phrase found at words [start, end)."""

    start: int
    end: int
    actor: DictActor | None = None
    agent: DictAgent | None = None


class PhraseTable:
    """Actor and agent phrases keyed by their upper-case words; matched longest first, actors first."""

    def __init__(self, actors: Iterable[DictActor], agents: Iterable[DictAgent]) -> None:
        self.actors: dict[tuple[str, ...], DictActor] = {}
        self.agents: dict[tuple[str, ...], DictAgent] = {}
        for actor in actors:
            for name in actor.names:
                self.actors.setdefault(tuple(name.upper().split()), actor)
        for agent in agents:
            for form in agent.words:
                self.agents.setdefault(tuple(form.upper().split()), agent)
        self.longest = max((len(k) for k in (*self.actors, *self.agents)), default=1)

    def match(self, words: Sequence[str]) -> list[Hit]:
        """Longest, left-to-right, non-overlapping phrases over a word sequence (any case)."""
        upper = [w.upper() for w in words]
        hits: list[Hit] = []
        i = 0
        while i < len(upper):
            for size in range(min(self.longest, len(upper) - i), 0, -1):
                key = tuple(upper[i : i + size])
                if key in self.actors:
                    hits.append(Hit(i, i + size, actor=self.actors[key]))
                    break
                if key in self.agents:
                    hits.append(Hit(i, i + size, agent=self.agents[key]))
                    break
            else:
                i += 1
                continue
            i = hits[-1].end
        return hits


def actor_codes(actor: DictActor, day: date | None) -> list[str]:
    """The codes an actor has on a day: the first dated code covering it, else every default code.

    TABARI's ``[A/B/C]`` gives several default codes: the phrase names several actors at once
    (``THE_SHIRE [FRO/BIL/SAM]``). A null code (``---``) means the phrase is no actor on that day.
    """
    if day is not None:
        for dated in actor.codes:
            if dated.dated and dated.holds_on(day):
                return [] if dated.code in _SKIPPED_CODES else [dated.code]
    defaults = [d.code for d in actor.codes if not d.dated]
    return [code for code in defaults if code not in _SKIPPED_CODES]


def compose(actor: str | None, agents: Iterable[DictAgent]) -> str:
    """An actor code with its agents' codes added as PETRARCH adds them."""
    code = actor or NULL_ACTOR
    for agent in agents:
        if _holds(code, agent.code):
            continue
        if agent.before:
            code = agent.code + (code if code != NULL_ACTOR else "")
        else:
            code = code + agent.code
    return code


def _holds(code: str, part: str) -> bool:
    """True when `part` is already one of the three-letter pieces of `code` (or all of them)."""
    for start in range(0, len(code), 3):
        if code.startswith(part, start):
            return True
    return False


def split_code(code: str, countries: Iterable[str]) -> tuple[str | None, str | None, str | None]:
    """(country, org, sector) of a PETRARCH actor code: USAGOV -> (USA, None, GOV), IGOUNO -> (None, UNO, None)."""
    head, rest = code[:3], code[3:] or None
    if code.startswith("IGO"):
        return None, rest, None
    if head in set(countries) or head in PSEUDO_COUNTRIES:
        return head, None, rest
    return None, None, None


def petrarch_cues(actors: Iterable[DictActor], agents: Iterable[DictAgent], day: date | None,
                  countries: Iterable[str]) -> list[tuple[str, Cue]]:
    """Lexicon entries for the actors stage: each actor name with its code on `day`, each agent as an office.

    A code that does not start with a country (a fictional ``ARN`` or ``HOBGOV``) is carried whole as
    the cue's CAMEO code and organisation, so the actors stage reports it as the actor's code.
    """
    known = frozenset(countries)
    entries: list[tuple[str, Cue]] = []
    for actor in actors:
        codes = actor_codes(actor, day)
        if not codes:
            continue
        country, org, sector = split_code(codes[0], known)
        for name in actor.names:
            if country is not None:
                cue = Cue(kind="country", country=country, sector=sector, name=name.title())
            else:
                cue = Cue(kind="igo", org=org or codes[0], cameo=codes[0], sector=None,
                          actor_kind="organisation", name=name.title())
            entries.append((name, cue))
    for agent in agents:
        for form in agent.words:
            entries.append((form, Cue(kind="office", sector=agent.code, actor_kind="person", name=form.lower())))
    return entries
