"""The writer: one at a time, whole batches or nothing, articles known by content, recoding, failures counted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from datetime import date
from pathlib import Path

import duckdb
import pytest
from records_factory import BLR, PAK, RUS_GOV, article, event

from accord.errors import StoreError
from accord.records import Failure
from accord.store import BatchResult, open_store


def _python(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_second_writer_is_refused_with_a_clear_error(db: Path) -> None:
    with open_store(db):
        with pytest.raises(StoreError, match="being written by Accord pid") as caught:
            open_store(db)
        assert str(db) in str(caught.value) and caught.value.exit_code == 7
        other = _python("import sys; from accord.store import open_store; open_store(sys.argv[1])", str(db))
        assert other.returncode != 0 and f"pid {os.getpid()}" in other.stderr
    assert not Path(f"{db}.lock").exists()  # released and removed on close
    open_store(db).close()


def test_a_writer_killed_by_sigkill_leaves_no_stale_lock(db: Path) -> None:
    code = """
        import sys, time
        from accord.store import open_store
        store = open_store(sys.argv[1])
        print("open", flush=True)
        time.sleep(60)
    """
    with subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), str(db)], stdout=subprocess.PIPE, text=True
    ) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "open"
            with pytest.raises(StoreError, match="being written"):
                open_store(db, lock_timeout=0.2)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
    with open_store(db) as store:
        assert store.counts()["articles"] == 0


def test_other_processes_read_between_the_batches_of_a_writer_that_does_not_hold(db: Path) -> None:
    reader = """
        import sys
        from accord.store import open_store
        with open_store(sys.argv[1], read_only=True, lock_timeout=float(sys.argv[2])) as store:
            print(store.counts()["articles"])
    """
    with open_store(db, hold=False) as store:
        store.add_batch([(article("Pakistan met Belarus."), [])])
        assert _python(reader, str(db), "5").stdout.strip() == "1"
    with open_store(db) as store:  # holds the file: a reader waits, then gives up with a reason
        done = _python(reader, str(db), "0.3")
        assert done.returncode != 0 and "kept it open" in done.stderr


def test_the_same_text_under_another_record_id_is_stored_once(db: Path) -> None:
    first = article("Pakistan hosted the Belarusian minister.")
    copy = article("Pakistan  hosted the Belarusian\nminister.", id="wire-123")  # same normalised text
    other_url = article("Pakistan hosted the Belarusian minister.", url="https://example.org/x")
    with open_store(db) as store:
        assert store.add_batch([(first, []), (copy, [])]) == BatchResult(new=1, existing=1, events=0)
        assert store.known([copy, other_url]) == {"wire-123"}
        assert store.add_batch([(other_url, [])]).new == 1  # another URL: another article


def test_replace_events_swaps_an_articles_events_in_one_transaction(db: Path) -> None:
    art = article("Pakistan and Belarus talked; Russia watched.")
    old = [
        event(art, 0, PAK, BLR, "040", coder="accord-0.0.1"),
        event(art, 1, RUS_GOV, PAK, "010", coder="accord-0.0.1"),
    ]
    with open_store(db) as store:
        store.add_batch([(art, old)])
        assert store.stale("accord-0.2.0") == [art.id]
        new = [
            event(art, 0, PAK, BLR, "040", coder="accord-0.2.0"),
            event(art, 0, BLR, PAK, "042", coder="accord-0.2.0"),
        ]
        result = store.replace_events([(art, new)], coder="accord-0.2.0")
        assert result == BatchResult(new=0, existing=1, events=2, replaced=2)
        assert store.events(article_id=art.id) == new
        assert store.stale("accord-0.2.0") == []
        # A clash with another article's event rolls everything back: the old events stay.
        other = article("Another article.")
        store.add_batch([(other, [event(other, 0, PAK, BLR, "040")])])
        clash = event(art, 3, PAK, None, "010", id=store.events(article_id=other.id)[0].id)
        with pytest.raises(StoreError, match="cannot write"):
            store.replace_events([(art, [clash])], coder="accord-0.3.0")
        assert store.events(article_id=art.id) == new and art.id not in store.stale("accord-0.2.0")


def test_the_same_failure_again_counts_an_attempt(db: Path) -> None:
    bad = Failure(source="x.bin", reason="x.bin: binary file", stage="read")
    with open_store(db) as store:
        store.add_batch([], [bad, bad])
        store.add_batch([], [bad, Failure(source="y", reason="y: empty file")])
        assert store.failures() == [bad, Failure(source="y", reason="y: empty file")]
        assert store.arrow("SELECT attempts FROM failures ORDER BY rowid").column(0).to_pylist() == [3, 1]


def test_a_read_only_store_refuses_writes(db: Path) -> None:
    open_store(db).close()
    with open_store(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.add_batch([(article("x"), [])])


def test_readers_never_see_half_an_article(db: Path) -> None:
    """A reader running beside the writer sees each article with all its three events, or not at all."""
    bad: list[int] = []
    stop = threading.Event()
    with open_store(db) as store:
        reader = duckdb.connect(str(db))  # the same database instance: a second connection in this process

        def read() -> None:
            while not stop.is_set():
                rows = reader.execute(
                    "SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM events e WHERE e.article_id = a.id) <> 3"
                ).fetchall()
                bad.append(rows[0][0])

        thread = threading.Thread(target=read)
        thread.start()
        try:
            for batch in range(25):
                items = []
                for n in range(4):
                    art = article(f"Batch {batch} article {n}.", published=date(2023, 1, 1 + n))
                    items.append((art, [event(art, i, PAK, BLR, "040") for i in range(3)]))
                store.add_batch(items)
        finally:
            stop.set()
            thread.join()
            reader.close()
    assert bad and not any(bad)
