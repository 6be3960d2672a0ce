"""`accord ingest`, `accord demo`, `accord recode` and `accord failures`: the store's jobs from the command line."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from accord.settings import Settings

_EXAMPLE = "pakistan-belarus-2023-05-30.txt"
_EXAMPLE_DATE = "2023-05-30"
_SHOWN_FAILURES = 10  # failures printed after a run; the rest are in `accord failures`


def add_commands(commands: Any, date_type: Any) -> None:
    """Register ingest, demo, recode and failures on the CLI's subparsers."""
    ingest = commands.add_parser("ingest", help="code sources into the DuckDB store (skips what is stored)")
    ingest.add_argument(
        "paths",
        nargs="+",
        metavar="SOURCE",
        help="text, JSONL, HTML or RSS/Atom file, directory, feed or page URL, or - for stdin",
    )
    ingest.add_argument("--db", help="DuckDB file (setting: db, default accord.duckdb)")
    ingest.add_argument("--published", type=date_type, help="publication date of text inputs (YYYY-MM-DD)")
    cluster = ingest.add_argument_group("Dask engine (with --engine dask; needs: pip install 'accord[dask]')")
    cluster.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="local: code in this process (default); dask: code shards on a Dask cluster",
    )  # fmt: skip
    cluster.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (default: start a LocalCluster)")
    cluster.add_argument(
        "--workers", type=_positive, metavar="N",
        help="LocalCluster worker processes (default: one per core); with --scheduler, wait for N workers",
    )  # fmt: skip
    cluster.add_argument("--shard-size", type=_positive, metavar="N", help="articles per task (default 50)")
    cluster.add_argument(
        "--parquet", metavar="DIR",
        help="events as Parquet partitioned by date (default: the store's name with .parquet); "
        "workers of a remote cluster must be able to write there",
    )  # fmt: skip
    ingest.set_defaults(run=run_ingest)

    demo = commands.add_parser("demo", help="code the bundled example article into the store and show it")
    demo.add_argument("--db", help="DuckDB file (default: accord.duckdb)")
    demo.set_defaults(run=run_ingest)

    recode = commands.add_parser("recode", help="re-code stored articles coded by another Accord version")
    recode.add_argument("--db", help="DuckDB file (setting: db)")
    recode.add_argument("--all", action="store_true", help="re-code every stored article")
    recode.set_defaults(run=run_recode)

    failures = commands.add_parser("failures", help="list the inputs that could not be read or coded")
    failures.add_argument("--db", help="DuckDB file (setting: db)")
    failures.add_argument("--stage", choices=("read", "code"), help="only failures of this stage")
    failures.add_argument("--limit", type=int, default=None, help="at most this many, most recent first")
    failures.add_argument(
        "--format", choices=("table", "csv", "json"), help="output format (table on a terminal)"
    )
    failures.set_defaults(run=run_failures)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def settings_of(args: argparse.Namespace) -> Settings:
    """The settings of a command: its options, then the environment, then --config."""
    return Settings.load(
        config=getattr(args, "config", None), model=getattr(args, "model", None), db=getattr(args, "db", None)
    )


