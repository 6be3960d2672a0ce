"""Reader for PETRARCH/TABARI verb dictionaries (PETR.Validate.verbs.txt, Phoenix's CAMEO.2.0.txt).

The syntax is the one PETRARCH's ``read_verb_dictionary`` accepts, in both its PETRARCH1 and its
PETRARCH2 (CAMEO.2.0) forms; what this reader does with each construct:

Comments
    ``<!-- ... -->`` (one line or several, also ``<! -- ... -->``), a line starting with ``#`` (so the
    ``####### VERB PATTERNS #######`` section headers too), and ``#`` or ``;`` after the text, except
    inside a ``[...]`` code block: ``[###]`` is a code in PETR.Validate.verbs.txt. Blank lines are skipped.

Synsets
    ``&NAME`` starts a synonym set; the ``+PHRASE`` lines after it are its members (words joined by
    blanks or ``_``, always consecutive). A member may be another synset (``+&TIETYPES``), expanded in
    place. Regular plurals of each member's last word are added unless the set's name or the member ends
    with ``_``. A synset may be used before its definition.

Verb blocks
    ``--- NAME [CODE] ---`` starts a block; a block without a code has the null code ``---``; a second
    code block on the header (``--- DELAY [120] [031:031] ---``) is kept but PETRARCH uses the first.
    Each following line that is not a pattern is a verb of the block: ``VERB``, ``VERB {FORMS}``, ``VERB
    [CODE]`` (its own default code). Without ``{...}`` the regular forms are made (S, ED or D, ING);
    with it the listed forms (blanks or commas between them; ``{}`` for none) are used beside the base.
    Multi-word verbs join words with ``_`` (or a blank) and mark the verb word with ``+`` (``+BREAK_DOWN``,
    ``WIRE_+TAP``, ``KLM_NOP_+RST``); unmarked, the first word is the verb.

Patterns
    ``- LOWER * UPPER [CODE]``: the words before ``*`` must come before the verb, those after it after
    the verb, in order. A blank lets other words come between two items, ``_`` does not (``_ `` is read
    as a blank, as PETRARCH does). ``+`` is the target, ``$`` the source, ``%`` a compound actor (the
    actors act on each other), ``^`` skips a noun phrase, ``&NAME`` any member of a synset, ``A/B`` either
    word. PETRARCH2 groups are kept: ``(IN COURT)`` a prepositional phrase, ``{MOCK ATTACK}`` a noun
    phrase. Codes: ``[CODE]``, ``[CODE:CODE]`` (the second for target-on-source), ``[:CODE]``; ``---`` is
    the null code (no event). A stray ``)`` (one line of CAMEO.2.0.txt) is logged and ignored.
    ``~`` lines (the TRANSFORMATIONS section) are kept as text; Accord does not apply them.

Malformed lines raise KnowledgeError with the file and line: a pattern or verb before any block, a
pattern without ``*`` or with two, a pattern or header without a code where one is required, a code
block that is not ``[CODE]``/``[A:B]``, an unclosed ``[``/``{``/``(``, a synset member before any
synset, an empty synset, a synset never defined.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from accord.errors import KnowledgeError
from accord.knowledge.petrarch import plural, strip_xml_comments

logger = logging.getLogger(__name__)

NULL = "---"
_CODE = re.compile(r"[A-Za-z0-9?!#+\-.]*")
_BLOCK = re.compile(r"\[([^\[\]]*)\]")
_TOKEN = re.compile(r"[(){}]|[^\s_(){}]+|[\s_]+")
_SLOTS = {"+": "target", "$": "source", "%": "compound", "^": "skip"}


@dataclass(frozen=True, kw_only=True)
class EventCode:
    """A pattern's or verb's code: `forward` for source on target, `reverse` for target on source."""

    forward: str | None
    reverse: str | None = None

    @property
    def null(self) -> bool:
        return self.forward is None and self.reverse is None


@dataclass(frozen=True, kw_only=True)
class Element:
    """One item of a pattern: a word (with its alternatives) or an actor slot."""

    kind: str  # word, target, source, compound, skip
    options: tuple[tuple[str, ...], ...] = ()  # word sequences, upper case (several for synsets and A/B)
    name: str = ""  # as written: the word, the synset name or the slot sign
    joined: bool = False  # written with '_' before it: nothing may come between it and what precedes it
    group: str | None = None  # "pp" inside (...), "np" inside {...}


@dataclass(frozen=True, kw_only=True)
class VerbPattern:
    """``- LOWER * UPPER [CODE]``: lower items before the verb, upper items after it, in written order."""

    lower: tuple[Element, ...]
    upper: tuple[Element, ...]
    lower_joined: bool  # '_' between the last lower item and '*'
    code: EventCode
    line: int
    text: str


@dataclass(frozen=True, kw_only=True)
class Verb:
    """One verb of a block: its words, which one is the verb, its surface forms, its own code."""

    words: tuple[str, ...]
    head: int
    forms: tuple[tuple[str, ...], ...]  # each form has the same length and head position as `words`
    code: EventCode | None
    line: int


@dataclass(frozen=True, kw_only=True)
class VerbBlock:
    """A ``--- NAME [CODE] ---`` block: its verbs share its patterns."""

    name: str
    code: EventCode
    extra_codes: tuple[EventCode, ...]
    verbs: tuple[Verb, ...]
    patterns: tuple[VerbPattern, ...]
    line: int


@dataclass(frozen=True, kw_only=True)
class VerbDictionary:
    """A whole verb dictionary: blocks, synsets and the transformation lines."""

    origin: str
    blocks: tuple[VerbBlock, ...]
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(hash=False, compare=False)
    transformations: tuple[str, ...] = ()

    def by_form(self) -> dict[str, list[tuple[VerbBlock, Verb, tuple[str, ...]]]]:
        """Index: the lower-cased verb word of each surface form -> (block, verb, lower-cased form)."""
        index: dict[str, list[tuple[VerbBlock, Verb, tuple[str, ...]]]] = {}
        for block in self.blocks:
            for verb in block.verbs:
                for form in verb.forms:
                    lowered = tuple(w.lower() for w in form)
                    index.setdefault(lowered[verb.head], []).append((block, verb, lowered))
        for entries in index.values():  # multi-word verbs are tried before single words (PETRARCH)
            entries.sort(key=lambda e: -len(e[2]))
        return index


# --- lines -----------------------------------------------------------------------------------------


def _clean(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(line number, text) without comments; blank lines skipped."""
    in_xml = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        stripped, in_xml = strip_xml_comments(line, in_xml)
        if stripped is None:
            continue
        line = stripped
        if line.lstrip().startswith("#"):
            continue
        line = _cut_comment(line)
        if line.strip():
            yield number, line.rstrip()


