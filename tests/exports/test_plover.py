"""The PLOVER export validates against the JSON schema kept beside this test (the manual's data fields)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from accord.exports import export
from accord.exports.plover import plover_score
from accord.store import open_store

SCHEMA = json.loads((Path(__file__).parent / "plover.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def records(export_store) -> list[dict]:
    sink = io.BytesIO()
    with open_store(export_store, read_only=True) as store:
        count = export(store, "plover", sink)
    lines = sink.getvalue().decode("utf-8").splitlines()
    assert count == len(lines) > 20
    return [json.loads(line) for line in lines]


def test_every_record_validates_against_the_schema(records) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for record in records:
        errors = sorted(validator.iter_errors(record), key=str)
        assert not errors, (record["id"], [e.message for e in errors])


def test_the_schema_catches_a_broken_record(records) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    broken = {**records[0], "event": ["CONDEMN"], "quad_code": 7}
    assert len(list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(broken))) == 2


def test_negation_intent_and_non_state_actors(records) -> None:
    by_source = {r["actor"][0]["actor_code"]: r for r in records if r["cite_info"]["publication"] == "Wire"}
    negated = by_source["USAGOV"]
    assert "negation" in negated["context"] and negated["event_loc"]["resolution"] == 4
    assert negated["recipient"][0]["code"] == "UNO" and negated["recipient"][0]["sector"] == "IGO"
    firm = by_source["BLRBUS"]
    assert firm["actor"][0]["code"] == "MNC" and firm["recipient"] == [] and "future" in firm["context"]
    # CAMEO 010 has no PLOVER category: not exported.
    assert not any(r["cameo"] == "010" for r in records)
    assert by_source["IGOUNO"]["date"] == "2023-06-02" and by_source["IGOUNO"]["event_loc"]["resolution"] == 1


def test_stories_link_the_two_copies(records) -> None:
    links = {}
    for record in records:
        links.setdefault(record["link"], set()).add(record["cite_info"]["publication"])
    assert any(outlets == {"The Nation", "Dawn"} for outlets in links.values())
    linked = next(r for r in records if r["cite_info"]["publication"] == "Dawn")
    assert linked["num_articles"] == 2 and linked["num_sources"] == 2


def test_plover_scores_from_the_manual() -> None:
    assert plover_score("CONSULT", "visit") == 4
    assert plover_score("CONSULT", None) == 2.5
    assert plover_score("ASSAULT", "suicide-attack") == -9.5
    assert plover_score("COERCE", "martial_law") == -7.5
    assert plover_score("AID", "unknown-mode") == 10
