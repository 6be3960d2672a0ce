"""The DuckDB store: one writer, batches of articles with their events in one transaction, record reads.

A ``Store`` either holds its DuckDB connection (``hold=True``, the default: quick for a script or a
test) or opens the file only for each read or write (``hold=False``: what ``accord ingest`` uses, so a
query or the dashboard can read the store between two batches of a long run). Either way a writable
Store holds the writer lock for its whole life (see ``store/lock.py``).

Writes are batched into one transaction and sent as one Arrow table per table: a reader sees an article
with all its events or not at all, and a process killed mid-batch leaves the store as it was before it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from accord.errors import StoreError
from accord.records import Article, Event, Failure
from accord.store.lock import WriterLock, connect
from accord.store.rows import (
    ARTICLE_FIELDS,
    article_from_row,
    article_row,
    content_id,
    event_from_row,
    event_row,
)
from accord.store.schema import (
    ARROW_TYPES,
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    FAILURE_COLUMNS,
    SCHEMA_VERSION,
    failure_id_sql,
    first_line,
    migrate,
    story_id_sql,
)

__all__ = ["SCHEMA_VERSION", "BatchResult", "Store", "open_store"]

_TABLES = ("articles", "events", "failures")


@dataclass(frozen=True)
class BatchResult:
    """What one write did: articles new and already stored, events written, events replaced."""

    new: int
    existing: int
    events: int
    replaced: int = 0


def open_store(
    path: str | Path = "accord.duckdb",
    *,
    read_only: bool = False,
    hold: bool = True,
    lock_timeout: float = 30.0,
) -> Store:
    """Open (creating and migrating when needed) the DuckDB store at path; writable stores take the writer lock."""
    name = str(path)
    if Path(name).is_dir():
        raise StoreError(f"cannot open store {name}: it is a directory")
    lock = None if read_only else WriterLock(name)
    if lock is not None:
        lock.acquire()
    try:
        con = connect(name, read_only=read_only, timeout=lock_timeout)
        try:
            migrate(con, name, read_only=read_only)
        except BaseException:
            con.close()
            raise
        if not hold:
            con.close()
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Store(name, con if hold else None, read_only=read_only, lock=lock, lock_timeout=lock_timeout)


class Store:
    """Articles, events and failures in one DuckDB file; one writer at a time."""

    def __init__(
        self,
        path: str,
        con: duckdb.DuckDBPyConnection | None,
        *,
        read_only: bool = False,
        lock: WriterLock | None = None,
        lock_timeout: float = 30.0,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._con = con
        self._writer = lock
        self._timeout = lock_timeout
        self._closed = False
        self._lock = threading.Lock()  # one statement at a time on a shared connection

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection and let the next writer in; closing twice is harmless."""
        with self._lock:
            self._closed = True
            if self._con is not None:
                self._con.close()
                self._con = None
            if self._writer is not None:
                self._writer.release()

    @contextmanager
    def _session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection for one read or write: the held one, or the file opened for just this."""
        with self._lock:
            if self._closed:
                raise StoreError(f"store {self.path} is closed")
            if self._con is not None:
                yield self._con
                return
            con = connect(self.path, read_only=self.read_only, timeout=self._timeout)
            try:
                yield con
            finally:
                con.close()

    # ---- writes ----------------------------------------------------------------------------------

    def add_batch(
        self,
        items: Sequence[tuple[Article, Sequence[Event]]],
        failures: Sequence[Failure] = (),
        *,
        coder: str | None = None,
    ) -> BatchResult:
        """Store new articles with their events, and the failures, in one transaction; skip known articles."""
        now = _now()
        with self._session() as con, self._transaction(con):
            seen = _Seen(self._known(con, [article for article, _ in items]))
            articles: list[dict[str, Any]] = []
            events: dict[str, dict[str, Any]] = {}
            for article, article_events in items:
                if seen.check(article):
                    continue
                article_coder = coder or next((e.coder for e in article_events if e.coder), None)
                articles.append(article_row(article, article_coder, now))
                for event in article_events:
                    # Same id = same article, sentence, dyad and code: one event, kept once.
                    events.setdefault(event.id, event_row(event))
            _insert(con, "articles", ARTICLE_COLUMNS, articles)
            _insert_events(con, list(events.values()))
            _upsert_failures(con, failures, now)
        return BatchResult(new=len(articles), existing=len(items) - len(articles), events=len(events))

    def replace_events(
        self,
        items: Sequence[tuple[Article, Sequence[Event]]],
        failures: Sequence[Failure] = (),
        *,
        coder: str,
    ) -> BatchResult:
        """Replace the events of stored articles and mark them coded by coder, in one transaction."""
        now = _now()
        ids = [article.id for article, _ in items]
        events: dict[str, dict[str, Any]] = {}
        for _, article_events in items:
            for event in article_events:
                events.setdefault(event.id, event_row(event))
        with self._session() as con, self._transaction(con):
            rows = con.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            replaced = int(rows.fetchall()[0][0])
            _insert_events(con, list(events.values()))
            con.execute(
                "UPDATE articles SET coder = ?, coded_at = ? WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [coder, now, ids],
            ).fetchall()
            _upsert_failures(con, failures, now)
        return BatchResult(new=0, existing=len(items), events=len(events), replaced=replaced)

    @contextmanager
    def _transaction(self, con: duckdb.DuckDBPyConnection) -> Iterator[None]:
        """BEGIN ... COMMIT; any failure rolls the whole batch back and a database error becomes a StoreError."""
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        con.execute("BEGIN TRANSACTION")
        try:
            yield
            con.execute("COMMIT")
        except (duckdb.Error, pa.ArrowException) as exc:
            _rollback(con)
            # A bad value (wrong type) or a clash with stored rows: the whole batch is refused.
            raise StoreError(f"cannot write to store {self.path}: {first_line(exc)}") from None
        except BaseException:
            _rollback(con)
            raise

    @staticmethod
    def _known(con: duckdb.DuckDBPyConnection, articles: Sequence[Article]) -> tuple[set[str], set[str]]:
        """The ids and content ids among these articles' that the store already holds."""
        if not articles:
            return set(), set()
        ids = [a.id for a in articles]
        contents = [content_id(a) for a in articles]
        by_id = con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
        by_content = con.execute(
            "SELECT content_id FROM articles WHERE content_id IN (SELECT unnest(?::VARCHAR[]))", [contents]
        ).fetchall()
        return {row[0] for row in by_id}, {row[0] for row in by_content}

    def known(self, articles: Sequence[Article]) -> set[str]:
        """Ids of the given articles that are stored already, by id or by content (same text and URL)."""
        with self._session() as con:
            ids, contents = self._known(con, articles)
        return {a.id for a in articles if a.id in ids or content_id(a) in contents}

    # ---- reads -----------------------------------------------------------------------------------

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        """The result of a read-only query as an Arrow table."""
        with self._session() as con:
            try:
                return con.sql(sql, params=list(params) or None).to_arrow_table()
            except duckdb.Error as exc:
                raise StoreError(f"cannot read store {self.path}: {first_line(exc)}") from None

    def batches(
        self, sql: str, params: Sequence[Any] = (), *, size: int = 10_000
    ) -> Iterator[pa.RecordBatch]:
        """The result of a query as Arrow record batches (at least one), for exports larger than memory."""
        with self._session() as con:
            try:
                reader = con.sql(sql, params=list(params) or None).to_arrow_reader(size)
                empty = True
                for batch in reader:
                    empty = False
                    yield batch
                if empty:  # one empty batch still tells a writer the columns
                    yield pa.RecordBatch.from_pylist([], schema=reader.schema)
            except duckdb.Error as exc:
                raise StoreError(f"cannot read store {self.path}: {first_line(exc)}") from None

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._session() as con:
            return con.execute(sql, list(params)).fetchall()

    def has_article(self, id: str) -> bool:
        """Whether an article with this id is stored."""
        return bool(self._rows("SELECT 1 FROM articles WHERE id = ?", [id]))

    def counts(self) -> dict[str, int]:
        """Rows in each table: articles, events, failures."""
        sql = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {t}" for t in _TABLES)
        return {table: int(count) for table, count in self._rows(sql)}

    def article(self, id: str) -> Article | None:
        """The stored article with this id, or None."""
        found = self.articles([id])
        return found[0] if found else None

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles with these ids, in the order given; unknown ids are left out."""
        sql = f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))"
        found = {
            row[0]: article_from_row(dict(zip(ARTICLE_FIELDS, row))) for row in self._rows(sql, [list(ids)])
        }
        return [found[i] for i in ids if i in found]

    def stale(self, coder: str) -> list[str]:
        """Ids of stored articles coded by another coder version than this one, in stored order."""
        rows = self._rows("SELECT id FROM articles WHERE coder IS DISTINCT FROM ? ORDER BY rowid", [coder])
        return [row[0] for row in rows]

    def events(self, *, article_id: str | None = None, limit: int | None = None) -> list[Event]:
        """Stored events in the order they were stored, optionally of one article, at most limit."""
        sql = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
        params: list[Any] = []
        if article_id is not None:
            sql += " WHERE article_id = ?"
            params.append(article_id)
        sql += " ORDER BY rowid"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [event_from_row(dict(zip(EVENT_COLUMNS, row))) for row in self._rows(sql, params)]

    def failures(self) -> list[Failure]:
        """Stored failures in the order they first happened."""
        rows = self._rows("SELECT source, reason, stage, article_id FROM failures ORDER BY rowid")
        return [Failure(source=s, reason=r, stage=st, article_id=a) for s, r, st, a in rows]


class _Seen:
    """Articles met so far in a batch, by id and by content: the same article twice is stored once."""

    def __init__(self, known: tuple[set[str], set[str]]) -> None:
        self.ids, self.contents = known

    def check(self, article: Article) -> bool:
        """True when the article is known; otherwise remember it and return False."""
        content = content_id(article)
        if article.id in self.ids or content in self.contents:
            return True
        self.ids.add(article.id)
        self.contents.add(content)
        return False


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # stored as naive UTC


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # a failed COMMIT has already rolled back


@contextmanager
def _registered(
    con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, str], rows: list[dict[str, Any]]
):
    """Rows registered as an Arrow view: one INSERT for a batch, about four times faster than parameters."""
    arrays = {
        column: pa.array([row[column] for row in rows], type=ARROW_TYPES[kind])
        for column, kind in columns.items()
    }
    # seq keeps the input order: a join or a parallel scan may not, and reads list rows by rowid.
    batch = pa.table({**arrays, "seq": pa.array(range(len(rows)), type=pa.int64())})
    con.register(name, batch)
    try:
        yield name
    finally:
        con.unregister(name)


def _insert(
    con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, str], rows: list[dict[str, Any]]
) -> None:
    if not rows:
        return
    with _registered(con, f"_accord_batch_{table}", columns, rows) as view:
        names = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {view} ORDER BY seq")


def _insert_events(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Insert events with their story ids, computed by the same SQL the migration used."""
    if not rows:
        return
    with _registered(con, "_accord_batch_events", EVENT_COLUMNS, rows) as view:
        names = ", ".join(EVENT_COLUMNS)
        selected = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        con.execute(
            f"INSERT INTO events ({names}, story_id) SELECT {selected}, {story_id_sql('e', 'a')} "
            f"FROM {view} e LEFT JOIN articles a ON a.id = e.article_id ORDER BY e.seq"
        )


