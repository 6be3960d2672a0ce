"""Matching a PETRARCH verb pattern around a verb token: lower items before it, upper items after it.

Items are matched in written order, outward from the verb: a blank in the pattern lets other words come
between two items, ``_`` does not. Words compare case-insensitively with the token texts (PETRARCH
matches words, not lemmas: "resolutions" is not RESOLUTION). ``+``, ``$`` and ``%`` match where a
coded noun phrase begins (going right) or ends (going left) and bind it; ``^`` skips a noun phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.knowledge.petrarch_verbs import Element, VerbPattern

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Span:
    """A stretch of tokens [start, end] (inclusive) an actor slot or a skipped phrase covers."""

    start: int
    end: int
    head: int


@dataclass(frozen=True)
class Region:
    """Where a pattern may match in one sentence, and how to find phrases in it."""

    doc: Doc
    first: int  # first token of the sentence
    verb_start: int  # first and last token of the (multi-word) verb
    verb_end: int
    last: int  # last token of the verb's subtree
    actor_at: Callable[[int], Span | None]  # the coded phrase covering a token, if any
    compound_at: Callable[[int], Span | None]  # the coordinated coded phrases covering a token
    chunk_at: Callable[[int], Span | None]  # the noun phrase covering a token


Bindings = dict[str, Span]


def match(pattern: VerbPattern, region: Region) -> Bindings | None:
    """The slots a pattern binds when it matches around the verb, else None."""
    lower = list(reversed(pattern.lower))
    joins = [e.joined for e in pattern.lower[1:]] + [pattern.lower_joined]
    lower_adjacent = list(reversed(joins))
    found = _walk(lower, lower_adjacent, region.verb_start - 1, -1, region, {})
    if found is None:
        return None
    upper_adjacent = [e.joined for e in pattern.upper]
    return _walk(list(pattern.upper), upper_adjacent, region.verb_end + 1, 1, region, found)


def _walk(items: Sequence[Element], adjacent: Sequence[bool], position: int, step: int, region: Region,
          bound: Bindings) -> Bindings | None:
    """Match items from `position` in direction `step`, backtracking over the gaps allowed."""
    if not items:
        return bound
    item, rest, rest_adjacent = items[0], items[1:], adjacent[1:]
    candidates = [position] if adjacent[0] else _positions(position, step, region)
    for at in candidates:
        for after, binding in _item(item, at, step, region):
            found = _walk(rest, rest_adjacent, after, step, region, {**bound, **binding})
            if found is not None:
                return found
    return None


def _positions(position: int, step: int, region: Region) -> range:
    return range(position, region.last + 1) if step > 0 else range(position, region.first - 1, -1)


def _inside(at: int, region: Region) -> bool:
    return region.first <= at <= region.last and not region.verb_start <= at <= region.verb_end


def _item(item: Element, at: int, step: int, region: Region) -> list[tuple[int, Bindings]]:
    """Where matching may go on after the item matched at `at`, with what it binds."""
    if not _inside(at, region):
        return []
    if item.kind == "word":
        out = []
        for option in item.options:
            size = len(option)
            start = at if step > 0 else at - size + 1
            if start < region.first or start + size - 1 > region.last:
                continue
            words = [region.doc[k].lower_ for k in range(start, start + size)]
            if words == [w.lower() for w in option]:
                out.append((at + step * size, {}))
        return out
    finder = {"skip": region.chunk_at, "compound": region.compound_at}.get(item.kind, region.actor_at)
    span = finder(at)
    if span is None or (step > 0 and span.start != at and item.kind != "skip"):
        return []
    after = span.end + 1 if step > 0 else span.start - 1
    return [(after, {} if item.kind == "skip" else {item.kind: span})]
