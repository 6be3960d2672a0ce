"""Users' actor files: Accord's TSV format and PETRARCH dictionaries, used beside the built-in actors."""

from __future__ import annotations

import pytest

from accord.coder import code_text
from accord.errors import KnowledgeError
from accord.knowledge.user_actors import load_user_actors
from accord.settings import Settings

HEADER = "names\tcountry\torg\tsector\tkind\tstart\tend\n"


def _write(tmp_path, body, name="mine.tsv"):
    path = tmp_path / name
    path.write_text("# my actors\n" + HEADER + body, encoding="utf-8")
    return path


def test_a_company_of_the_users_is_an_actor(tmp_path):
    path = _write(tmp_path, "Nordvik Shipping|Nordvik\tNOR\t\tBUS\tcompany\t\t\n")
    text = "Nordvik Shipping criticized Chile."
    assert not [e for e in code_text(text) if e.cameo_root == "11"]
    (event,) = [e for e in code_text(text, settings=Settings.load(actors=str(path))) if e.cameo_root == "11"]
    assert (event.source.country, event.source.sector, event.source.kind) == ("NOR", "BUS", "company")


def test_a_persons_role_counts_only_within_its_dates(tmp_path):
    path = _write(tmp_path, "Ana Quintero|Quintero\tPER\t\tGOV\tperson\t2020-01-01\t2021-12-31\n")
    settings = Settings.load(actors=str(path))
    during = code_text("Quintero praised Bolivia.", published="2021-05-01", settings=settings)
    assert [(e.source.country, e.source.sector) for e in during if e.cameo_root == "05"] == [("PER", "GOV")]
    after = code_text("Quintero praised Bolivia.", published="2023-05-01", settings=settings)
    assert not [e for e in after if e.source.sector == "GOV"]


@pytest.mark.parametrize("row, problem", [
    ("X\tPAK\t\tGOV\tperson\tsoon\t\n", "not a date"),
    ("X\tPAKISTAN\t\tGOV\tcompany\t\t\n", "ISO 3166-1 alpha-3"),
    ("X\tPAK\t\tBOSS\tcompany\t\t\n", "unknown sector"),
    ("X\tPAK\t\tGOV\trobot\t\t\n", "kind must be one of"),
    ("X\t\t\tGOV\tcompany\t\t\n", "needs a country or an org"),
    ("X\tPAK\tGOV\n", "fields, expected 7"),
])
def test_bad_rows_name_the_file_and_line(tmp_path, row, problem):
    path = _write(tmp_path, row)
    with pytest.raises(KnowledgeError) as error:
        load_user_actors([path])
    assert f"{path}:3" in str(error.value) and problem in str(error.value)


def test_petrarch_actor_dictionaries_load_with_their_dated_roles(shared):
    found = load_user_actors([shared / "peers" / "petrarch2" / "PETR.Validate.actors.txt"])
    assert found.cues or found.people