def _upsert_failures(con: duckdb.DuckDBPyConnection, failures: Sequence[Failure], now: datetime) -> None:
    """Add failures; one already stored (same stage, source and reason) counts another attempt instead."""
    counted: dict[tuple[str, str, str], dict[str, Any]] = {}
    for failure in failures:
        key = (failure.stage, failure.source, failure.reason)
        row = counted.setdefault(key, {**failure.to_json(), "failed_at": now, "attempts": 0})
        row["attempts"] += 1
        row["article_id"] = row["article_id"] or failure.article_id
    if not counted:
        return
    with _registered(con, "_accord_batch_failures", FAILURE_COLUMNS, list(counted.values())) as view:
        # Update the known, then insert the new in input order (ON CONFLICT would not keep the order).
        con.execute(
            f"UPDATE failures SET failed_at = f.failed_at, attempts = failures.attempts + f.attempts, "
            f"article_id = coalesce(f.article_id, failures.article_id) "
            f"FROM {view} f WHERE failures.id = {failure_id_sql('f')}"
        )
        names = ", ".join(FAILURE_COLUMNS)
        con.execute(
            f"INSERT INTO failures (id, {names}, first_failed_at) "
            f"SELECT {failure_id_sql('f')} AS fid, {', '.join('f.' + c for c in FAILURE_COLUMNS)}, f.failed_at "
            f"FROM {view} f WHERE fid NOT IN (SELECT id FROM failures) ORDER BY f.seq"
        )
