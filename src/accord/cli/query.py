"""`accord query`: events, dyad series, top dyads and stories from the store, as a table, CSV or JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from accord.errors import UsageError

# What the table format shows of each query (CSV and JSON show every column).
_SHOWN = {
    "events": ("day", "source_code", "cameo", "target_code", "plover_event", "goldstein", "negated",
               "num_articles", "sentence"),
    "series": None,
    "dyads": None,
    "stories": None,
}  # fmt: skip


def add_filters(parser: argparse.ArgumentParser, date_type: Any) -> None:
    """The event filters shared by `query` and `export`."""
    group = parser.add_argument_group("filters")
    group.add_argument("--actor", help="actor code, country (ISO3) or organisation, on either side")
    group.add_argument("--dyad", nargs=2, metavar=("SOURCE", "TARGET"), help="source and target actors")
    group.add_argument("--code", help="CAMEO code or prefix (04, 042) or PLOVER event (CONSULT)")
    group.add_argument("--sector", help="sector of either actor (GOV, MIL, BUS ...)")
    group.add_argument("--since", type=date_type, help="first day (YYYY-MM-DD), included")
    group.add_argument("--until", type=date_type, help="last day (YYYY-MM-DD), included")


def event_filter(args: argparse.Namespace, *, negated: bool | None = None) -> Any:
    """The EventFilter the filter options describe."""
    from accord.store.queries import EventFilter

    source, target = args.dyad or (None, None)
    return EventFilter(
        actor=args.actor,
        source=source,
        target=target,
        code=args.code,
        sector=args.sector,
        since=args.since,
        until=args.until,
        negated=negated,
    )


def add_commands(commands: Any, date_type: Any) -> None:
    """Register `accord query` and its four questions."""
    query = commands.add_parser("query", help="ask the store: events, dyad series, top dyads, stories")
    kinds = query.add_subparsers(dest="question", metavar="QUESTION", required=True)
    helps = {
        "events": "events matching the filters, newest first",
        "series": "one dyad's events per day, week or month: counts by quad class, mean Goldstein",
        "dyads": "who acts on whom: dyads by number of events",
        "stories": "events told by several articles, with mention, article and source counts",
    }
    for name, text in helps.items():
        sub = kinds.add_parser(name, help=text)
        sub.add_argument("--db", help="DuckDB file (setting: db)")
        sub.add_argument(
            "--format", choices=("table", "csv", "json"), help="output format (table on a terminal)"
        )
        add_filters(sub, date_type)
        if name == "series":
            sub.add_argument("--freq", choices=("day", "week", "month", "year"), default="month")
        else:
            sub.add_argument(
                "--limit",
                type=int,
                default=50 if name == "events" else 20,
                help="at most this many rows (0: all)",
            )
        if name == "stories":
            sub.add_argument(
                "--min-articles", type=int, default=2, help="told by at least this many articles"
            )
        sub.set_defaults(run=run_query)


def run_query(args: argparse.Namespace) -> int:
    """Run one question against the store (read-only) and print the answer."""
    from accord.cli.ingest import settings_of
    from accord.cli.tables import write_arrow
    from accord.store import open_store, queries

    settings = settings_of(args)
    where = event_filter(args)
    limit = getattr(args, "limit", None) or None
    with open_store(settings.db, read_only=True, lock_timeout=settings.lock_timeout) as store:
        if args.question == "events":
            table = queries.events(store, where, limit=limit)
        elif args.question == "series":
            if not args.dyad:
                raise UsageError("query series needs --dyad SOURCE TARGET")
            table = queries.dyad_series(store, *args.dyad, freq=args.freq, where=event_filter(args))
        elif args.question == "dyads":
            table = queries.dyads(store, where, limit=limit)
        else:
            table = queries.stories(store, where, min_articles=args.min_articles, limit=limit)
    fmt = args.format or ("table" if sys.stdout.isatty() else "csv")
    write_arrow(table, sys.stdout, fmt, columns=_SHOWN[args.question])
    return 0
