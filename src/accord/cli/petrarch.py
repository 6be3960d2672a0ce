"""`accord eval --petrarch-suite DIR`: PETRARCH's validation suite, scored per category."""

from __future__ import annotations

import argparse
import json
import logging

from accord.settings import Settings


def run_petrarch_suite(args: argparse.Namespace) -> int:
    """Run the suite, print the per-category table (and with --verbose, every record that failed)."""
    from accord.evaluation.petrarch_run import run_suite
    from accord.evaluation.petrarch_suite import format_failures, format_table, table

    settings = Settings.load(config=getattr(args, "config", None), model=getattr(args, "model", None))
    # The dictionaries' own oddities (PETRARCH skips them too) are logged as warnings: not news here.
    knowledge = logging.getLogger("accord.knowledge")
    level = knowledge.level
    knowledge.setLevel(logging.ERROR)
    try:
        outcomes = run_suite(args.petrarch_suite, model=settings.model)
    finally:
        knowledge.setLevel(level)
    rows = table(outcomes)
    if args.json:
        print(json.dumps([{"category": r.category, "records": r.records, "passed": r.passed,
                           "expected": r.expected, "reproduced": r.reproduced, "share": round(r.share, 4),
                           "not_applicable": r.not_applicable} for r in rows]))
        return 0
    print(format_table(rows))
    total = rows[-1]
    print(f"\n{total.reproduced} of {total.expected} expected codings reproduced exactly ({total.share:.1%}); "
          f"{total.passed} of {total.records} records pass; {total.not_applicable} not applicable.")
    if args.verbose:
        print(format_failures(outcomes))
    return 0
