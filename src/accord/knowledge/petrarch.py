"""Readers for PETRARCH/TABARI actor and agent dictionaries (the Phoenix dictionaries and users' own).

The syntax is the one PETRARCH2's ``PETRreader`` accepts; what these readers do with each construct:

Both kinds of file
    ``# ...`` and ``; ...`` (TABARI's legacy delimiter) start a comment anywhere on a line (PETRARCH needs a
    blank before an in-line ``#``; the Phoenix files also write ``[ZBW]#jw``, so any ``#`` counts).
    ``<!-- ... -->`` and ``<! -- ... -->`` are comments, on one line or over several. Blank lines are
    skipped. A line holding ``---STOP---`` ends the file, as in PETRARCH.

Actor dictionaries
    ``NAME`` or ``NAME [CODE]`` (words joined by ``_`` or blanks; ``#`` comment after it) starts an entry.
    ``+NAME`` adds a synonym. An indented line ``\\t[CODE ...]`` adds a code. Code blocks may also follow
    the name on the entry line, several of them (``NAME\\t[CODE <DATE] [CODE]``, as in
    Phoenix.International.actors.txt). An indented line with a name before its block
    (``\\tJOHN_MCCLOY_\\t[CODE D-D]``) adds that name as a synonym and the code.
    An entry line with no code, followed by another entry line before any code, names the same actor
    (PETRARCH keeps filling the same code list): ``BORIS_YELTSIN_`` followed by ``YELTSIN`` and then the
    date lines is one actor with both names.
    Names: ``_`` becomes a blank; a stray ``]`` in a name (``+FAEROYENE]_``) is dropped. A trailing ``_``
    is TABARI's "whole word, not a stem" mark; PETRARCH does no stemming, so it carries nothing here and
    is dropped. Control characters (two mangled letters in
    Phoenix.Countries.actors.txt) are kept as they are: they are in the source.
    Codes: upper-cased (``[pse]``); ``[A/B/C]`` is one code per actor (TABARI's multiple codes) and gives
    one ``DatedCode`` each with the same dates; ``---`` (null code) and ``+++`` are kept verbatim.
    Dates in a block: ``<D`` (until D), ``>D`` (from D), ``D-D`` (both ends; blanks allowed around the
    signs), all limits inclusive; a block with no date is the default code (used when no dated code covers
    the day). A block with one bare date (``[MNEGOV 20121204]``, ``[USAGOV 19820101] # entered Foreign
    Service``: two lines in Phoenix, both the start of an office) is read as ``>D``.
    A date is YYYYMMDD or YYMMDD (both occur, mixed: ``[USAELI 18970101-450703]``). A two-digit year
    00-30 is 20YY and 31-99 is 19YY: PETRARCH's rule, inherited from KEDS and TABARI. Typos are read as
    PETRARCH's ``dstr_to_ordate`` reads them: up to 7 digits, the first six are YYMMDD (``9008223`` is
    1990-08-22); more than 8, the first eight are YYYYMMDD (``201005011`` is 2010-05-01, ``1920030320``
    is 1920-03-03: wrong, but it is what PETRARCH codes with). A ``D-D`` restriction that ends before it
    starts is skipped with a logged warning, as PETRARCH does (one in Phoenix: ``2004017-20061201``).
    Text after a line's first code block that is not a block is ignored, as PETRARCH ignores it (three
    company lines in Phoenix.International.actors.txt). The stray line ``Source: MNC.MLH.actors`` in that
    file becomes a name of the next actor, as in PETRARCH.
    Malformed lines raise KnowledgeError with the file and line: a code line or synonym before any entry,
    an indented line without a code block, an unclosed ``[``, a block without a valid code, a restriction
    that is not ``<D``, ``>D``, ``D-D`` or ``D``, a date that is not one.

Agent dictionaries
    ``!MARKER! = A, B, C`` defines a substitution set; ``WORD!MARKER!`` or ``!MARKER! WORDS`` gives one
    form per item, with no plurals added. A marker glued to letters on both sides (``AD!MINIST!RATIVE``:
    a search-and-replace accident in Phoenix.agents.txt) is read as its literal name (ADMINISTRATIVE).
    ``PHRASE [~CODE]``: the code goes after the actor's code; ``PHRASE [CODE~]``: before it (organisations).
    ``{PLURAL}`` gives the plural, ``{}`` means none; otherwise the regular plural is made (Y after a
    consonant -> IES, S/X/SH/CH -> ES, else S; PETRARCH turns every final Y into IES), except after a
    trailing ``_``, which marks a word that takes no plural. A blank between words means that other words
    may come between them (``loose``); ``_`` means consecutive. ``[~ENV}`` (a brace closing the code, one
    line in Phoenix) is accepted. A phrase with no code is skipped with a logged warning, as PETRARCH does
    ("Codes are required for agents"): Phoenix.agents.txt has one (ISLAMIC_EXTREMIST).
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from accord.errors import KnowledgeError

logger = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class DatedCode:
    """A CAMEO actor code and the days it holds (None: open on that side; both None: the default code)."""

    code: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        """True when `day` falls within the code's dates (limits included)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, kw_only=True)
