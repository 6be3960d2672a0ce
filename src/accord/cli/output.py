"""Rendering events for people (a table) and programs (JSON Lines)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from accord.records import Actor, Event

_COLUMNS = ("sent", "source", "cameo", "target", "plover", "date", "location", "mood", "trigger")


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return actor.code or actor.entity or "?"


def _mood(event: Event) -> str:
    mood = "NOT " if event.negated else ""
    return mood + event.modality


def table_row(event: Event) -> tuple[str, ...]:
    """The cells of one event in the readable table."""
    location = event.location.name if event.location else ""
    if event.date is None:
        when = ""
    else:
        when = event.date.isoformat() + ("" if event.date_precision == "day" else f" ({event.date_precision})")
    return (
        str(event.sentence_index),
        _actor(event.source),
        event.cameo,
        _actor(event.target),
        event.plover.event,
        when,
        location,
        _mood(event),
        event.trigger.text if event.trigger else "",
    )


def write_table(events: Iterable[Event], out: TextIO) -> int:
    """Write events as an aligned text table; returns how many were written."""
    rows = [table_row(e) for e in events]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(_COLUMNS)]
    out.write("  ".join(c.upper().ljust(w) for c, w in zip(_COLUMNS, widths, strict=True)).rstrip() + "\n")
    for row in rows:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n")
    return len(rows)


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Write events in the JSON contract, one a line; returns how many were written."""
    count = 0
    for event in events:
        out.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
        count += 1
    return count
