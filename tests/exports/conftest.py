"""A store of real coded events (the example article twice, under two outlets) plus hand-made edge cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from accord.records import Actor, Article, Event, Place, Plover, Trigger
from accord.store import open_store

US_PLACE = Place(name="Houston", country="USA", admin1="Texas", lat=29.76, lon=-95.36, geonameid=4699066)
COUNTRY = Place(name="Pakistan", country="PAK", lat=30.0, lon=70.0, geonameid=1168579, precision="country")


def _edge_events(art: Article) -> list[Event]:
    """A negated event, a US city, a country-level place, an IGO actor, a company, no target, no date."""
    un = Actor(
        text="the UN", name="United Nations", code="IGOUNO", org="UN", sector="IGO", kind="organisation"
    )
    usa = Actor(text="Washington", name="United States", code="USAGOV", country="USA", sector="GOV")
    firm = Actor(
        text="MTZ", name="Minsk Tractor Works", code="BLRBUS", country=None, sector="BUS", kind="company"
    )
    base = {
        "article_id": art.id,
        "sentence": "A made-up sentence.\twith a tab",
        "quad_class": 3,
        "goldstein": -2.0,
        "plover": Plover(event="ACCUSE", mode="disapprove", contexts=("diplomatic",)),
        "cameo_root": "11",
        "trigger": Trigger(text="criticised", start=3, end=13),
        "coder": "accord-test",
    }
    return [
        Event(id=Event.make_id(art.id, 0, "USAGOV", "IGOUNO", "111"), sentence_index=0, source=usa, target=un,
              cameo="111", negated=True, location=US_PLACE, date=date(2023, 6, 1), **base),
        Event(id=Event.make_id(art.id, 4, "IGOUNO", "USAGOV", "112"), sentence_index=4, source=un, target=usa,
              cameo="112", location=COUNTRY, date=None, **base),
        Event(id=Event.make_id(art.id, 5, "BLRBUS", "", "0311"), sentence_index=5, source=firm, target=None,
              cameo="0311", location=None, modality="intended",
              **{**base, "quad_class": 1, "goldstein": 5.2, "cameo_root": "03",
                 "plover": Plover(event="AGREE", mode=None, contexts=("economic",))}),
        Event(id=Event.make_id(art.id, 6, "USAGOV", "IGOUNO", "010"), sentence_index=6, source=usa, target=un,
              cameo="010", location=None, date=date(2023, 6, 1),
              **{**base, "cameo_root": "01", "quad_class": 1, "goldstein": 0.0,
                 "plover": Plover(event="", mode=None, contexts=())}),
    ]  # fmt: skip


@pytest.fixture(scope="session")
def export_store(tmp_path_factory, example_text, example_events):
    """The example coded twice (two outlets: every event a story of two articles), and the edge cases."""
    path = tmp_path_factory.mktemp("exports") / "store.duckdb"
    first = Article.create(
        id=example_events[0].article_id,
        text=example_text,
        published=date(2023, 5, 30),
        outlet="The Nation",
        url="https://nation.com.pk/2023/05/30/pak-blr",
        title="Pakistan, Belarus",
    )
    second = Article.create(
        id="copy-on-another-site",
        text=example_text + "\nReprinted.",
        published=date(2023, 5, 30),
        outlet="Dawn",
    )
    copies = [replace(e, id=e.id[:-4] + "copy", article_id=second.id) for e in example_events]
    edge = Article.create(text="Edge cases.", published=date(2023, 6, 2), outlet="Wire")
    with open_store(path) as store:
        store.add_batch([(first, list(example_events)), (second, copies), (edge, _edge_events(edge))])
    return path
