"""The DuckDB store: schema and migrations, the batch writer and the record-level reads.

One ``Store`` owns one connection; a lock makes it the single writer (DuckDB's model, as in datasette).
Writes are batched into one transaction and sent as one Arrow table per table, one INSERT each
instead of one statement per row.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from accord.errors import StoreError
from accord.records import Actor, Article, Event, Failure, Place, Plover, Trigger

_V1 = """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY, url VARCHAR, outlet VARCHAR, title VARCHAR, published DATE,
    published_source VARCHAR, language VARCHAR, source VARCHAR, text VARCHAR, coder VARCHAR,
    stored_at TIMESTAMP
);
CREATE TABLE events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, sentence_index INTEGER, sentence VARCHAR,
    source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
    source_org VARCHAR, source_sector VARCHAR, source_kind VARCHAR,
    target_text VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
    target_org VARCHAR, target_sector VARCHAR, target_kind VARCHAR,
    cameo VARCHAR, cameo_root VARCHAR, plover_event VARCHAR, plover_mode VARCHAR, plover_contexts VARCHAR[],
    quad_class INTEGER, goldstein DOUBLE, negated BOOLEAN, modality VARCHAR,
    date DATE, date_precision VARCHAR,
    location_name VARCHAR, location_country VARCHAR, location_admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
    geonameid BIGINT, location_precision VARCHAR,
    trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    rule VARCHAR, confidence DOUBLE, coder VARCHAR
);
CREATE INDEX events_article ON events (article_id);
CREATE TABLE failures (
    source VARCHAR, reason VARCHAR, stage VARCHAR, article_id VARCHAR, failed_at TIMESTAMP
);
"""


def _migrate_to_1(con: duckdb.DuckDBPyConnection) -> None:
    """Version 1: articles, events and failures."""
    con.execute(_V1)


# MIGRATIONS[i] upgrades a store from version i to i + 1; a new schema version appends one step.
MIGRATIONS: tuple[Callable[[duckdb.DuckDBPyConnection], None], ...] = (_migrate_to_1,)
SCHEMA_VERSION = len(MIGRATIONS)

# Column name -> SQL type, in table order: drives inserts (unnest casts) and reads.
_ARTICLE_COLUMNS = {
    "id": "VARCHAR", "url": "VARCHAR", "outlet": "VARCHAR", "title": "VARCHAR", "published": "DATE",
    "published_source": "VARCHAR", "language": "VARCHAR", "source": "VARCHAR", "text": "VARCHAR",
    "coder": "VARCHAR", "stored_at": "TIMESTAMP",
}  # fmt: skip
_ACTOR_FIELDS = ("text", "name", "code", "country", "org", "sector", "kind")
# Place field -> events column.
_PLACE_COLUMNS = {
    "name": "location_name", "country": "location_country", "admin1": "location_admin1",
    "lat": "lat", "lon": "lon", "geonameid": "geonameid", "precision": "location_precision",
}  # fmt: skip
_TABLES = ("articles", "events", "failures")
_ARROW = {
    "VARCHAR": pa.string(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "INTEGER": pa.int32(),
    "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "VARCHAR[]": pa.list_(pa.string()),
}  # fmt: skip
_EVENT_COLUMNS = {
    "id": "VARCHAR", "article_id": "VARCHAR", "sentence_index": "INTEGER", "sentence": "VARCHAR",
    **{f"source_{f}": "VARCHAR" for f in _ACTOR_FIELDS},
    **{f"target_{f}": "VARCHAR" for f in _ACTOR_FIELDS},
    "cameo": "VARCHAR", "cameo_root": "VARCHAR", "plover_event": "VARCHAR", "plover_mode": "VARCHAR",
    "plover_contexts": "VARCHAR[]", "quad_class": "INTEGER", "goldstein": "DOUBLE", "negated": "BOOLEAN",
    "modality": "VARCHAR", "date": "DATE", "date_precision": "VARCHAR",
    "location_name": "VARCHAR", "location_country": "VARCHAR", "location_admin1": "VARCHAR",
    "lat": "DOUBLE", "lon": "DOUBLE", "geonameid": "BIGINT", "location_precision": "VARCHAR",
    "trigger_text": "VARCHAR", "trigger_start": "INTEGER", "trigger_end": "INTEGER",
    "rule": "VARCHAR", "confidence": "DOUBLE", "coder": "VARCHAR",
}  # fmt: skip
_FAILURE_COLUMNS = {
    "source": "VARCHAR", "reason": "VARCHAR", "stage": "VARCHAR", "article_id": "VARCHAR",
    "failed_at": "TIMESTAMP",
}  # fmt: skip


@dataclass(frozen=True)
class BatchResult:
    """What one add_batch did: articles new and already stored, events written."""

    new: int
    existing: int
    events: int


def open_store(path: str | Path = "accord.duckdb", *, read_only: bool = False) -> Store:
    """Open (creating and migrating when needed) the DuckDB store at path."""
    name = str(path)
    try:
        con = duckdb.connect(name, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open store {name}: {_first_line(exc)}") from None
    try:
        _migrate(con, name, read_only=read_only)
    except BaseException:
        con.close()
        raise
    return Store(con, name)


def _migrate(con: duckdb.DuckDBPyConnection, name: str, *, read_only: bool) -> None:
    """Bring the schema up to SCHEMA_VERSION, one transaction per step."""
    version = _schema_version(con, name)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"store {name} has schema version {version}, newer than this Accord's "
            f"{SCHEMA_VERSION}: upgrade Accord"
        )
    if version < SCHEMA_VERSION and read_only:
        raise StoreError(
            f"store {name} has schema version {version}, needs {SCHEMA_VERSION}: open it writable once"
        )
    for step in range(version, SCHEMA_VERSION):
        try:
            con.execute("BEGIN TRANSACTION")
            MIGRATIONS[step](con)
            con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            con.execute("DELETE FROM schema_version")
            con.execute("INSERT INTO schema_version VALUES (?)", [step + 1])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            problem = _first_line(exc)
            raise StoreError(f"cannot migrate store {name} to version {step + 1}: {problem}") from None


def _schema_version(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """The stored schema version: 0 for a store without a schema_version table."""
    try:
        found = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()
        if not found or not found[0]:
            return 0
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.Error as exc:
        raise StoreError(f"cannot read the schema version of store {name}: {_first_line(exc)}") from None
    return int(row[0]) if row and row[0] is not None else 0


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class Store:
    """Articles, events and failures in one DuckDB file; one writer at a time."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.path = path
        self._con = con
        self._lock = threading.Lock()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        with self._lock:
            self._con.close()

    def add_batch(
        self,
        items: Sequence[tuple[Article, Sequence[Event]]],
        failures: Sequence[Failure] = (),
        *,
        coder: str | None = None,
    ) -> BatchResult:
        """Store new articles with their events, and the failures, in one transaction; skip known articles."""
        now = datetime.now(timezone.utc).replace(tzinfo=None)  # stored as naive UTC
        with self._lock:
            known = self._known_ids([article.id for article, _ in items])
            articles: list[dict[str, Any]] = []
            events: dict[str, dict[str, Any]] = {}
            for article, article_events in items:
                if article.id in known:
                    continue
                known.add(article.id)  # the same article twice in one batch is stored once
                article_coder = coder or next((e.coder for e in article_events if e.coder), None)
                articles.append(_article_row(article, article_coder, now))
                for event in article_events:
                    # Same id = same article, sentence, dyad and code: one event, kept once.
                    events.setdefault(event.id, _event_row(event))
            failure_rows = [{**f.to_json(), "failed_at": now} for f in failures]
            try:
                self._con.execute("BEGIN TRANSACTION")
                self._insert("articles", _ARTICLE_COLUMNS, articles)
                self._insert("events", _EVENT_COLUMNS, list(events.values()))
                self._insert("failures", _FAILURE_COLUMNS, failure_rows)
                self._con.execute("COMMIT")
            except (duckdb.Error, pa.ArrowException) as exc:
                self._rollback()
                # A bad value (wrong type) or a clash with stored rows: the whole batch is refused.
                raise StoreError(f"cannot write to store {self.path}: {_first_line(exc)}") from None
            except BaseException:
                self._rollback()
                raise
        return BatchResult(new=len(articles), existing=len(items) - len(articles), events=len(events))

    def _rollback(self) -> None:
        try:
            self._con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # a failed COMMIT has already rolled back

    def _known_ids(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        rows = self._con.execute(
            "SELECT a.id FROM articles a JOIN (SELECT unnest(?::VARCHAR[]) AS id) b ON a.id = b.id", [ids]
        ).fetchall()
        return {row[0] for row in rows}

    def _insert(self, table: str, columns: dict[str, str], rows: list[dict[str, Any]]) -> None:
        """Insert rows through an Arrow table: about four times faster than list parameters."""
        if not rows:
            return
        batch = pa.table(
            {name: pa.array([row[name] for row in rows], type=_ARROW[kind]) for name, kind in columns.items()}
        )
        view = f"_accord_batch_{table}"
        self._con.register(view, batch)
        try:
            names = ", ".join(columns)
            self._con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}")
        finally:
            self._con.unregister(view)

    def has_article(self, id: str) -> bool:
        """Whether an article with this id is stored."""
        with self._lock:
            return self._con.execute("SELECT 1 FROM articles WHERE id = ?", [id]).fetchone() is not None

    def counts(self) -> dict[str, int]:
        """Rows in each table: articles, events, failures."""
        with self._lock:
            rows = {t: self._con.execute(f"SELECT count(*) FROM {t}").fetchone() for t in _TABLES}
        return {table: int(row[0]) if row else 0 for table, row in rows.items()}

    def article(self, id: str) -> Article | None:
        """The stored article with this id, or None."""
        fields = [c for c in _ARTICLE_COLUMNS if c not in ("coder", "stored_at")]
        with self._lock:
            row = self._con.execute(f"SELECT {', '.join(fields)} FROM articles WHERE id = ?", [id]).fetchone()
        return Article(**dict(zip(fields, row))) if row else None

    def events(self, *, article_id: str | None = None, limit: int | None = None) -> list[Event]:
        """Stored events in the order they were stored, optionally of one article, at most limit."""
        sql = f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events"
        params: list[Any] = []
        if article_id is not None:
            sql += " WHERE article_id = ?"
            params.append(article_id)
        sql += " ORDER BY rowid"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._lock:
            rows = self._con.execute(sql, params).fetchall()
        return [_event_from_row(dict(zip(_EVENT_COLUMNS, row))) for row in rows]

    def failures(self) -> list[Failure]:
        """Stored failures in the order they were stored."""
        with self._lock:
            rows = self._con.execute(
                "SELECT source, reason, stage, article_id FROM failures ORDER BY rowid"
            ).fetchall()
        return [Failure(source=s, reason=r, stage=st, article_id=a) for s, r, st, a in rows]


