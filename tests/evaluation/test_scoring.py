"""Gold scoring: hand-built predictions on the seed gold file, and agreement with shared/tools/score.py."""

from __future__ import annotations

import copy
import json
import random
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from accord.errors import GoldError
from accord.evaluation.scoring import Score, format_report, load_gold, score, score_by_article
from accord.records import Actor, Event, Place, Plover

SHARED = (Path(__file__).parents[2] / ".." / "shared").resolve()
SEED = SHARED / "gold" / "seed.jsonl"
SCORE_PY = SHARED / "tools" / "score.py"
ARTICLE_ID = "seed-2023-05-30"

# Paragraphs, then sentences: enough to cut the seed article the way a segmenter would.
Art = dict[str, Any]
Gold = list[Art]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“])")


# --- helpers -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    if not SEED.is_file():
        pytest.skip(f"no gold seed file at {SEED}")
    return load_gold(SEED)


@pytest.fixture(scope="module")
def article(gold: Gold) -> dict[str, Any]:
    return next(a for a in gold if a["id"] == ARTICLE_ID)


def sentences(text: str) -> list[str]:
    return [s for para in text.split("\n\n") for s in _SENTENCE_END.split(para.strip()) if s]


def sentence_of(article: Art, quote: str) -> str:
    """The one sentence of the article that holds the quote (whitespace folded for the search)."""
    fold = lambda s: " ".join(s.split())  # noqa: E731
    found = [s for s in sentences(article["text"]) if fold(quote) in fold(s)]
    assert len(found) == 1, f"quote {quote!r} is in {len(found)} sentences"
    return found[0]


def actor(data: dict[str, Any]) -> Actor:
    label = data["country"] or data["org"]
    return Actor(
        text=label, name=label, code=label + (data["sector"] or ""),
        country=data["country"], org=data["org"], sector=data["sector"],
    )


def predict(article: Art, g: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A predicted event (Accord's JSON contract) saying exactly what the gold event says, then changed."""
    sentence = sentence_of(article, g["quote"])
    source, target = actor(g["source"]), actor(g["target"]) if g["target"] else None
    event = Event(
        id=Event.make_id(article["id"], 0, source.code, target.code if target else "", g["cameo"]),
        article_id=article["id"], sentence_index=sentences(article["text"]).index(sentence),
        sentence=sentence, source=source, target=target, cameo=g["cameo"], cameo_root=g["cameo"][:2],
        plover=Plover(event="COOPERATE"), quad_class=1, goldstein=1.0,
        date=date.fromisoformat(g["date"]) if g["date"] else None,
        location=Place(**g["location"]) if g["location"] else None,
    )
    return {**event.to_json(), **changes}


def certain(article: Art) -> list[dict[str, Any]]:
    return [g for g in article["events"] if not g["uncertain"] and not g["negated"]]


def perfect(article: Art) -> list[dict[str, Any]]:
    return [predict(article, g) for g in certain(article)]


def find(article: Art, cameo: str, source: str | None = None, **flags: bool) -> dict[str, Any]:
    """The one gold event with this code (and source entity), uncertain/negated as given (default False)."""
    found = [
        g for g in article["events"]
        if g["cameo"] == cameo
        and (source is None or (g["source"]["country"] or g["source"]["org"]) == source)
        and g["uncertain"] == flags.get("uncertain", False) and g["negated"] == flags.get("negated", False)
    ]
    assert len(found) == 1, (cameo, source, flags, len(found))
    return found[0]


def run_score_py(
    tmp_path: Path, gold_articles: list[dict[str, Any]], preds: list[dict[str, Any]], *flags: str
) -> tuple[dict[str, Any], list[str]]:
    """Score with the independent tool: its JSON figures and its verbose lines."""
    if not SCORE_PY.is_file():
        pytest.skip(f"no independent scorer at {SCORE_PY}")
    gold_file, pred_file = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_file.write_text("".join(json.dumps(a) + "\n" for a in gold_articles), encoding="utf-8")
    pred_file.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCORE_PY), str(gold_file), str(pred_file), "--verbose", *flags],
        capture_output=True, text=True, encoding="utf-8", check=True,
    )
    *lines, result = done.stdout.rstrip("\n").split("\n")
    return json.loads(result), lines