def _cut_comment(line: str) -> str:
    """The line up to a '#' or ';' that is not inside a [...] code block."""
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char in "#;" and depth == 0:
            return line[:i]
    return line


def parse_code(text: str, *, where: str) -> EventCode:
    """``CODE``, ``CODE:CODE`` or ``:CODE`` (the inside of a code block)."""
    forward, colon, reverse = text.strip().partition(":")
    forward, reverse = forward.strip(), reverse.strip()
    if not _CODE.fullmatch(forward) or not _CODE.fullmatch(reverse) or not (forward or reverse):
        raise KnowledgeError(f"{where}: [{text}] is not an event code ([CODE], [CODE:CODE] or [:CODE])")
    if colon and not reverse and not forward:
        raise KnowledgeError(f"{where}: [{text}] has no code")
    return EventCode(forward=None if forward in ("", NULL) else forward,
                     reverse=None if reverse in ("", NULL) else reverse)


def _split_code(text: str, *, where: str, required: bool) -> tuple[str, list[EventCode]]:
    """Text before the first code block, and the codes of every block on the line."""
    first = text.find("[")
    if first < 0:
        if required:
            raise KnowledgeError(f"{where}: no [CODE] at the end of the line")
        return text, []
    blocks = _BLOCK.findall(text[first:])
    if not blocks or text[first:].count("[") != len(blocks):
        raise KnowledgeError(f"{where}: '[' without a closing ']'")
    return text[:first], [parse_code(block, where=where) for block in blocks]


# --- synsets ---------------------------------------------------------------------------------------


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.replace("_", " ").upper().split())


class _Undefined(KnowledgeError):
    """A synset used but never defined: PETRARCH skips the pattern with a warning."""


class _Synsets:
    """Synset members as read (names of other synsets unexpanded), expanded on demand."""

    def __init__(self) -> None:
        self.raw: dict[str, list[tuple[str, bool, int]]] = {}  # name -> (member, plurals, line)
        self.plurals: dict[str, bool] = {}

    def start(self, name: str) -> str:
        key = name.rstrip("_").upper()
        self.raw[key] = []
        self.plurals[key] = not name.endswith("_")
        return key

    def expand(self, name: str, *, where: str, seen: frozenset[str] = frozenset()) -> tuple[tuple[str, ...], ...]:
        """Every word sequence a synset stands for."""
        key = name.lstrip("&").rstrip("_").upper()
        if key not in self.raw:
            raise _Undefined(f"{where}: synset {name} is never defined")
        if key in seen:
            raise KnowledgeError(f"{where}: synset {name} contains itself")
        out: list[tuple[str, ...]] = []
        for member, plurals, line in self.raw[key]:
            if member.startswith("&"):
                out.extend(self.expand(member, where=where, seen=seen | {key}))
                continue
            words = _phrase(member)
            out.append(words)
            if plurals and self.plurals[key] and not member.endswith("_"):
                out.append((*words[:-1], plural(words[-1])))
        return tuple(dict.fromkeys(out))


