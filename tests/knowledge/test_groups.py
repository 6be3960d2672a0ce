"""Consistency of groups.tsv (armed groups, movements, NGOs) and refusal.tsv (03x -> 12x)."""

from __future__ import annotations

from accord.knowledge import tables
from accord.knowledge.lexicon import _keys, builtin_lexicon
from accord.knowledge.patterns import refusal_codes

SECTORS = set("GOV MIL POL LEG JUD PTY OPP BUS MED CVL REB NGO IGO REL EDU HLH AGR SPY CRM LAB".split())
KINDS = {"group", "organisation", "company", "state"}


def test_every_group_row_is_well_formed():
    countries = tables.countries()
    rows = tables.read_tsv("groups.tsv")
    assert len(rows) >= 50
    for row in rows:
        names = [n for n in row["names"].split("|") if n.strip()]
        assert names, row
        assert row["country"] or row["org"], f"{names[0]}: needs a country or an org"
        assert not row["country"] or row["country"] in countries, f"{names[0]}: {row['country']}"
        assert row["sector"] in SECTORS | {""}, f"{names[0]}: {row['sector']}"
        assert row["kind"] in KINDS, f"{names[0]}: {row['kind']}"
        assert not row["org"] or row["cameo"], f"{names[0]}: an org needs a CAMEO actor code"


def test_no_group_name_takes_a_country_igo_or_office_phrase():
    # groups load last: a name already in the lexicon would silently be the earlier entry's
    lex = builtin_lexicon()
    for row in tables.read_tsv("groups.tsv"):
        for name in row["names"].split("|"):
            match = lex.match(list(_keys(name)))
            assert match and match[0].cue.kind == "named", f"{name!r} is read as {match[0].cue if match else None}"


def test_no_group_name_is_a_common_word():
    # names match case-insensitively: "Amnesty" alone would make "an amnesty" an NGO, "LeT" the verb "let"
    common = {"amnesty", "let", "jem", "front", "army", "movement", "network", "contras", "wagner"}
    for row in tables.read_tsv("groups.tsv"):
        for name in row["names"].split("|"):
            assert name.lower() not in common - {"contras"}, name


def test_refusals_mirror_intents():
    codes = tables.cameo_codes()
    refusals = refusal_codes()
    for intended, refused in refusals.items():
        assert intended in codes and intended.startswith("03"), intended
        assert refused in codes and refused.startswith("12"), refused
    intents = set(tables.intent_codes().values())
    assert {i for i in intents if i.startswith("03")} <= set(refusals) | {"032"}
