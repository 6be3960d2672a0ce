"""Dates and places of matched events on the seed and development gold sets: at least 0.9 where the gold has
them, the bar the README reports. The sets are coded whole, as `accord eval` codes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.coder import code_articles
from accord.evaluation.scoring import Score, load_gold, score

DEV = Path(__file__).resolve().parents[1] / "data" / "dev"
BAR = 0.9


def _scored(path: Path) -> Score:
    gold = load_gold(path)
    return score(gold, [e.to_json() for e in code_articles(gold)])


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    """Each set's score, coded on first use (the seed needs ../shared; the development sets are ours)."""
    return {}


@pytest.mark.parametrize("name", ["seed.jsonl", "readouts-dev.jsonl", "wikinews-dev.jsonl"])
@pytest.mark.parametrize("figure", ["date", "location_country", "location_place"])
def test_dates_and_places_meet_the_bar(request: pytest.FixtureRequest, scores: dict[str, Score], name: str,
                                       figure: str) -> None:
    if name not in scores:
        path = request.getfixturevalue("shared") / "gold" / name if name == "seed.jsonl" else DEV / name
        scores[name] = _scored(path)
    value = getattr(scores[name], figure)
    # Every set has gold dates and places on matched events: a None here would hide a scoring break.
    assert value is not None and value >= BAR, f"{name} {figure} {value}"
