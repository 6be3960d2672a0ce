"""`accord export`: the store's events as JSONL, CSV, Parquet, a GDELT 2.0 event table or PLOVER JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from accord.errors import UsageError

_NEGATED = {"keep": None, "drop": False, "only": True}


def add_commands(commands: Any, date_type: Any) -> None:
    """Register `accord export`."""
    from accord.cli.query import add_filters

    export = commands.add_parser(
        "export", help="write the store's events as jsonl, csv, parquet, gdelt or plover"
    )
    export.add_argument("--format", required=True, choices=("jsonl", "csv", "parquet", "gdelt", "plover"))
    export.add_argument("--output", "-o", help="file to write (default: standard output; needed for parquet)")
    export.add_argument("--db", help="DuckDB file (setting: db)")
    export.add_argument(
        "--negated",
        choices=tuple(_NEGATED),
        help="events that did not happen: keep, drop or only them "
        "(default: drop for gdelt, which cannot mark them; keep otherwise)",
    )
    add_filters(export, date_type)
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Export the selected events and say how many were written where."""
    from accord.cli.ingest import settings_of
    from accord.cli.query import event_filter
    from accord.exports import export
    from accord.store import open_store

    settings = settings_of(args)
    if args.format == "parquet" and not args.output and sys.stdout.isatty():
        raise UsageError("parquet is binary: give --output FILE or redirect standard output")
    negated = _NEGATED[args.negated] if args.negated else (False if args.format == "gdelt" else None)
    where = event_filter(args, negated=negated)
    with open_store(settings.db, read_only=True, lock_timeout=settings.lock_timeout) as store:
        if args.output:
            count = export(store, args.format, args.output, where=where)
        else:
            sys.stdout.flush()
            count = export(store, args.format, sys.stdout.buffer, where=where)
            sys.stdout.buffer.flush()
    print(
        f"accord: {count} event(s) exported as {args.format} to {args.output or 'standard output'}",
        file=sys.stderr,
    )
    return 0
