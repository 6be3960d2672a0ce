"""The actor lexicon: every name, demonym, metonym, IGO and office word as token sequences to match.

Built once from the knowledge tables (and the user's actor files) and matched on spaCy tokens, so
"Belarus Foreign Minister" finds Belarus even when the NER model misses it. All-caps abbreviations
("US", "UK", "UN", "FM") match case-sensitively so that the pronoun "us" never becomes the USA.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from accord.knowledge import tables

MAX_PHRASE = 7


@dataclass(frozen=True, kw_only=True)
class Cue:
    """What a matched phrase tells about an actor."""

    # country, demonym, metonym, capital, region (a place, no actor), igo, collective, office, named (a group
    # or a user actor)
    kind: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    actor_kind: str = "state"  # state, person, organisation, company, group
    cameo: str | None = None
    name: str = ""
    plural: bool = False
    people: bool = False  # a plural demonym that names a people of several states ("Serbs")


@dataclass(frozen=True)
class Match:
    """A cue found at tokens [start, end) of a Doc."""

    start: int
    end: int
    cue: Cue


def plurals(word: str) -> list[str]:
    if word.endswith(("s", "sh", "ch", "x", "ese")):
        return []
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith("man"):
        return [word[:-3] + "men"]
    return [word + "s"]


def _keys(phrase: str) -> tuple[str, ...]:
    # Token texts as spaCy's English tokenizer splits them; possessives and hyphens are separate tokens.
    phrase = phrase.replace("\u2019", "'")
    out: list[str] = []
    for part in phrase.split():
        while part and part[-1] in ",;":
            part = part[:-1]
        if part.lower().endswith("'s") and len(part) > 2:
            out.extend([part[:-2], "'s"])  # spaCy splits the possessive: "People's" -> "People", "'s"
            continue
        if part.endswith("'") and len(part) > 2:
            out.extend([part[:-1], "'"])  # and the plural one: "Workers'" -> "Workers", "'"
            continue
        if "-" in part and not part.startswith("-") and len(part) > 2:
            pieces = part.split("-")
            for k, piece in enumerate(pieces):
                if k:
                    out.append("-")
                if piece:
                    out.append(piece)
        else:
            out.append(part)
    return tuple(out)


class Lexicon:
    """Phrase tables: lower-cased keys for names, exact keys for all-caps abbreviations."""

    def __init__(self) -> None:
        self.lower: dict[tuple[str, ...], Cue] = {}
        self.exact: dict[tuple[str, ...], Cue] = {}
        self.capitals: dict[str, str] = {}  # lower-cased capital or metonym -> ISO3
        # First word of a phrase -> the longest phrase it starts: match() tries only where a phrase may
        # start and only the lengths that exist, instead of every length at every word.
        self._first_lower: dict[str, int] = {}
        self._first_exact: dict[str, int] = {}

    def add(self, phrase: str, cue: Cue, *, override: bool = False) -> None:
        """Register a phrase; the first registration wins unless override (user entries override)."""
        key = _keys(phrase)
        if not key:
            return
        is_abbrev = len(phrase) <= 5 and phrase.replace(".", "").isupper()
        table = self.exact if is_abbrev else self.lower
        if not is_abbrev:
            key = tuple(k.lower() for k in key)
        if override or key not in table:
            table[key] = cue
            first = self._first_exact if is_abbrev else self._first_lower
            first[key[0]] = max(first.get(key[0], 0), len(key))

    def match(self, words: Sequence[str]) -> list[Match]:
        """Longest, left-to-right, non-overlapping matches over a sequence of token texts. A match that
        starts with "the" gives way to one that starts after it and reaches further: "The Kurdistan" (a
        region with its article) must not eat the first word of "Kurdistan Workers' Party"."""
        found: list[Match] = []
        i, n = 0, len(words)
        lowered = [w.lower().replace("\u2019", "'") for w in words]
        while i < n:
            hit = self._longest_at(words, lowered, i)
            if hit is None:
                i += 1
                continue
            if lowered[i] == "the" and hit.end > i + 1:
                inner = self._longest_at(words, lowered, i + 1)
                if inner is not None and inner.end > hit.end:
                    i += 1
                    continue
            found.append(hit)
            i = hit.end
        return found

    def _longest_at(self, words: Sequence[str], lowered: Sequence[str], i: int) -> Match | None:
        """The longest phrase of the lexicon starting at word i, if any."""
        longest = max(self._first_exact.get(words[i], 0), self._first_lower.get(lowered[i], 0))
        for size in range(min(longest, MAX_PHRASE, len(words) - i), 0, -1):
            cue = self.exact.get(tuple(words[i : i + size])) or self.lower.get(tuple(lowered[i : i + size]))
            if cue is not None:
                return Match(i, i + size, cue)
        return None

    def starts_phrase(self, word: str) -> bool:
        """True when some phrase of the lexicon begins with this token text."""
        return word in self._first_exact or word.lower().replace("\u2019", "'") in self._first_lower

    def country_of_place(self, name: str) -> str | None:
        """ISO3 of a capital or seat-of-government name ("Islamabad" -> PAK), else None."""
        return self.capitals.get(name.lower().strip(" .,"))


def _add_countries(lex: Lexicon) -> None:
    countries = tables.countries()
    peoples = tables.peoples()
    for iso3, c in countries.items():
        for name in (c.name, *c.names):
            lex.add(name, Cue(kind="country", country=iso3, name=c.name))
        for demonym in c.demonyms:
            lex.add(demonym, Cue(kind="demonym", country=iso3, name=c.name))
            for plural in plurals(demonym):
                lex.add(plural, Cue(kind="demonym", country=iso3, name=c.name, plural=True,
                                    people=demonym in peoples))
        for metonym in (*([c.capital] if c.capital else []), *c.metonyms):
            kind = "capital" if metonym == c.capital else "metonym"
            lex.add(metonym, Cue(kind=kind, country=iso3, sector="GOV", name=c.name))
            lex.capitals.setdefault(metonym.lower(), iso3)


def _add_igos(lex: Lexicon) -> None:
    for org, igo in tables.igos().items():
        kind = "collective" if org in {"WEST", "INTL"} else "igo"
        for name in igo.names:
            cue = Cue(
                kind=kind, org=org, sector=igo.sector, actor_kind="organisation" if kind == "igo" else "group",
                cameo=igo.cameo, name=igo.names[0] if igo.names else org,
            )
            lex.add(name, cue)


def _add_offices(lex: Lexicon) -> None:
    for office in tables.offices():
        for word in office.words:
            cue = Cue(kind="office", sector=office.sector, actor_kind=office.kind, name=word)
            lex.add(word, cue)
            last = word.split()[-1]
            for plural in plurals(last):
                lex.add(" ".join([*word.split()[:-1], plural]), Cue(
                    kind="office", sector=office.sector, actor_kind=office.kind, name=word, plural=True,
                ))


def _add_groups(lex: Lexicon) -> None:
    """Armed groups, movements and NGOs (groups.tsv): named actors, as a user's actor file gives them."""
    for row in tables.read_tsv("groups.tsv"):
        names = tables.split_field(row["names"])
        cue = Cue(kind="named", country=row["country"] or None, org=row["org"] or None,
                  sector=row["sector"] or None, actor_kind=row["kind"], cameo=row["cameo"] or None, name=names[0])
        for name in names:
            lex.add(name, cue)


