"""scripts/gsr_orgs.py: the GSR's dyad figure by the shared check's rule and with organisations read from
Accord's `org` field (hand-made records in the GSR's format)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "gsr_orgs.py"


@pytest.fixture(scope="module")
def gsr_orgs():
    spec = importlib.util.spec_from_file_location("gsr_orgs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RECORDS = [
    {"id": "a", "event": "DEMAND", "source": [{"code": "IGO"}], "target": [{"code": "ISR"}]},
    {"id": "b", "event": "CONSULT", "source": [{"code": "RUS"}], "target": [{"code": "JAP"}]},
    {"id": "c", "event": "ASSAULT", "source": [{"code": "SYR"}], "target": [{"code": "LBN"}]},
]


def _event(event, source, target, **extra):
    return {"plover": {"event": event}, "source": source, "target": target, "negated": False, **extra}


EVENTS = {
    "a": [_event("REQUEST", {"country": None, "org": "UN", "sector": "IGO"}, {"country": "ISR"})],
    "b": [_event("CONSULT", {"country": "RUS"}, {"country": "JPN"})],
    "c": [_event("ASSAULT", {"country": "SYR"}, {"country": "LBN"}, negated=True)],  # denied: not counted
}


def test_the_checks_own_rule_counts_countries_only(gsr_orgs):
    assert gsr_orgs.score(RECORDS, EVENTS, contract=False) == (2, 0)


def test_an_org_reads_as_igo_and_old_codes_as_iso(gsr_orgs):
    assert gsr_orgs.score(RECORDS, EVENTS, contract=True) == (2, 2)


def test_bad_input_is_one_line_and_exit_code_1(gsr_orgs, tmp_path, capsys):
    assert gsr_orgs.main(["gsr_orgs.py", str(tmp_path / "missing.json"), str(tmp_path / "x.jsonl")]) == 1
    assert capsys.readouterr().err.count("\n") == 1