class DictActor:
    """One actor entry: its names (blanks, no underscores), its codes in file order, its comment."""

    names: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    comment: str | None
    line: int

    def code_on(self, day: date | None) -> str | None:
        """The code PETRARCH would give on `day`: the first dated code covering it, else the default."""
        if day is not None:
            for dated in self.codes:
                if dated.dated and dated.holds_on(day):
                    return dated.code
        defaults = [dated.code for dated in self.codes if not dated.dated]
        return defaults[0] if defaults else None


@dataclass(frozen=True, kw_only=True)
class DictAgent:
    """One agent phrase with its forms (singular, plurals), the agent code and where it goes."""

    words: tuple[str, ...]
    code: str
    before: bool  # True for ``CODE~``: the code is put before the actor's code
    loose: bool  # True when a blank in the phrase lets other words come between
    line: int


# --- shared line handling ------------------------------------------------------------------------------

_STOP = "---STOP---"


def strip_xml_comments(line: str, in_xml: bool) -> tuple[str | None, bool]:
    """The line without ``<!-- ... -->`` comments, which may span lines; None while inside one."""
    if in_xml:
        end = line.find("-->")
        if end < 0:
            return None, True
        line = line[end + 3 :]
    while (start := line.find("<!")) >= 0:
        end = line.find("-->", start)
        if end < 0:
            return line[:start], True
        line = line[:start] + line[end + 3 :]
    return line, False


def plural(word: str) -> str:
    """The regular English plural of an upper-case word."""
    if word.endswith("Y") and word[-2:-1] not in tuple("AEIOU"):
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "SH", "CH")):
        return word + "ES"
    return word + "S"


def _clean_lines(lines: Iterable[str]) -> Iterator[tuple[int, str, str | None]]:
    """Yield (line number, content, comment) with XML and '#'/';' comments removed; blank lines skipped."""
    in_xml = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if _STOP in line:
            return
        stripped, in_xml = strip_xml_comments(line, in_xml)
        if stripped is None:
            continue
        line = stripped
        comment: str | None = None
        cut = min((i for i in (line.find("#"), line.find(";")) if i >= 0), default=-1)
        if cut >= 0:
            comment = line[cut:].lstrip("#; \t").strip() or None
            line = line[:cut]
        if line.strip():
            yield number, line.rstrip(), comment


def _name(text: str, *, where: str) -> str:
    """A phrase with '_' and runs of blanks turned into single blanks."""
    name = " ".join(text.replace("_", " ").split())
    if not name:
        raise KnowledgeError(f"{where}: empty name")
    return name


# --- dates and code blocks -----------------------------------------------------------------------------

_BLOCK = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"[A-Z][A-Z0-9]*(?:/[A-Z][A-Z0-9]*)*|---|\+\+\+|\*\*\*")
_RESTRICTION = re.compile(
    r"(?:(?P<op>[<>])\s*(?P<edge>\d+)|(?P<first>\d+)\s*-\s*(?P<last>\d+)|(?P<single>\d+))"
)


def parse_date(text: str, *, where: str) -> date:
    """A PETRARCH date: YYYYMMDD, or YYMMDD with 00-30 as 20YY and 31-99 as 19YY (see the module doc)."""
    if not text.isdigit() or len(text) < 6:
        raise KnowledgeError(f"{where}: {text!r} is not a date (YYYYMMDD or YYMMDD)")
    try:
        if len(text) <= 7:
            year = int(text[:2])
            return date(year + (2000 if year <= 30 else 1900), int(text[2:4]), int(text[4:6]))
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise KnowledgeError(f"{where}: {text!r} is not a valid date ({exc})") from exc


