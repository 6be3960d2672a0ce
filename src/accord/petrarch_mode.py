"""PETRARCH mode: load users' PETRARCH dictionaries once and build the stages that use them.

``coder = petrarch`` codes with a PETRARCH verb dictionary instead of Accord's own patterns, ``both``
runs the two and merges their candidates. The actor and agent dictionaries extend the actors stage's
lexicon and code the noun phrases the verb patterns bind (see stages/petrarch_nps.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from accord.document import Candidate, Document
from accord.errors import UsageError
from accord.knowledge import tables
from accord.knowledge.lexicon import Lexicon, extend
from accord.knowledge.petrarch import DictActor, DictAgent, load_actor_dictionary, load_agent_dictionary
from accord.knowledge.petrarch_codes import PhraseTable, petrarch_cues
from accord.knowledge.petrarch_discards import Discard, load_discard_dictionary
from accord.knowledge.petrarch_verbs import VerbDictionary, load_verb_dictionary
from accord.stages.petrarch_events import PetrarchEventsStage

CODERS = ("accord", "petrarch", "both")


@dataclass(frozen=True)
class Dictionaries:
    """A loaded set of PETRARCH dictionaries."""

    verbs: VerbDictionary
    actors: tuple[DictActor, ...]
    agents: tuple[DictAgent, ...]
    discards: tuple[Discard, ...]

    @property
    def table(self) -> PhraseTable | None:
        return _table(self) if self.actors or self.agents else None


@lru_cache(maxsize=8)
def _table(dictionaries: Dictionaries) -> PhraseTable:
    return PhraseTable(dictionaries.actors, dictionaries.agents)


@lru_cache(maxsize=8)
def load_dictionaries(verbs: Path, actors: tuple[Path, ...] = (), agents: tuple[Path, ...] = (),
                      discards: tuple[Path, ...] = ()) -> Dictionaries:
    """Read the dictionaries once per process (KnowledgeError names the file and line of a bad one)."""
    return Dictionaries(
        verbs=load_verb_dictionary(verbs),
        actors=tuple(a for path in actors for a in load_actor_dictionary(path)),
        agents=tuple(a for path in agents for a in load_agent_dictionary(path)),
        discards=tuple(d for path in discards for d in load_discard_dictionary(path)),
    )


def actor_lexicon(base: Lexicon, dictionaries: Dictionaries, day: date | None) -> Lexicon:
    """The actors stage's lexicon with the PETRARCH actors (their codes on `day`) and agents added."""
    if not dictionaries.actors and not dictionaries.agents:
        return base
    return extend(base, petrarch_cues(dictionaries.actors, dictionaries.agents, day, tables.countries()))


def events_stage(dictionaries: Dictionaries, *, require_target: bool = True,
                 valid_codes: Iterable[str] | None = None) -> PetrarchEventsStage:
    """The PETRARCH events stage for these dictionaries."""
    return PetrarchEventsStage(dictionaries.verbs, dictionaries.table, require_target=require_target,
                               countries=tables.countries(), valid_codes=valid_codes,
                               discards=dictionaries.discards)


class CombinedEventsStage:
    """Accord's events stage and the PETRARCH one on the same document; their candidates merged."""

    name = "events"
    requires = ("sentences", "mentions")
    assigns = ("candidates",)

    def __init__(self, accord, petrarch: PetrarchEventsStage) -> None:
        self.accord = accord
        self.petrarch = petrarch

    def __call__(self, doc: Document) -> Document:
        doc = self.accord(doc)
        own = list(doc.candidates)
        doc.candidates = []
        doc = self.petrarch(doc)
        doc.candidates = _merge(own, doc.candidates)
        return doc


def _merge(first: list[Candidate], second: list[Candidate]) -> list[Candidate]:
    """Both lists, less the second's candidates the first already has (same sentence, dyad and code)."""
    def key(c: Candidate) -> tuple:
        return c.sentence, c.source.code, c.target.code if c.target else None, c.cameo

    seen = {key(c) for c in first}
    return first + [c for c in second if key(c) not in seen]


def from_settings(settings) -> Dictionaries | None:
    """The dictionaries the settings name, or None in ``coder = accord`` mode."""
    if settings.coder not in CODERS:
        raise UsageError(f"setting coder must be one of {', '.join(CODERS)}, got {settings.coder!r}")
    if settings.coder == "accord":
        return None
    verbs = settings.paths("petrarch_verbs")
    if len(verbs) != 1:
        raise UsageError(f"coder = {settings.coder} needs one PETRARCH verb dictionary in petrarch_verbs")
    return load_dictionaries(verbs[0], tuple(settings.paths("petrarch_actors")),
                             tuple(settings.paths("petrarch_agents")), tuple(settings.paths("petrarch_discards")))


def choose_events(accord, dictionaries: Dictionaries | None, coder: str, *, require_target: bool = True):
    """The events stage for the ``coder`` setting: Accord's, the PETRARCH one, or both merged."""
    if dictionaries is None or coder == "accord":
        return accord
    petrarch = events_stage(dictionaries, require_target=require_target, valid_codes=tables.cameo_codes())
    return petrarch if coder == "petrarch" else CombinedEventsStage(accord, petrarch)
