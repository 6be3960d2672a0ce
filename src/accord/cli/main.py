"""The `accord` command line: parses arguments and calls plain functions; one line per error, no traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from accord.errors import AccordError, UsageError

_EXIT_PARTIAL = 1  # the command ran, but some inputs were skipped (each reported on stderr)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _run_code(args: argparse.Namespace) -> int:
    from accord.cli.commands import run_code

    return run_code(args)


def _run_eval(args: argparse.Namespace) -> int:
    if args.petrarch_suite:
        from accord.cli.petrarch import run_petrarch_suite

        return run_petrarch_suite(args)
    if not args.gold:
        raise UsageError("eval needs a gold JSONL file or --petrarch-suite DIR")
    from accord.cli.commands import run_eval

    return run_eval(args)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    from accord import __version__

    parser = argparse.ArgumentParser(prog="accord", description="Turn news into coded event data.")
    parser.add_argument("--version", action="version", version=f"accord {__version__}")
    parser.add_argument("--model", help="spaCy model to load (setting: model)")
    parser.add_argument("--config", help="TOML file of settings")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    code = commands.add_parser("code", help="code text files, directories or JSONL articles; print events")
    code.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, JSONL file, or - for stdin")
    code.add_argument("--format", choices=("table", "jsonl"), help="output format (table on a terminal)")
    code.add_argument("--published", type=_date, help="publication date of text inputs (YYYY-MM-DD)")
    code.add_argument("--patterns", help="extra pattern files, separated by os.pathsep")
    code.add_argument("--all", action="store_true", help="also print events with no target and hypothetical ones")
    code.set_defaults(run=_run_code)

    ev = commands.add_parser("eval", help="score Accord against a gold JSONL file (gold/FORMAT.md)")
    ev.add_argument("gold", nargs="?", help="gold JSONL file")
    ev.add_argument("--petrarch-suite", metavar="DIR",
                    help="run PETRARCH's validation suite (PETR.UnitTest.records.xml) in DIR instead")
    ev.add_argument("--verbose", action="store_true", help="list misses and false positives")
    ev.add_argument("--predictions", help="score this events JSONL instead of coding the gold texts")
    ev.add_argument("--dyad-only", action="store_true", help="match on sentence and dyad alone")
    ev.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ev.add_argument("--anchors", action="store_true",
                    help="also GDELT's manual-check figures: actors and root right in annotated sentences")
    ev.set_defaults(run=_run_eval)

    from accord.cli import export, ingest, query, serve

    ingest.add_commands(commands, _date)
    query.add_commands(commands, _date)
    export.add_commands(commands, _date)
    serve.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        if not hasattr(args, "run"):
            raise UsageError(f"unknown command {args.command!r}")
        return int(args.run(args))
    except AccordError as exc:
        print(f"accord: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("accord: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
