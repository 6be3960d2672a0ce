"""The store's two long jobs: ingest (sources into the store) and recode (stored articles, new coder).

Both commit one transaction per batch, so a run killed at any point loses at most the batch in hand,
and running it again finishes the job: ingest skips the articles already stored before coding them,
recode picks up the articles still coded by another version. The coder is passed in (anything with
``code(articles) -> Iterator[Coded]``), so these functions neither load a model nor read settings.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol, TypeVar

from accord.records import Article, Failure
from accord.store.database import Store
from accord.store.rows import content_id

T = TypeVar("T")


class CoderLike(Protocol):
    """Anything that codes articles: ``code(articles)`` yields one Coded (article, events, failure) each."""

    def code(self, articles: Iterable[Article]) -> Iterator[Any]: ...


@dataclass
class Tally:
    """Running counts of a job, handed to the progress callback after each batch."""

    new: int = 0
    existing: int = 0
    failed: int = 0
    events: int = 0
    replaced: int = 0
    started: float = field(default_factory=time.monotonic)
    failures: list[Failure] = field(default_factory=list)  # this run's, for the report

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Articles coded per second so far."""
        return self.new / self.seconds if self.seconds > 0 else 0.0


Progress = Callable[[Tally], None]


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most size items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


# Articles checked against the store at once: one query per window, not per batch, makes a re-run fast.
WINDOW = 1024


def ingest(
    store: Store,
    coder: CoderLike,
    items: Iterable[Article | Failure],
    *,
    coder_version: str,
    batch_size: int = 32,
    progress: Progress | None = None,
) -> Tally:
    """Code the articles not yet stored and store them with their events, one transaction per batch."""
    tally = Tally()
    for new, failures in fresh_windows(store, items, batch_size, tally):
        for batch in chunks(new, batch_size):
            _store_batch(store, coder, batch, failures, coder_version, tally)
            failures = []  # the window's read failures go with its first batch
            if progress is not None:
                progress(tally)
        store_failures(store, failures, tally)
        if progress is not None:
            progress(tally)
    return tally


def fresh_windows(
    store: Store, items: Iterable[Article | Failure], size: int, tally: Tally
) -> Iterator[tuple[list[Article], list[Failure]]]:
    """Window by window of the inputs: the articles the store does not hold yet (those it holds are counted
    in the tally) and the inputs that could not be read. Every engine reads its sources through this."""
    for window in chunks(items, max(WINDOW, size)):
        articles = [item for item in window if isinstance(item, Article)]
        failures = [item for item in window if isinstance(item, Failure)]
        new = fresh(articles, store.known(articles))
        tally.existing += len(articles) - len(new)
        yield new, failures


def store_failures(store: Store, failures: list[Failure], tally: Tally) -> None:
    """Record inputs that could not be read or coded, on their own transaction."""
    if failures:
        store.add_batch([], failures)
        tally.failed += len(failures)
        tally.failures.extend(failures)


def _store_batch(
    store: Store,
    coder: CoderLike,
    batch: list[Article],
    failures: list[Failure],
    coder_version: str,
    tally: Tally,
) -> None:
    """Code one batch and commit it, with the failures met on the way, in one transaction."""
    coded = list(coder.code(batch))
    stored = [(c.article, c.events) for c in coded if c.failure is None]
    failures = failures + [c.failure for c in coded if c.failure is not None]
    result = store.add_batch(stored, failures, coder=coder_version)
    tally.new += result.new
    tally.existing += result.existing  # stored meanwhile by another route: known at commit time
    tally.events += result.events
    tally.failed += len(failures)
    tally.failures.extend(failures)


def fresh(articles: Sequence[Article], known: set[str]) -> list[Article]:
    """The articles to code: not stored, and each only once when a batch repeats one."""
    seen: set[str] = set()
    kept = []
    for article in articles:
        keys = {article.id, content_id(article)}
        if article.id in known or keys & seen:
            continue
        seen |= keys
        kept.append(article)
    return kept


def recode(
    store: Store,
    coder: CoderLike,
    *,
    coder_version: str,
    everything: bool = False,
    batch_size: int = 32,
    progress: Progress | None = None,
) -> Tally:
    """Re-code stored articles coded by another version (or all), replacing their events batch by batch."""
    tally = Tally()
    if everything:
        ids = store.arrow("SELECT id FROM articles ORDER BY rowid").column("id").to_pylist()
    else:
        ids = store.stale(coder_version)
    for chunk in chunks(ids, batch_size):
        coded = list(coder.code(store.articles(chunk)))
        done = [(c.article, c.events) for c in coded if c.failure is None]
        failures = [c.failure for c in coded if c.failure is not None]
        result = store.replace_events(done, failures, coder=coder_version)
        tally.new += len(done)
        tally.events += result.events
        tally.replaced += result.replaced
        tally.failed += len(failures)
        tally.failures.extend(failures)
        if progress is not None:
            progress(tally)
    return tally