def _codes(block: str, *, where: str) -> list[DatedCode]:
    """The DatedCodes of one ``[CODE restriction]`` block."""
    parts = block.strip().split(None, 1)
    if not parts:
        raise KnowledgeError(f"{where}: empty code block []")
    code = parts[0].upper()
    if not _CODE.fullmatch(code):
        raise KnowledgeError(f"{where}: {parts[0]!r} is not an actor code")
    start = end = None
    if len(parts) == 2:
        match = _RESTRICTION.fullmatch(parts[1].strip())
        if match is None:
            raise KnowledgeError(f"{where}: {parts[1].strip()!r} is not a date restriction (<D, >D, D-D)")
        if match["op"] == "<":
            end = parse_date(match["edge"], where=where)
        elif match["op"] == ">":
            start = parse_date(match["edge"], where=where)
        elif match["single"]:
            start = parse_date(match["single"], where=where)
        else:
            start = parse_date(match["first"], where=where)
            end = parse_date(match["last"], where=where)
            if end < start:
                logger.warning("%s: restriction ends before it starts; skipped, as PETRARCH does", where)
                return []
    return [DatedCode(code=one, start=start, end=end) for one in code.split("/")] if code not in (
        "---",
        "+++",
        "***",
    ) else [DatedCode(code=code, start=start, end=end)]


def _split_blocks(text: str, *, where: str) -> tuple[str, list[DatedCode] | None]:
    """Split ``NAME [block] [block]`` into the name text and the codes (None: no block).

    Text after the first block that is not a block is ignored, as PETRARCH ignores it (three lines of
    Phoenix.International.actors.txt put a company's trade and revenue there without a '#').
    """
    first = text.find("[")
    if first < 0:
        return text.replace("]", ""), None  # a stray ']' in a name is a typo (FAEROYENE]_)
    head, rest = text[:first], text[first:]
    blocks = _BLOCK.findall(rest)
    if not blocks:
        raise KnowledgeError(f"{where}: '[' without a closing ']'")
    codes: list[DatedCode] = []
    for block in blocks:
        codes.extend(_codes(block, where=where))
    return head, codes


# --- actors --------------------------------------------------------------------------------------------


class _Entry:
    """An actor being read."""

    def __init__(self, line: int, comment: str | None) -> None:
        self.line = line
        self.names: list[str] = []
        self.codes: list[DatedCode] = []
        self.coded = False  # a code block was read (its codes may all have been skipped)
        self.comments: list[str] = [comment] if comment else []

    def add(self, codes: list[DatedCode] | None) -> None:
        if codes is not None:
            self.coded = True
            self.codes.extend(codes)

    def freeze(self) -> DictActor:
        names = tuple(dict.fromkeys(self.names))
        return DictActor(
            names=names, codes=tuple(self.codes), comment="; ".join(self.comments) or None, line=self.line
        )


def parse_actor_dictionary(lines: Iterable[str], *, origin: str) -> list[DictActor]:
    """Read a PETRARCH/TABARI actor dictionary; `origin` names the file in error messages."""
    actors: list[DictActor] = []
    entry: _Entry | None = None
    for number, line, comment in _clean_lines(lines):
        where = f"{origin}, line {number}"
        if line[0] in " \t":
            if entry is None:
                raise KnowledgeError(f"{where}: a code line before any actor entry")
            head, codes = _split_blocks(line.strip(), where=where)
            if codes is None:
                raise KnowledgeError(f"{where}: an indented line must hold a [CODE] block")
            if head.strip():
                entry.names.append(_name(head, where=where))
            entry.add(codes)
        elif line[0] == "+":
            if entry is None:
                raise KnowledgeError(f"{where}: a synonym before any actor entry")
            head, codes = _split_blocks(line[1:], where=where)
            entry.names.append(_name(head, where=where))
            entry.add(codes)
        else:
            head, codes = _split_blocks(line, where=where)
            name = _name(head, where=where)
            if entry is None or entry.coded:
                if entry is not None:
                    actors.append(entry.freeze())
                entry = _Entry(number, comment)
            elif comment:
                entry.comments.append(comment)
            entry.names.append(name)
            entry.add(codes)
    if entry is not None:
        actors.append(entry.freeze())
    return actors


