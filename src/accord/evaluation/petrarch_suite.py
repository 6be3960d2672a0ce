"""PETRARCH's validation suite (PETR.UnitTest.records.xml) run through Accord's PETRARCH coding mode.

Each ``<Sentence>`` is coded with the dictionaries its ``<Environment>`` block names (read from the
suite's folder) on the sentence's date, and its codings (source, target, event code) are compared
exactly with its ``<EventCoding>`` records. ``<Config>`` elements between sentences change the options
of the records after them, as in PETRARCH: ``require_dyad`` is honoured; ``new_actor_length`` (coding
unknown noun phrases as quoted text) and the comma options of PETRARCH's Treebank reader are not.

A record passes when its codings are exactly the expected ones; ``noevents`` (or no ``<EventCoding>``)
expects none; ``storydiscard``/``sentencediscard`` expect that discard to fire. Records that test
PETRARCH's reading of the supplied Treebank parse or dateline (``bad_input_parse``, ``dateline``) do not
apply to a coder that parses the text itself: they are listed as not applicable, never counted.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from accord.errors import InputError, KnowledgeError

SUITE_FILE = "PETR.UnitTest.records.xml"
_NOT_APPLICABLE = {"bad_input_parse": "tests the supplied Treebank parse", "dateline": "tests PETRARCH's dateline reader"}
_DISCARDS = {"storydiscard": "story", "sentencediscard": "sentence"}


@dataclass(frozen=True, kw_only=True)
class Coding:
    """One event coding: source, target (``---`` for none) and event code, as the suite writes them."""

    source: str
    target: str
    code: str

    def __str__(self) -> str:
        return f"{self.source} {self.target} {self.code}"


@dataclass(frozen=True, kw_only=True)
class Record:
    """One ``<Sentence>`` of the suite with what it expects and the options in force for it."""

    id: str
    category: str
    day: date
    text: str
    expected: tuple[Coding, ...]
    error: str | None  # storydiscard, sentencediscard, bad_input_parse, dateline
    enabled: bool  # the record's sentence="true"; PETRARCH marks records it does not implement "false"
    require_dyad: bool
    line: int


@dataclass(frozen=True, kw_only=True)
class Environment:
    """The suite's ``<Environment>``: dictionary file names and the categories it includes."""

    verbs: str
    actors: tuple[str, ...]
    agents: str | None
    discards: str | None
    include: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """What Accord coded for one record and how it compares."""

    record: Record
    got: tuple[Coding, ...]
    discard: str | None  # "story" or "sentence" when a discard phrase fired
    passed: bool
    reproduced: int  # expected codings Accord produced
    not_applicable: str | None = None


# --- reading -------------------------------------------------------------------------------------------


def read_suite(path: str | Path) -> tuple[Environment, list[Record]]:
    """The environment and the records of a PETR.UnitTest.records.xml file, in file order."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"{path}: cannot read the PETRARCH suite ({exc})") from None
    env = root.find("Environment")
    if env is None or env.findtext("Verbfile") is None:
        raise InputError(f"{path}: no <Environment> with a <Verbfile>")
    environment = Environment(
        verbs=env.findtext("Verbfile", "").strip(),
        actors=tuple(a.text.strip() for a in env.findall("Actorfile") if a.text),
        agents=(env.findtext("Agentfile") or "").strip() or None,
        discards=(env.findtext("Discardfile") or "").strip() or None,
        include=tuple((env.findtext("Include") or "").split()),
    )
    return environment, _records(root)


def _records(root: ET.Element) -> list[Record]:
    records: list[Record] = []
    require_dyad = True
    for number, element in enumerate(root.iter()):
        if element.tag == "Config" and element.get("option") == "require_dyad":
            require_dyad = (element.get("value") or "true").strip().lower() == "true"
        elif element.tag == "Sentence":
            records.append(_record(element, require_dyad, number))
    return records


def _record(element: ET.Element, require_dyad: bool, number: int) -> Record:
    expected, error = [], None
    for coding in element.findall("EventCoding"):
        if coding.get("sourcecode") is not None:
            expected.append(Coding(source=coding.get("sourcecode", ""), target=coding.get("targetcode", "---"),
                                   code=coding.get("eventcode", "")))
        elif coding.get("error"):
            error = coding.get("error")
    raw_date = (element.get("date") or "").strip()
    try:
        day = date(int(raw_date[:4]), int(raw_date[4:6]), int(raw_date[6:8]))
    except ValueError:
        raise InputError(f"sentence {element.get('id')}: date {raw_date!r} is not YYYYMMDD") from None
    return Record(id=(element.get("id") or "").strip(), category=(element.get("category") or "").strip(),
                  day=day, text=" ".join((element.findtext("Text") or "").split()), expected=tuple(expected),
                  error=error, enabled=(element.get("sentence") or "true").strip().lower() == "true",
                  require_dyad=require_dyad, line=number)


# --- comparing -----------------------------------------------------------------------------------------

Coder = Callable[[Record], tuple[tuple[Coding, ...], str | None]]


def judge(record: Record, got: Iterable[Coding], discard: str | None) -> Outcome:
    """Compare one record's codings (and discard) with what it expects."""
    got = tuple(dict.fromkeys(got))
    if record.error in _NOT_APPLICABLE:
        return Outcome(record=record, got=got, discard=discard, passed=False, reproduced=0,
                       not_applicable=_NOT_APPLICABLE[record.error])
    if record.error in _DISCARDS:
        return Outcome(record=record, got=got, discard=discard, reproduced=0,
                       passed=discard == _DISCARDS[record.error] and not got)
    expected = set(record.expected)
    return Outcome(record=record, got=got, discard=discard, passed=set(got) == expected,
                   reproduced=len(expected & set(got)))


