"""Arrow tables for people (aligned text) and programs (CSV, JSON): how `query` and `failures` print."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TextIO

import pyarrow as pa

_CELL_MAX = 70  # a table cell longer than this is cut with an ellipsis; CSV and JSON keep everything


def write_arrow(table: pa.Table, out: TextIO, fmt: str, *, columns: Sequence[str] | None = None) -> None:
    """Write a table as aligned text (only `columns` when given), CSV with a header, or a JSON array."""
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.column_names)
        for row in table.to_pylist():
            writer.writerow([_csv_cell(v) for v in row.values()])
    elif fmt == "json":
        json.dump(table.to_pylist(), out, default=_json_value, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        _write_text(table.select(list(columns)) if columns else table, out)


def _write_text(table: pa.Table, out: TextIO) -> None:
    names = table.column_names
    rows = [[_text_cell(v) for v in row.values()] for row in table.to_pylist()]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    out.write("  ".join(n.upper().ljust(w) for n, w in zip(names, widths, strict=True)).rstrip() + "\n")
    out.writelines("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n" for row in rows)
    if not rows:
        out.write("(none)\n")


def _text_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    text = " ".join(str(value).split())
    return text if len(text) <= _CELL_MAX else text[: _CELL_MAX - 1] + "…"


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return "" if value is None else value


def _json_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)
