"""Session fixtures: the shared/ folder beside the repository, the coder (model loaded once)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "src" / "accord" / "data" / "pakistan-belarus-2023-05-30.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared/ material (gold sets, corpora); tests that need it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip("shared/ is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def coder():
    """One Coder for the session: the spaCy model loads once."""
    from accord.coder import get_coder

    return get_coder()


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_events(example_text):
    from accord.coder import code_text

    return code_text(example_text, published="2023-05-30")