# --- verbs -----------------------------------------------------------------------------------------


def _verb_words(text: str, *, where: str) -> tuple[tuple[str, ...], int]:
    """Words of a (multi-word) verb and the index of the verb word ('+'-marked, else the first)."""
    words = [w for w in re.split(r"[\s_]+", text.strip()) if w]
    if not words:
        raise KnowledgeError(f"{where}: empty verb")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    head = marked[0] if marked else 0
    return tuple(w.lstrip("+").upper() for w in words), head


def regular_forms(word: str) -> list[str]:
    """The base and its regular forms: S, ED (D after E), ING (E dropped); Y after a consonant: IES, IED."""
    if word.endswith("Y") and word[-2:-1] not in tuple("AEIOU"):
        return [word, word[:-1] + "IES", word[:-1] + "IED", word + "ING"]
    if word.endswith("E"):
        return [word, word + "S", word + "D", word[:-1] + "ING"]
    return [word, plural(word) if word.endswith(("S", "X", "SH", "CH")) else word + "S", word + "ED", word + "ING"]


def _parse_verb(text: str, code: EventCode | None, *, where: str, number: int) -> Verb:
    """``VERB``, ``VERB {FORMS}``, multi-word ``WIRE_+TAP {WIRE_+TAPPED}``."""
    forms_text: str | None = None
    if "{" in text or "}" in text:
        match = re.fullmatch(r"([^{}]*)\{([^{}]*)\}\s*", text)
        if match is None:
            raise KnowledgeError(f"{where}: unbalanced {{...}} in the verb's forms")
        text, forms_text = match[1], match[2]
    words, head = _verb_words(text, where=where)
    forms: list[tuple[str, ...]] = [words]
    if forms_text is None:
        for form in regular_forms(words[head])[1:]:
            forms.append((*words[:head], form, *words[head + 1 :]))
    else:
        for item in re.split(r"[\s,]+", forms_text.strip()):
            if not item:
                continue
            form, _ = _verb_words(item, where=where)
            if len(form) != len(words):
                logger.warning("%s: form %s has another length than %s; skipped", where, item, text.strip())
                continue
            forms.append(form)
    return Verb(words=words, head=head, forms=tuple(dict.fromkeys(forms)), code=code, line=number)


# --- patterns --------------------------------------------------------------------------------------


class _Side:
    """Builds the elements of one side of a pattern from its tokens."""

    def __init__(self, synsets: _Synsets, where: str) -> None:
        self.synsets = synsets
        self.where = where
        self.items: list[tuple[str, str, bool, str | None]] = []  # (kind, text, joined, group)
        self.joined = False
        self.groups: list[str] = []

    @property
    def group(self) -> str | None:
        return self.groups[0] if self.groups else None

    def feed(self, token: str) -> None:
        if token in "({":
            self.groups.append("pp" if token == "(" else "np")  # {NP} may sit inside (PP): CAMEO.2.0
        elif token in ")}":
            if not self.groups:
                logger.warning("%s: stray %r ignored", self.where, token)
            else:
                self.groups.pop()
        elif not token.strip(" \t"):
            self.joined = False
        elif set(token) <= {"_", " ", "\t"}:
            self.joined = True
        else:
            kind = _SLOTS.get(token, "word")
            self.items.append((kind, token, self.joined, self.group))
            self.joined = False

    def elements(self, *, resolve: bool) -> tuple[Element, ...]:
        out = []
        for kind, text, joined, group in self.items:
            options: tuple[tuple[str, ...], ...] = ()
            if kind == "word" and resolve:
                options = self._options(text)
            out.append(Element(kind=kind, options=options, name=text.upper(), joined=joined, group=group))
        return tuple(out)

    def _options(self, text: str) -> tuple[tuple[str, ...], ...]:
        if text.startswith("&"):
            return self.synsets.expand(text, where=self.where)
        return tuple((alt.upper(),) for alt in text.split("/") if alt)


def _sides(text: str, synsets: _Synsets, where: str) -> tuple[_Side, _Side, bool]:
    """Tokenise ``LOWER * UPPER`` into its two sides and the connector between LOWER and '*'."""
    text = text.replace("_ ", " ")  # PETRARCH reads TABARI's "XXX_ " as an open match
    if text.count("*") != 1:
        raise KnowledgeError(f"{where}: a pattern needs exactly one '*' (the verb's place)")
    before, after = text.split("*")
    lower, upper = _Side(synsets, where), _Side(synsets, where)
    for token in _TOKEN.findall(before):
        lower.feed(token)
    lower_joined = lower.joined
    upper.joined = after[:1] == "_"
    for token in _TOKEN.findall(after.lstrip("_") if upper.joined else after):
        upper.feed(token)
    if lower.groups or upper.groups:
        raise KnowledgeError(f"{where}: a '(' or '{{' is not closed")
    return lower, upper, lower_joined


