"""Users' actor files, loaded beside Accord's own: a plain TSV format, or PETRARCH actor dictionaries.

Accord's format is a tab-separated file with a header line (``#`` lines are comments)::

    names                                   country  org  sector  kind     start       end
    Nordvik Shipping|Nordvik                NOR           BUS     company
    Jane Doe|Doe                            GBR           GOV     person   2021-03-01  2023-06-30
    Pacific Fisheries Commission                     PFC  IGO     organisation

``names`` lists every way the actor is written (``|``-separated); ``country`` is ISO3, ``org`` a code for
actors of no single state; ``kind`` is person, company, organisation, group or state. A person's role counts
only between ``start`` and ``end`` (ISO dates, either may be empty). Any other file is read as a PETRARCH
actor dictionary, dated roles included. Errors name the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from accord.errors import KnowledgeError
from accord.knowledge.lexicon import Cue
from accord.knowledge.people import Person
from accord.knowledge.tables import split_field

COLUMNS = ("names", "country", "org", "sector", "kind", "start", "end")
KINDS = {"person", "company", "organisation", "group", "state"}
SECTORS = set("GOV MIL POL LEG JUD PTY OPP BUS MED CVL REB NGO IGO REL EDU HLH AGR SPY CRM LAB".split())


@dataclass(frozen=True)
class UserActors:
    """What a user's actor files add: phrases for the lexicon and dated people for the people index."""

    cues: tuple[tuple[str, Cue], ...] = ()
    people: tuple[Person, ...] = ()


def load_user_actors(paths: list[Path]) -> UserActors:
    """Cues and people from each file, in order (later files win over earlier ones)."""
    cues: list[tuple[str, Cue]] = []
    people: list[Person] = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError(f"cannot read actor file {path}: {exc}") from None
        if _is_accord_format(text):
            found_cues, found_people = _parse_accord(text, str(path))
        else:
            found_cues, found_people = _parse_petrarch(path)
        cues.extend(found_cues)
        people.extend(found_people)
    return UserActors(tuple(cues), tuple(people))


def _is_accord_format(text: str) -> bool:
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            return tuple(c.strip() for c in line.split("\t")) == COLUMNS
    return False


def _parse_accord(text: str, origin: str) -> tuple[list[tuple[str, Cue]], list[Person]]:
    cues: list[tuple[str, Cue]] = []
    people: list[Person] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        row = dict(zip(COLUMNS, (c.strip() for c in line.split("\t")), strict=False))
        where = f"{origin}:{number}"
        if len(line.split("\t")) != len(COLUMNS):
            raise KnowledgeError(f"{where}: {len(line.split(chr(9)))} fields, expected {len(COLUMNS)}")
        names = split_field(row["names"])
        _check(row, names, where)
        start, end = _day(row["start"], where), _day(row["end"], where)
        if row["kind"] == "person":
            people.append(Person(name=names[0], aliases=tuple(names[1:]), country=row["country"],
                                 sector=row["sector"] or "GOV", start=start, end=end, source=origin))
            continue
        cue = Cue(kind="named", country=row["country"] or None, org=row["org"] or None,
                  sector=row["sector"] or None, actor_kind=row["kind"], name=names[0])
        cues.extend((name, cue) for name in names)
    return cues, people


def _check(row: dict[str, str], names: tuple[str, ...], where: str) -> None:
    if not names:
        raise KnowledgeError(f"{where}: no names")
    if row["kind"] not in KINDS:
        raise KnowledgeError(f"{where}: kind must be one of {', '.join(sorted(KINDS))}, got {row['kind']!r}")
    if row["sector"] and row["sector"] not in SECTORS:
        raise KnowledgeError(f"{where}: unknown sector {row['sector']!r}")
    country = row["country"]
    if country and not (len(country) == 3 and country.isalpha() and country.isupper()):
        raise KnowledgeError(f"{where}: country must be an ISO 3166-1 alpha-3 code, got {country!r}")
    if not country and not row["org"]:
        raise KnowledgeError(f"{where}: an actor needs a country or an org")
    if row["kind"] == "person" and not country:
        raise KnowledgeError(f"{where}: a person needs a country")


def _day(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KnowledgeError(f"{where}: not a date (YYYY-MM-DD): {value!r}") from None


def _parse_petrarch(path: Path) -> tuple[list[tuple[str, Cue]], list[Person]]:
    """A PETRARCH actor dictionary: every dated code becomes a role of a person-like actor."""
    from accord.knowledge.petrarch import load_actor_dictionary
    from accord.knowledge.tables import countries

    known = countries()
    cues: list[tuple[str, Cue]] = []
    people: list[Person] = []
    for actor in load_actor_dictionary(path):
        for code in actor.codes:
            country, sector = code.code[:3], code.code[3:6] or None
            if country not in known:
                continue
            if code.start is None and code.end is None:
                cue = Cue(kind="named", country=country, sector=sector, actor_kind="group", name=actor.names[0])
                cues.extend((name, cue) for name in actor.names)
            else:
                people.append(Person(name=actor.names[0], aliases=tuple(actor.names[1:]), country=country,
                                     sector=sector or "GOV", start=code.start, end=code.end, source=str(path)))
    return cues, people
