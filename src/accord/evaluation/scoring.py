"""Gold-set scoring (shared/gold/FORMAT.md): match predicted events to gold events and report the figures.

The matching reproduces the independent scorer ``shared/tools/score.py`` exactly, so that Accord's own
``accord eval`` and the outside tool always agree:

- predictions are grouped by ``article_id``; those flagged ``negated`` are dropped before matching, and
  those for articles absent from the gold file are not scored at all;
- gold events are taken in file order and each takes the first unused prediction (in input order) in the
  same sentence (the whitespace-folded quote is inside the whitespace-folded sentence), with the same source
  and target entity (country, else org) and, unless ``dyad_only``, the same CAMEO root;
- a prediction paired with an ``uncertain`` gold event is consumed but not counted; one paired with a
  ``negated`` gold event is a false positive (a "TRAP"); every other pair is a true positive;
- accuracies (exact code, sectors, date, location) are taken over the true positives.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from accord.errors import GoldError, InputError
from accord.records import Event

_SPACE = re.compile(r"\s+")
_REQUIRED_ARTICLE_KEYS = ("id", "text", "events")
_REQUIRED_EVENT_KEYS = ("quote", "source", "cameo")
_TEXT_WIDTH = 90  # how much of a quote or sentence a verbose line shows, as score.py does


# --- reading files -----------------------------------------------------------------------------------


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file, one article a line, raising GoldError (file and line) on a bad line."""
    articles = []
    for lineno, line in _read_lines(path, GoldError):
        try:
            article = json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldError(f"{path}:{lineno}: malformed JSON ({err.msg}, column {err.colno})") from None
        _check_article(article, f"{path}:{lineno}")
        articles.append(article)
    return articles


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Read predicted events from a JSONL file in Accord's event contract, one event a line."""
    events = []
    for lineno, line in _read_lines(path, InputError):
        try:
            event = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{lineno}: malformed JSON ({err.msg}, column {err.colno})") from None
        if not isinstance(event, dict):
            kind = type(event).__name__
            raise InputError(f"{path}:{lineno}: expected a JSON object (one event), got {kind}")
        events.append(event)
    return events


def _read_lines(path: str | Path, error: type[GoldError] | type[InputError]) -> list[tuple[int, str]]:
    """The non-blank lines of a UTF-8 file with their 1-based numbers."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except UnicodeDecodeError as err:
        raise error(f"{path}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise error(f"{path}: cannot be read ({err.strerror})") from None
    # split on "\n" only: str.splitlines would also break on U+2028 etc. inside JSON strings and shift numbers
    return [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]


def _check_article(article: Any, where: str) -> None:
    """Raise GoldError unless the article has an id, a text and a list of well-formed events."""
    if not isinstance(article, dict):
        raise GoldError(f"{where}: expected a JSON object (one article), got {type(article).__name__}")
    for key in _REQUIRED_ARTICLE_KEYS:
        if article.get(key) is None:
            raise GoldError(f"{where}: article has no {key!r}")
    if not isinstance(article["text"], str):
        raise GoldError(f"{where}: article 'text' is not a string")
    if not isinstance(article["events"], list):
        raise GoldError(f"{where}: article 'events' is not a list")
    for number, event in enumerate(article["events"], start=1):
        _check_event(event, f"{where}: event {number}")


def _check_event(event: Any, where: str) -> None:
    """Raise GoldError unless the gold event has a quote, a source and a CAMEO code of the right types."""
    if not isinstance(event, dict):
        raise GoldError(f"{where} is not a JSON object")
    for key in _REQUIRED_EVENT_KEYS:
        if event.get(key) is None:
            raise GoldError(f"{where} has no {key!r}")
    # an empty quote would be "contained" in every sentence and silently match anything
    if not isinstance(event["quote"], str) or not event["quote"].strip():
        raise GoldError(f"{where}: 'quote' must be a non-empty string")
    if not isinstance(event["source"], dict):
        raise GoldError(f"{where}: 'source' must be an object")
    if event.get("target") is not None and not isinstance(event["target"], dict):
        raise GoldError(f"{where}: 'target' must be an object or null")
    if not isinstance(event["cameo"], str):
        raise GoldError(f"{where}: 'cameo' must be a string (leading zeros kept), got {event['cameo']!r}")


# --- records -----------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Tally:
    """The raw counts behind a Score; tallies of articles add up."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    traps: int = 0
    exact: int = 0  # true positives with all digits of the code equal
    sector: int = 0  # true positives with source and target sectors equal
    dated: int = 0  # true positives whose gold event has a date
    date_ok: int = 0
    located: int = 0  # true positives whose gold event has a location
    country_ok: int = 0
    place_ok: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


@dataclass(frozen=True, kw_only=True)
class Finding:
    """One scoring error: a missed gold event, a false positive, or a fired trap."""

    article_id: str
    kind: str  # "MISS", "FP" or "TRAP"
    source: str | None  # entity: country, else org
    target: str | None
    cameo: str | None
    text: str  # the gold quote for a miss; the predicted sentence, whitespace folded, otherwise

    def line(self) -> str:
        """One line in the form score.py's --verbose prints."""
        dyad = f"{self.source}->{self.target}"
        return f"{self.kind} {self.article_id}: {dyad} {self.cameo} | {self.text[:_TEXT_WIDTH]}"


