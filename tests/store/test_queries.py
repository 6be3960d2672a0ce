"""Queries: events by actor, dyad, code, sector and date; dyad series; top dyads; stories told by many articles."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest
from records_factory import BLR, PAK, RUS_GOV, UN, article, event

from accord.errors import UsageError
from accord.records import Plover
from accord.store import open_store
from accord.store import queries as q
from accord.store.queries import EventFilter


@pytest.fixture
def store(db):
    """Three wires tell PAK 042 BLR on 30 May (one twice); RUS and the UN on other days; one negation."""
    a1 = article("Wire one.", outlet="Reuters", published=date(2023, 5, 30))
    a2 = article("Wire two.", outlet="AP", published=date(2023, 5, 30))
    a3 = article("Wire three.", outlet=None, url="https://www.dawn.com/news/1", published=date(2023, 5, 31))
    a4 = article("Later.", outlet="AP", published=date(2023, 7, 2))
    items = [
        (a1, [event(a1, 0, PAK, BLR, "042"), event(a1, 3, PAK, BLR, "042", date=date(2023, 5, 30)),
              event(a1, 4, RUS_GOV, PAK, "112", quad_class=3, goldstein=-2.0,
                    plover=Plover(event="ACCUSE", mode=None, contexts=()))]),
        (a2, [event(a2, 1, PAK, BLR, "042"), event(a2, 2, PAK, BLR, "042", negated=True)]),
        (a3, [event(a3, 0, PAK, BLR, "042", date=date(2023, 5, 30))]),
        (a4, [event(a4, 0, UN, BLR, "0234", quad_class=2, goldstein=6.0,
                    plover=Plover(event="AID", mode=None, contexts=("humanitarian",)))]),
    ]  # fmt: skip
    with open_store(db) as opened:
        opened.add_batch(items)
        yield opened


def test_events_by_actor_code_sector_and_dates(store) -> None:
    assert q.events(store).num_rows == 7
    assert q.events(store, EventFilter(actor="rus")).column("cameo").to_pylist() == ["112"]
    assert q.events(store, EventFilter(actor="UN")).column("source_code").to_pylist() == ["IGOUNO"]
    assert q.events(store, EventFilter(code="04")).num_rows == 5
    assert q.events(store, EventFilter(code="accuse")).num_rows == 1
    assert q.events(store, EventFilter(sector="GOV")).column("source_code").to_pylist() == ["RUSGOV"]
    may = q.events(store, EventFilter(since=date(2023, 5, 30), until=date(2023, 5, 31)))
    assert may.num_rows == 6
    assert q.events(store, EventFilter(source="PAK", target="BLR", negated=False)).num_rows == 4
    assert q.events(store, limit=2).num_rows == 2


def test_dyad_series_counts_quads_and_keeps_empty_months(store) -> None:
    series = q.dyad_series(store, "PAK", "BLR", freq="day").to_pylist()
    assert [(r["period"], r["events"]) for r in series] == [(date(2023, 5, 30), 4)]  # the negated one is out
    assert series[0]["verbal_coop"] == 4 and series[0]["goldstein_mean"] == 1.9
    monthly = q.dyad_series(store, "UN", "BLR", freq="month").to_pylist()
    assert [r["period"] for r in monthly] == [date(2023, 7, 1)]
    both = q.dyad_series(store, "IGOUNO", "BLR", freq="month", where=EventFilter(since=date(2023, 5, 1)))
    assert both.column("material_coop").to_pylist() == [1]
    everything = q.dyad_series(store, "PAK", "BLR", freq="week", where=EventFilter(until=date(2023, 12, 31)))
    assert everything.num_rows == 1
    with pytest.raises(UsageError, match="frequency"):
        q.dyad_series(store, "PAK", "BLR", freq="fortnight")


def test_series_fills_the_periods_between_events(db) -> None:
    a = article("A.", published=date(2023, 1, 15))
    b = article("B.", published=date(2023, 4, 2))
    with open_store(db) as store:
        store.add_batch(
            [(a, [event(a, 0, PAK, BLR, "042")]), (b, [event(b, 0, PAK, BLR, "112", quad_class=3)])]
        )
        rows = q.dyad_series(store, "PAK", "BLR").to_pylist()
    assert [(r["period"].month, r["events"], r["verbal_conflict"]) for r in rows] == [
        (1, 1, 0),
        (2, 0, 0),
        (3, 0, 0),
        (4, 1, 1),
    ]


def test_stories_link_one_event_told_by_several_articles(store) -> None:
    top = q.stories(store, min_articles=2).to_pylist()
    assert len(top) == 1
    story = top[0]
    assert (story["source_code"], story["cameo"], story["target_code"], story["day"]) == (
        "PAK",
        "042",
        "BLR",
        date(2023, 5, 30),
    )
    # Four mentions (one article tells it twice), three articles, three sources (the third by its URL's host).
    assert (story["num_mentions"], story["num_articles"], story["num_sources"]) == (4, 3, 3)
    linked = q.events(store, EventFilter(source="PAK", negated=False))
    assert set(linked.column("num_articles").to_pylist()) == {3}
    negated = q.events(store, EventFilter(negated=True)).to_pylist()[0]
    assert negated["num_articles"] == 1  # "did not visit" is a story of its own


def test_dyads_is_the_network(store) -> None:
    rows = q.dyads(store, limit=None).to_pylist()
    assert [(r["source_code"], r["target_code"], r["events"]) for r in rows] == [
        ("PAK", "BLR", 4),
        ("IGOUNO", "BLR", 1),
        ("RUSGOV", "PAK", 1),
    ]
    assert q.dyads(store, limit=1).num_rows == 1


def test_results_are_arrow_or_pandas(store) -> None:
    assert isinstance(q.events(store), pa.Table)
    pytest.importorskip("pandas")
    frame = q.dyads(store, as_pandas=True)
    assert list(frame["events"]) == [4, 1, 1]


def test_failures_listing(store) -> None:
    from accord.records import Failure

    store.add_batch(
        [], [Failure(source="a", reason="a: empty file"), Failure(source="b", reason="b: x", stage="code")]
    )
    assert q.failures(store).num_rows == 2
    assert q.failures(store, stage="code").column("source").to_pylist() == ["b"]
