"""The figures GDELT's manual check published, measured the same way on a gold set.

GDELT's check took coded events and asked of each whether its first actor, second actor and event code
were right (79.0%, 78.5%, 81.2%). The same question here: for every non-negated predicted event in a
sentence that carries gold events, is its source among those gold events' sources, its target among their
targets, its CAMEO root among their roots? It says how often what Accord reports is right, not how much it
finds: recall is in the main scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from accord.evaluation.scoring import by_article, cameo_root, entity, fold_space


@dataclass(frozen=True)
class AnchorCheck:
    """Predicted events in annotated sentences, and how many have each part right."""

    events: int = 0
    source: int = 0
    target: int = 0
    root: int = 0

    def __add__(self, other: AnchorCheck) -> AnchorCheck:
        return AnchorCheck(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, int, int, int]:
        return self.events, self.source, self.target, self.root

    def line(self) -> str:
        if not self.events:
            return "anchors: no predicted event in an annotated sentence"
        parts = (("first actor", self.source), ("second actor", self.target), ("CAMEO root", self.root))
        shown = ", ".join(
            f"{name} {hits / self.events:.1%} ({hits} of {self.events})" for name, hits in parts
        )
        return f"anchors (events in annotated sentences): {shown}"


def anchor_check(
    gold_articles: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]
) -> AnchorCheck:
    """Check each non-negated prediction against the gold events whose quote is in its sentence."""
    groups = by_article(predicted)
    total = AnchorCheck()
    for article in gold_articles:
        gold = [g for g in article["events"] if not g.get("negated") and not g.get("uncertain")]
        for pred in groups.get(str(article["id"]), []):
            sentence = fold_space(pred.get("sentence"))
            here = [g for g in gold if fold_space(g["quote"]) in sentence]
            if not here:
                continue
            total += AnchorCheck(
                1,
                entity(pred.get("source")) in {entity(g["source"]) for g in here},
                entity(pred.get("target")) in {entity(g.get("target")) for g in here},
                cameo_root(pred.get("cameo")) in {cameo_root(g["cameo"]) for g in here},
            )
    return total
