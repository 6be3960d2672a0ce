"""The `accord` command line, in process through main(argv) and once as the installed script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from accord.cli.main import main


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _events(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_code_a_text_file_as_jsonl(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Russian troops invaded Ukraine on Thursday.\n", encoding="utf-8")
    code, out, err = _run(capsys, "code", str(path), "--format", "jsonl", "--published", "2022-02-25")
    assert code == 0, err
    events = _events(out)
    assert any(e["source"]["country"] == "RUS" and e["target"]["country"] == "UKR" and e["cameo_root"] == "19"
               for e in events)
    assert all(e["date"] == "2022-02-24" for e in events if e["cameo_root"] == "19")


def test_code_a_jsonl_file_keeps_record_ids(capsys, tmp_path):
    path = tmp_path / "arts.jsonl"
    records = [
        {"id": "a1", "text": "France condemned Iran's nuclear programme.", "published": "2021-01-05"},
        {"id": "a2", "text": "Japan hosted Indian Prime Minister Modi in Tokyo.", "published": "2021-01-06"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    code, out, _ = _run(capsys, "code", str(path), "--format", "jsonl")
    assert code == 0
    assert {e["article_id"] for e in _events(out)} <= {"a1", "a2"}
    assert any(e["article_id"] == "a1" and e["cameo_root"] == "11" for e in _events(out))


def test_table_format_has_a_header_and_rows(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Germany imposed sanctions on Russia.", encoding="utf-8")
    code, out, _ = _run(capsys, "code", str(path), "--format", "table")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["SENT", "SOURCE", "CAMEO", "TARGET"]
    assert any("163" in line and "DEU" in line and "RUS" in line for line in lines[1:])


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"China criticized Japan.")))
    code, out, _ = _run(capsys, "code", "-", "--format", "jsonl")
    assert code == 0
    assert any(e["cameo_root"] == "11" for e in _events(out))


def test_directory_with_mixed_files_codes_the_good_and_reports_the_bad(capsys, tmp_path):
    (tmp_path / "good.txt").write_text("Canada welcomed the Mexican president.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = _run(capsys, "code", str(tmp_path), "--format", "jsonl")
    assert code == 1  # something was skipped
    assert "binary.txt" in err and "latin1.txt" in err and "empty.txt" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 3


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"),
    (b"\x00\x00binary\x00", "binary"),
    (b"\xff\xfe\xfa not utf-8", "UTF-8"),
])
def test_a_single_bad_file_fails_with_one_line_and_non_zero(capsys, tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = _run(capsys, "code", str(path))
    assert code != 0
    assert out == ""
    assert problem.lower() in err.lower() and "bad.txt" in err
    assert "Traceback" not in err


def test_missing_file(capsys):
    code, _, err = _run(capsys, "code", "/nonexistent/article.txt")
    assert code == 3
    assert "no such file" in err


def test_too_large_file_is_skipped_not_read(capsys, tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(b"Iran threatened Israel. " * (50 * 1024 * 1024 // 24))
    code, _, err = _run(capsys, "code", str(path))
    assert code != 0
    assert "big.txt" in err and "limit" in err.lower()


def test_bad_published_date_is_a_usage_error(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["code", str(path), "--published", "30/05/2023"])
    assert exc.value.code == 2


def test_eval_on_the_seed_prints_the_scores(capsys, shared):
    code, out, _ = _run(capsys, "eval", str(shared / "gold" / "seed.jsonl"), "--json")
    assert code == 0
    figures = json.loads(out)
    assert figures["f1"] >= 0.8
    assert figures["traps_fired"] == 0


def test_eval_agrees_with_the_independent_scorer(capsys, shared, tmp_path):
    gold = shared / "gold" / "seed.jsonl"
    code, out, _ = _run(capsys, "code", str(gold), "--format", "jsonl")
    assert code == 0
    predictions = tmp_path / "events.jsonl"
    predictions.write_text(out, encoding="utf-8")
    theirs = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(gold), str(predictions)],
                            capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    code, ours, _ = _run(capsys, "eval", str(gold), "--predictions", str(predictions), "--json")
    assert json.loads(ours) == json.loads(theirs)


def test_eval_on_a_malformed_gold_file_names_the_line(capsys, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x", "text": "t", "events": []}\n{not json\n', encoding="utf-8")
    code, _, err = _run(capsys, "eval", str(gold))
    assert code == 8
    assert "gold.jsonl:2" in err


def test_demo_stores_the_example_and_prints_its_events(capsys, tmp_path):
    db = tmp_path / "demo.duckdb"
    code, out, err = _run(capsys, "demo", "--db", str(db))
    assert code == 0, err
    assert "042" in out and "BLR" in out and "PAK" in out
    code, out2, err2 = _run(capsys, "demo", "--db", str(db))
    assert "0 new article(s), 1 already stored" in err2
    from accord.store import open_store

    with open_store(db) as store:
        assert store.counts()["articles"] == 1


def test_installed_script_runs(tmp_path):
    script = Path(sys.executable).parent / "accord"
    if not script.exists():
        pytest.skip("console script not installed beside this interpreter")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("accord ")