class LazyCoder:
    """The Coder, built on first use: a run with nothing new to code never loads the model."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def code(self, articles: Any) -> Any:
        from accord.coder import get_coder

        return get_coder(self.settings).code(articles)


def run_ingest(args: argparse.Namespace) -> int:
    """`accord ingest` and `accord demo`: code sources into the store; the demo then prints its events."""
    from accord.cli.progress import ProgressLine
    from accord.coder import coder_version
    from accord.sources.files import parse_published, read_sources
    from accord.store import open_store
    from accord.store.jobs import ingest

    settings = settings_of(args)
    demo = args.command == "demo"
    if demo:
        paths = [str(resources.files("accord").joinpath("data", _EXAMPLE))]
        published = parse_published(_EXAMPLE_DATE)
    else:
        paths, published = args.paths, args.published
    items = read_sources(
        paths, published=published, max_bytes=settings.max_bytes, fetch_timeout=settings.fetch_timeout
    )
    cluster = None if demo else _cluster_run(args, settings)
    progress = ProgressLine(sys.stderr)
    # hold=False: between two batches the file is free, so `accord query` or the dashboard can read it.
    with open_store(settings.db, hold=False, lock_timeout=settings.lock_timeout) as store:
        if cluster is None:
            tally = ingest(
                store,
                LazyCoder(settings),
                items,
                coder_version=coder_version(settings),
                batch_size=settings.batch_size,
                progress=progress,
            )
        else:
            tally = _ingest_on_cluster(store, items, settings, cluster, progress)
        progress.finish()
        if demo:
            _print_demo(store, paths[0], published)
    _report_failures(tally.failures, settings.db)
    print(
        f"accord: {tally.new} new article(s), {tally.existing} already stored, {tally.failed} failed; "
        f"{tally.events} event(s) stored in {Path(settings.db).resolve()} "
        f"({tally.seconds:.1f} s, {tally.rate:.1f} articles/s)",
        file=sys.stderr,
    )
    if tally.failed and not tally.new and not tally.existing:
        from accord.errors import InputError

        raise InputError(f"no input could be read ({tally.failed} failed)")
    return 1 if tally.failed else 0


def _cluster_run(args: argparse.Namespace, settings: Settings) -> Any:
    """The Dask run the options ask for, or None for the local engine (refusing Dask options there)."""
    from accord.cluster.engine import ClusterRun
    from accord.errors import UsageError

    options = {"--scheduler": args.scheduler, "--workers": args.workers, "--shard-size": args.shard_size,
               "--parquet": args.parquet}  # fmt: skip
    if args.engine != "dask":
        given = [name for name, value in options.items() if value is not None]
        if given:
            raise UsageError(f"{', '.join(given)} only with --engine dask")
        return None
    parquet = args.parquet or str(Path(settings.db).with_suffix(".parquet"))
    return ClusterRun(
        parquet=parquet, scheduler=args.scheduler, workers=args.workers, shard_size=args.shard_size or 50
    )


def _ingest_on_cluster(store: Any, items: Any, settings: Settings, run: Any, progress: Any) -> Any:
    from accord.cluster.engine import ingest_on_cluster, open_client
    from accord.coder import coder_version

    version = coder_version(settings)
    with open_client(run.scheduler, run.workers) as client:
        tally = ingest_on_cluster(
            store, client, items, settings=settings, coder_version=version, run=run, progress=progress
        )
    print(f"accord: events as Parquet by date in {Path(run.parquet).resolve()}", file=sys.stderr)
    return tally


def _print_demo(store: Any, path: str, published: Any) -> None:
    from accord.cli.output import write_table
    from accord.records import Article
    from accord.sources.files import read_sources

    example = next(i for i in read_sources([path], published=published) if isinstance(i, Article))
    write_table(store.events(article_id=example.id), sys.stdout)


def _report_failures(failures: list[Any], db: str) -> None:
    for failure in failures[:_SHOWN_FAILURES]:
        print(f"accord: failed {failure.reason}", file=sys.stderr)
    if len(failures) > _SHOWN_FAILURES:
        print(
            f"accord: ... and {len(failures) - _SHOWN_FAILURES} more: accord failures --db {db}",
            file=sys.stderr,
        )


def run_recode(args: argparse.Namespace) -> int:
    """`accord recode`: re-code the stored articles whose coder version differs (or all of them)."""
    from accord.cli.progress import ProgressLine
    from accord.coder import coder_version
    from accord.store import open_store
    from accord.store.jobs import recode

    settings = settings_of(args)
    progress = ProgressLine(sys.stderr, label="recode")
    with open_store(settings.db, hold=False, lock_timeout=settings.lock_timeout) as store:
        tally = recode(
            store,
            LazyCoder(settings),
            coder_version=coder_version(settings),
            everything=args.all,
            batch_size=settings.batch_size,
            progress=progress,
        )
        progress.finish()
    _report_failures(tally.failures, settings.db)
    print(
        f"accord: {tally.new} article(s) re-coded by {coder_version(settings)}, {tally.failed} failed; "
        f"{tally.replaced} event(s) replaced by {tally.events} ({tally.seconds:.1f} s)",
        file=sys.stderr,
    )
    return 1 if tally.failed else 0


def run_failures(args: argparse.Namespace) -> int:
    """`accord failures`: the failures table, most recent first."""
    from accord.cli.tables import write_arrow
    from accord.store import open_store, queries

    settings = settings_of(args)
    with open_store(settings.db, read_only=True, lock_timeout=settings.lock_timeout) as store:
        table = queries.failures(store, stage=args.stage, limit=args.limit)
    fmt = args.format or ("table" if sys.stdout.isatty() else "csv")
    write_arrow(table, sys.stdout, fmt, columns=("failed_at", "stage", "attempts", "reason"))
    return 0
