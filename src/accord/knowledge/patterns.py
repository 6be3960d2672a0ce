"""Verb and event-noun patterns: Accord's own plain-text format, loaded and validated.

Format (one pattern a line, ``#`` starts a comment)::

    @coop = cooperation ties relations partnership     # a word class, used as @coop
    042  visit   target=obj,place:to                    # CODE TRIGGER [key=value ...]
    040  ~talk   target=prep:with source=poss,amod joint  # ~ marks an event noun

Keys: ``obj`` (lemma or @class of the direct object; the subject of a passive; ``martial_law`` for a
lemma with that modifier), ``prep`` (a preposition
the trigger or its object must have), ``prt`` (a particle: "call on"), ``target`` and ``source`` (where to
look, tried in order: obj (or its possessor), dobj (the object itself only), prep:W, place:W, poss, amod,
compound, subj, comp (the subject of the trigger's clausal complement: "demanded that Iran release"), xobj
(who the trigger's "to" complement acts on: "refused to meet X"), cond (the subject of an "unless" or "if"
clause: "threatened to strike unless Israel withdrew")), ``xcomp`` (lemmas of that complement;
``*`` for any), ``joint`` (coordinated actors act
on each other), ``light`` (noun patterns: verbs that may govern the noun), ``undergo`` (verbs whose
subject suffers the event: "faced sanctions"), ``intent`` (the code when the act is only announced,
overriding the intent table), ``without`` (dependency labels the trigger must not have: "call"
with an ``oprd`` is naming, not phoning; an "attempt" with an ``acl`` is one to do something, not one on
someone's life), ``fallback`` (fires only when no word of the trigger's
complement has patterns of its own: "agreed to X" is X's intent when X is known, else a plain 030),
``targeted`` (fires only when its target names an actor: "released the prime minister" is freeing a
captive, "released a report" is nothing),
``modal`` (auxiliaries the trigger's clausal complement must have: "said Iran must withdraw" is a
demand), ``subj`` (lemmas of the subject or its modifiers, or of what a counting subject counts:
"peacekeeping troops arrived" is their deployment, not a visit), ``plover`` (``EVENT`` or
``EVENT:mode``: the PLOVER type when the act is coded with the pattern's own code, where PLOVER splits a
CAMEO code: a resignation is RETREAT 'resign', an indictment ACCUSE 'allege'), ``conf`` (base
confidence). An error names file and line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from accord.errors import KnowledgeError

_CODE = re.compile(r"^\d{2,4}$")
_KEYS = {"obj", "prep", "prt", "target", "source", "joint", "light", "undergo", "conf", "not_obj", "xcomp",
         "intent", "without", "fallback", "modal", "targeted", "subj", "plover"}
_SPECS = re.compile(r"^(obj|dobj|poss|amod|compound|dative|subj|of|comp|xobj|cond|prep:[a-z_]+|place:[a-z_]+)$")
DEFAULT_TARGET = ("obj",)
# PLOVER's event types (PLOVER manual, v0.5), for the ``plover`` key.
PLOVER_EVENTS = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                           "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                           "ASSAULT"})
_PLOVER = re.compile(r"^([A-Z]+)(?::([a-z_-]+))?$")


@dataclass(frozen=True, kw_only=True)
class Pattern:
    """One pattern: when its trigger and conditions hold, it codes `code`."""

    code: str
    lemma: str
    noun: bool = False
    obj: frozenset[str] | None = None
    not_obj: frozenset[str] = frozenset()
    prep: frozenset[str] | None = None
    prt: str | None = None
    xcomp: frozenset[str] | None = None
    modal: frozenset[str] | None = None  # auxiliaries of a clausal complement ("must"): "said X must go"
    subj: frozenset[str] | None = None  # lemmas of the subject or its modifiers ("peacekeeping troops")
    target: tuple[str, ...] = DEFAULT_TARGET
    source: tuple[str, ...] = ()
    joint: bool = False
    light: frozenset[str] | None = None
    undergo: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()  # dependency labels the trigger must not have ("called him a liar")
    fallback: bool = False  # fires only when no word of its complement has patterns of its own
    targeted: bool = False  # fires only when its target names an actor ("released the king", not "a report")
    confidence: float = 0.7
    intent: str | None = None  # the code when the act is only announced, where the intent table's is too narrow
    plover: tuple[str, str | None] | None = None  # PLOVER (event, mode) of the pattern's own code, if it differs
    rule: str = ""

    @property
    def specificity(self) -> int:
        """More conditions, more specific: the most specific matching pattern wins."""
        conditions = (self.obj, self.prep, self.prt, self.xcomp, self.modal, self.subj)
        wildcard = self.xcomp is not None and "*" in self.xcomp  # any complement: a weaker condition
        return sum(x is not None for x in conditions) * 2 + bool(self.not_obj) - wildcard


@dataclass(frozen=True)
class PatternSet:
    """Patterns indexed by trigger lemma, verbs and nouns apart."""

    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]

    def __len__(self) -> int:
        return sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))

    def all(self) -> list[Pattern]:
        return [p for group in (*self.verbs.values(), *self.nouns.values()) for p in group]


def parse_patterns(lines: Iterable[str], *, origin: str, valid_codes: Iterable[str] = ()) -> list[Pattern]:
    """Patterns from the lines of one file; KnowledgeError names origin and line for anything wrong."""
    codes = set(valid_codes)
    classes: dict[str, frozenset[str]] = {}
    patterns: list[Pattern] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{origin}:{number}"
        if line.startswith("@"):
            name, words = _word_class(line, where)
            classes[name] = words
            continue
        patterns.append(_parse_line(line, where, classes, codes))
    return patterns


def _word_class(line: str, where: str) -> tuple[str, frozenset[str]]:
    """A word class line ("@talks = talks meeting summit"): its name with the "@" and its words."""
    name, _, words = line.partition("=")
    if not words.strip():
        raise KnowledgeError(f"{where}: word class {name.strip()!r} has no words")
    return name.strip(), frozenset(words.split())


def _parse_line(line: str, where: str, classes: dict[str, frozenset[str]], codes: set[str]) -> Pattern:
    parts = line.split()
    if len(parts) < 2:
        raise KnowledgeError(f"{where}: expected 'CODE TRIGGER [key=value ...]', got {line!r}")
    code, trigger, options = parts[0], parts[1], parts[2:]
    if not _CODE.match(code) or (codes and code not in codes):
        raise KnowledgeError(f"{where}: {code!r} is not a CAMEO event code")
    noun = trigger.startswith("~")
    lemma = trigger.lstrip("~").lower()
    fields: dict[str, object] = {"code": code, "lemma": lemma, "noun": noun, "rule": f"{where} {trigger}"}
    for option in options:
        key, _, value = option.partition("=")
        if key not in _KEYS:
            raise KnowledgeError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(_KEYS))})")
        if key == "joint":
            fields["joint"] = True
        elif key == "fallback":
            fields["fallback"] = True
        elif key == "targeted":
            fields["targeted"] = True
        elif key == "conf":
            try:
                fields["confidence"] = float(value)
            except ValueError:
                raise KnowledgeError(f"{where}: conf must be a number, got {value!r}") from None
        elif key in {"target", "source"}:
            specs = tuple(value.split(","))
            bad = [s for s in specs if not _SPECS.match(s)]
            if bad:
                raise KnowledgeError(f"{where}: unknown {key} place {bad[0]!r}")
            fields[key] = specs
        elif key == "prt":
            fields["prt"] = value
        elif key == "plover":
            match = _PLOVER.match(value)
            if match is None or match.group(1) not in PLOVER_EVENTS:
                raise KnowledgeError(f"{where}: plover {value!r} is not EVENT or EVENT:mode of a PLOVER event")
            fields["plover"] = (match.group(1), match.group(2))
        elif key == "intent":
            if not _CODE.match(value) or (codes and value not in codes):
                raise KnowledgeError(f"{where}: intent {value!r} is not a CAMEO event code")
            fields["intent"] = value
        else:
            fields[key] = _words(value, classes, where)
    return Pattern(**fields)  # type: ignore[arg-type]


def _words(value: str, classes: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    words: set[str] = set()
    for item in value.split("|"):
        if item.startswith("@"):
            if item not in classes:
                raise KnowledgeError(f"{where}: word class {item!r} is not defined above this line")
            words |= classes[item]
        elif item:
            words.add(item.lower())
    if not words:
        raise KnowledgeError(f"{where}: empty word list")
    return frozenset(words)


def index(patterns: Iterable[Pattern]) -> PatternSet:
    """Group patterns by trigger, most specific first."""
    verbs: dict[str, list[Pattern]] = defaultdict(list)
    nouns: dict[str, list[Pattern]] = defaultdict(list)
    for p in patterns:
        (nouns if p.noun else verbs)[p.lemma].append(p)
    order = (lambda group: tuple(sorted(group, key=lambda p: -p.specificity)))
    return PatternSet({k: order(v) for k, v in verbs.items()}, {k: order(v) for k, v in nouns.items()})


@lru_cache(maxsize=1)
def refusal_codes() -> dict[str, str]:
    """Intent code (03x) -> the refusal of that act (12x): "refused to extradite" is 1213 (refusal.tsv)."""
    from accord.knowledge.tables import read_tsv

    return {row["intended"]: row["refused"] for row in read_tsv("refusal.tsv")}


@lru_cache(maxsize=1)
def builtin_classes() -> dict[str, frozenset[str]]:
    """The word classes verbs.txt defines, by name with its "@" ("@talks": talks, meeting, summit ...)."""
    text = resources.files("accord.knowledge").joinpath("data/verbs.txt").read_text(encoding="utf-8")
    lines = (raw.split("#", 1)[0].strip() for raw in text.splitlines())
    return dict(_word_class(line, "verbs.txt") for line in lines if line.startswith("@"))


@lru_cache(maxsize=1)
def builtin_patterns() -> tuple[Pattern, ...]:
    """Accord's own patterns, parsed once per process."""
    from accord.knowledge.tables import cameo_codes

    text = resources.files("accord.knowledge").joinpath("data/verbs.txt").read_text(encoding="utf-8")
    return tuple(parse_patterns(text.splitlines(), origin="verbs.txt", valid_codes=cameo_codes()))


def load_pattern_file(path: Path) -> list[Pattern]:
    """A user's pattern file, validated against the CAMEO table."""
    from accord.knowledge.tables import cameo_codes

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"cannot read pattern file {path}: {exc}") from None
    return parse_patterns(text.splitlines(), origin=str(path), valid_codes=cameo_codes())
