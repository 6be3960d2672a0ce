"""Crash safety: an ingest killed with SIGKILL partway, then run again, ends equal to a clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accord.errors import StoreError
from accord.store import open_store

ARTICLES = 320  # a slice of the Reuters corpus: two runs of it on two cores stay under a minute
# Stored articles seen before the kill: past half, so the re-run (alone on a core) is short; the kill still
# lands while a batch is being coded or written, which is what the test is about.
KILL_AFTER = 224


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[str]:
    # One thread per process: the two runs share two cores without fighting over them.
    env = {**os.environ, "ACCORD_BATCH_SIZE": "32", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "accord.cli.main", "ingest", str(corpus), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _stored(db: Path) -> int:
    """Articles in the store now, read between the writer's batches (0 while it has no store yet)."""
    try:
        with open_store(db, read_only=True, lock_timeout=10) as store:
            return store.counts()["articles"]
    except StoreError:
        return 0


def _snapshot(db: Path) -> tuple[list[str], int, list[tuple[str, int]], list[str]]:
    with open_store(db, read_only=True) as store:
        ids = store.arrow("SELECT id FROM articles ORDER BY id").column("id").to_pylist()
        events = store.counts()["events"]
        per_article = store.arrow(
            "SELECT article_id, count(*) AS n FROM events GROUP BY article_id ORDER BY article_id"
        ).to_pylist()
        event_ids = store.arrow("SELECT id FROM events ORDER BY id").column("id").to_pylist()
    return ids, events, [(r["article_id"], r["n"]) for r in per_article], event_ids


def test_sigkill_partway_then_rerun_loses_and_doubles_nothing(shared, tmp_path) -> None:
    corpus = tmp_path / "reuters400.jsonl"
    with (shared / "corpus" / "reuters21578.jsonl").open(encoding="utf-8") as handle:
        corpus.write_text("".join(next(handle) for _ in range(ARTICLES)), encoding="utf-8")
    clean_db, db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    clean = _ingest(corpus, clean_db)  # the reference run, beside the one we kill
    victim = _ingest(corpus, db)
    rerun = None
    try:
        deadline = time.monotonic() + 300
        while _stored(db) < KILL_AFTER:
            assert victim.poll() is None, "the ingest ended before it could be killed"
            assert time.monotonic() < deadline, "the ingest did not get far enough in five minutes"
            time.sleep(0.5)
        victim.send_signal(signal.SIGKILL)
        victim.communicate()
        assert victim.returncode == -signal.SIGKILL
        partial = _stored(db)
        assert KILL_AFTER <= partial < ARTICLES
        rerun = _ingest(corpus, db)
        _, rerun_err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, rerun_err
        # The slice repeats a few texts: those count as already stored too, so "new" is at most the rest.
        new = int(rerun_err.split("accord: ", 1)[1].split(" new article(s)")[0])
        assert 0 < new <= ARTICLES - partial and "0 failed" in rerun_err
        _, err = clean.communicate(timeout=300)
        assert clean.returncode == 0, err
    finally:
        for process in (clean, victim, rerun):
            if process is not None and process.poll() is None:
                process.kill()
                process.communicate()
    ids, events, per_article, event_ids = _snapshot(db)
    assert len(ids) == len(set(ids)) > ARTICLES - 10 and len(event_ids) == len(set(event_ids))
    assert (ids, events, per_article, event_ids) == _snapshot(clean_db)


def test_a_batch_that_dies_before_commit_leaves_nothing(tmp_path, monkeypatch) -> None:
    """The same guarantee in process: an exception between INSERT and COMMIT rolls the batch back."""
    from accord.records import Article

    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        store.add_batch([(Article.create(text="First."), [])])

        class Boom(Exception):
            pass

        def explode(*args, **kwargs):
            raise Boom

        # Fails after the articles and events were inserted, before COMMIT.
        monkeypatch.setattr("accord.store.database._upsert_failures", explode)
        with pytest.raises(Boom):
            store.add_batch([(Article.create(text="Second."), [])])
        assert store.counts()["articles"] == 1
