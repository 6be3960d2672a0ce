"""The coder: builds the pipeline from the settings and codes articles, isolating failures per article.

This is the Python API the CLI, the store and the Dask workers all call: ``code_text``,
``code_articles`` and the ``Coder`` behind them.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from accord.errors import AccordError, InputError
from accord.knowledge import patterns as pattern_files
from accord.knowledge import tables
from accord.knowledge.lexicon import builtin_lexicon, extend
from accord.knowledge.people import PeopleIndex, people_index
from accord.knowledge.people import people as people_rows
from accord.knowledge.user_actors import load_user_actors
from accord.pipeline import Pipeline
from accord.records import Article, Event, Failure
from accord.settings import Settings

CODER_NAME = "accord"


# The settings that change what is coded (not where it is stored, how fast, or how long to wait).
_CODING_SETTINGS = ("model", "require_target", "modalities", "coder")
_CODING_FILES = ("patterns", "actors", "petrarch_verbs", "petrarch_actors", "petrarch_agents", "petrarch_discards")


def coder_version(settings: Settings | None = None) -> str:
    """Name, version and a fingerprint of what codes, written on every event and article.

    `accord recode` re-codes the articles whose coder differs, so the fingerprint covers everything that
    changes the events: the package's knowledge files and coding modules (an edited pattern file is a new
    coder), the coding settings, and the content of the user's pattern, actor and dictionary files.
    """
    from accord import __version__

    settings = settings or Settings.load()
    digest = hashlib.sha256(_package_fingerprint().encode("ascii"))
    for name in _CODING_SETTINGS:
        digest.update(f"\x00{name}={getattr(settings, name)}".encode())
    for name in _CODING_FILES:
        for path in filter(None, getattr(settings, name).split(os.pathsep)):
            digest.update(f"\x00{name}:".encode() + _file_bytes(path))
    return f"{CODER_NAME}-{__version__}+{digest.hexdigest()[:10]}"


@functools.cache
def _package_fingerprint() -> str:
    """Hash of the knowledge data and the modules that code (read once per process)."""
    package = Path(__file__).resolve().parent
    files = sorted(
        [*package.glob("knowledge/data/*"), *package.glob("knowledge/*.py"), *package.glob("stages/*.py"),
         package / "coder.py", package / "pipeline.py", package / "document.py"]
    )  # fmt: skip
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\x00" + path.read_bytes())
    return digest.hexdigest()


def _file_bytes(path: str) -> bytes:
    """A user file's content; its name when it cannot be read (loading it will report that)."""
    try:
        return Path(path).read_bytes()
    except OSError:
        return path.encode()


@dataclass(frozen=True)
class Coded:
    """One article's outcome: its events, or the failure that stopped it."""

    article: Article
    events: tuple[Event, ...] = ()
    failure: Failure | None = None


def build_pipeline(settings: Settings) -> Pipeline:
    """The standard pipeline: segment, actors, events, contexts, dates, places, local, build."""
    from accord.stages.actors import ActorsStage
    from accord.stages.build import BuildStage
    from accord.stages.contexts import ContextsStage
    from accord.stages.dates import DatesStage
    from accord.stages.events import EventsStage
    from accord.stages.local import LocalActorsStage
    from accord.stages.places import PlacesStage
    from accord.stages.prefilter import event_filter
    from accord.stages.segment import SegmentStage, load_model
    from accord import petrarch_mode

    dictionaries = petrarch_mode.from_settings(settings)  # None unless coder is petrarch or both
    nlp = load_model(settings.model)
    lexicon = builtin_lexicon()
    if dictionaries is not None:
        lexicon = petrarch_mode.actor_lexicon(lexicon, dictionaries, None)
    people = people_index()
    user = load_user_actors(settings.paths("actors"))
    if user.cues:
        lexicon = extend(lexicon, user.cues)
    if user.people:
        people = PeopleIndex([*people_rows(), *user.people])
    patterns = list(pattern_files.builtin_patterns())
    for path in settings.paths("patterns"):
        patterns.extend(pattern_files.load_pattern_file(path))
    pattern_set = pattern_files.index(patterns)
    # The prefilter knows Accord's patterns only: a PETRARCH verb dictionary needs every sentence parsed.
    prefilter = event_filter(nlp, pattern_set, lexicon, people) if (
        settings.selective and dictionaries is None) else None
    stages = [
        SegmentStage(nlp, max_chars=settings.max_article_chars, batch_size=settings.batch_size,
                     prefilter=prefilter),
        ActorsStage(lexicon, people, _region_country),
        petrarch_mode.choose_events(
            EventsStage(pattern_set, tables.intent_codes(), _place_country(lexicon)),
            dictionaries, settings.coder, require_target=settings.require_target),
        ContextsStage(),
        DatesStage(),
        PlacesStage(),
        LocalActorsStage(),
        BuildStage(tables.cameo_codes(), tables.cameo_to_plover(), coder_version(settings)),
    ]
    return Pipeline(stages, batch_size=settings.batch_size)


