"""People and the offices they held, with dates: the loader of people.tsv and people_recent.tsv, and a lookup.

people.tsv comes from PETRARCH2's Phoenix dictionaries (roles to about 2014, source ``phoenix``; built by
scripts/build_people.py); people_recent.tsv is Accord's own table of heads of state and government, foreign
and defence ministers since 2015 (source ``accord``). Where both know a person in the same country and
sector, Accord's rows win: a Phoenix role that starts within one of them is left out of the index, and an
open-ended one that began earlier ends the day before it, or on the day Phoenix's table was made if that is
earlier (Phoenix's open-ended "Secretary of State since 2013" would otherwise still hold after the term
ended; Erdogan's premiership from 2003 is no longer lost to his presidency from 2014); earlier, closed
Phoenix roles stay.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import resources

from accord.errors import KnowledgeError
from accord.knowledge.tables import split_field

_PACKAGE = "accord.knowledge.data"
FILES = ("people.tsv", "people_recent.tsv")
COLUMNS = ("name", "aliases", "country", "sector", "start", "end", "source")
SECTORS = frozenset(
    "GOV MIL POL LEG JUD PTY OPP BUS MED CVL REB NGO IGO REL EDU HLH AGR SPY CRM LAB".split()
)


@dataclass(frozen=True, kw_only=True)
class Person:
    """A person in one role: the office's country and sector, held from `start` to `end` (None: open)."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    start: date | None
    end: date | None
    source: str

    def holds_on(self, day: date) -> bool:
        """True when the role was held on `day` (limits included, open ends open)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def fold(text: str) -> str:
    """The key names are compared on, without accents, case or punctuation ("al-Assád" -> "al assad")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def parse_people(text: str, *, source: str) -> list[Person]:
    """Parse a people TSV (header line; '#' comment lines anywhere); errors name the file and line."""
    header: list[str] | None = None
    out: list[Person] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        where = f"{source}, line {number}"
        if header is None:
            if tuple(fields) != COLUMNS:
                raise KnowledgeError(f"{where}: header must be {' '.join(COLUMNS)}")
            header = fields
            continue
        if len(fields) != len(COLUMNS):
            raise KnowledgeError(
                f"{where}: {len(fields)} fields, expected {len(COLUMNS)} ({' '.join(COLUMNS)})"
            )
        out.append(_person(dict(zip(COLUMNS, fields, strict=True)), where=where))
    if header is None:
        raise KnowledgeError(f"{source}: no header line")
    return out


def _person(row: dict[str, str], *, where: str) -> Person:
    if not row["name"]:
        raise KnowledgeError(f"{where}: empty name")
    if not re.fullmatch(r"[A-Z]{3}", row["country"]):
        raise KnowledgeError(f"{where}: {row['country']!r} is not an ISO3 country code")
    if row["sector"] not in SECTORS:
        raise KnowledgeError(f"{where}: {row['sector']!r} is not a sector of gold/FORMAT.md")
    start, end = _date(row["start"], where=where), _date(row["end"], where=where)
    if start and end and end < start:
        raise KnowledgeError(f"{where}: ends ({end}) before it starts ({start})")
    return Person(
        name=row["name"],
        aliases=split_field(row["aliases"]),
        country=row["country"],
        sector=row["sector"],
        start=start,
        end=end,
        source=row["source"],
    )