@dataclass(frozen=True, kw_only=True)
class Score:
    """Precision, recall, F1 and accuracies over matched events, with the misses and false positives."""

    tp: int
    fp: int
    fn: int
    traps: int
    precision: float  # 0.0, not None, when nothing was predicted: score.py reports it so
    recall: float
    f1: float
    exact_code: float | None  # None where the denominator is 0
    sector: float | None
    date: float | None
    location_country: float | None
    location_place: float | None
    misses: tuple[Finding, ...] = ()
    false_positives: tuple[Finding, ...] = ()  # traps and plain false positives, in score.py's order
    counts: Tally = Tally()
    dyad_only: bool = False

    @classmethod
    def from_tally(
        cls, tally: Tally, misses: Sequence[Finding] = (), false_positives: Sequence[Finding] = (),
        *, dyad_only: bool = False,
    ) -> Score:
        """Compute the figures from the counts."""
        precision = _ratio(tally.tp, tally.tp + tally.fp) or 0.0
        recall = _ratio(tally.tp, tally.tp + tally.fn) or 0.0
        # same expression as score.py, so the rounded value agrees to the last digit
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(
            tp=tally.tp, fp=tally.fp, fn=tally.fn, traps=tally.traps,
            precision=precision, recall=recall, f1=f1,
            exact_code=_ratio(tally.exact, tally.tp),
            sector=_ratio(tally.sector, tally.tp),
            date=_ratio(tally.date_ok, tally.dated),
            location_country=_ratio(tally.country_ok, tally.located),
            location_place=_ratio(tally.place_ok, tally.located),
            misses=tuple(misses), false_positives=tuple(false_positives),
            counts=tally, dyad_only=dyad_only,
        )

    def as_dict(self) -> dict[str, Any]:
        """The figures with the keys and rounding of score.py's JSON output."""
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "traps_fired": self.traps,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "exact_code": _round(self.exact_code),
            "sector": _round(self.sector),
            "date": _round(self.date),
            "location_country": _round(self.location_country),
            "location_place": _round(self.location_place),
        }


def _ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


# --- matching ----------------------------------------------------------------------------------------


def fold_space(text: str | None) -> str:
    """Fold runs of whitespace (non-breaking spaces included) to one space, as score.py does."""
    return _SPACE.sub(" ", text or "").strip()


def entity(actor: Mapping[str, Any] | None) -> str | None:
    """What an actor is compared on: its country if set, else its organisation."""
    if not actor:
        return None
    return actor.get("country") or actor.get("org")


def cameo_root(code: str | None) -> str:
    return (code or "")[:2]


def _fits(gold: Mapping[str, Any], pred: Mapping[str, Any], quote: str, dyad_only: bool) -> bool:
    """True when the prediction is in the gold event's sentence, with its dyad and (unless dyad_only) root."""
    return (
        quote in fold_space(pred.get("sentence"))
        and entity(pred.get("source")) == entity(gold.get("source"))
        and entity(pred.get("target")) == entity(gold.get("target"))
        and (dyad_only or cameo_root(pred.get("cameo")) == cameo_root(gold.get("cameo")))
    )


