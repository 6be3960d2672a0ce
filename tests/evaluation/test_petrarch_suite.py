"""The PETRARCH suite runner: reading the records, judging them, the per-category table and the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from accord.evaluation.petrarch_suite import Coding, Outcome, Record, judge, read_suite, table


@pytest.fixture(scope="module")
def suite(shared):
    folder = shared / "peers" / "petrarch2"
    if not (folder / "PETR.UnitTest.records.xml").is_file():
        pytest.skip("the PETRARCH2 suite is not in shared/peers")
    return folder


def _record(expected=(), error=None, category="DEMO"):
    return Record(id="X-1", category=category, day=date(1995, 1, 1), text="t", expected=tuple(expected),
                  error=error, enabled=True, require_dyad=True, line=1)


ARN_GON = Coding(source="ARN", target="GON", code="064")


def test_judge_compares_codings_exactly():
    assert judge(_record([ARN_GON]), [ARN_GON], None).passed
    wrong = judge(_record([ARN_GON, Coding(source="GON", target="ARN", code="064")]), [ARN_GON], None)
    assert not wrong.passed and wrong.reproduced == 1
    assert not judge(_record([ARN_GON]), [ARN_GON, Coding(source="ARN", target="---", code="023")], None).passed
    assert judge(_record(), [], None).passed and not judge(_record(), [ARN_GON], None).passed


def test_judge_discards_and_records_that_do_not_apply():
    assert judge(_record(error="sentencediscard"), [], "sentence").passed
    assert not judge(_record(error="storydiscard"), [], "sentence").passed
    parse = judge(_record(error="bad_input_parse"), [ARN_GON], None)
    assert parse.not_applicable and not parse.passed


def test_table_counts_per_category_and_overall():
    outcomes = [Outcome(record=_record([ARN_GON]), got=(ARN_GON,), discard=None, passed=True, reproduced=1),
                Outcome(record=_record([ARN_GON, ARN_GON], category="SYNSET"), got=(), discard=None, passed=False,
                        reproduced=0),
                Outcome(record=_record(error="bad_input_parse"), got=(), discard=None, passed=False, reproduced=0,
                        not_applicable="parse")]
    rows = {r.category: r for r in table(outcomes)}
    assert rows["DEMO"].records == 1 and rows["DEMO"].not_applicable == 1
    assert (rows["ALL"].expected, rows["ALL"].reproduced, rows["ALL"].passed) == (3, 1, 1)
    assert rows["ALL"].share == pytest.approx(1 / 3)


def test_read_suite_environment_records_and_config(suite):
    environment, records = read_suite(suite / "PETR.UnitTest.records.xml")
    assert environment.verbs == "PETR.Validate.verbs.txt" and environment.discards == "PETR.Validate.discards.txt"
    assert environment.actors == ("PETR.Validate.actors.txt",) and "SYNSET" in environment.include
    assert len(records) == 284
    by_id = {r.id: r for r in records}
    assert by_id["DEMO-00"].expected == (ARN_GON,) and by_id["DEMO-00"].day == date(1995, 1, 1)
    assert not by_id["COMPOUND-03"].require_dyad and by_id["DEMO-00"].require_dyad
    assert by_id["DISCARD-03"].error == "sentencediscard"


def test_suite_runner_on_a_few_records(suite):
    from accord.evaluation.petrarch_run import run_suite

    ids = {"DEMO-00", "SYNSET-03", "DATE-09", "COMPOUND-38", "DISCARD-01", "DISCARD-03", "VERB-20"}
    outcomes = run_suite(suite, only=ids)
    assert {o.record.id for o in outcomes} == ids
    assert all(o.passed for o in outcomes), [(o.record.id, o.got) for o in outcomes if not o.passed]
    assert table(outcomes)[-1].share == 1.0


def test_cli_prints_the_table_and_reaches_the_target(suite, capsys):
    from accord.cli.main import main

    assert main(["eval", "--petrarch-suite", str(suite), "--json"]) == 0
    import json

    rows = {r["category"]: r for r in json.loads(capsys.readouterr().out)}
    assert {"SYNSET", "COMPOUND", "PATTERN", "ALL"} <= set(rows)
    assert rows["ALL"]["share"] >= 0.70
