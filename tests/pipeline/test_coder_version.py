"""The coder version changes with what changes the events, and only with that: `recode` relies on it."""

from __future__ import annotations

import os

import pytest

from accord import __version__
from accord.coder import coder_version
from accord.settings import Settings


def test_the_version_names_accord_and_its_release() -> None:
    assert coder_version(Settings()).startswith(f"accord-{__version__}+")


@pytest.mark.parametrize("change", [{"db": "other.duckdb"}, {"batch_size": 4}, {"selective": False},
                                    {"lock_timeout": 1}, {"fetch_timeout": 1}, {"max_bytes": 10}])
def test_settings_that_do_not_change_the_events_keep_the_version(change) -> None:
    assert coder_version(Settings(**change)) == coder_version(Settings())


@pytest.mark.parametrize("change", [{"require_target": False}, {"modalities": "asserted"}, {"coder": "both"},
                                    {"model": "en_core_web_md"}])
def test_settings_that_change_the_events_change_the_version(change) -> None:
    assert coder_version(Settings(**change)) != coder_version(Settings())


def test_a_users_pattern_file_and_its_content_change_the_version(tmp_path) -> None:
    patterns = tmp_path / "mine.txt"
    patterns.write_text("", encoding="utf-8")
    empty = coder_version(Settings(patterns=str(patterns)))
    assert empty != coder_version(Settings())
    patterns.write_text("042 visit > dobj:ACTOR\n", encoding="utf-8")
    assert coder_version(Settings(patterns=str(patterns))) != empty
    other = tmp_path / "actors.tsv"
    other.write_text("", encoding="utf-8")
    both = Settings(patterns=str(patterns), actors=str(other))
    assert coder_version(both) != coder_version(Settings(patterns=str(patterns)))
    assert coder_version(Settings(patterns=os.pathsep.join([str(patterns), str(other)]))) != coder_version(both)


def test_without_settings_the_environment_decides(monkeypatch) -> None:
    monkeypatch.setenv("ACCORD_REQUIRE_TARGET", "false")
    assert coder_version() == coder_version(Settings(require_target=False))
