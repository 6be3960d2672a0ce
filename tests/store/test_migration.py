"""Schema versions: a v1 store written by Accord 0.1.0 (commit ac016be) opens, upgrades to the current
version step by step, keeps its data."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from accord.records import Article
from accord.store import SCHEMA_VERSION, open_store
from accord.store.rows import content_id
from accord.store.schema import story_id_sql

V1 = Path(__file__).resolve().parents[1] / "data" / "store" / "v1.duckdb"
EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "accord" / "data" / "pakistan-belarus-2023-05-30.txt"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    path = tmp_path / "old.duckdb"
    shutil.copy(V1, path)
    return path


def _raw(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_the_fixture_is_a_version_1_store(v1_copy: Path) -> None:
    assert _raw(v1_copy, "SELECT version FROM schema_version") == [(1,)]
    columns = {
        row[0]
        for row in _raw(
            v1_copy, "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
        )
    }
    assert "story_id" not in columns


def test_opening_a_v1_store_upgrades_it_and_keeps_every_row(v1_copy: Path) -> None:
    before = {t: _raw(v1_copy, f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "events")}
    old_events = _raw(v1_copy, "SELECT id FROM events ORDER BY rowid")
    with open_store(v1_copy) as store:
        counts = store.counts()
        events = store.events()
    assert SCHEMA_VERSION == 3
    assert _raw(v1_copy, "SELECT version FROM schema_version") == [(3,)]
    assert counts["articles"] == before["articles"] == 3 and counts["events"] == before["events"] == 31
    assert [(e.id,) for e in events] == old_events  # same events, in stored order
    # The binary file was failing twice; v2 keys failures and counts the attempts instead.
    assert counts["failures"] == 2
    assert _raw(v1_copy, "SELECT attempts FROM failures ORDER BY rowid") == [(2,), (1,)]


def test_migrated_ids_agree_with_the_writer(v1_copy: Path) -> None:
    open_store(v1_copy).close()
    rows = _raw(v1_copy, "SELECT id, text, url, content_id, coded_at = stored_at FROM articles")
    for _id, text, url, stored_content, same_time in rows:
        assert stored_content == content_id(Article.create(text=text, url=url))
        assert same_time
    recomputed = _raw(
        v1_copy,
        f"SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = e.article_id "
        f"WHERE e.story_id IS DISTINCT FROM {story_id_sql()}",
    )
    assert recomputed == [(0,)]


def test_after_the_upgrade_the_same_text_under_a_new_id_is_already_stored(v1_copy: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    again = Article.create(id="a-third-record-id", text=text, published=date(2023, 5, 30))
    with open_store(v1_copy) as store:
        assert store.known([again]) == {"a-third-record-id"}
        assert store.add_batch([(again, [])]).existing == 1
        # Both copies the v1 store had are one story: the linkage counts two articles, two outlets.
        linked = store.arrow("SELECT max(num_articles), max(num_sources) FROM stories").to_pylist()[0]
    assert list(linked.values()) == [2, 2]


def test_a_failed_migration_leaves_the_old_version(v1_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from accord.errors import StoreError
    from accord.store import schema

    def broken(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("CREATE TABLE half_done (x INTEGER)")
        con.execute("SELECT no_such_column FROM articles")

    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], broken))
    with pytest.raises(StoreError, match="cannot migrate store .* to version 2"):
        open_store(v1_copy)
    assert _raw(v1_copy, "SELECT version FROM schema_version") == [(1,)]
    assert _raw(v1_copy, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'") == [
        (0,)
    ]


def test_read_only_open_of_a_v1_store_asks_for_a_writable_open(v1_copy: Path) -> None:
    from accord.errors import StoreError

    with pytest.raises(StoreError, match="version 1, needs 3"):
        open_store(v1_copy, read_only=True)


def test_old_events_keep_their_places_and_have_no_written_name(v1_copy: Path) -> None:
    before = _raw(v1_copy, "SELECT id, location_name, geonameid FROM events ORDER BY rowid")
    with open_store(v1_copy) as store:
        events = store.events()
    assert any(name for _, name, _ in before)
    assert [(e.id, e.location and e.location.name, e.location and e.location.geonameid) for e in events] == before
    assert all(e.location is None or e.location.text is None for e in events)


def test_an_upgraded_store_keeps_the_name_as_written(v1_copy: Path) -> None:
    from accord.records import Actor, Event, Place, Plover

    article = Article.create(text="Blinken met Tileuberdi in Washington, D.C.", published=date(2022, 5, 4))
    usa = Actor(text="Blinken", name="Antony Blinken", code="USAGOV", country="USA", sector="GOV", kind="person")
    place = Place(name="Washington", country="USA", geonameid=4140963, text="Washington, D.C.")
    event = Event(
        id=Event.make_id(article.id, 0, "USAGOV", "", "040"), article_id=article.id, sentence_index=0,
        sentence=article.text, source=usa, target=None, cameo="040", cameo_root="04",
        plover=Plover(event="CONSULT"), quad_class=1, goldstein=1.0, location=place, coder="test",
    )
    with open_store(v1_copy) as store:
        store.add_batch([(article, [event])])
        stored = [e for e in store.events() if e.article_id == article.id]
    assert [e.location for e in stored] == [place]