def _add_regions(lex: Lexicon) -> None:
    """Regions news names (regions.tsv), so that their words are not read as another actor: "the West Bank"
    is no Western bank, "Northern Ireland" not Ireland, "Inner Mongolia" not Mongolia. A region is a place,
    never an actor of its own (the actors stage reads no cue of this kind), and the places stage finds it
    in the gazetteer. Registered last: a name already in a table keeps its entry."""
    rows = tables.read_tsv("regions.tsv")
    countries: dict[str, set[str]] = {}
    for row in rows:
        for name in tables.split_field(row["names"]):
            countries.setdefault(name, set()).add(row["country"])
    for row in rows:
        names = tables.split_field(row["names"])
        # a name two countries share (Punjab, Kashmir) says no country on its own
        shared = len(countries[names[0]]) > 1
        cue = Cue(kind="region", country=None if shared else row["country"], name=names[0])
        for name in names:
            lex.add(name, cue)
            lex.add(f"the {name}", cue)  # "the West" would otherwise match first


@lru_cache(maxsize=1)
def builtin_lexicon() -> Lexicon:
    """The lexicon of Accord's own tables, built once per process."""
    lex = Lexicon()
    # Order matters where a phrase is in two tables: offices first would make "Foreign Office" an office
    # (right), countries first make "Georgia" a country (right); IGO names are never country names.
    _add_offices(lex)
    _add_igos(lex)
    _add_countries(lex)
    _add_groups(lex)  # a group's name never takes a country's or an IGO's
    _add_regions(lex)
    return lex


def extend(base: Lexicon, entries: Iterable[tuple[str, Cue]]) -> Lexicon:
    """A copy of a lexicon with user entries added over it."""
    lex = Lexicon()
    lex.lower, lex.exact, lex.capitals = dict(base.lower), dict(base.exact), dict(base.capitals)
    lex._first_lower, lex._first_exact = dict(base._first_lower), dict(base._first_exact)
    for phrase, cue in entries:
        lex.add(phrase, cue, override=True)
    return lex
