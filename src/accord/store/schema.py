"""The store's schema: the DDL of each version, the migrations between them, and the SQL both share.

A migration step is a function ``(connection) -> None`` run inside one transaction; ``MIGRATIONS[i]``
upgrades a store from version i to i + 1. A step never changes after it ships: a store written by that
Accord must still upgrade the same way. New versions append a step.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pyarrow as pa

from accord.errors import StoreError
from accord.records import article_id

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

# Column name -> SQL type: drives inserts (through Arrow, by name) and reads. Events keep their table order
# but for story_id (added in version 2 after the version-1 columns) and what later versions appended.
ARTICLE_COLUMNS = {
    "id": "VARCHAR", "url": "VARCHAR", "outlet": "VARCHAR", "title": "VARCHAR", "published": "DATE",
    "published_source": "VARCHAR", "language": "VARCHAR", "source": "VARCHAR", "text": "VARCHAR",
    "coder": "VARCHAR", "stored_at": "TIMESTAMP", "content_id": "VARCHAR", "coded_at": "TIMESTAMP",
}  # fmt: skip
ACTOR_FIELDS = ("text", "name", "code", "country", "org", "sector", "kind")
# Place field -> events column.
PLACE_COLUMNS = {
    "name": "location_name", "country": "location_country", "admin1": "location_admin1",
    "lat": "lat", "lon": "lon", "geonameid": "geonameid", "precision": "location_precision",
    "text": "location_text",
}  # fmt: skip
# The events table's columns up to version 2: the v2 migration copies exactly these, whatever came later.
_EVENT_COLUMNS_V1 = {
    "id": "VARCHAR", "article_id": "VARCHAR", "sentence_index": "INTEGER", "sentence": "VARCHAR",
    **{f"source_{f}": "VARCHAR" for f in ACTOR_FIELDS},
    **{f"target_{f}": "VARCHAR" for f in ACTOR_FIELDS},
    "cameo": "VARCHAR", "cameo_root": "VARCHAR", "plover_event": "VARCHAR", "plover_mode": "VARCHAR",
    "plover_contexts": "VARCHAR[]", "quad_class": "INTEGER", "goldstein": "DOUBLE", "negated": "BOOLEAN",
    "modality": "VARCHAR", "date": "DATE", "date_precision": "VARCHAR",
    "location_name": "VARCHAR", "location_country": "VARCHAR", "location_admin1": "VARCHAR",
    "lat": "DOUBLE", "lon": "DOUBLE", "geonameid": "BIGINT", "location_precision": "VARCHAR",
    "trigger_text": "VARCHAR", "trigger_start": "INTEGER", "trigger_end": "INTEGER",
    "rule": "VARCHAR", "confidence": "DOUBLE", "coder": "VARCHAR",
}  # fmt: skip
EVENT_COLUMNS = {**_EVENT_COLUMNS_V1, "location_text": "VARCHAR"}
FAILURE_COLUMNS = {
    "source": "VARCHAR", "reason": "VARCHAR", "stage": "VARCHAR", "article_id": "VARCHAR",
    "failed_at": "TIMESTAMP", "attempts": "INTEGER",
}  # fmt: skip
ARROW_TYPES = {
    "VARCHAR": pa.string(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "INTEGER": pa.int32(),
    "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "VARCHAR[]": pa.list_(pa.string()),
}  # fmt: skip


def story_id_sql(event: str = "e", article: str = "a") -> str:
    """SQL for an event's story: one hash of dyad, code, negation and day, shared by every article telling it.

    The day is the event's own date, else its article's publication day; an event with neither is a
    story of its own. The writer and the v2 migration both use this one expression, so they agree.
    """
    day = f"coalesce({event}.date, {article}.published)"
    key = (
        f"concat_ws(chr(31), coalesce({event}.source_code, ''), coalesce({event}.target_code, ''), "
        f"{event}.cameo, CASE WHEN {event}.negated THEN 'not' ELSE '' END, strftime({day}, '%Y-%m-%d'))"
    )
    return f"CASE WHEN {day} IS NULL THEN {event}.id ELSE substr(sha256({key}), 1, 24) END"


def failure_id_sql(failure: str = "f") -> str:
    """SQL for a failure's identity: the same problem with the same input is one row, counted in attempts."""
    return f"substr(sha256(concat_ws(chr(31), {failure}.stage, {failure}.source, {failure}.reason)), 1, 24)"


# Where an article came from, for counting sources: its outlet, else the host of its URL.
_OUTLET_SQL = (
    "coalesce(a.outlet, nullif(regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)', 1), ''), '')"
)

