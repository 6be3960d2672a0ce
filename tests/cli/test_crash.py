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

ARTICLES = 400
KILL_AFTER = 96  # stored articles seen before the kill: three batches of 32, the run then mid-way


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "ACCORD_BATCH_SIZE": "32"}
    return subprocess.Popen([sys.executable, "-m", "accord.cli.main", "ingest", str(corpus), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)


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
            "SELECT article_id, count(*) AS n FROM events GROUP BY article_id ORDER BY article_id").to_pylist()
        event_ids = store.arrow("SELECT id FROM events ORDER BY id").column("id").to_pylist()
    return ids, events, [(r["article_id"], r["n"]) for r in per_article], event_ids


def test_sigkill_partway_then_rerun_loses_and_doubles_nothing(shared, tmp_path) -> None:
    corpus = tmp_path / "reuters400.jsonl"
    with (shared / "corpus" / "reuters21578.jsonl").open(encoding="utf-8") as handle:
        corpus.write_text("".join(next(handle) for _ in range(ARTICLES)), encoding="utf-8")
    clean_db, db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    clean = _ingest(corpus, clean_db)  # the reference run, beside the one we kill
    victim = _ingest(corpus, db)
    try:
        deadline = time.monotonic() + 120
        while _stored(db) < KILL_AFTER:
            assert victim.poll() is None, "the ingest ended before it could be killed"
            assert time.monotonic() < deadline, "the ingest stored nothing in two minutes"
            time.sleep(0.3)
        victim.send_signal(signal.SIGKILL)
        victim.communicate()
        assert victim.returncode == -signal.SIGKILL
        partial = _stored(db)
        assert KILL_AFTER <= partial < ARTICLES
        rerun = subprocess.run([sys.executable, "-m", "accord.cli.main", "ingest", str(corpus), "--db", str(db)],
                               capture_output=True, text=True, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        assert f"{ARTICLES - partial} new article(s), {partial} already stored, 0 failed" in rerun.stderr
        _, err = clean.communicate(timeout=300)
        assert clean.returncode == 0, err
    finally:
        for process in (clean, victim):
            if process.poll() is None:
                process.kill()
                process.communicate()
    ids, events, per_article, event_ids = _snapshot(db)
    assert len(ids) == len(set(ids)) == ARTICLES and len(event_ids) == len(set(event_ids))
    assert (ids, events, per_article, event_ids) == _snapshot(clean_db)


@pytest.mark.parametrize("stage", ["before-commit"])
def test_a_batch_that_dies_before_commit_leaves_nothing(tmp_path, stage) -> None:
    """The same guarantee in process: an exception between INSERT and COMMIT rolls the batch back."""
    from accord.records import Article

    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        store.add_batch([(Article.create(text="First."), [])])

        class Boom(Exception):
            pass

        def explode(*args, **kwargs):
            raise Boom

        import accord.store.database as database

        original = database._upsert_failures
        database._upsert_failures = explode  # fails after the articles and events were inserted
        try:
            with pytest.raises(Boom):
                store.add_batch([(Article.create(text="Second."), [])])
        finally:
            database._upsert_failures = original
        assert store.counts()["articles"] == 1
