"""The country an article is mostly about, when no dateline or outlet names its home."""

from __future__ import annotations

import pytest

from accord.knowledge.lexicon import Cue
from accord.stages.actors import dominant_country


def cues(*countries: str) -> list[Cue]:
    return [Cue(kind="demonym", country=c) for c in countries]


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        (("NZL", "NZL", "AUS"), "NZL"),
        (("NZL", "NZL", "AUS", "AUS"), None),  # an Australian tried in New Zealand: a tie names no home
        (("AUS", "AUS", "NZL", "NZL"), None),  # whichever comes first
        (("NZL",), None),  # once is not enough
        (("NZL", "NZL", "AUS", "FJI", "TON"), None),  # under half of all country cues
        ((), None),
    ],
)
def test_dominant_country(named: tuple[str, ...], expected: str | None) -> None:
    assert dominant_country(cues(*named)) == expected


def test_offices_do_not_count() -> None:
    assert dominant_country([*cues("NZL", "NZL"), Cue(kind="office", country="AUS", sector="POL")]) == "NZL"
