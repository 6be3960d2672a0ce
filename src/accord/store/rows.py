"""Records to table rows and back: an Event is stored flat, one column per field of its nested objects."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from accord.errors import StoreError
from accord.records import Actor, Article, Event, Place, Plover, Trigger, article_id
from accord.store.schema import ACTOR_FIELDS, ARTICLE_COLUMNS, PLACE_COLUMNS

# The articles columns that are fields of an Article (the rest are the store's own bookkeeping).
ARTICLE_FIELDS = tuple(
    c for c in ARTICLE_COLUMNS if c not in ("coder", "stored_at", "content_id", "coded_at")
)


def content_id(article: Article) -> str:
    """The article's identity by content (normalised text and URL), whatever id its record gave it."""
    return article_id(article.text, article.url)


def article_row(article: Article, coder: str | None, now: datetime) -> dict[str, Any]:
    """An Article as an articles row, stamped with the coder that coded it and the time."""
    return {
        **article.to_json(), "published": article.published, "coder": coder, "stored_at": now,
        "content_id": content_id(article), "coded_at": now,
    }  # fmt: skip


def article_from_row(row: dict[str, Any]) -> Article:
    """Rebuild an Article from its row."""
    return Article(**{name: row[name] for name in ARTICLE_FIELDS})


def event_row(event: Event) -> dict[str, Any]:
    """An Event flattened into the events table's columns."""
    row: dict[str, Any] = {
        "id": event.id, "article_id": event.article_id, "sentence_index": event.sentence_index,
        "sentence": event.sentence, "cameo": event.cameo, "cameo_root": event.cameo_root,
        "plover_event": event.plover.event, "plover_mode": event.plover.mode,
        "plover_contexts": list(event.plover.contexts), "quad_class": event.quad_class,
        "goldstein": event.goldstein, "negated": event.negated, "modality": event.modality,
        "date": event.date, "date_precision": event.date_precision, "rule": event.rule,
        "confidence": event.confidence, "coder": event.coder,
    }  # fmt: skip
    for role, actor in (("source", event.source), ("target", event.target)):
        for name in ACTOR_FIELDS:
            row[f"{role}_{name}"] = getattr(actor, name) if actor else None
    for field, column in PLACE_COLUMNS.items():
        row[column] = getattr(event.location, field) if event.location else None
    trigger = event.trigger
    row.update(
        trigger_text=trigger.text if trigger else None,
        trigger_start=trigger.start if trigger else None,
        trigger_end=trigger.end if trigger else None,
    )
    return row


def _actor_from_row(row: dict[str, Any], role: str) -> Actor | None:
    values = {name: row[f"{role}_{name}"] for name in ACTOR_FIELDS}
    # Every Actor has text, name and code: an all-NULL group means no actor.
    return Actor(**values) if any(v is not None for v in values.values()) else None


def event_from_row(row: dict[str, Any]) -> Event:
    """Rebuild an Event from its flattened row."""
    source = _actor_from_row(row, "source")
    if source is None:
        raise StoreError(f"event {row['id']} in the store has no source actor")
    place_values = {field: row[column] for field, column in PLACE_COLUMNS.items()}
    has_place = any(v is not None for v in place_values.values())
    return Event(
        id=row["id"],
        article_id=row["article_id"],
        sentence_index=row["sentence_index"],
        sentence=row["sentence"],
        source=source,
        target=_actor_from_row(row, "target"),
        cameo=row["cameo"],
        cameo_root=row["cameo_root"],
        plover=Plover(
            event=row["plover_event"], mode=row["plover_mode"], contexts=tuple(row["plover_contexts"] or ())
        ),
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        negated=row["negated"],
        modality=row["modality"],
        date=row["date"],
        date_precision=row["date_precision"],
        location=Place(**place_values) if has_place else None,
        trigger=(
            Trigger(text=row["trigger_text"], start=row["trigger_start"], end=row["trigger_end"])
            if row["trigger_start"] is not None
            else None
        ),
        rule=row["rule"],
        confidence=row["confidence"],
        coder=row["coder"],
    )