def _date(value: str, *, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise KnowledgeError(f"{where}: {value!r} is not an ISO date") from exc


@functools.lru_cache(maxsize=1)
def people() -> tuple[Person, ...]:
    """Every row of people.tsv and people_recent.tsv."""
    out: list[Person] = []
    for name in FILES:
        try:
            text = resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
        except (FileNotFoundError, OSError) as exc:
            raise KnowledgeError(f"{name}: cannot be read ({exc})") from exc
        out.extend(parse_people(text, source=name))
    return tuple(out)


def _overlap(a: Person, b: Person) -> bool:
    return (a.start or date.min) <= (b.end or date.max) and (b.start or date.min) <= (a.end or date.max)


def _not_earlier(phoenix: Person, accord: Person) -> bool:
    """True unless the Phoenix role is an earlier, closed one (Lavrov at the UN before his FM term)."""
    if phoenix.end is None or accord.start is None:
        return True
    return phoenix.start is not None and phoenix.start >= accord.start


# The day Phoenix's country table was made (CountryInfo.140130.txt): its open roles were open then.
PHOENIX_AS_OF = date(2014, 1, 30)


def _reconciled(persons: list[Person]) -> list[Person]:
    """The rows with Phoenix's replaced where an Accord row of the same person, country and sector tells
    the same time: Phoenix stops around 2014, so its open ends and its later terms are Accord's to tell. A
    Phoenix row open at its end that began before the Accord row ends the day before it, or on the day
    Phoenix's table was made if that is earlier (Erdogan, prime minister from 2003, is Accord's president
    from 2014: he was no one's in between otherwise); one that starts within an Accord row goes."""
    accord: dict[tuple[str, str, str], list[Person]] = {}
    for person in persons:
        if person.source != "phoenix":
            for name in person.names:
                accord.setdefault((fold(name), person.country, person.sector), []).append(person)
    kept = []
    for person in persons:
        rivals = accord.get((fold(person.name), person.country, person.sector), []) \
            if person.source == "phoenix" else []
        overlapping = [r for r in rivals if _overlap(person, r) and _not_earlier(person, r)]
        if overlapping:
            starts = [r.start for r in overlapping if r.start is not None]
            if person.end is not None or person.start is None or not starts or person.start >= min(starts):
                continue
            # Phoenix knew the role open on the day its table was made, and nothing after it
            person = replace(person, end=min(min(starts) - timedelta(days=1), PHOENIX_AS_OF))
        kept.append(person)
    return kept


# Countries whose people put the family name first, as news from there often writes them in English too.
FAMILY_NAME_FIRST = frozenset({"JPN", "CHN", "KOR", "PRK", "TWN", "HUN"})


class PeopleIndex:
    """Find a person's role by name (full name or alias; case- and accent-insensitive) and date."""

    def __init__(self, persons: Iterable[Person]) -> None:
        rows = _reconciled(list(persons))
        self._by_name: dict[str, list[tuple[Person, bool]]] = {}
        self._by_surname: dict[str, list[Person]] = {}
        # Names turned round, kept apart: their last words are given names, which must not look like
        # surnames to last_words() ("He Lifeng" turned would make every "He" a name).
        self._turned: dict[str, list[tuple[Person, bool]]] = {}
        for person in rows:
            keys = {fold(person.name): True}
            for alias in person.aliases:
                keys.setdefault(fold(alias), False)
            for key, is_main in keys.items():
                if key:
                    self._by_name.setdefault(key, []).append((person, is_main))
            for surname in {key.split()[-1] for key in keys if len(key.split()) > 1}:
                self._by_surname.setdefault(surname, []).append(person)
            if person.country in FAMILY_NAME_FIRST:
                # "Suga Yoshihide", as US and Japanese readouts write him, is the table's Yoshihide Suga; the
                # turned name is no surname of its own (its last word is his given name).
                for key in [k for k in keys if len(k.split()) == 2]:
                    turned = " ".join(reversed(key.split()))
                    if turned not in keys:
                        self._turned.setdefault(turned, []).append((person, False))

    def last_words(self) -> frozenset[str]:
        """The folded last word of every name and alias: a cheap test of whether a word may name a person."""
        return frozenset(key.split()[-1] for key in self._by_name)

    def candidates(self, name: str) -> list[Person]:
        """Every role of every person known by `name`."""
        return [person for person, _ in self._by_name.get(fold(name), [])]

    def lookup(self, name: str, on: date | None = None) -> Person | None:
        """The role `name` held on `on` (latest start wins), or their most recent role when `on` is None."""
        found = self._by_name.get(fold(name)) or self._turned.get(fold(name), [])
        if on is not None:
            found = [(person, is_main) for person, is_main in found if person.holds_on(on)]
        if not found:
            return None
        def rank(item: tuple[Person, bool]) -> tuple[bool, date, date, bool, bool]:
            person, is_main = item
            # On a given day Accord's own table of leaders beats Phoenix's, which lists a monarch shared by
            # several realms under each of them ("Queen Elizabeth II" of Saint Kitts and Nevis).
            curated = on is not None and person.source != "phoenix"
            return (curated, person.start or date.min, person.end or date.max, is_main, person.source != "phoenix")

        return max(found, key=rank)[0]


    def by_surname(self, surname: str, on: date | None = None, *, sector: str | None = None,
                   given: str | None = None, current: bool = False) -> Person | None:
        """The role of the one country's person a surname names ("President Bush"), else None.

        Only people of the office's `sector` count, and of the `given` first name when the text writes one
        ("Omar El Bashir" is Omar Hassan al-Bashir; "prosecutor Elie Honig" is no Hungarian minister).
        Those holding a role on `on` are asked first (after 2014 those of Accord's own table before Phoenix's
        presumed ones); with none, everyone left. The surname resolves only
        when all of them are of one country: "Bashir" in 2000 is Sudan's president whatever other Bashirs
        served later, "Khan" or "Lee" stays unknown. The caller asks only when the text gives an office
        ("President", "General"), so a surname is never read as a person on its own. With `current`, only
        those holding a role on `on` count.
        """
        found = [
            person for person in self._by_surname.get(fold(surname), [])
            if (sector is None or person.sector == sector)
            and (given is None or any(fold(name).split()[0] == fold(given) for name in person.names))
        ]
        holding = [person for person in found if on is not None and person.holds_on(on)]
        known = [person for person in holding if person.source != "phoenix"]
        if known and on is not None and on > PHOENIX_AS_OF:
            # after Phoenix's table was made its open roles are only presumed; Accord's rows are known
            # ("President Abbas" in 2021 is Mahmoud Abbas, not an Algerian minister of 2010)
            holding = known
        pool = holding or ([] if current else _most_of_one_country(found))
        if not pool or len({person.country for person in pool}) != 1:
            return None
        return max(pool, key=lambda person: (person.start or date.min, person.end or date.max))


def _most_of_one_country(persons: list[Person]) -> list[Person]:
    """The roles of the country at least two thirds of these people (told apart by name) served, if any:
    of the Bushes in the table, two served the United States and one the Cayman Islands."""
    by_country: dict[str, set[str]] = {}
    for person in persons:
        by_country.setdefault(person.country, set()).add(fold(person.name))
    everyone = sum(len(names) for names in by_country.values())
    for country, names in by_country.items():
        if len(names) * 3 >= everyone * 2:
            return [person for person in persons if person.country == country]
    return []


@functools.lru_cache(maxsize=1)
def people_index() -> PeopleIndex:
    """The index over people()."""
    return PeopleIndex(people())
