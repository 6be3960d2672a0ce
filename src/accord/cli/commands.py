"""The commands behind `accord code` and `accord eval`; the store's commands are in ingest, query and export."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator

from accord.cli.output import write_jsonl, write_table
from accord.coder import Coded, get_coder
from accord.errors import InputError
from accord.records import Article, Event, Failure
from accord.settings import Settings

def _settings(args: argparse.Namespace, **extra: object) -> Settings:
    return Settings.load(config=getattr(args, "config", None), model=getattr(args, "model", None), **extra)


def _report(failures: Iterable[Failure]) -> int:
    count = 0
    for failure in failures:
        print(f"accord: skipped {failure.reason}", file=sys.stderr)
        count += 1
    return count


def coded_sources(paths: Iterable[str], settings: Settings, *, published=None) -> Iterator[Coded | Failure]:
    """Read sources and code their articles; failures of reading or coding come out in order."""
    from accord.sources.files import read_sources

    items = read_sources(paths, published=published, max_bytes=settings.max_bytes)
    pending: list[Failure] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Failure):
                pending.append(item)
            else:
                yield item

    for coded in get_coder(settings).code(articles()):
        while pending:
            yield pending.pop(0)
        yield coded
    yield from pending


def run_code(args: argparse.Namespace) -> int:
    """`accord code`: events of the inputs on stdout, as a table or JSON Lines."""
    extra = {"require_target": False, "modalities": "asserted,intended,reported,hypothetical"} if args.all else {}
    settings = _settings(args, patterns=args.patterns, **extra)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    failures: list[Failure] = []
    articles = 0
    events: list[Event] = []
    for item in coded_sources(args.paths, settings, published=args.published):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        if item.failure is not None:
            failures.append(item.failure)
            continue
        articles += 1
        if fmt == "jsonl":
            write_jsonl(item.events, sys.stdout)
        else:
            events.extend(item.events)
    if fmt == "table":
        write_table(events, sys.stdout)
    _report(failures)
    if not articles and failures:
        raise InputError(f"no input could be read ({len(failures)} skipped)")
    return 1 if failures else 0


def run_eval(args: argparse.Namespace) -> int:
    """`accord eval`: code the gold texts (or read predictions) and print the FORMAT.md scores."""
    from accord.coder import code_articles
    from accord.evaluation.scoring import format_report, load_gold, load_predictions, score

    gold = load_gold(args.gold)
    if args.predictions:
        predicted = load_predictions(args.predictions)
    else:
        predicted = [e.to_json() for e in code_articles(gold, settings=_settings(args))]
    result = score(gold, predicted, dyad_only=args.dyad_only)
    anchors = None
    if args.anchors:
        from accord.evaluation.anchors import anchor_check

        anchors = anchor_check(gold, predicted)
    if args.json:
        figures = result.as_dict()
        if anchors is not None:
            names = ("events", "source", "target", "root")
            figures["anchors"] = dict(zip(names, anchors.as_tuple(), strict=True))
        print(json.dumps(figures))
    else:
        print(format_report(result, verbose=args.verbose))
        if anchors is not None:
            print(anchors.line())
    return 0