def _pair(
    gold: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any]], dyad_only: bool
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, prediction index): gold in file order, first free fit."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        quote = fold_space(g["quote"])
        for pi, p in enumerate(preds):
            if pi not in used and _fits(g, p, quote, dyad_only):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _true_positive(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> Tally:
    """The counts one correct match adds: a true positive and its accuracy checks."""
    gs, gt = gold.get("source") or {}, gold.get("target") or {}
    ps, pt = pred.get("source") or {}, pred.get("target") or {}
    located = bool(gold.get("location"))
    gl, pl = gold.get("location") or {}, pred.get("location") or {}
    return Tally(
        tp=1,
        exact=int(pred.get("cameo") == gold.get("cameo")),
        sector=int(ps.get("sector") == gs.get("sector") and pt.get("sector") == gt.get("sector")),
        dated=int(bool(gold.get("date"))),
        date_ok=int(bool(gold.get("date")) and pred.get("date") == gold["date"]),
        located=int(located),
        country_ok=int(located and pl.get("country") == gl.get("country")),
        place_ok=int(located and fold_space(pl.get("name")).lower() == fold_space(gl.get("name")).lower()),
    )


def _miss(article_id: str, gold: Mapping[str, Any]) -> Finding:
    return Finding(
        article_id=article_id, kind="MISS", source=entity(gold.get("source")),
        target=entity(gold.get("target")), cameo=gold.get("cameo"), text=gold["quote"],
    )


def _false_positive(article_id: str, kind: str, pred: Mapping[str, Any]) -> Finding:
    return Finding(
        article_id=article_id, kind=kind, source=entity(pred.get("source")),
        target=entity(pred.get("target")), cameo=pred.get("cameo"), text=fold_space(pred.get("sentence")),
    )


def _score_article(
    article: Mapping[str, Any], preds: Sequence[Mapping[str, Any]], dyad_only: bool
) -> Score:
    """Score one gold article against the (non-negated) predictions made for it."""
    aid, gold = article["id"], article["events"]
    tally, traps = Tally(), []
    pairs = _pair(gold, preds, dyad_only)
    for gi, pi in pairs:
        g, p = gold[gi], preds[pi]
        if g.get("uncertain"):
            continue  # annotators disagreed: the prediction is consumed but counts neither way
        if g.get("negated"):
            tally += Tally(fp=1, traps=1)
            traps.append(_false_positive(aid, "TRAP", p))
        else:
            tally += _true_positive(g, p)
    matched_gold = {gi for gi, _ in pairs}
    used_preds = {pi for _, pi in pairs}
    misses = [
        _miss(aid, g) for gi, g in enumerate(gold)
        if gi not in matched_gold and not g.get("uncertain") and not g.get("negated")
    ]
    unmatched = [_false_positive(aid, "FP", p) for pi, p in enumerate(preds) if pi not in used_preds]
    tally += Tally(fn=len(misses), fp=len(unmatched))
    return Score.from_tally(tally, misses, traps + unmatched, dyad_only=dyad_only)


def _as_json(event: Mapping[str, Any] | Event) -> Mapping[str, Any]:
    return event.to_json() if isinstance(event, Event) else event


def by_article(predicted: Iterable[Mapping[str, Any] | Event]) -> dict[str, list[Mapping[str, Any]]]:
    """Non-negated predictions by article id, in input order."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for event in map(_as_json, predicted):
        # dropped before matching: a negated prediction claims nothing happened, so it can neither
        # match nor be a false positive
        if not event.get("negated"):
            groups.setdefault(str(event.get("article_id")), []).append(event)
    return groups


def _score_each(
    gold_articles: Iterable[Mapping[str, Any]],
    predicted: Iterable[Mapping[str, Any] | Event],
    dyad_only: bool,
) -> list[tuple[str, Score]]:
    """(article id, Score) for each gold article, in file order."""
    groups = by_article(predicted)
    return [
        (str(art["id"]), _score_article(art, groups.get(str(art["id"]), []), dyad_only))
        for art in gold_articles
    ]


def score(
    gold_articles: Iterable[Mapping[str, Any]],
    predicted: Iterable[Mapping[str, Any] | Event],
    *,
    dyad_only: bool = False,
) -> Score:
    """Score predicted events (JSON contract dicts or Events) against gold articles, over all articles."""
    per_article = [s for _, s in _score_each(gold_articles, predicted, dyad_only)]
    tally = sum((s.counts for s in per_article), Tally())
    # score.py lists every miss first, then every false positive, each in article order
    misses = [f for s in per_article for f in s.misses]
    false_positives = [f for s in per_article for f in s.false_positives]
    return Score.from_tally(tally, misses, false_positives, dyad_only=dyad_only)


def score_by_article(
    gold_articles: Iterable[Mapping[str, Any]],
    predicted: Iterable[Mapping[str, Any] | Event],
    *,
    dyad_only: bool = False,
) -> dict[str, Score]:
    """Score each gold article on its own: article id -> Score (a repeated id keeps its last score)."""
    return dict(_score_each(gold_articles, predicted, dyad_only))


# --- report ------------------------------------------------------------------------------------------


def _figure(value: float | None) -> str:
    return "n/a  " if value is None else f"{value:.3f}"


def format_report(score: Score, *, verbose: bool = False) -> str:
    """A plain-text table of the figures, one a line, with the misses and false positives if verbose."""
    c = score.counts
    rows = [
        ("precision", score.precision, f"({c.tp} of {c.tp + c.fp})"),
        ("recall", score.recall, f"({c.tp} of {c.tp + c.fn})"),
        ("f1", score.f1, ""),
        ("exact_code", score.exact_code, f"({c.exact} of {c.tp})"),
        ("sector", score.sector, f"({c.sector} of {c.tp})"),
        ("date", score.date, f"({c.date_ok} of {c.dated})"),
        ("location_country", score.location_country, f"({c.country_ok} of {c.located})"),
        ("location_place", score.location_place, f"({c.place_ok} of {c.located})"),
    ]
    width = max(len(name) for name, _, _ in rows)
    match = "sentence and dyad" if score.dyad_only else "sentence, dyad and CAMEO root"
    lines = [
        f"matched on {match}",
        f"{'events':<{width}}  tp {score.tp}  fp {score.fp} (traps fired {score.traps})  fn {score.fn}",
    ]
    lines += [f"{name:<{width}}  {_figure(value)}  {counts}".rstrip() for name, value, counts in rows]
    if verbose:
        lines += [finding.line() for finding in (*score.misses, *score.false_positives)]
    return "\n".join(lines)
