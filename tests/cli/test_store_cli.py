"""`accord ingest`, `recode`, `failures`, `query` and `export` end to end, in process through main(argv)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import pytest

from accord.cli.main import main
from accord.coder import coder_version
from accord.settings import Settings
from accord.store import open_store


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _counts(db: Path) -> dict[str, int]:
    with open_store(db, read_only=True) as store:
        return store.counts()


@pytest.fixture
def wikinews20(shared, tmp_path) -> Path:
    path = tmp_path / "wikinews20.jsonl"
    lines = (shared / "corpus" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:20]), encoding="utf-8")
    return path


def test_ingest_twice_stores_nothing_new(capsys, tmp_path, wikinews20) -> None:
    db = tmp_path / "news.duckdb"
    code, out, err = _run(capsys, "ingest", str(wikinews20), "--db", str(db))
    assert code == 0, err
    assert "20 new article(s), 0 already stored, 0 failed" in err and out == ""
    first = _counts(db)
    code, _, err = _run(capsys, "ingest", str(wikinews20), "--db", str(db))
    assert code == 0 and "0 new article(s), 20 already stored, 0 failed; 0 event(s)" in err
    assert _counts(db) == first and first["articles"] == 20


@pytest.mark.slow
def test_ingest_the_whole_wikinews_corpus_twice(capsys, shared, tmp_path) -> None:
    corpus = shared / "corpus" / "wikinews.jsonl"
    db = tmp_path / "news.duckdb"
    code, _, err = _run(capsys, "ingest", str(corpus), "--db", str(db))
    assert code == 0 and "273 new article(s)" in err
    first = _counts(db)
    code, _, err = _run(capsys, "ingest", str(corpus), "--db", str(db))
    assert code == 0 and "0 new article(s), 273 already stored" in err
    assert _counts(db) == first


def test_bad_inputs_each_end_in_the_failures_table_and_the_rest_is_stored(capsys, tmp_path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text("Germany imposed sanctions on Russia.\n", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (inputs / "latin1.txt").write_bytes("Caf\xe9 talks in Paris".encode("latin-1"))
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "corpus.jsonl").write_text(
        '{"id": "j1", "text": "France condemned Iran.", "published": "2021-01-05"}\n'
        '{"id": "j2", "text": "Japan hosted Modi.", "published": "2021-01-06"}\n'
        '{"id": "j3", "text": "Cut off in the mid',
        encoding="utf-8",
    )
    (inputs / "broken.rss").write_bytes(b"<rss><channel><item><title>x</ti")
    with (inputs / "huge.txt").open("wb") as handle:
        handle.write(b"Iran threatened Israel. " * (50 * 1024 * 1024 // 24 + 1))
    db = tmp_path / "store.duckdb"
    code, _, err = _run(capsys, "ingest", str(inputs), "--db", str(db))
    assert code == 1 and "3 new article(s), 0 already stored, 6 failed" in err and "Traceback" not in err
    with open_store(db, read_only=True) as store:
        assert store.counts()["articles"] == 3
        reasons = {Path(f.source.split(":")[0]).name: f.reason for f in store.failures()}
    assert "binary" in reasons["binary.txt"] and "UTF-8" in reasons["latin1.txt"]
    assert "empty" in reasons["empty.txt"] and "truncated" in reasons["corpus.jsonl"]
    assert "feed" in reasons["broken.rss"] and "max_bytes" in reasons["huge.txt"]
    code, out, _ = _run(capsys, "failures", "--db", str(db), "--format", "json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 6 and all(row["attempts"] == 1 for row in listed)
    # Again: nothing new, each failure counted a second time rather than doubled.
    code, _, err = _run(capsys, "ingest", str(inputs), "--db", str(db))
    assert "0 new article(s), 3 already stored, 6 failed" in err
    assert _counts(db) == {"articles": 3, "events": _counts(db)["events"], "failures": 6}
    code, out, _ = _run(capsys, "failures", "--db", str(db), "--format", "csv", "--stage", "read")
    assert out.splitlines()[0].startswith("failed_at,stage,source,reason,attempts") and ",2," in out


def test_only_bad_input_is_an_input_error(capsys, tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00")
    code, _, err = _run(capsys, "ingest", str(bad), "--db", str(tmp_path / "s.duckdb"))
    assert code == 3 and "E100 no input could be read" in err


def test_a_second_writer_is_refused(capsys, tmp_path) -> None:
    db = tmp_path / "s.duckdb"
    text = tmp_path / "a.txt"
    text.write_text("China criticized Japan.", encoding="utf-8")
    with open_store(db):
        code, _, err = _run(capsys, "ingest", str(text), "--db", str(db))
    assert code == 7 and "E500" in err and "being written by Accord pid" in err


def test_recode_replaces_the_events_of_articles_coded_by_another_version(capsys, tmp_path) -> None:
    db = tmp_path / "s.duckdb"
    text = tmp_path / "a.txt"
    text.write_text("Germany imposed sanctions on Russia. China criticized Japan.", encoding="utf-8")
    _run(capsys, "ingest", str(text), "--db", str(db), "--published", "2022-03-01")
    before = _counts(db)
    code, _, err = _run(capsys, "recode", "--db", str(db))
    assert code == 0 and "0 article(s) re-coded" in err  # nothing stale
    con = duckdb.connect(str(db))
    con.execute("UPDATE articles SET coder = 'accord-0.0.1'")
    con.execute("UPDATE events SET coder = 'accord-0.0.1'")
    con.close()
    code, _, err = _run(capsys, "recode", "--db", str(db))
    assert code == 0 and "1 article(s) re-coded" in err
    assert _counts(db) == before
    with open_store(db, read_only=True) as store:
        assert {e.coder for e in store.events()} == {coder_version(Settings())}
    code, _, err = _run(capsys, "recode", "--db", str(db), "--all")
    assert "1 article(s) re-coded" in err and _counts(db) == before


def test_query_and_export_from_the_command_line(capsys, tmp_path, monkeypatch) -> None:
    db = tmp_path / "s.duckdb"
    code, _, err = _run(capsys, "demo", "--db", str(db))
    assert code == 0, err
    code, out, _ = _run(
        capsys, "query", "events", "--db", str(db), "--dyad", "BLRGOV", "PAK", "--format", "json"
    )
    events = json.loads(out)
    assert code == 0 and events and all(e["source_code"] == "BLRGOV" for e in events)
    code, out, _ = _run(
        capsys,
        "query",
        "series",
        "--db",
        str(db),
        "--dyad",
        "PAK",
        "BLR",
        "--freq",
        "week",
        "--format",
        "csv",
    )
    assert out.splitlines()[0].startswith("period,events,verbal_coop") and "2023-05-29" in out
    code, out, _ = _run(capsys, "query", "dyads", "--db", str(db), "--format", "table", "--limit", "3")
    assert (
        out.splitlines()[0].split()[:3] == ["SOURCE_CODE", "TARGET_CODE", "EVENTS"]
        and len(out.splitlines()) == 4
    )
    code, out, _ = _run(capsys, "query", "stories", "--db", str(db), "--min-articles", "1", "--code", "04")
    assert code == 0 and "042" in out
    code, _, err = _run(capsys, "query", "series", "--db", str(db))
    assert code == 2 and "--dyad" in err
    for fmt in ("jsonl", "csv", "gdelt", "plover"):
        target = tmp_path / f"out.{fmt}"
        code, _, err = _run(capsys, "export", "--db", str(db), "--format", fmt, "-o", str(target))
        assert code == 0 and f"exported as {fmt}" in err and target.stat().st_size > 0
    buffer = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(buffer, encoding="utf-8"))
    assert main(["export", "--db", str(db), "--format", "jsonl", "--actor", "BLR"]) == 0
    lines = buffer.getvalue().decode().splitlines()
    assert lines and all(
        "BLR"
        in (json.loads(x)["source"]["country"] or "") + ((json.loads(x)["target"] or {}).get("country") or "")
        for x in lines
    )


def test_query_of_a_missing_store_is_one_line(capsys, tmp_path) -> None:
    code, _, err = _run(capsys, "query", "events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 7 and err.startswith("accord: E500 cannot open store") and len(err.splitlines()) == 1


def test_progress_line_only_on_a_terminal() -> None:
    from accord.cli.progress import ProgressLine
    from accord.store.jobs import Tally

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe, term = io.StringIO(), Terminal()
    for out in (pipe, term):
        line = ProgressLine(out)
        line(Tally(new=12, events=30, failed=1))
        line.finish()
    assert pipe.getvalue() == ""
    assert (
        "12 coded" in term.getvalue() and "articles/s" in term.getvalue() and "30 events" in term.getvalue()
    )


@pytest.mark.parametrize("option", [["--workers", "2"], ["--scheduler", "tcp://h:8786"], ["--shard-size", "5"],
                                    ["--parquet", "out"]])
def test_dask_options_need_the_dask_engine(capsys, tmp_path, wikinews20, option) -> None:
    code, _, err = _run(capsys, "ingest", str(wikinews20), "--db", str(tmp_path / "x.duckdb"), *option)
    assert code == 2 and f"{option[0]} only with --engine dask" in err
    assert not (tmp_path / "x.duckdb").exists()


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_worker_and_shard_counts_must_be_positive(capsys, tmp_path, wikinews20, value) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["ingest", str(wikinews20), "--engine", "dask", "--workers", value])
    assert caught.value.code == 2 and "at least 1" in capsys.readouterr().err


def test_ingest_on_a_local_dask_cluster_matches_the_local_engine(capsys, tmp_path, wikinews20) -> None:
    pytest.importorskip("distributed")
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    assert _run(capsys, "ingest", str(wikinews20), "--db", str(local))[0] == 0
    code, _, err = _run(capsys, "ingest", str(wikinews20), "--db", str(dask), "--engine", "dask",
                        "--workers", "1", "--shard-size", "4")  # fmt: skip
    assert code == 0, err
    assert "20 new article(s), 0 already stored, 0 failed" in err
    assert f"events as Parquet by date in {tmp_path / 'dask.parquet'}" in err
    query = "SELECT id, cameo, source_code, target_code, date FROM events ORDER BY id"
    with open_store(local, read_only=True) as a, open_store(dask, read_only=True) as b:
        assert a.arrow(query) == b.arrow(query) and a.counts()["events"] > 0
