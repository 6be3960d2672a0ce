"""The Dask engine's speed-up: the same corpus ingested by a LocalCluster of 1 worker, then of 2.

    .venv/bin/python bench/scale.py [--limit N] [--workers 1 2] [--shard-size 10]

Each run starts its own LocalCluster (one-thread worker processes), loads the model on every worker (not
timed: it is a fixed cost, paid once per worker however large the corpus), then times
``ingest_on_cluster`` into a fresh store by the wall clock: reading, sharding, coding, Parquet and the
store's transactions, all of it. The speed-up is the 1-worker time over the N-worker time. Both runs must
store the same events; the script says so, or stops.

The sample is bench/sample.py's (100 articles each of Reuters, Kremlin and State Department by default).
Run it on an otherwise idle machine: the workers take all the cores.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import DEFAULT, sample

from accord.cluster.engine import ClusterRun, ingest_on_cluster, open_client
from accord.cluster.worker import warm_up
from accord.coder import coder_version
from accord.settings import Settings
from accord.store import open_store


def timed_run(articles: list, workers: int, shard_size: int, folder: Path) -> tuple[float, list]:
    """Wall seconds of one cluster ingest of the articles (model loaded first), and the events stored."""
    settings = Settings()
    db = folder / f"scale-{workers}.duckdb"
    run = ClusterRun(parquet=str(folder / f"scale-{workers}.parquet"), shard_size=shard_size)
    with open_client(None, workers) as client:
        client.run(warm_up, settings)
        with open_store(db) as store:
            started = time.perf_counter()
            tally = ingest_on_cluster(
                store, client, articles, settings=settings, coder_version=coder_version(), run=run
            )
            seconds = time.perf_counter() - started
            events = store.arrow("SELECT id, cameo FROM events ORDER BY id").to_pylist()
    if tally.failed:
        sys.exit(f"scale: {tally.failed} article(s) failed with {workers} worker(s)")
    return seconds, events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="articles per corpus (default 100 each)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="cluster sizes to time")
    parser.add_argument("--shard-size", type=int, default=10, help="articles per task")
    args = parser.parse_args()
    spec = tuple((name, args.limit or count) for name, count in DEFAULT)
    articles = sample(spec)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words; shards of {args.shard_size}")
    timings: dict[int, float] = {}
    reference = None
    with tempfile.TemporaryDirectory() as folder:
        for workers in args.workers:
            seconds, events = timed_run(articles, workers, args.shard_size, Path(folder))
            if reference is not None and events != reference:
                differ = len({tuple(e.values()) for e in events} ^ {tuple(e.values()) for e in reference})
                sys.exit(
                    f"scale: {workers} worker(s) stored other events than {args.workers[0]} ({differ} differ)"
                )
            reference = events
            timings[workers] = seconds
            print(f"{workers} worker(s): {seconds:.1f} s, {len(articles) / seconds:.2f} articles/s, "
                  f"{len(events)} events")  # fmt: skip
    base = args.workers[0]
    for workers in args.workers[1:]:
        print(f"speed-up {workers} vs {base} worker(s): {timings[base] / timings[workers]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
