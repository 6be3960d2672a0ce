"""The GDELT export: every line has the 61 fields of the codebook, in its order, each parsing by its type."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from accord.exports import export
from accord.exports.gdelt import COLUMNS
from accord.store import open_store

COOKBOOK = Path(__file__).resolve().parents[3] / "shared" / "reference" / "gdelt_event_cookbook.md"


def codebook_columns() -> list[tuple[str, str]]:
    """(name, type) of the event table's fields, in the codebook's order, the repeated blocks expanded."""
    text = COOKBOOK.read_text(encoding="utf-8").split("## MENTIONS TABLE")[0]
    found = re.findall(r"^-\s*\S?\s*([A-Za-z0-9_\\]+)\s*\.\s*\(([\w ]+)\)", text, re.MULTILINE)
    fields = [(name.replace("\\", ""), kind.strip()) for name, kind in found]
    names = [n for n, _ in fields]
    # The codebook lists Actor1's fields and Actor1Geo's once and says they repeat for Actor2 (and Action).
    actor = [f for f in fields if f[0].startswith("Actor1") and "Geo" not in f[0]]
    geo = [f for f in fields if f[0].startswith("Actor1Geo")]
    at = names.index(actor[-1][0]) + 1
    fields[at:at] = [(n.replace("Actor1", "Actor2"), t) for n, t in actor]
    at = [n for n, _ in fields].index(geo[-1][0]) + 1
    fields[at:at] = [(n.replace("Actor1", who), t) for who in ("Actor2", "Action") for n, t in geo]
    return fields


@pytest.fixture(scope="module")
def codebook() -> list[tuple[str, str]]:
    if not COOKBOOK.exists():
        pytest.skip("shared/reference is not beside the repository")
    return codebook_columns()


@pytest.fixture(scope="module")
def lines(export_store) -> list[list[str]]:
    sink = io.BytesIO()
    with open_store(export_store, read_only=True) as store:
        count = export(store, "gdelt", sink)
    text = sink.getvalue().decode("utf-8")
    assert text.endswith("\n") and count == text.count("\n") > 20
    return [line.split("\t") for line in text.splitlines()]


def test_columns_are_the_codebooks(codebook) -> None:
    assert len(codebook) == 61
    assert list(COLUMNS) == [name for name, _ in codebook]


def test_every_line_parses_by_the_codebook_types(lines, codebook) -> None:
    # Only actor and geography fields may be blank (no actor, no place); a *Geo_Type is 0 then, never blank.
    blank_allowed = re.compile(r"^(Actor[12](?!Geo_Type)|ActionGeo_(?!Type))")
    for fields in lines:
        assert len(fields) == 61
        for (name, kind), value in zip(codebook, fields, strict=True):
            if value == "":
                assert blank_allowed.match(name), (name, fields)
                continue
            if kind == "integer":
                int(value)
            elif kind in ("floating point", "numeric"):
                float(value)
            else:
                assert kind == "string" and "\n" not in value, (name, value)


def test_codes_stay_strings_with_their_leading_zeros(lines) -> None:
    row = dict(zip(COLUMNS, next(f for f in lines if f[COLUMNS.index("EventCode")] == "030"), strict=True))
    assert (row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("030", "03", "1")
    for fields in lines:
        row = dict(zip(COLUMNS, fields, strict=True))
        assert re.fullmatch(r"\d{3,4}", row["EventCode"]) and row["EventCode"].startswith(
            row["EventRootCode"]
        )
        assert row["EventBaseCode"] == row["EventCode"][:3] and 1 <= int(row["QuadClass"]) <= 4
        day = datetime.strptime(row["Day"], "%Y%m%d").date()
        assert row["MonthYear"] == row["Day"][:6] and row["Year"] == row["Day"][:4]
        assert abs(float(row["FractionDate"]) - (day.year + (day.month * 30 + day.day) / 365)) < 1e-4
        datetime.strptime(row["DATEADDED"], "%Y%m%d%H%M%S")
        assert -10 <= float(row["GoldsteinScale"]) <= 10


def test_story_counts_and_geography(lines) -> None:
    rows = [dict(zip(COLUMNS, f, strict=True)) for f in lines]
    example = [r for r in rows if r["SOURCEURL"] == "https://nation.com.pk/2023/05/30/pak-blr"]
    assert example and all(r["NumArticles"] == "2" and r["NumSources"] == "2" for r in example)
    assert all(int(r["NumMentions"]) >= 2 for r in example)
    un = next(r for r in rows if r["Actor1Code"] == "IGOUNO")
    assert (un["Actor1KnownGroupCode"], un["Actor1Type1Code"], un["Actor1CountryCode"]) == ("UNO", "IGO", "")
    assert (un["ActionGeo_Type"], un["ActionGeo_CountryCode"], un["ActionGeo_FeatureID"]) == ("1", "PK", "PK")
    assert un["Day"] == "20230602"  # no event date: the article's day
    # The negated event (USAGOV 111 in Houston) is not in a GDELT export: GDELT cannot mark it.
    assert not any(r["EventCode"] == "111" and r["Actor1Code"] == "USAGOV" for r in rows)
    islamabad = next(r for r in rows if r["ActionGeo_Fullname"].startswith("Islamabad"))
    assert islamabad["ActionGeo_Type"] == "4" and islamabad["ActionGeo_CountryCode"] == "PK"
    assert islamabad["ActionGeo_ADM1Code"].startswith("PK") and islamabad["ActionGeo_FeatureID"].isdigit()


def test_the_negated_can_be_asked_for(export_store) -> None:
    from accord.store.queries import EventFilter

    sink = io.BytesIO()
    with open_store(export_store, read_only=True) as store:
        assert export(store, "gdelt", sink, where=EventFilter(negated=True, actor="USA")) == 1
    row = dict(zip(COLUMNS, sink.getvalue().decode().rstrip("\n").split("\t"), strict=True))
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_Fullname"]) == (
        "3",
        "US",
        "Houston, Texas, United States",
    )
    assert row["Day"] == date(2023, 6, 1).strftime("%Y%m%d")