@dataclass
class _PendingPattern:
    """A pattern read before every synset it uses may be defined; resolved at the end of the file."""

    lower: _Side
    upper: _Side
    lower_joined: bool
    code: EventCode
    line: int
    text: str

    def resolve(self) -> VerbPattern | None:
        try:
            lower, upper = self.lower.elements(resolve=True), self.upper.elements(resolve=True)
        except _Undefined as exc:
            logger.warning("%s; pattern skipped, as PETRARCH does", exc.message)
            return None
        return VerbPattern(lower=lower, upper=upper, lower_joined=self.lower_joined, code=self.code, line=self.line, text=self.text)


def _parse_pattern(line: str, synsets: _Synsets, *, where: str, number: int) -> _PendingPattern:
    head, codes = _split_code(line, where=where, required=True)
    tail = line[line.rfind("]") + 1 :].strip()
    if tail:
        raise KnowledgeError(f"{where}: text after the pattern's code: {tail!r}")
    stray = head.rstrip()
    if stray.endswith(")") and stray.count(")") > stray.count("("):
        logger.warning("%s: stray ')' before the code ignored", where)
        head = stray[:-1]
    lower, upper, lower_joined = _sides(head.strip()[1:], synsets, where)
    return _PendingPattern(lower, upper, lower_joined, codes[-1], number, line.strip())


# --- the file --------------------------------------------------------------------------------------


class _Reader:
    """The state of one pass over a verb dictionary."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.synsets = _Synsets()
        self.synset: str | None = None  # the synset whose '+' members are being read
        self.blocks: list[dict] = []
        self.transformations: list[str] = []

    def line(self, number: int, text: str) -> None:
        where = f"{self.origin}, line {number}"
        stripped = text.strip()
        if stripped.startswith("+") and self.synset is not None:
            if not stripped[1:].strip():
                raise KnowledgeError(f"{where}: empty synset member")
            self.synsets.raw[self.synset].append((stripped[1:].strip(), True, number))
            return
        if self.synset is not None and not self.synsets.raw[self.synset]:
            raise KnowledgeError(f"{where}: synset &{self.synset} has no '+' members")
        self.synset = None
        if stripped.startswith("&"):
            self.synset = self.synsets.start(stripped[1:].split()[0])
        elif stripped.startswith("---"):
            self._header(stripped, where, number)
        elif stripped.startswith("-"):
            self._block(where)["patterns"].append(_parse_pattern(stripped, self.synsets, where=where,
                                                                 number=number))
        elif stripped.startswith("~"):
            self.transformations.append(stripped)
        else:
            head, codes = _split_code(stripped, where=where, required=False)
            code = codes[0] if codes else None
            self._block(where)["verbs"].append(_parse_verb(head, code, where=where, number=number))

    def _header(self, text: str, where: str, number: int) -> None:
        body = text.strip("- \t")
        head, codes = _split_code(body, where=where, required=False)
        name = " ".join(head.replace("_", " ").split()) or "?"
        self.blocks.append({"name": name, "codes": codes or [EventCode(forward=None)], "verbs": [],
                            "patterns": [], "line": number})

    def _block(self, where: str) -> dict:
        if not self.blocks:
            raise KnowledgeError(f"{where}: a verb or pattern before any '--- NAME [CODE] ---' block header")
        return self.blocks[-1]

    def finish(self) -> VerbDictionary:
        if self.synset is not None and not self.synsets.raw[self.synset]:
            raise KnowledgeError(f"{self.origin}: synset &{self.synset} at the end has no '+' members")
        blocks = []
        for b in self.blocks:
            blocks.append(VerbBlock(name=b["name"], code=b["codes"][0], extra_codes=tuple(b["codes"][1:]),
                                    verbs=tuple(b["verbs"]), patterns=tuple(filter(None, (p.resolve() for p in b["patterns"]))),
                                    line=b["line"]))
        synsets = {name: self.synsets.expand(name, where=self.origin) for name in self.synsets.raw}
        return VerbDictionary(origin=self.origin, blocks=tuple(blocks), synsets=synsets,
                              transformations=tuple(self.transformations))


def parse_verb_dictionary(lines: Iterable[str], *, origin: str) -> VerbDictionary:
    """Read a PETRARCH verb dictionary; `origin` names the file in error messages."""
    reader = _Reader(origin)
    for number, text in _clean(lines):
        reader.line(number, text)
    return reader.finish()


def load_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Read a verb dictionary file (UTF-8)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot be read ({exc})") from exc
    return parse_verb_dictionary(text.splitlines(), origin=path.name)
