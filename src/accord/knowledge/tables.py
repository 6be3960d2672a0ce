"""Loaders for Accord's built-in knowledge tables: CAMEO codes, CAMEO to PLOVER, intents, countries, IGOs, offices."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from accord.errors import KnowledgeError

_PACKAGE = "accord.knowledge.data"

# CAMEO roots of verbal acts (quad classes 1 and 3): said, asked, promised, discussed, praised; investigated,
# demanded, criticised, rejected, threatened. A test checks them against cameo.tsv's quad classes.
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"})


@dataclass(frozen=True, kw_only=True)
class CameoCode:
    """One CAMEO 1.1b3 event code."""

    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int


@dataclass(frozen=True, kw_only=True)
class PloverType:
    """The PLOVER event, mode and contexts a CAMEO code translates to."""

    event: str
    mode: str | None
    contexts: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Country:
    """A state or territory with the names, demonyms and metonyms news text uses for it."""

    iso3: str
    iso2: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    metonyms: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Igo:
    """An international organisation or bloc (or WEST/INTL) and the names of it and its organs."""

    org: str
    cameo: str
    names: tuple[str, ...]
    sector: str | None


@dataclass(frozen=True, kw_only=True)
class Office:
    """Role or office words that mark an actor's sector."""

    words: tuple[str, ...]
    sector: str
    kind: str


def read_tsv(name: str) -> list[dict[str, str]]:
    """Read a packaged TSV file (header line, leading '#' comments) into one dict per row."""
    try:
        text = resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise KnowledgeError(f"{name}: cannot be read ({exc})") from exc
    return parse_tsv(text, source=name)


def parse_tsv(text: str, *, source: str) -> list[dict[str, str]]:
    """Parse TSV text; `source` names the file in error messages."""
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or (header is None and line.startswith("#")):
            continue
        fields = line.split("\t")
        if header is None:
            header = [field.strip() for field in fields]
            continue
        if len(fields) != len(header):
            raise KnowledgeError(
                f"{source}, line {number}: {len(fields)} fields, expected {len(header)} ({', '.join(header)})"
            )
        rows.append(dict(zip(header, (field.strip() for field in fields), strict=True)))
    if header is None:
        raise KnowledgeError(f"{source}: no header line")
    return rows


def split_field(value: str, sep: str = "|") -> tuple[str, ...]:
    """Split a list-valued field ("Tigray|Tigray Region"), stripping items and dropping empty ones."""
    return tuple(item.strip() for item in value.split(sep) if item.strip())


def _number(value: str, *, source: str) -> float:
    """Convert a numeric field, naming the file when it is not a number."""
    try:
        return float(value)
    except ValueError as exc:
        raise KnowledgeError(f"{source}: {value!r} is not a number") from exc


@functools.lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """All CAMEO event codes (roots, 3- and 4-digit), keyed by code string."""
    out: dict[str, CameoCode] = {}
    for row in read_tsv("cameo.tsv"):
        out[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=_number(row["goldstein"], source="cameo.tsv"),
            root=row["root"],
            quad_class=int(_number(row["quad_class"], source="cameo.tsv")),
        )
    return out


@functools.lru_cache(maxsize=1)
def cameo_to_plover() -> dict[str, PloverType]:
    """CAMEO code to PLOVER type; CAMEO 01 codes that PLOVER drops (all but 015, 016) are absent."""
    return {
        row["code"]: PloverType(
            event=row["event"], mode=row["mode"] or None, contexts=split_field(row["contexts"], ",")
        )
        for row in read_tsv("cameo_plover.tsv")
    }


@functools.lru_cache(maxsize=1)
def intent_codes() -> dict[str, str]:
    """Asserted CAMEO code to the code for an expressed intent (03x) or threat (13x) to do it."""
    return {row["asserted"]: row["intended"] for row in read_tsv("intent.tsv")}


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every ISO 3166-1 state and territory (plus Kosovo, XKX), keyed by ISO3."""
    return {
        row["iso3"]: Country(
            iso3=row["iso3"],
            iso2=row["iso2"],
            name=row["name"],
            names=split_field(row["names"]),
            demonyms=split_field(row["demonyms"]),
            capital=row["capital"] or None,
            metonyms=split_field(row["metonyms"]),
        )
        for row in read_tsv("countries.tsv")
    }


@functools.lru_cache(maxsize=1)
def peoples() -> frozenset[str]:
    """Demonyms that also name a people living in several states ("Serb", "Albanian"; see peoples.tsv)."""
    return frozenset(row["demonym"] for row in read_tsv("peoples.tsv"))


@functools.lru_cache(maxsize=1)
def igos() -> dict[str, Igo]:
    """IGOs and blocs keyed by org code (UN, EU, NATO, ..., WEST, INTL)."""
    return {
        row["org"]: Igo(
            org=row["org"], cameo=row["cameo"], names=split_field(row["names"]), sector=row["sector"] or None
        )
        for row in read_tsv("igos.tsv")
    }


@functools.lru_cache(maxsize=1)
def titles_abroad() -> dict[str, frozenset[str]]:
    """Per country, the office words its own officials are not called (titles_abroad.tsv)."""
    return {row["country"]: frozenset(split_field(row["words"])) for row in read_tsv("titles_abroad.tsv")}


@functools.lru_cache(maxsize=1)
def offices() -> tuple[Office, ...]:
    """Role and office words with the sector and kind of actor they mark."""
    return tuple(
        Office(words=split_field(row["words"]), sector=row["sector"], kind=row["kind"])
        for row in read_tsv("offices.tsv")
    )