def load_actor_dictionary(path: str | Path) -> list[DictActor]:
    """Read an actor dictionary file (UTF-8)."""
    path = Path(path)
    return parse_actor_dictionary(_read_lines(path), origin=path.name)


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot be read ({exc})") from exc


# --- agents --------------------------------------------------------------------------------------------

_MARKER_DEF = re.compile(r"!([A-Za-z]+)!\s*=\s*(.+)")
_MARKER = re.compile(r"!([A-Za-z]+)!")
_AGENT_CODE = re.compile(r"\[\s*(~?)\s*([A-Za-z][A-Za-z0-9]*)\s*(~?)\s*[\]}]")


def _expand(phrase: str, markers: dict[str, tuple[str, ...]], *, where: str) -> list[str]:
    """Every form of a phrase with its substitution markers replaced (glued markers read literally)."""
    pieces: list[tuple[str, ...]] = []
    last = 0
    for match in _MARKER.finditer(phrase):
        before, after = phrase[match.start() - 1 : match.start()], phrase[match.end() : match.end() + 1]
        if before.isalpha() and after.isalpha():
            continue  # AD!MINIST!RATIVE: the literal word
        if match[1].upper() not in markers:
            raise KnowledgeError(f"{where}: substitution marker !{match[1]}! is not defined above")
        pieces.append((_MARKER.sub(r"\1", phrase[last : match.start()]),))
        pieces.append(markers[match[1].upper()])
        last = match.end()
    pieces.append((_MARKER.sub(r"\1", phrase[last:]),))
    return ["".join(combo) for combo in itertools.product(*pieces)]


def parse_agent_dictionary(lines: Iterable[str], *, origin: str) -> list[DictAgent]:
    """Read a PETRARCH agent dictionary; `origin` names the file in error messages."""
    agents: list[DictAgent] = []
    markers: dict[str, tuple[str, ...]] = {}
    for number, line, _comment in _clean_lines(lines):
        where = f"{origin}, line {number}"
        text = line.strip()
        if (definition := _MARKER_DEF.fullmatch(text)) is not None:
            items = tuple(item.strip().upper() for item in definition[2].split(",") if item.strip())
            if not items:
                raise KnowledgeError(f"{where}: substitution set !{definition[1]}! is empty")
            markers[definition[1].upper()] = items
            continue
        if "[" not in text:
            logger.warning("%s: agent phrase without a [~CODE]; skipped, as PETRARCH does", where)
            continue
        agents.append(_agent(text, markers, where=where, number=number))
    return agents


def _agent(text: str, markers: dict[str, tuple[str, ...]], *, where: str, number: int) -> DictAgent:
    """One agent line: ``PHRASE {PLURAL} [~CODE]``."""
    match = _AGENT_CODE.search(text)
    if match is None or text[match.end() :].strip():
        raise KnowledgeError(f"{where}: expected one [~CODE] or [CODE~] at the end of the line")
    if bool(match[1]) == bool(match[3]):
        raise KnowledgeError(f"{where}: the agent code needs one '~', before or after it")
    head = text[: match.start()].strip()
    plurals: list[str] | None = None
    if "{" in head or "}" in head:
        brace = re.fullmatch(r"([^{}]*)\{([^{}]*)\}\s*", head)
        if brace is None:
            raise KnowledgeError(f"{where}: unbalanced {{...}} plural")
        head = brace[1].strip()
        plurals = [_name(form, where=where).upper() for form in brace[2].split()]
    if not head:
        raise KnowledgeError(f"{where}: agent code without a phrase")
    loose = " " in head.strip("_ ")
    stopped = head.endswith("_")
    forms = [_name(form, where=where).upper() for form in _expand(head, markers, where=where)]
    if plurals is None:
        plurals = [] if stopped or _MARKER.search(head) else [plural(form) for form in forms]
    return DictAgent(
        words=tuple(dict.fromkeys(forms + plurals)),
        code=match[2].upper(),
        before=bool(match[3]),
        loose=loose,
        line=number,
    )


def load_agent_dictionary(path: str | Path) -> list[DictAgent]:
    """Read an agent dictionary file (UTF-8)."""
    path = Path(path)
    return parse_agent_dictionary(_read_lines(path), origin=path.name)