def assert_agrees(tmp_path: Path, gold_articles: list[dict[str, Any]], preds: list[dict[str, Any]]) -> None:
    """Our figures and verbose lines equal score.py's, with and without --dyad-only."""
    for dyad_only in (False, True):
        expected, expected_lines = run_score_py(
            tmp_path, gold_articles, preds, *(["--dyad-only"] if dyad_only else [])
        )
        ours = score(gold_articles, copy.deepcopy(preds), dyad_only=dyad_only)
        assert ours.as_dict() == expected
        assert [f.line() for f in (*ours.misses, *ours.false_positives)] == expected_lines


# --- loading -----------------------------------------------------------------------------------------


def test_load_gold_reads_the_seed(gold: Gold) -> None:
    assert [a["id"] for a in gold] == [ARTICLE_ID]
    assert len(gold[0]["events"]) == 23


def test_every_seed_quote_lies_in_one_sentence(article: Art) -> None:
    for g in article["events"]:
        sentence_of(article, g["quote"])


def _line(**overrides: Any) -> str:
    art = {"id": "a1", "text": "Pakistan met Belarus.", "events": [
        {"quote": "Pakistan met Belarus", "source": {"country": "PAK"}, "target": None, "cameo": "040"}
    ]}
    art.update(overrides)
    return json.dumps(art)


