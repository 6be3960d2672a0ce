"""`accord ingest --engine dask`: shard the input, code the shards on a Dask cluster, load them into the store.

The client reads the sources, leaves out the articles the store holds, and cuts the rest into shards. Each
shard is one task: a worker codes it and writes its events as Parquet partitioned by date (see
``shards.py``). As each task finishes, the client reads its files back and commits the shard's articles,
events and failures to the store in one transaction, so the store has only the DuckDB writer it always has.

A worker that dies mid-shard loses nothing: the scheduler gives the task to another worker, which writes
the same files under the same names, and the store is written only when a task has finished. A shard whose
workers keep dying (the scheduler gives up after ``distributed.scheduler.allowed-failures``) is split into
single articles, so one article that kills its worker fails alone, recorded in the failures table.

Only a few shards per worker are in flight at once: the input is read as the cluster codes it, so memory
stays flat however large the corpus.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from accord.cluster.shards import Shard, ShardResult, make_shards, read_events, remove_shard
from accord.cluster.worker import code_shard, warm_up
from accord.errors import ClusterError
from accord.records import Article, Failure
from accord.settings import Settings
from accord.store.database import Store
from accord.store.jobs import Progress, Tally, fresh_windows, store_failures

_IN_FLIGHT_PER_THREAD = 2  # one being coded, one waiting: no worker idles between two shards
_CONNECT_TIMEOUT = 30  # seconds to reach a scheduler or for the workers asked for to join


@dataclass(frozen=True)
class ClusterRun:
    """Where and how to code: the cluster, the shard size and the Parquet dataset's directory."""

    parquet: str
    scheduler: str | None = None
    workers: int | None = None
    shard_size: int = 50


@contextmanager
def open_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A Dask client of the scheduler at that address, else of a LocalCluster of one-thread worker processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(
            "--engine dask needs the packages dask and distributed: pip install 'accord[dask]'"
        ) from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=_CONNECT_TIMEOUT)
        else:
            # One thread per worker: spaCy holds the GIL, so a second thread in a worker would only wait.
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                # The scheduler serves HTTP (health, metrics) even with no dashboard: any free port,
                # so a second cluster on the machine does not clash with the first over 8787.
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise ClusterError(f"cannot reach {where}: {exc}") from None
    try:
        if scheduler and workers:
            client.wait_for_workers(workers, timeout=_CONNECT_TIMEOUT)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def ingest_on_cluster(
    store: Store,
    client: Any,
    items: Iterable[Article | Failure],
    *,
    settings: Settings,
    coder_version: str,
    run: ClusterRun,
    progress: Progress | None = None,
) -> Tally:
    """Code the articles not yet stored on the client's cluster and store them, one transaction per shard."""
    from distributed import as_completed

    tally = Tally()
    client.run(warm_up, settings)  # every worker loads the model now, not inside its first shard
    slots = max(1, sum(client.nthreads().values()))  # one shard per worker thread at a time
    shards = _shards(store, items, tally, run.shard_size, coder_version)
    pending: dict[str, Shard] = {}
    finished = as_completed()

    def submit(shard: Shard) -> None:
        future = client.submit(code_shard, shard, settings, run.parquet, key=f"accord-shard-{shard.key}")
        pending[future.key] = shard
        finished.add(future)

    for shard in _take(shards, slots * _IN_FLIGHT_PER_THREAD):
        submit(shard)
    for future in finished:
        shard = pending.pop(future.key)
        for retry in _settle(store, future, shard, run.parquet, coder_version, tally):
            submit(retry)
        for more in _take(shards, 1):
            submit(more)
        if progress is not None:
            progress(tally)
    return tally


def _take(shards: Iterator[Shard], count: int) -> list[Shard]:
    return [shard for _, shard in zip(range(count), shards, strict=False)]


def _shards(
    store: Store, items: Iterable[Article | Failure], tally: Tally, size: int, coder: str
) -> Iterator[Shard]:
    """Shards of the articles not stored yet; inputs that could not be read are stored as failures at once."""
    for new, failures in fresh_windows(store, items, size, tally):
        store_failures(store, failures, tally)
        yield from make_shards(new, size, coder)


def _settle(
    store: Store, future: Any, shard: Shard, root: str, coder_version: str, tally: Tally
) -> list[Shard]:
    """Store a finished shard; the shards to code again when its workers kept dying."""
    from distributed import KilledWorker

    try:
        result: ShardResult = future.result()
    except KilledWorker:
        remove_shard(root, shard.key)
        if len(shard.articles) > 1:
            return [Shard(key=f"{shard.key}-{i}", articles=(a,)) for i, a in enumerate(shard.articles)]
        _fail(store, shard, "its Dask worker died each time it was coded", tally)
        return []
    except Exception as exc:  # noqa: BLE001 - whatever the task raised becomes the articles' failure
        remove_shard(root, shard.key)
        _fail(store, shard, f"coding failed on the cluster: {type(exc).__name__}: {exc}", tally)
        return []
    finally:
        future.release()
    events = read_events(result.files)
    by_id = {article.id: article for article in shard.articles}
    items = [(by_id[id], events.get(id, [])) for id in result.coded]
    stored = store.add_batch(items, result.failures, coder=coder_version)
    tally.new += stored.new
    tally.existing += stored.existing
    tally.events += stored.events
    tally.failed += len(result.failures)
    tally.failures.extend(result.failures)
    return []


def _fail(store: Store, shard: Shard, why: str, tally: Tally) -> None:
    failures = [
        Failure(source=a.source or a.id, reason=f"{a.source or a.id}: {why}", stage="code", article_id=a.id)
        for a in shard.articles
    ]
    store_failures(store, failures, tally)
