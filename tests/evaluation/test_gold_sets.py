"""The project's own gold sets (development and held-out): well formed by ../shared/gold/FORMAT.md."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pycountry
import pytest

from accord.evaluation.scoring import fold_space, load_gold
from accord.knowledge.tables import cameo_codes

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD_FILES = sorted([*DATA.glob("dev/*.jsonl"), *DATA.glob("heldout/*.jsonl")])
SECTORS = frozenset("GOV MIL POL LEG JUD PTY OPP BUS MED CVL REB NGO IGO REL EDU HLH AGR SPY CRM LAB".split())
ORGS = frozenset("UN EU NATO AU ASEAN SCO GCC OPEC G7 G20 WHO IAEA ICC IMF WORLDBANK WTO ARABLEAGUE OIC CSTO EAEU "
                 "BRICS INTERPOL WEST INTL".split())  # fmt: skip
# ISO 3166-1 has no code for Kosovo; coders use the user-assigned XKX.
COUNTRIES = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def _events(path: Path) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(article id, article, event) for every gold event of a file."""
    return [(article["id"], article, event) for article in load_gold(path) for event in article["events"]]


def test_there_are_development_and_held_out_sets() -> None:
    assert {p.parent.name for p in GOLD_FILES} == {"dev", "heldout"}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_every_quote_is_in_its_text(path: Path) -> None:
    missing = [(aid, e["quote"]) for aid, a, e in _events(path) if fold_space(e["quote"]) not in fold_space(a["text"])]
    assert not missing


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_codes_actors_and_dates_are_valid(path: Path) -> None:
    codes = cameo_codes()
    for aid, _article, event in _events(path):
        where = f"{path.name} {aid} {event['quote'][:40]!r}"
        assert event["cameo"] in codes, where
        for role in ("source", "target"):
            actor = event.get(role) or {}
            assert actor.get("country") in COUNTRIES | {None}, where
            assert actor.get("org") in ORGS | {None}, where
            assert actor.get("sector") in SECTORS | {None}, where
        assert event["source"].get("country") or event["source"].get("org") or event["source"].get("sector"), where
        assert event.get("date") is None or date.fromisoformat(event["date"]), where


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_scored_events_come_before_uncertain_ones(path: Path) -> None:
    # The scorer pairs gold events in file order: an uncertain event first could take a scored one's match.
    for article in load_gold(path):
        flags = [bool(e.get("uncertain")) for e in article["events"]]
        assert flags == sorted(flags), article["id"]


def test_no_article_is_in_two_sets() -> None:
    seen: dict[str, str] = {}
    for path in GOLD_FILES:
        for article in load_gold(path):
            assert article["id"] not in seen, f"{article['id']} in {seen.get(article['id'])} and {path.name}"
            seen[article["id"]] = path.name