@pytest.mark.parametrize(
    ("bad_line", "words"),
    [
        ('{"id": "a2", "text": "x", "events": [', "malformed JSON"),
        ('["not", "an", "object"]', "JSON object"),
        (_line(id=None), "'id'"),
        (_line(text=None).replace('"text": null, ', ""), "'text'"),
        (_line(events=None), "'events'"),
        (_line(events=[{"source": {"country": "PAK"}, "cameo": "040"}]), "event 1 has no 'quote'"),
        (_line(events=[{"quote": "q", "cameo": "040"}]), "event 1 has no 'source'"),
        (_line(events=[{"quote": "q", "source": {"country": "PAK"}}]), "event 1 has no 'cameo'"),
        (_line(events=[{"quote": "q", "source": {}, "cameo": 40}]), "'cameo' must be a string"),
    ],
)
def test_load_gold_names_file_and_line(tmp_path: Path, bad_line: str, words: str) -> None:
    path = tmp_path / "gold.jsonl"
    # line 2 is blank and skipped, yet still counted: the bad article is on line 4
    path.write_text(f"{_line()}\n\n{_line(id='a3')}\n{bad_line}\n{_line(id='a5')}\n", encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        load_gold(path)
    assert f"{path}:4:" in str(caught.value)
    assert words in str(caught.value)
    assert str(caught.value).startswith("E600 ")


def test_load_gold_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(f"\n{_line()}\n   \n{_line(id='a2')}\n\n", encoding="utf-8")
    assert [a["id"] for a in load_gold(path)] == ["a1", "a2"]


def test_load_gold_missing_file_is_a_gold_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no such file"):
        load_gold(tmp_path / "absent.jsonl")


# --- scoring by hand ---------------------------------------------------------------------------------


def test_perfect_prediction(gold: Gold, article: Art) -> None:
    result = score(gold, perfect(article))
    assert (result.tp, result.fp, result.fn, result.traps) == (8, 0, 0, 0)
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert (result.exact_code, result.sector, result.date) == (1.0, 1.0, 1.0)
    assert (result.location_country, result.location_place) == (1.0, 1.0)
    assert (result.counts.dated, result.counts.located) == (1, 4)
    assert result.misses == result.false_positives == ()


def test_nothing_predicted(gold: Gold) -> None:
    result = score(gold, [])
    assert (result.tp, result.fp, result.fn) == (0, 0, 8)
    assert result.as_dict()["precision"] == 0.0  # score.py's convention, not None
    assert result.exact_code is None and result.date is None and result.location_place is None
    assert {m.kind for m in result.misses} == {"MISS"}


def test_negated_gold_event_predicted_as_happening_is_a_trap(
    gold: Gold, article: Art
) -> None:
    trap = find(article, "111", negated=True)
    result = score(gold, [*perfect(article), predict(article, trap)])
    assert (result.tp, result.fp, result.fn, result.traps) == (8, 1, 0, 1)
    assert result.precision == pytest.approx(8 / 9)
    [finding] = result.false_positives
    assert (finding.kind, finding.source, finding.target, finding.cameo) == ("TRAP", "PAK", "RUS", "111")


def test_negated_prediction_is_dropped(gold: Gold, article: Art) -> None:
    trap = find(article, "111", negated=True)
    wrong = predict(article, find(article, "163"), cameo="120")
    dropped = [predict(article, trap, negated=True), {**wrong, "negated": True}]
    result = score(gold, [*perfect(article), *dropped])
    assert (result.tp, result.fp, result.fn, result.traps) == (8, 0, 0, 0)


def test_predictions_matching_uncertain_gold_events_are_ignored(
    gold: Gold, article: Art
) -> None:
    uncertain = [predict(article, g) for g in article["events"] if g["uncertain"]]
    assert len(uncertain) == 14
    result = score(gold, [*uncertain, *perfect(article)])
    assert (result.tp, result.fp, result.fn) == (8, 0, 0)


def test_wrong_root_is_a_false_positive_and_a_miss(gold: Gold, article: Art) -> None:
    preds = [predict(article, g, cameo="120") if g["cameo"] == "163" else predict(article, g)
             for g in certain(article)]
    result = score(gold, preds)
    assert (result.tp, result.fp, result.fn) == (7, 1, 1)
    findings = [(f.kind, f.cameo) for f in (*result.misses, *result.false_positives)]
    assert findings == [("MISS", "163"), ("FP", "120")]
    # on the dyad alone the 120 prediction matches the 163 gold event
    assert "163" not in {m.cameo for m in score(gold, preds, dyad_only=True).misses}


def test_dyad_only_lets_an_earlier_uncertain_event_take_a_prediction(
    gold: Gold, article: Art
) -> None:
    # score.py's greedy order, reproduced on purpose: the uncertain PAK->BLR 051 quote shares its sentence
    # with the PAK->BLR 040 one and comes first in the file, so on the dyad alone it consumes the 040
    # prediction and even a perfect prediction loses one match
    result = score(gold, perfect(article), dyad_only=True)
    assert (result.tp, result.fp, result.fn) == (7, 0, 1)
    assert [(m.source, m.target, m.cameo) for m in result.misses] == [("PAK", "BLR", "040")]


def test_wrong_sentence_is_a_false_positive(gold: Gold, article: Art) -> None:
    elsewhere = sentence_of(article, find(article, "0311")["quote"])
    preds = [predict(article, g, sentence=elsewhere) if g["cameo"] == "163" else predict(article, g)
             for g in certain(article)]
    result = score(gold, preds)
    assert (result.tp, result.fp, result.fn) == (7, 1, 1)
    assert score(gold, preds, dyad_only=True).fp == 1


def test_whitespace_in_the_sentence_does_not_matter(gold: Gold, article: Art) -> None:
    preds = [{**p, "sentence": "\n  " + p["sentence"].replace(" ", " \u00a0\t")} for p in perfect(article)]
    assert score(gold, preds).tp == 8


def test_swapped_dyad_is_a_false_positive(gold: Gold, article: Art) -> None:
    preds = perfect(article)
    sanctions = next(p for p in preds if p["cameo"] == "163")
    sanctions["source"], sanctions["target"] = sanctions["target"], sanctions["source"]
    result = score(gold, preds)
    assert (result.tp, result.fp, result.fn) == (7, 1, 1)


def test_duplicate_prediction_is_a_false_positive(gold: Gold, article: Art) -> None:
    preds = perfect(article)
    result = score(gold, [*preds, copy.deepcopy(preds[0])])
    assert (result.tp, result.fp, result.fn) == (8, 1, 0)


def test_other_sub_code_counts_for_f1_not_exact_code(gold: Gold, article: Art) -> None:
    changed = {"0311": "0312", "042": "043"}
    preds = [predict(article, g, cameo=changed.get(g["cameo"], g["cameo"])) for g in certain(article)]
    result = score(gold, preds)
    assert (result.tp, result.fp, result.fn, result.f1) == (8, 0, 0, 1.0)
    assert result.counts.exact == 5
    assert result.exact_code == 5 / 8 and result.as_dict()["exact_code"] == 0.625


def test_sector_accuracy(gold: Gold, article: Art) -> None:
    preds = perfect(article)
    bus = next(p for p in preds if p["cameo"] == "0311")
    bus["source"] = {**bus["source"], "sector": "GOV"}
    result = score(gold, preds)
    assert result.tp == 8 and result.sector == 7 / 8


def test_date_accuracy(gold: Gold, article: Art) -> None:
    visit = find(article, "042", source="BLR")
    assert visit["date"] == "2023-05-30"
    others = [predict(article, g) for g in certain(article) if g is not visit]
    for wrong in ("2023-05-29", None):
        result = score(gold, [*others, predict(article, visit, date=wrong)])
        assert result.tp == 8 and result.date == 0.0 and result.counts.dated == 1
    # a date on an event whose gold date is unknown is not scored
    result = score(gold, [predict(article, g, date="2001-01-01") for g in certain(article) if g is not visit])
    assert result.date is None


def test_location_accuracy(gold: Gold, article: Art) -> None:
    meetings = [g for g in certain(article) if g["cameo"] == "040"]
    rest = [predict(article, g) for g in certain(article) if g not in meetings]
    preds = [
        # same place, other spelling of spaces and case: still the same place name
        predict(article, meetings[0], location={"name": " new  YORK ", "country": "USA"}),
        predict(article, meetings[1], location={"name": "Islamabad", "country": "PAK"}),
    ]
    result = score(gold, [*rest, *preds])
    assert result.counts.located == 4
    assert (result.location_country, result.location_place) == (3 / 4, 3 / 4)
    result = score(gold, [*rest, *(dict(p, location=None) for p in preds)])
    assert (result.location_country, result.location_place) == (2 / 4, 2 / 4)


def test_predictions_for_unknown_articles_are_not_scored(gold: Gold, article: Art) -> None:
    stray = {**predict(article, certain(article)[0]), "article_id": "not-in-gold"}
    assert score(gold, [*perfect(article), stray]).as_dict() == score(gold, perfect(article)).as_dict()


def test_events_and_their_json_score_alike(gold: Gold, article: Art) -> None:
    events = [Event.from_json(p) for p in perfect(article)]
    assert score(gold, events) == score(gold, perfect(article))


def test_score_by_article_adds_up(gold: Gold, article: Art) -> None:
    twin = {**copy.deepcopy(article), "id": "twin"}
    preds = [*perfect(article), *(dict(p, article_id="twin") for p in perfect(article)[:3])]
    by_article = score_by_article([article, twin], preds)
    assert set(by_article) == {ARTICLE_ID, "twin"}
    assert (by_article[ARTICLE_ID].recall, by_article["twin"].tp, by_article["twin"].fn) == (1.0, 3, 5)
    total = score([article, twin], preds)
    assert (total.tp, total.fn) == (11, 5)


def test_format_report(gold: Gold, article: Art) -> None:
    trap = find(article, "111", negated=True)
    preds = [*perfect(article)[1:], predict(article, trap)]
    report = format_report(score(gold, preds))
    assert re.search(r"^precision\s+0\.875\s+\(7 of 8\)$", report, re.M)
    assert re.search(r"^recall\s+0\.875\s+\(7 of 8\)$", report, re.M)
    assert re.search(r"^date\s+1\.000\s+\(1 of 1\)$", report, re.M)
    assert "traps fired 1" in report
    assert "MISS" not in report
    verbose = format_report(score(gold, preds), verbose=True).splitlines()
    assert verbose[-2].startswith("MISS seed-2023-05-30: PAK->BLR 030 | Pakistan and Belarus")
    assert verbose[-1].startswith("TRAP seed-2023-05-30: PAK->RUS 111 | Pakistan has sought")


def test_format_report_without_denominators(gold: Gold) -> None:
    assert re.search(r"^exact_code\s+n/a\s+\(0 of 0\)$", format_report(score(gold, [])), re.M)


def test_score_is_frozen(gold: Gold) -> None:
    result = score(gold, [])
    with pytest.raises(AttributeError):
        result.tp = 3  # type: ignore[misc]
    assert isinstance(result, Score)


# --- agreement with the independent scorer -----------------------------------------------------------


def _cases(article: Art) -> dict[str, list[dict[str, Any]]]:
    trap = find(article, "111", negated=True)
    base = perfect(article)
    return {
        "empty": [],
        "perfect": base,
        "trap": [*base, predict(article, trap)],
        "uncertain-first": [*(predict(article, g) for g in article["events"] if g["uncertain"]), *base],
        "everything-reversed": [predict(article, g) for g in reversed(article["events"])],
        "sub-codes": [dict(p, cameo=p["cameo"][:2] + "9") for p in base],
        "no-sentences": [dict(p, sentence=None) for p in base],
        "no-actors": [dict(p, source=None, target=None) for p in base],
    }


@pytest.mark.parametrize("case", ["empty", "perfect", "trap", "uncertain-first", "everything-reversed",
                                  "sub-codes", "no-sentences", "no-actors"])
def test_agrees_with_score_py_on_hand_made_cases(
    tmp_path: Path, gold: Gold, article: Art, case: str
) -> None:
    assert_agrees(tmp_path, gold, _cases(article)[case])


def _perturb(rng: random.Random, article: Art, pred: dict[str, Any]) -> list[dict[str, Any]]:
    """One gold-derived prediction, damaged in one random way (or not at all)."""
    p = copy.deepcopy(pred)
    op = rng.choice(["keep", "keep", "drop", "duplicate", "root", "sub-code", "swap", "negate", "date",
                     "location", "sector", "sentence", "no-target", "article"])
    if op == "drop":
        return []
    if op == "duplicate":
        return [p, copy.deepcopy(p)]
    if op == "root":
        p["cameo"] = rng.choice(["01", "04", "11", "12", "16", "19"]) + p["cameo"][2:]
    elif op == "sub-code":
        p["cameo"] = p["cameo"][:2] + rng.choice(["", "0", "1", "2", "11", "3"])
    elif op == "swap":
        p["source"], p["target"] = p["target"], p["source"]
    elif op == "negate":
        p["negated"] = not p["negated"]
    elif op == "date":
        p["date"] = rng.choice([None, "2023-05-29", "2023-05-30", "2023-06-01"])
    elif op == "location":
        p["location"] = rng.choice([
            None, {"name": "Islamabad", "country": "PAK"}, {"name": "new york", "country": "USA"},
            {"name": "Minsk", "country": "BLR"}, {"name": None, "country": "BLR"},
        ])
    elif op == "sector":
        p["source"] = {**p["source"], "sector": rng.choice([None, "GOV", "BUS", "MIL"])}
    elif op == "sentence":
        p["sentence"] = rng.choice(sentences(article["text"]))
    elif op == "no-target":
        p["target"] = None
    elif op == "article":
        p["article_id"] = rng.choice(["elsewhere", "twin"])
    return [p]


@pytest.mark.parametrize("seed", range(20))
def test_agrees_with_score_py_on_random_damage(
    tmp_path: Path, gold: Gold, article: Art, seed: int
) -> None:
    rng = random.Random(seed)
    # a second article whose flags differ, so uncertain and negated events move around
    twin = copy.deepcopy(article) | {"id": "twin"}
    for g in twin["events"]:
        g["uncertain"] = rng.random() < 0.3
        g["negated"] = rng.random() < 0.1
    preds = []
    for art in (article, twin):
        for g in art["events"]:
            preds += _perturb(rng, art, predict(art, g))
    if rng.random() < 0.5:
        rng.shuffle(preds)  # order decides the greedy matching: both must take the same pairs
    assert_agrees(tmp_path, [article, twin], preds)


def _anchor_event(sentence: str, source: str, target: str | None, cameo: str, negated: bool = False) -> dict:
    actor = lambda code: {"text": code, "name": code, "code": code, "country": code}  # noqa: E731
    return {"article_id": "a1", "sentence": sentence, "source": actor(source),
            "target": actor(target) if target else None, "cameo": cameo, "negated": negated}


def test_anchor_check_counts_predictions_in_annotated_sentences_only():
    from accord.evaluation.anchors import anchor_check

    gold = [{"id": "a1", "text": "", "events": [
        {"quote": "Pakistan hosted Belarus", "source": {"country": "PAK"}, "target": {"country": "BLR"},
         "cameo": "042"},
        {"quote": "Pakistan hosted Belarus", "source": {"country": "BLR"}, "target": {"country": "PAK"},
         "cameo": "043"},
        {"quote": "Russia threatened Ukraine", "source": {"country": "RUS"}, "target": {"country": "UKR"},
         "cameo": "130", "negated": True},
    ]}]  # fmt: skip
    predicted = [
        _anchor_event("Pakistan hosted  Belarus on Tuesday.", "BLR", "PAK", "042"),  # all right (either gold)
        _anchor_event("Pakistan hosted Belarus on Tuesday.", "PAK", "CHN", "190"),  # source only
        _anchor_event("Pakistan hosted Belarus on Tuesday.", "PAK", "BLR", "040", negated=True),  # not counted
        _anchor_event("An unannotated sentence.", "PAK", "BLR", "042"),  # not counted
        _anchor_event("Russia threatened Ukraine.", "RUS", "UKR", "130"),  # only a negated gold: not counted
    ]
    check = anchor_check(gold, predicted)
    assert check.as_tuple() == (2, 2, 1, 1)
    assert "first actor 100.0% (2 of 2)" in check.line() and "CAMEO root 50.0% (1 of 2)" in check.line()
