"""The DuckDB store: exact round trips, idempotent batches, failures kept, clear errors on bad files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from accord.errors import StoreError
from accord.records import Actor, Article, Event, Failure, Place, Plover, Trigger
from accord.store import SCHEMA_VERSION, BatchResult, open_store

ARTICLE = Article.create(
    text="Pakistan and Belarus agreed to boost trade.\n\nMinsk praised Islamabad.",
    url="https://example.org/a",
    outlet="The Nation",
    title="Pakistan and Belarus",
    published=date(2023, 5, 30),
    published_source="field",
    source="corpus.jsonl:3",
)
BARE = Article.create(text="A second article, nothing else set.")

PAK = Actor(text="Pakistan", name="Pakistan", code="PAK", country="PAK", org=None, sector=None, kind="state")
BLR_GOV = Actor(
    text="Belarus Foreign Minister Sergei Aleinik",
    name="Sergei Aleinik",
    code="BLRGOV",
    country="BLR",
    org=None,
    sector="GOV",
    kind="person",
)
WEST = Actor(
    text="Western capitals", name="the West", code="WST", country=None, org="WEST", sector=None, kind="group"
)


def make_event(
    article: Article, index: int, source: Actor, target: Actor | None, cameo: str, **fields: object
) -> Event:
    """An event with every field set; fields override any of them."""
    values: dict[str, object] = {
        "id": Event.make_id(article.id, index, source.code, target.code if target else "", cameo),
        "article_id": article.id,
        "sentence_index": index,
        "sentence": f"Sentence {index}.",
        "source": source,
        "target": target,
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "plover": Plover(event="COOPERATE", mode="economic", contexts=("economic", "diplomatic")),
        "quad_class": 1,
        "goldstein": 3.4,
        "negated": False,
        "modality": "intended",
        "date": date(2023, 5, 30),
        "date_precision": "day",
        "location": Place(
            name="Islamabad", country="PAK", admin1="Islamabad", lat=33.72, lon=73.04, geonameid=1176615,
            text="ISLAMABAD",
        ),
        "trigger": Trigger(text="agreed", start=21, end=27),
        "rule": "agree.to",
        "confidence": 0.875,
        "coder": "accord 0.1.0",
    }
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]


EVENTS = [
    make_event(ARTICLE, 0, PAK, BLR_GOV, "0311"),
    # No target, no location, no trigger, no date, negated, empty contexts.
    make_event(
        ARTICLE, 1, WEST, None, "010", location=None, trigger=None, date=None, negated=True,
        plover=Plover(event="CONSULT", mode=None, contexts=()), date_precision="published", goldstein=0.0,
    ),  # fmt: skip
    # A place with only a name: the None fields must come back as None.
    make_event(ARTICLE, 2, BLR_GOV, PAK, "042", location=Place(name="Somewhere", precision="country")),
]


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "accord.duckdb"


def test_round_trip_is_exact(store_path: Path) -> None:
    with open_store(store_path) as store:
        result = store.add_batch([(ARTICLE, EVENTS), (BARE, [])])
        assert result == BatchResult(new=2, existing=0, events=3)
        assert store.events() == EVENTS
        assert store.events(article_id=ARTICLE.id, limit=1) == EVENTS[:1]
        assert store.events(article_id=BARE.id) == []
        assert store.article(ARTICLE.id) == ARTICLE
        assert store.article(BARE.id) == BARE
        assert store.article("nope") is None
    for event in EVENTS:
        assert Event.from_json(event.to_json()) == event


def test_second_identical_batch_adds_nothing(store_path: Path) -> None:
    with open_store(store_path) as store:
        store.add_batch([(ARTICLE, EVENTS)])
        before = store.counts()
        again = store.add_batch([(ARTICLE, EVENTS)])
        assert again == BatchResult(new=0, existing=1, events=0)
        assert store.counts() == before == {"articles": 1, "events": 3, "failures": 0}


def test_same_article_twice_in_one_batch_is_stored_once(store_path: Path) -> None:
    with open_store(store_path) as store:
        result = store.add_batch([(ARTICLE, EVENTS), (ARTICLE, EVENTS), (BARE, [])])
        assert result == BatchResult(new=2, existing=1, events=3)
        assert store.has_article(ARTICLE.id) and store.has_article(BARE.id)
        assert not store.has_article("missing")


def test_failures_are_stored_and_listed(store_path: Path) -> None:
    failures = [
        Failure(source="bad.txt", reason="bad.txt: binary file", stage="read"),
        Failure(source="c.jsonl:7", reason="c.jsonl:7: date ignored", stage="read", article_id="e"),
    ]
    with open_store(store_path) as store:
        result = store.add_batch([], failures)
        assert result == BatchResult(new=0, existing=0, events=0)
        assert store.failures() == failures
        assert store.counts()["failures"] == 2


def test_reopen_keeps_data_and_does_not_migrate_again(store_path: Path) -> None:
    with open_store(store_path) as store:
        store.add_batch([(ARTICLE, EVENTS)], [Failure(source="x", reason="x: bad")])
    with open_store(store_path) as store:
        assert store.counts() == {"articles": 1, "events": 3, "failures": 1}
        assert store.events() == EVENTS
    with open_store(store_path, read_only=True) as store:
        assert store.has_article(ARTICLE.id)
    con = duckdb.connect(str(store_path))
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    con.close()


def test_a_newer_store_is_refused(store_path: Path) -> None:
    open_store(store_path).close()
    con = duckdb.connect(str(store_path))
    con.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="newer") as caught:
        open_store(store_path)
    assert str(store_path) in str(caught.value)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("just some notes\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert str(path) in str(caught.value) and caught.value.number == "E500"


def test_a_directory_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open store") as caught:
        open_store(tmp_path)
    assert str(tmp_path) in str(caught.value)


def test_read_only_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing.duckdb"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_a_failed_batch_writes_nothing(store_path: Path) -> None:
    clash = make_event(BARE, 0, PAK, None, "010", sentence="x" * 10)
    with open_store(store_path) as store:
        store.add_batch([(ARTICLE, EVENTS)])
        # An event id already stored under another article breaks the batch: nothing of it may remain.
        broken = make_event(BARE, 0, PAK, None, "010", id=EVENTS[0].id)
        with pytest.raises(StoreError, match=str(store_path)):
            store.add_batch([(BARE, [clash, broken])], [Failure(source="y", reason="y: bad")])
        assert store.counts() == {"articles": 1, "events": 3, "failures": 0}
        assert not store.has_article(BARE.id)


def test_a_value_of_the_wrong_type_is_a_store_error(store_path: Path) -> None:
    bad = make_event(BARE, 0, PAK, None, "010", sentence_index="first")
    with open_store(store_path) as store:
        with pytest.raises(StoreError, match="cannot write"):
            store.add_batch([(BARE, [bad])])
        assert store.counts() == {"articles": 0, "events": 0, "failures": 0}
        assert store.add_batch([(BARE, [])]) == BatchResult(new=1, existing=0, events=0)