def _article_row(article: Article, coder: str | None, now: datetime) -> dict[str, Any]:
    return {**article.to_json(), "published": article.published, "coder": coder, "stored_at": now}


def _event_row(event: Event) -> dict[str, Any]:
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
        for name in _ACTOR_FIELDS:
            row[f"{role}_{name}"] = getattr(actor, name) if actor else None
    for field, column in _PLACE_COLUMNS.items():
        row[column] = getattr(event.location, field) if event.location else None
    trigger = event.trigger
    row.update(
        trigger_text=trigger.text if trigger else None,
        trigger_start=trigger.start if trigger else None,
        trigger_end=trigger.end if trigger else None,
    )
    return row


def _actor_from_row(row: dict[str, Any], role: str) -> Actor | None:
    values = {name: row[f"{role}_{name}"] for name in _ACTOR_FIELDS}
    # Every Actor has text, name and code: an all-NULL group means no actor.
    return Actor(**values) if any(v is not None for v in values.values()) else None


def _event_from_row(row: dict[str, Any]) -> Event:
    """Rebuild an Event from its flattened row."""
    source = _actor_from_row(row, "source")
    if source is None:
        raise StoreError(f"event {row['id']} in the store has no source actor")
    place_values = {field: row[column] for field, column in _PLACE_COLUMNS.items()}
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
