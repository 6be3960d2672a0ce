"""Fixtures of the web tests: one store with the example article, the Wikinews corpus and a hostile article."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "src" / "accord" / "data" / "pakistan-belarus-2023-05-30.txt"

# An article whose title and text carry markup: every page must show it as text, and no script may run.
HOSTILE_TITLE = 'Minsk talks <script>window.__pwned = "title"</script>'
HOSTILE_TEXT = (
    "Pakistan's foreign minister met Belarus's foreign minister in Minsk on Tuesday. "
    '<script>window.__pwned = "text"</script> <b>Bold</b> claims <img src=x onerror="window.__pwned=1"> '
    "followed.\nPakistan condemned Belarus on Wednesday <script>alert(1)</script>."
)


def _articles(shared: Path | None):
    from accord.records import Article
    from accord.sources.files import article_from_record

    yield Article.create(
        text=EXAMPLE.read_text(encoding="utf-8"),
        title="Belarus FM visits Pakistan",
        published=date(2023, 5, 30),
        published_source="option",
        source=str(EXAMPLE),
        url="https://example.org/pakistan-belarus",
    )
    yield Article.create(
        text=HOSTILE_TEXT,
        title=HOSTILE_TITLE,
        url="javascript:alert(1)",
        published=date(2023, 6, 6),
        published_source="option",
    )
    if shared is None:
        return
    with (shared / "corpus" / "wikinews.jsonl").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):  # the whole corpus, as the dashboard issue asks
            item = article_from_record(json.loads(line), f"wikinews.jsonl:{number}")
            if not hasattr(item, "reason"):
                yield item


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, coder) -> Path:
    """A store holding the example, a hostile article and (when shared/ is there) all of wikinews."""
    from accord.coder import coder_version
    from accord.store import open_store

    shared = ROOT.parent / "shared"
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    coded = list(coder.code(_articles(shared if (shared / "corpus" / "wikinews.jsonl").is_file() else None)))
    with open_store(path) as store:
        store.add_batch(
            [(c.article, c.events) for c in coded if c.failure is None],
            [c.failure for c in coded if c.failure is not None],
            coder=coder_version(),
        )
    return path


@pytest.fixture(scope="session")
def app(web_db):
    """The read-only app over web_db, its connection held (the served app opens the file per request)."""
    from accord.web import create_app

    return create_app(web_db, hold=True)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client
