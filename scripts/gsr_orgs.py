"""The PLOVER GSR's dyad figure read with Accord's actor contract: an organisation is an actor's `org`.

Run from the repository root, on the output of ``accord code GSR.jsonl --format jsonl [--all]``::

    .venv/bin/python scripts/gsr_orgs.py ../shared/gold/plover-gsr-cameo.json EVENTS.jsonl

The check of ``../shared/tools/gsr.py`` compares an event's source and target `country` with the GSR's
actor codes. The GSR codes international and non-governmental organisations "IGO" and names some states
by CAMEO's old codes ("JAP"); Accord's JSON contract (DESIGN.md) gives an organisation no country and puts
it in `org` (UN, EU, NATO, ...) or its sector (IGO, NGO). This script prints both figures: the check's own
rule, and the same rule with an actor that has an `org` or the sector IGO or NGO read as "IGO" and the old
codes read as ISO codes. The type figure is the same in both: only sentences of the right type count.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
OLD_COUNTRIES = {"JAP": "JPN"}


def _codes(actors: object, contract: bool) -> set[str]:
    if not isinstance(actors, list):
        return set()
    codes = {a["code"] for a in actors if isinstance(a, dict) and a.get("code")}
    return {OLD_COUNTRIES.get(c, c) for c in codes} if contract else codes


def _read(actor: dict | None, contract: bool) -> set[str | None]:
    actor = actor or {}
    found = {actor.get("country")}
    if contract and (actor.get("org") or actor.get("sector") in {"IGO", "NGO"}):
        found.add("IGO")
    return found


def score(gsr: list[dict], events: dict[str, list[dict]], contract: bool) -> tuple[int, int]:
    """(sentences of the right type, of those with the source and target right)."""
    typed = right = 0
    for record in gsr:
        want = OLD_TYPES.get(record["event"], record["event"])
        hits = [e for e in events.get(record["id"], []) if not e.get("negated")
                and ((e.get("plover") or {}).get("event") or "").upper() == want]
        if not hits:
            continue
        typed += 1
        sources, targets = _codes(record.get("source"), contract), _codes(record.get("target"), contract)
        right += any((not sources or _read(e.get("source"), contract) & sources)
                     and (not targets or _read(e.get("target"), contract) & targets) for e in hits)
    return typed, right


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: gsr_orgs.py GSR.json EVENTS.jsonl", file=sys.stderr)
        return 2
    try:
        gsr = [r for r in json.loads(Path(argv[1]).read_text(encoding="utf-8"))
               if r.get("event") not in (None, "DOCUMENT")]
        events: dict[str, list[dict]] = {}
        for line in Path(argv[2]).read_text(encoding="utf-8").splitlines():
            if line.strip():
                event = json.loads(line)
                events.setdefault(event.get("article_id"), []).append(event)
    except (OSError, ValueError, AttributeError) as exc:
        print(f"gsr_orgs: cannot read the inputs: {exc}", file=sys.stderr)
        return 1
    for label, contract in (("check's rule", False), ("org read as IGO", True)):
        typed, right = score(gsr, events, contract)
        print(json.dumps({"reading": label, "n": len(gsr), "type_accuracy": round(typed / len(gsr), 3),
                          "dyad_given_type": round(right / typed, 3) if typed else None}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
