"""The README documents every setting and every command (a missing one fails here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.cli.main import build_parser
from accord.settings import TABLE, Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [name for name, _, _ in TABLE])
def test_setting_is_documented(name):
    assert f"| {name} |" in README


def test_settings_table_and_dataclass_agree():
    assert [name for name, _, _ in TABLE] == list(Settings.__dataclass_fields__)
    defaults = Settings()
    for name, default, _ in TABLE:
        assert getattr(defaults, name) == default


def test_every_command_is_documented():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for command in commands:
        assert f"accord {command}" in README, command


def test_readme_starts_with_the_two_commands():
    head = README.split("```bash", 1)[1].split("```", 1)[0]
    assert "./scripts/demo" in head and "./scripts/test" in head


def test_environment_overrides_the_default(monkeypatch):
    monkeypatch.setenv("ACCORD_BATCH_SIZE", "7")
    assert Settings.load().batch_size == 7
    assert Settings.load(batch_size=3).batch_size == 3


def _options() -> list[tuple[str, str]]:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    return [
        (command, option)
        for command, sub in commands.items()
        for action in sub._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    ]


@pytest.mark.parametrize(("command", "option"), _options())
def test_every_long_option_is_documented(command, option):
    assert option in README, f"accord {command} {option}"
