"""The Dask engine on a LocalCluster: the store it fills equals the single-process run's, a worker killed
mid-shard loses and doubles nothing, and the Parquet dataset holds exactly the stored events."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from accord.cluster.engine import ClusterRun, ingest_on_cluster, open_client
from accord.coder import coder_version, get_coder
from accord.errors import ClusterError
from accord.settings import Settings
from accord.sources.files import read_sources
from accord.store import open_store
from accord.store.jobs import ingest
from accord.store.schema import EVENT_COLUMNS

KREMLIN = 14  # readouts: calls, visits and talks, so every shard has events to lose or double
SHARD = 3


@pytest.fixture(scope="module")
def corpus(shared, example_text, tmp_path_factory) -> Path:
    """The example, Kremlin readouts, a Wikinews story, and a truncated line that cannot be read."""
    path = tmp_path_factory.mktemp("cluster") / "corpus.jsonl"
    lines = [json.dumps({"text": example_text, "published": "2023-05-30"})]
    with (shared / "corpus" / "kremlin.jsonl").open(encoding="utf-8") as handle:
        lines += [next(handle).rstrip("\n") for _ in range(KREMLIN)]
    with (shared / "corpus" / "wikinews.jsonl").open(encoding="utf-8") as handle:
        lines.append(next(handle).rstrip("\n"))
    lines.append('{"text": "cut off')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="module")
def reference(corpus, settings, tmp_path_factory) -> dict:
    """The single-process ingest of the same corpus."""
    db = tmp_path_factory.mktemp("reference") / "local.duckdb"
    with open_store(db) as store:
        ingest(store, get_coder(settings), read_sources([str(corpus)]), coder_version=coder_version())
    return _snapshot(db)


@pytest.fixture(scope="module")
def client():
    with open_client(None, 2) as client:
        yield client


def _snapshot(db: Path) -> dict:
    columns = ", ".join(EVENT_COLUMNS)
    with open_store(db, read_only=True) as store:
        return {
            "articles": store.arrow("SELECT id, coder FROM articles ORDER BY id").to_pylist(),
            "events": store.arrow(f"SELECT {columns} FROM events ORDER BY id").to_pylist(),
            "failures": store.arrow("SELECT source, stage, reason FROM failures ORDER BY source").to_pylist(),
        }


def _parquet_events(root: Path) -> list[str]:
    """Event ids in the Parquet dataset, read as any Hive-partitioned reader would."""
    import pyarrow.dataset as ds

    dataset = ds.dataset(root, format="parquet", partitioning="hive")
    return sorted(dataset.to_table(columns=["id"]).column("id").to_pylist())


def _run(client, corpus, settings, tmp_path) -> tuple[Path, Path, object]:
    db, parquet = tmp_path / "dask.duckdb", tmp_path / "events.parquet"
    run = ClusterRun(parquet=str(parquet), shard_size=SHARD)
    with open_store(db) as store:
        tally = ingest_on_cluster(
            store,
            client,
            read_sources([str(corpus)]),
            settings=settings,
            coder_version=coder_version(),
            run=run,
        )
    return db, parquet, tally


def test_the_cluster_stores_what_the_single_process_run_stores(client, corpus, settings, reference, tmp_path):
    db, parquet, tally = _run(client, corpus, settings, tmp_path)
    assert _snapshot(db) == reference
    assert reference["events"] and reference["failures"]  # the comparison has something on both sides
    assert tally.new == len(reference["articles"]) and tally.failed == 1
    assert _parquet_events(parquet) == [e["id"] for e in reference["events"]]
    # Partitioned by event date: each directory holds only its day's events.
    for folder in parquet.iterdir():
        day = folder.name.removeprefix("date=")
        inside = set(_parquet_events(folder))
        assert {e["date"].isoformat() for e in reference["events"] if e["id"] in inside} == {day}


def test_running_it_again_codes_nothing(client, corpus, settings, tmp_path):
    db, _, _ = _run(client, corpus, settings, tmp_path)
    before = _snapshot(db)
    _, _, again = _run(client, corpus, settings, tmp_path)
    assert again.new == 0 and again.existing == len(before["articles"])
    assert _snapshot(db)["events"] == before["events"]


def _kill_a_worker_mid_shard(client, killed: dict, stop: threading.Event) -> None:
    """SIGKILL the first worker seen coding a shard, shortly after it starts; note which shard it was."""
    pids = client.run(os.getpid)
    while not stop.is_set():
        for worker, keys in client.processing().items():
            shards = [str(k) for k in keys if str(k).startswith("accord-shard-")]
            if shards and worker in pids:
                time.sleep(0.2)  # inside the shard now: the model is loaded, so coding is under way
                os.kill(pids[worker], signal.SIGKILL)
                killed.update(worker=worker, shard=shards[0])
                return
        time.sleep(0.02)


def _times_processing(dask_scheduler, key: str) -> int:
    return sum(1 for entry in dask_scheduler.story(key) if entry[2] == "processing")


@contextmanager
def _a_worker_killed(client) -> Iterator[dict]:
    """While the block runs, a thread kills a worker mid-shard; the dict says which worker and shard."""
    killed: dict = {}
    stop = threading.Event()
    killer = threading.Thread(target=_kill_a_worker_mid_shard, args=(client, killed, stop), daemon=True)
    killer.start()
    try:
        yield killed
    finally:
        stop.set()
        killer.join(timeout=30)


def test_a_worker_killed_mid_shard_loses_and_doubles_nothing(client, corpus, settings, reference, tmp_path):
    with _a_worker_killed(client) as killed:
        db, parquet, tally = _run(client, corpus, settings, tmp_path)
    assert killed, "no worker was killed: the test proves nothing"
    # The killed worker's shard went to a worker twice: it was re-run, not dropped.
    assert client.run_on_scheduler(_times_processing, key=killed["shard"]) >= 2
    assert _snapshot(db) == reference
    assert tally.failed == 1  # the truncated line only
    assert _parquet_events(parquet) == [e["id"] for e in reference["events"]]


def test_an_unreachable_scheduler_is_a_one_line_error(monkeypatch):
    monkeypatch.setattr("accord.cluster.engine._CONNECT_TIMEOUT", 1)
    unreachable = r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    with pytest.raises(ClusterError, match=unreachable) as caught, open_client("tcp://127.0.0.1:9"):
        pass
    assert str(caught.value).startswith("E700 ") and "\n" not in str(caught.value)
    assert caught.value.exit_code == 9


def test_a_shard_whose_worker_keeps_dying_is_coded_article_by_article(corpus, settings, reference, tmp_path):
    import dask

    # The scheduler gives up on a task at its first dead worker: the engine must split the shard and go on.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), open_client(None, 2) as strict:
        with _a_worker_killed(strict) as killed:
            db, parquet, tally = _run(strict, corpus, settings, tmp_path)
        split = strict.run_on_scheduler(_times_processing, key=f"{killed['shard']}-0")
    assert killed and split == 1  # the shard's first article ran alone, once
    assert _snapshot(db) == reference
    assert tally.failed == 1
    assert _parquet_events(parquet) == [e["id"] for e in reference["events"]]


def test_the_cli_joins_a_running_scheduler(client, corpus, reference, tmp_path, capsys):
    """`--scheduler ADDRESS --workers N`: the command codes on that cluster (here the module's) and stores the same."""
    from accord.cli.main import main

    db, parquet = tmp_path / "remote.duckdb", tmp_path / "remote.parquet"
    address = client.scheduler.address
    code = main(["ingest", str(corpus), "--db", str(db), "--engine", "dask", "--scheduler", address,
                 "--workers", "2", "--shard-size", str(SHARD), "--parquet", str(parquet)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1, err  # the truncated line is a failure: exit 1, the rest stored
    assert f"{len(reference['articles'])} new article(s), 0 already stored, 1 failed" in err
    assert _snapshot(db)["events"] == reference["events"]
    assert _parquet_events(parquet) == [e["id"] for e in reference["events"]]
