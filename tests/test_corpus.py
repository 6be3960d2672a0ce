"""Corpus-wide runs (slow: `./scripts/test -m slow`): Accord codes whole corpora to the end, no failure."""

from __future__ import annotations

import json

import pytest

from accord.cli.main import main


@pytest.mark.slow
def test_wikinews_is_coded_to_the_end_without_a_failure(shared, capsys):
    corpus = shared / "corpus" / "wikinews.jsonl"
    code = main(["code", str(corpus), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "skipped" not in err
    events = [json.loads(line) for line in out.splitlines()]
    ids = {json.loads(line)["id"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert {e["article_id"] for e in events} <= ids
    assert len({e["article_id"] for e in events}) >= 20
