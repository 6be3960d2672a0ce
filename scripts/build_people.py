"""Build src/accord/knowledge/data/people.tsv from PETRARCH2's Phoenix.Countries.actors.txt.

Run from the repository root: ``.venv/bin/python scripts/build_people.py [Phoenix.Countries.actors.txt]``
(default: ../shared/peers/petrarch2/phoenix/Phoenix.Countries.actors.txt beside the repository).

Which entries are people: the file's person entries were generated from CountryInfo.txt and carry the
comment "CountryInfo.txt"; they are all people. The hand-added entries (no such comment: countries,
institutions, armed groups, and some recent leaders) count as people when their main name holds none of
the institution, group or title words below. One row is written per dated role whose CAMEO role maps to
a kept sector, whatever its dates: the dictionary reaches back to the 1940s, and older news (the
Reuters-21578 corpus of 1987, the CAMEO manual's examples) names the leaders of its own time.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pycountry

from accord.knowledge.petrarch import DatedCode, DictActor, load_actor_dictionary

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "peers" / "petrarch2" / "phoenix" / "Phoenix.Countries.actors.txt"
TARGET = ROOT / "src" / "accord" / "knowledge" / "data" / "people.tsv"
COLUMNS = ("name", "aliases", "country", "sector", "start", "end", "source")

# CAMEO role codes (the three letters after the country) to the sectors of gold/FORMAT.md. CAMEO's MED is
# media, not medicine (health is HLH). ELI (former officials, elites) and the rest have no sector.
CAMEO_SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "COP": "POL", "SPY": "SPY", "LEG": "LEG", "JUD": "JUD", "PTY": "PTY",
    "OPP": "OPP", "BUS": "BUS", "MNC": "BUS", "MED": "MED", "CVL": "CVL", "REB": "REB", "INS": "REB",
    "SEP": "REB", "UAF": "REB", "NGO": "NGO", "NGM": "NGO", "IGO": "IGO", "REL": "REL", "EDU": "EDU",
    "HLH": "HLH", "AGR": "AGR", "CRM": "CRM", "LAB": "LAB",
}  # fmt: skip
KEPT = frozenset({"GOV", "MIL", "LEG", "JUD", "OPP", "PTY", "SPY"})
# GOV followed by one of these is a branch, not a ministry's portfolio: USAGOVLEG is a senator, ARGGOVSPY
# the head of intelligence. GOVJUD stays GOV: CountryInfo gives it to ministers of justice (FRAGOVJUD Dati).
GOV_BRANCHES = frozenset({"LEG", "SPY"})

# Words that mark a hand-added entry as an institution, a group, a place or an office, not a person.
NOT_A_PERSON = frozenset(
    """ADMINISTRATION AGENCY ARMY ARMED ASSEMBLY AUTHORITY BRIGADE BRIGADES BUNDESRAT BUREAU CABINET COALITION
    COMMISSION COMMITTEE COMMUNITY CONGRESS COOPERATION COUNCIL COURT DECLARATION DEPARTMENT DGSE DIRECTORATE
    DIRECTOR FORCE FORCES FRONT GOVERNMENT GUARD HEADQUARTERS HOUSE INTELLIGENCE KNESSET KREMLIN LEVANT
    MILITARY MINISTER MINISTRY MOSSAD MOVEMENT OBSERVATORY OFFICE PALACE PARLIAMENT PARTY PESHMERGA POLITBURO
    PRESIDENT REICHSTAG REPRESENTATIVE REPUBLIC RESERVE RIFLES RIOT SABHA SECRETARY SERVICE SHIN SOVIET
    STATE STREET TEAM UNION VOLKSKAMMER YARD JAYSH JAISH JABHAT AHRAR SUQOUR GHURABA ANSAR JUND SARAYAT
    ATTORNEY AMBASSADOR VICE""".split()
)
# Synonyms carrying a title or a description are left out of the aliases ("Russian Foreign Minister Lavrov").
TITLE_WORDS = frozenset(
    """PRESIDENT PRESIDENTIAL MINISTER PREMIER SECRETARY AMBASSADOR SENATOR CONGRESSMAN REPRESENTATIVE
    CHANCELLOR GOVERNOR GENERAL GEN. ADMIRAL COLONEL COL. LEADER CHIEF KING QUEEN PRINCE SHEIKH EMIR
    SULTAN MR. MRS. MS. DR. FORMER EX SPEAKER CHAIRMAN DEPUTY ENVOY ADMINISTRATION MAYOR JUDGE JUSTICE
    OFFICIAL PM FM HEAD SEC. SEN. REP. GOV. PRES. MR MRS GOVERNMENT REGIME FORCES""".split()
)
LOWER_PARTICLES = frozenset("de da di del della dos das du van von der den la le bin ibn bint ben".split())


def normal_case(name: str) -> str:
    """Re-case a name in capitals: 'SERGEY V. LAVROV' -> 'Sergey V. Lavrov'."""
    words = []
    for index, word in enumerate(name.split()):
        if re.fullmatch(r"[IVX]+", word) and index:
            words.append(word)  # Roman numerals
            continue
        parts = [_cap(part) for part in word.lower().split("-")]
        cased = "-".join(parts)
        if index and word.lower() in LOWER_PARTICLES:
            cased = word.lower()
        elif index and word.lower() == "al":
            cased = "al"
        elif index and re.match(r"(al|el)-", cased, flags=re.IGNORECASE):
            cased = cased[:2].lower() + cased[2:]
        words.append(cased)
    return " ".join(words)


def _cap(part: str) -> str:
    """Capitalise one word: O'Brien, McCain."""
    if not part:
        return part
    out = part[0].upper() + part[1:]
    out = re.sub(r"'(\w)", lambda m: "'" + m[1].upper(), out) if re.match(r"\w'\w\w", out) else out
    if out.startswith("Mc") and len(out) > 3:
        out = "Mc" + out[2].upper() + out[3:]
    return out


