"""Reading sources: good input becomes Articles, bad input a Failure naming the problem and the path."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from accord.records import Article, Failure, article_id
from accord.sources import parse_published, read_sources

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EXAMPLE = SHARED / "examples" / "pakistan-belarus-2023-05-30.txt"
SEED = SHARED / "gold" / "seed.jsonl"


def read(*paths: str | Path, **options: object) -> list[Article | Failure]:
    return list(read_sources(paths, **options))  # type: ignore[arg-type]


def only_failure(items: list[Article | Failure]) -> Failure:
    assert len(items) == 1 and isinstance(items[0], Failure), items
    return items[0]


def assert_names(failure: Failure, path: Path | str, *words: str) -> None:
    assert failure.stage == "read"
    assert str(path) in failure.reason and str(path) in failure.source
    assert "\n" not in failure.reason
    for word in words:
        assert word in failure.reason, failure.reason


# ---- good inputs ---------------------------------------------------------------------------------


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared/ examples absent")
def test_example_article_reads_as_one_article() -> None:
    (article,) = read(EXAMPLE, published=date(2023, 5, 30))
    assert isinstance(article, Article)
    assert article.title == "Pakistan, Belarus to multiply cooperation in various sectors"
    assert article.published == date(2023, 5, 30) and article.published_source == "option"
    assert article.source == str(EXAMPLE)
    assert article.id == article_id(article.text, None)
    assert "Aleinik" in article.text


@pytest.mark.skipif(not SEED.exists(), reason="shared/ gold absent")
def test_seed_gold_reads_with_its_own_id_and_date() -> None:
    (article,) = read(SEED)
    assert isinstance(article, Article)
    assert article.id == "seed-2023-05-30"
    assert article.published == date(2023, 5, 30) and article.published_source == "field"
    assert article.source == f"{SEED}:1"
    assert article.outlet and article.title


def test_text_file_without_date_and_long_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 250 + "\nsecond line\n", encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.title is None and article.published is None and article.published_source is None


def test_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle\r\n\r\nBody text.\r\n")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.text == "Title\n\nBody text.\n"
    assert article.title == "Title"


def test_named_file_of_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("Pakistan and Belarus signed a deal.", encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article) and article.text.startswith("Pakistan")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Hello\r\nworld"), encoding="utf-8"))
    (article,) = read("-")
    assert isinstance(article, Article) and article.text == "Hello\nworld" and article.source == "<stdin>"


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert_names(only_failure(read("-")), "<stdin>", "empty")


def test_json_file_with_a_list_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"id": 7, "text": "One."}, {"text": ""}]), encoding="utf-8")
    article, failure = read(path)
    assert isinstance(article, Article) and article.id == "7" and article.source == f"{path}#/0"
    assert isinstance(failure, Failure)
    assert_names(failure, f"{path}#/1", "'text' is empty")


# ---- bad files -----------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert_names(only_failure(read(path)), path, "no such file")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_names(only_failure(read(path)), path, "empty file")


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\r\n  ", encoding="utf-8")
    assert_names(only_failure(read(path)), path, "only whitespace")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_names(only_failure(read(path)), path, "binary")


def test_invalid_utf8_reports_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café au lait".encode("utf-8") + " à Paris".encode("latin-1"))
    offset = len("Café au lait".encode("utf-8")) + 1
    assert_names(only_failure(read(path)), path, "invalid UTF-8", f"byte {offset}")


def test_file_over_max_bytes_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: no 50 MB write
    failure = only_failure(read(path))
    assert_names(failure, path, "50,000,000 bytes", "20,000,000")


def test_small_limit_applies_to_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("abcdef", encoding="utf-8")
    assert_names(only_failure(read(path, max_bytes=5)), path, "6 bytes", "limit of 5")


def test_html_without_article_text_is_a_failure(tmp_path: Path) -> None:
    # HTML is read by sources/html.py (tests in test_html_feeds.py); a page with no text fails by name.
    path = tmp_path / "page.html"
    path.write_text("<html><body></body></html>", encoding="utf-8")
    assert_names(only_failure(read(path)), path, "no article text")


# ---- JSONL ---------------------------------------------------------------------------------------


def test_jsonl_bad_lines_fail_alone_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First.", "published": "2023-05-30", "url": "http://x", "extra": 1}),
        '{"id": "b", "text": "broken',
        "[1, 2]",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "   "}),
        "",
        json.dumps({"id": "e", "text": "Dated badly.", "published": "last Tuesday"}),
        json.dumps({"id": 5, "text": "Datetime.", "published": "2022-06-24T17:30:00Z"}),
        '{"id": "f", "text": "cut o',
    ]
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline at the end: the last line is truncated
    items = read(path, published=date(2000, 1, 1))
    articles = [i for i in items if isinstance(i, Article)]
    failures = {f.source: f for f in items if isinstance(f, Failure)}
    assert [a.id for a in articles] == ["a", "e", "5"]
    first, undated, dated = articles
    assert first.published == date(2023, 5, 30) and first.published_source == "field"
    assert first.url == "http://x"
    assert first.source == f"{path}:1"
    assert undated.published is None and undated.published_source is None
    assert dated.published == date(2022, 6, 24)
    assert_names(failures[f"{path}:2"], f"{path}:2", "not valid JSON")
    assert_names(failures[f"{path}:3"], f"{path}:3", "array", "not an object")
    assert_names(failures[f"{path}:4"], f"{path}:4", "no 'text'")
    assert_names(failures[f"{path}:5"], f"{path}:5", "'text' is empty")
    assert_names(failures[f"{path}:7"], f"{path}:7", "'last Tuesday'", "kept without a date")
    assert failures[f"{path}:7"].article_id == "e"
    assert_names(failures[f"{path}:9"], f"{path}:9", "truncated last line")
    assert len(failures) == 6


def test_jsonl_record_without_date_takes_the_option(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "No id, no date."}) + "\n", encoding="utf-8")
    (article,) = read(path, published=date(2024, 1, 2))
    assert isinstance(article, Article)
    assert article.published == date(2024, 1, 2) and article.published_source == "option"
    assert article.id == article_id("No id, no date.", None)


def test_jsonl_invalid_utf8_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = (json.dumps({"id": "a", "text": "ok"}) + "\n").encode()
    bad = b'{"id": "b", "text": "caf\xe9"}\n'
    path.write_bytes(good + bad + good)
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    offset = len(good) + bad.index(0xE9)
    assert_names(items[1], f"{path}:2", "invalid UTF-8", f"byte {offset}")  # type: ignore[arg-type]


def test_jsonl_overlong_line_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    big = json.dumps({"id": "big", "text": "x" * 5000})
    path.write_text(big + "\n" + json.dumps({"id": "small", "text": "ok"}) + "\n", encoding="utf-8")
    failure, article = read(path, max_bytes=1000)
    assert_names(failure, f"{path}:1", "limit of 1,000")  # type: ignore[arg-type]
    assert isinstance(article, Article) and article.id == "small" and article.source == f"{path}:2"


def test_jsonl_empty_and_binary(tmp_path: Path) -> None:
    empty, binary = tmp_path / "empty.jsonl", tmp_path / "binary.jsonl"
    empty.write_text("\n\n  \n", encoding="utf-8")
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert_names(only_failure(read(empty)), empty, "empty")
    assert_names(only_failure(read(binary)), binary, "binary")


# ---- directories ---------------------------------------------------------------------------------


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("hidden dir", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Article A.", encoding="utf-8")
    (tmp_path / "b" / "c.md").write_text("Article C.", encoding="utf-8")
    (tmp_path / "b" / "deep" / "d.jsonl").write_text(json.dumps({"id": "d", "text": "D."}), encoding="utf-8")
    (tmp_path / "b" / "empty.text").write_bytes(b"")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "z.txt").write_bytes(b"\xff\xfe")
    items = read(tmp_path)
    summary = [(type(i).__name__, Path(i.source.split(":")[0]).name) for i in items]
    assert summary == [
        ("Article", "a.txt"),
        ("Article", "c.md"),
        ("Article", "d.jsonl"),
        ("Failure", "empty.text"),
        ("Failure", "c.pdf"),
        ("Failure", "z.txt"),
    ]
    assert_names(items[4], tmp_path / "c.pdf", "skipped", ".pdf")  # type: ignore[arg-type]
    assert all("hidden" not in i.text for i in items if isinstance(i, Article))


def test_paths_keep_input_order(tmp_path: Path) -> None:
    first, second = tmp_path / "z.txt", tmp_path / "a.txt"
    first.write_text("Zed.", encoding="utf-8")
    second.write_text("Ay.", encoding="utf-8")
    items = read(first, tmp_path / "missing.txt", second)
    assert [Path(i.source).name for i in items] == ["z.txt", "missing.txt", "a.txt"]


def test_empty_directory(tmp_path: Path) -> None:
    assert_names(only_failure(read(tmp_path)), tmp_path, "no input files")


def test_unreadable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "a.txt").write_text("Readable.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        # Root ignores chmod 000, so the refusal is simulated where the reader meets it.
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    article, failure = read(tmp_path)
    assert isinstance(article, Article)
    assert_names(failure, locked, "cannot list directory", "Permission denied")  # type: ignore[arg-type]


def test_symlink_loop_is_cut(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Article", "Failure"]
    assert "loop" in items[1].reason


# ---- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-05-30", date(2023, 5, 30)),
        ("2022-06-24T17:30:00Z", date(2022, 6, 24)),
        ("2021-05-20T22:14:56+00:00", date(2021, 5, 20)),
        ("2021-05-20 22:14", date(2021, 5, 20)),
        (date(2020, 2, 29), date(2020, 2, 29)),
        (datetime(2020, 2, 29, 23, 0), date(2020, 2, 29)),
        (None, None),
        ("  ", None),
    ],
)
def test_parse_published(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value", ["May 30, 2023", "2023-02-30", "20230530", "2023-05", 20230530, "2023-05-30x"]
)
def test_parse_published_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_published(value)