_STORIES_VIEW = f"""
CREATE VIEW stories AS
SELECT e.story_id,
       any_value(e.source_code) AS source_code, any_value(e.target_code) AS target_code,
       any_value(e.cameo) AS cameo, min(coalesce(e.date, a.published)) AS date,
       count(*) AS num_mentions, count(DISTINCT e.article_id) AS num_articles,
       count(DISTINCT {_OUTLET_SQL}) AS num_sources,
       min(a.stored_at) AS first_stored_at
FROM events e JOIN articles a ON a.id = e.article_id
GROUP BY e.story_id
"""


def _migrate_to_1(con: duckdb.DuckDBPyConnection) -> None:
    """Version 1: articles, events and failures."""
    con.execute(_V1)


def _migrate_to_2(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2: article content ids, coded_at, event story ids and the stories view, keyed failures.

    DuckDB cannot index a column updated in the same transaction, so each table is rebuilt with its
    new columns filled by the INSERT, in stored order, and then indexed.
    """
    ids = con.sql("SELECT id, text, url FROM articles").to_arrow_table().to_pylist()
    content = pa.table({
        "id": pa.array([row["id"] for row in ids], pa.string()),
        "content_id": pa.array([article_id(row["text"] or "", row["url"]) for row in ids], pa.string()),
    })  # fmt: skip
    con.register("_accord_content", content)
    try:
        con.execute(_articles_v2())
    finally:
        con.unregister("_accord_content")
    con.execute(_events_v2())
    con.execute(_failures_v2())
    con.execute(_STORIES_VIEW)


def _articles_v2() -> str:
    old = [c for c in ARTICLE_COLUMNS if c not in ("content_id", "coded_at")]
    return f"""
    CREATE TABLE articles_v2 ({_ddl(ARTICLE_COLUMNS, "id")});
    INSERT INTO articles_v2 SELECT {", ".join("a." + c for c in old)}, c.content_id, a.stored_at
        FROM articles a JOIN _accord_content c ON c.id = a.id ORDER BY a.rowid;
    DROP TABLE articles;
    ALTER TABLE articles_v2 RENAME TO articles;
    CREATE INDEX articles_content ON articles (content_id);
    """


def _events_v2() -> str:
    columns = {**_EVENT_COLUMNS_V1, "story_id": "VARCHAR"}
    return f"""
    CREATE TABLE events_v2 ({_ddl(columns, "id")});
    INSERT INTO events_v2 SELECT {", ".join("e." + c for c in _EVENT_COLUMNS_V1)}, {story_id_sql()}
        FROM events e LEFT JOIN articles a ON a.id = e.article_id ORDER BY e.rowid;
    DROP TABLE events;
    ALTER TABLE events_v2 RENAME TO events;
    CREATE INDEX events_article ON events (article_id);
    CREATE INDEX events_story ON events (story_id);
    """


def _failures_v2() -> str:
    columns = {"id": "VARCHAR", **FAILURE_COLUMNS, "first_failed_at": "TIMESTAMP"}
    return f"""
    CREATE TABLE failures_v2 ({_ddl(columns, "id")});
    INSERT INTO failures_v2
        SELECT id, any_value(source), any_value(reason), any_value(stage), any_value(article_id),
               max(failed_at), count(*)::INTEGER, min(failed_at)
        FROM (SELECT {failure_id_sql()} AS id, f.*, f.rowid AS seq FROM failures f)
        GROUP BY id ORDER BY min(seq);
    DROP TABLE failures;
    ALTER TABLE failures_v2 RENAME TO failures;
    """


def _migrate_to_3(con: duckdb.DuckDBPyConnection) -> None:
    """Version 3: the place name as the article wrote it, beside the gazetteer's (NULL for older events)."""
    con.execute("ALTER TABLE events ADD COLUMN location_text VARCHAR")


def _ddl(columns: dict[str, str], key: str) -> str:
    return ", ".join(
        f"{name} {kind}" + (" PRIMARY KEY" if name == key else "") for name, kind in columns.items()
    )


MIGRATIONS: tuple[Callable[[duckdb.DuckDBPyConnection], None], ...] = (
    _migrate_to_1, _migrate_to_2, _migrate_to_3,
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(con: duckdb.DuckDBPyConnection, name: str, *, read_only: bool) -> None:
    """Bring the schema up to SCHEMA_VERSION, one transaction per step."""
    version = schema_version(con, name)
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
            problem = first_line(exc)
            raise StoreError(f"cannot migrate store {name} to version {step + 1}: {problem}") from None


def schema_version(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """The stored schema version: 0 for a store without a schema_version table."""
    try:
        found = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchall()
        if not found[0][0]:
            return 0
        rows = con.execute("SELECT max(version) FROM schema_version").fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"cannot read the schema version of store {name}: {first_line(exc)}") from None
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, for one-line errors."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