def run(records: Iterable[Record], coder: Coder) -> list[Outcome]:
    """Code and judge every record."""
    outcomes = []
    for record in records:
        got, discard = coder(record)
        outcomes.append(judge(record, got, discard))
    return outcomes


@dataclass(frozen=True, kw_only=True)
class Row:
    """Figures of one category (or of all records)."""

    category: str
    records: int
    passed: int
    expected: int
    reproduced: int
    not_applicable: int

    @property
    def pass_rate(self) -> float:
        return self.passed / self.records if self.records else 0.0

    @property
    def share(self) -> float:
        return self.reproduced / self.expected if self.expected else 0.0


def table(outcomes: Iterable[Outcome]) -> list[Row]:
    """One row per category (in order of first appearance), then the total row ``ALL``."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.record.category, []).append(outcome)
    rows = [_row(name, group) for name, group in groups.items()]
    rows.append(_row("ALL", [o for group in groups.values() for o in group]))
    return rows


def _row(name: str, outcomes: list[Outcome]) -> Row:
    counted = [o for o in outcomes if o.not_applicable is None]
    return Row(category=name, records=len(counted), passed=sum(o.passed for o in counted),
               expected=sum(len(o.record.expected) for o in counted),
               reproduced=sum(o.reproduced for o in counted), not_applicable=len(outcomes) - len(counted))


def format_table(rows: Iterable[Row]) -> str:
    """The per-category table as Markdown (the README shows it as printed)."""
    lines = ["| category | records | passed | pass rate | codings expected | reproduced | share |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        name = f"**{r.category}**" if r.category == "ALL" else r.category
        lines.append(f"| {name} | {r.records} | {r.passed} | {r.pass_rate:.1%} | {r.expected} | {r.reproduced} "
                     f"| {r.share:.1%} |")
    return "\n".join(lines)


def format_failures(outcomes: Iterable[Outcome]) -> str:
    """One line per record that did not pass: expected and got."""
    lines = []
    for o in outcomes:
        if o.passed or o.not_applicable:
            continue
        want = "; ".join(map(str, o.record.expected)) or (o.record.error or "no events")
        got = "; ".join(map(str, o.got)) or (f"{o.discard} discard" if o.discard else "no events")
        lines.append(f"{o.record.id} [{o.record.category}]: expected {want}; got {got}")
    return "\n".join(lines)


def suite_path(directory: str | Path) -> Path:
    """The suite file in a directory (or the file itself)."""
    path = Path(directory)
    path = path / SUITE_FILE if path.is_dir() else path
    if not path.is_file():
        raise InputError(f"{path}: no PETRARCH suite here (expected {SUITE_FILE})")
    return path


def dictionary_path(directory: Path, name: str) -> Path:
    """A dictionary the environment names, in the suite's folder."""
    path = directory / name
    if not path.is_file():
        raise KnowledgeError(f"{path}: the suite's <Environment> names it, but it is not there")
    return path