def _fold(text: str) -> str:
    """A key for comparing names: no accents, no case, no punctuation."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _clean(name: str) -> bool:
    """True when a name has no mangled characters (control characters, U+FFFD)."""
    return not any(unicodedata.category(ch) == "Cc" or ch == "\ufffd" for ch in name)


def is_person(actor: DictActor) -> bool:
    """True for entries that are people (see the module doc)."""
    if actor.comment and "countryinfo" in actor.comment.lower():
        return True
    words = set(re.split(r"[ \-]+", actor.names[0].upper()))
    if words & NOT_A_PERSON:
        return False
    return all(len(dated.code) > 3 for dated in actor.codes)  # a bare country code: a country or a place


def sector_of(code: str) -> str | None:
    """The FORMAT.md sector of a CAMEO actor code such as USAGOVLEG."""
    blocks = [code[i : i + 3] for i in range(3, len(code), 3)]
    if not blocks:
        return None
    role = blocks[0]
    if role == "GOV" and len(blocks) > 1 and blocks[1] in GOV_BRANCHES:
        role = blocks[1]
    return CAMEO_SECTOR.get(role)


def _iso3(code: str) -> str | None:
    prefix = code[:3]
    return prefix if pycountry.countries.get(alpha_3=prefix) is not None else None


def roles(actor: DictActor) -> list[DatedCode]:
    """The codes that make rows: dated ones; undated defaults only when the entry has no dated code."""
    dated = [code for code in actor.codes if code.dated]
    return dated or list(actor.codes)


def rows_for(actor: DictActor) -> list[tuple[str, ...]]:
    """The people.tsv rows of one person entry."""
    names = [normal_case(name) for name in actor.names if _clean(name)]
    if not names:
        return []
    main = names[0]
    seen = {_fold(main)}
    aliases = []
    for name in names[1:]:
        if set(name.upper().split()) & TITLE_WORDS or _fold(name) in seen:
            continue
        seen.add(_fold(name))
        aliases.append(name)
    out = []
    for role in roles(actor):
        country, sector = _iso3(role.code), sector_of(role.code)
        if country is None or sector not in KEPT:
            continue
        start = role.start.isoformat() if role.start else ""
        end = role.end.isoformat() if role.end else ""
        out.append((main, "|".join(aliases), country, sector, start, end, "phoenix"))
    return out


HEADER = """\
# People with the office they held and when: one row per (person, dated role).
# Source: the Phoenix actor dictionaries of PETRARCH2 (Phoenix.Countries.actors.txt, generated from
# CountryInfo.140130.txt by the Computational Event Data System project), MIT licence, Copyright (c) 2014
# Open Event Data Alliance; facts used with attribution. Roles end around 2014-2015: an empty end means the
# person still held the role when the dictionary was made, not today (people_recent.tsv has later terms).
# Built by scripts/build_people.py with accord.knowledge.petrarch: entries marked "CountryInfo.txt" and
# hand-added entries whose name has no institution or title word are people; a row per dated code whose
# country (first three letters) is an ISO 3166-1 alpha-3 code and whose role is GOV, MIL, LEG, JUD, OPP,
# PTY or SPY (GOVLEG and GOVSPY are LEG and SPY; other GOVxxx, GOVJUD too, are ministries: GOV),
# whatever its dates; undated codes only for entries with no dated code. Names are re-cased from the
# dictionary's capitals; aliases are its other names without titles.
"""


def build(source: Path) -> list[tuple[str, ...]]:
    """All rows, sorted and without duplicates."""
    rows: set[tuple[str, ...]] = set()
    for actor in load_actor_dictionary(source):
        if is_person(actor):
            rows.update(rows_for(actor))
    return sorted(rows, key=lambda row: (row[2], row[0], row[4], row[3], row))


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    rows = build(source)
    lines = [HEADER.rstrip("\n"), "\t".join(COLUMNS)] + ["\t".join(row) for row in rows]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(rows)} rows from {source.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
