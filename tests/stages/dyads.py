"""Events read as (source code, target code, CAMEO code), as the recall tests assert them."""

from __future__ import annotations

from accord.records import Actor


def actor_code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def coded(found, *, negated: bool = False) -> set[tuple[str, str | None, str]]:
    """The events that happened (or, with negated=True, those that did not) as (source, target, code)."""
    return {(e.source.code, actor_code(e.target), e.cameo) for e in found if e.negated == negated}


def roots(found) -> set[tuple[str, str | None, str]]:
    """The events that happened as (source country or org, target's, CAMEO root): the first three letters of
    each code ("PAKGOV" -> "PAK", "IGOUNO" -> "IGO")."""
    return {(e.source.code[:3], actor_code(e.target) and actor_code(e.target)[:3], e.cameo[:2]) for e in found
            if not e.negated}
