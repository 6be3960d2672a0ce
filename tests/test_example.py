"""Golden tests: the example article against its expert annotation (shared/gold/seed.jsonl).

Expectations come from the gold file, not from Accord's output.
"""

from __future__ import annotations

import json

import pytest

from accord.evaluation.scoring import load_gold, score


@pytest.fixture(scope="module")
def seed(shared):
    return load_gold(shared / "gold" / "seed.jsonl")[0]


def _entity(actor):
    return (actor or {}).get("country") or (actor or {}).get("org")


def test_seed_text_is_the_bundled_example(seed, example_text):
    assert seed["text"].split() == example_text.split()


def test_root_level_f1_on_the_seed(seed, example_events):
    predicted = [dict(e.to_json(), article_id=seed["id"]) for e in example_events]
    result = score([seed], predicted)
    assert result.f1 >= 0.8, result.as_dict()
    assert result.traps == 0


def test_every_certain_gold_event_is_found(seed, example_events):
    for gold in seed["events"]:
        if gold["uncertain"] or gold["negated"]:
            continue
        quote = " ".join(gold["quote"].split())
        hits = [
            e for e in example_events
            if quote in " ".join(e.sentence.split())
            and e.source.entity == _entity(gold["source"])
            and (e.target.entity if e.target else None) == _entity(gold["target"])
            and e.cameo[:2] == gold["cameo"][:2]
            and not e.negated
        ]
        assert hits, f"missed {gold['cameo']} {_entity(gold['source'])}->{_entity(gold['target'])}: {quote}"


def test_refraining_from_condemning_is_not_a_condemnation(example_events):
    condemn = [e for e in example_events if e.cameo_root == "11" and "condemning" in e.sentence]
    assert condemn, "the negated event should still be reported, marked negated"
    assert all(e.negated for e in condemn)


def test_arrival_is_dated_today_and_placed_in_islamabad(example_events):
    arrivals = [e for e in example_events if e.cameo == "042" and e.trigger and e.trigger.text == "arrives"]
    assert arrivals
    for event in arrivals:
        assert event.date.isoformat() == "2023-05-30"
        assert event.date_precision == "day"
        assert event.location is not None and event.location.country == "PAK"


def test_dateline_is_not_part_of_a_sentence(example_events):
    assert not any(e.sentence.startswith("ISLAMABAD") for e in example_events)


def test_trigger_offsets_point_into_the_article(example_text, example_events):
    for event in example_events:
        assert example_text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_events_follow_the_json_contract(example_events):
    from accord.records import Event

    for event in example_events:
        data = json.loads(json.dumps(event.to_json()))
        assert set(data["plover"]) == {"event", "mode", "contexts"}
        assert data["cameo"].isdigit() and data["cameo"][:2] == data["cameo_root"]
        assert 1 <= data["quad_class"] <= 4
        assert Event.from_json(data) == event