def _place_country(lexicon):
    """Place name -> ISO3: capitals from the lexicon first, then the gazetteer (loaded on first use)."""
    from accord.knowledge.gazetteer import get_gazetteer

    def country(name: str) -> str | None:
        found = lexicon.country_of_place(name)
        if found:
            return found
        place = get_gazetteer().lookup(name)
        return place.country if place else None

    return country


def _region_country(name: str, region_word: bool) -> str | None:
    """The country of a first-level region of that exact name ("Texas", "Sindh"); of a city too when a region
    word follows it ("the Tyumen region"). The gazetteer loads on first use."""
    from accord.knowledge.gazetteer import get_gazetteer, is_generic

    if not region_word and is_generic(name):
        return None  # "the Bureau of South and Central Asian Affairs" names no Cameroonian regions
    gazetteer = get_gazetteer()
    region = gazetteer.lookup(f"{name} region", alternates=False)  # "Arizona" is also a town in Honduras
    if region is not None and region.precision == "admin1":
        return region.country
    place = gazetteer.lookup(name, alternates=False) if region_word else None
    return place.country if place is not None and place.precision == "city" else None


class Coder:
    """Codes Articles into Events with one pipeline, built once."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.pipeline = build_pipeline(self.settings)

    def code(self, articles: Iterable[Article]) -> Iterator[Coded]:
        """Each article's events, in input order; an article that breaks a stage becomes a Failure."""
        iterator = iter(articles)
        while True:
            batch = list(islice(iterator, self.pipeline.batch_size))
            if not batch:
                return
            try:
                docs = list(self.pipeline.pipe(batch))
            except (ValueError, KeyError, IndexError, TypeError, AttributeError, RuntimeError):
                # One bad article must not cost the batch: redo it article by article.
                yield from (self._one(a) for a in batch)
                continue
            for doc in docs:
                yield Coded(article=doc.article, events=tuple(_kept(doc.events, self.settings)))

    def _one(self, article: Article) -> Coded:
        try:
            doc = self.pipeline.run(article)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, RuntimeError) as exc:
            reason = f"{article.source or article.id}: coding failed: {type(exc).__name__}: {exc}"
            return Coded(article=article, failure=Failure(source=article.source or article.id, reason=reason,
                                                          stage="code", article_id=article.id))
        return Coded(article=article, events=tuple(_kept(doc.events, self.settings)))


def _kept(events: Iterable[Event], settings: Settings) -> Iterator[Event]:
    modalities = {m.strip() for m in settings.modalities.split(",")}
    for event in events:
        if settings.require_target and event.target is None:
            continue
        if event.modality not in modalities:
            continue
        yield event


_CODERS: dict[Settings, Coder] = {}


def get_coder(settings: Settings | None = None) -> Coder:
    """A Coder for these settings, built on first use and reused (the model loads once)."""
    settings = settings or Settings.load()
    # Settings that do not change coding (the store, time-outs) must not load another model.
    defaults = Settings()
    key = settings.replace(db=defaults.db, lock_timeout=defaults.lock_timeout, fetch_timeout=defaults.fetch_timeout)
    if key not in _CODERS:
        _CODERS[key] = Coder(key)
    return _CODERS[key]


def code_text(text: str, *, published: date | str | None = None, url: str | None = None,
              settings: Settings | None = None) -> list[Event]:
    """Code one text into events; `published` (a date or YYYY-MM-DD) anchors relative dates."""
    from accord.sources.files import parse_published

    try:
        day = parse_published(published)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    article = Article.create(text=text, url=url, published=day, published_source="option" if day else None)
    coded = next(get_coder(settings).code([article]))
    if coded.failure is not None:
        raise InputError(coded.failure.reason)
    return list(coded.events)


def code_articles(records: Iterable[Mapping[str, Any]], *, settings: Settings | None = None) -> Iterator[Event]:
    """Code article records (dicts like the JSONL lines: id, text, published, ...) into events."""
    from accord.sources.files import article_from_record

    def articles() -> Iterator[Article]:
        for number, record in enumerate(records, start=1):
            item = article_from_record(dict(record), f"record {number}")
            if isinstance(item, Failure):
                raise InputError(item.reason)
            yield item

    for coded in get_coder(settings).code(articles()):
        if coded.failure is not None:
            raise AccordError(coded.failure.reason)
        yield from coded.events
