"""Consistency checks on the built-in knowledge tables and their loaders."""

from __future__ import annotations

import pycountry
import pytest

from accord.errors import KnowledgeError
from accord.knowledge import tables

# The 16 PLOVER event types (PLOVER manual, draft 0.8, 2021).
PLOVER_EVENTS = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT".split()
)
# CAMEO codes PLOVER drops (its table: 01 "dropped"; 015 and 016 are kept after the manual's note).
PLOVER_DROPPED = frozenset({"01", "010", "011", "012", "013", "014", "017", "018", "019"})

# The 193 UN member states.
UN_MEMBERS = frozenset(
    """AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB
    BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA
    ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI
    HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA
    LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM
    NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY QAT ROU RUS RWA SAU SDN
    SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO
    TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB ZWE""".split()
)
# Codes outside ISO 3166-1 that Accord uses (user-assigned range): Kosovo.
USER_ASSIGNED = {"XKX": "XK"}
# Bare forms that two states share: listed for neither, and so these states may lack a demonym.
AMBIGUOUS = {
    "congo": {"COD", "COG"},
    "congolese": {"COD", "COG"},
    "korea": {"KOR", "PRK"},
    "korean": {"KOR", "PRK"},
    "dominican": {"DMA", "DOM"},
    "virgin islands": {"VGB", "VIR"},
}
NO_DEMONYM_OK = frozenset().union(*AMBIGUOUS.values()) - {"VGB", "VIR"}

# Sectors of gold/FORMAT.md.
SECTORS = frozenset(
    "GOV MIL POL LEG JUD PTY OPP BUS MED CVL REB NGO IGO REL EDU HLH AGR SPY CRM LAB".split()
)
# Org codes of gold/FORMAT.md.
FORMAT_ORGS = frozenset(
    "UN EU NATO AU ASEAN SCO GCC OPEC G7 G20 WHO IAEA ICC IMF WORLDBANK WTO ARABLEAGUE OIC CSTO EAEU BRICS "
    "INTERPOL WEST INTL".split()
)
OFFICE_KINDS = frozenset({"person", "organisation", "company", "group"})


# --- the reader ---------------------------------------------------------------------------------------


def test_parse_tsv_reads_rows_after_comments():
    rows = tables.parse_tsv("# note\na\tb\n1\t2\n\n3\t\n", source="x.tsv")
    assert rows == [{"a": "1", "b": "2"}, {"a": "3", "b": ""}]


def test_parse_tsv_names_file_and_line_of_a_bad_row():
    with pytest.raises(KnowledgeError, match=r"x\.tsv, line 4"):
        tables.parse_tsv("# note\na\tb\n1\t2\n1\t2\t3\n", source="x.tsv")


def test_read_tsv_missing_file_is_a_knowledge_error():
    with pytest.raises(KnowledgeError, match="nope.tsv"):
        tables.read_tsv("nope.tsv")


def test_loaders_are_cached():
    assert tables.cameo_codes() is tables.cameo_codes()
    assert tables.countries() is tables.countries()


# --- CAMEO -----------------------------------------------------------------------------------------------


def test_cameo_codes_are_consistent():
    codes = tables.cameo_codes()
    assert len(codes) >= 300
    for code, c in codes.items():
        assert code == c.code and code.isdigit() and 2 <= len(code) <= 4
        assert c.root == code[:2] and c.root in codes
        if len(code) == 4:
            assert code[:3] in codes, code
        assert -10 <= c.goldstein <= 10
        root = int(c.root)
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert c.quad_class == expected, code
        assert c.name


def test_verbal_roots_are_the_roots_of_quad_classes_1_and_3():
    verbal = {c.root for c in tables.cameo_codes().values() if c.quad_class in (1, 3)}
    assert tables.VERBAL_ROOTS == verbal


def test_cameo_spot_checks():
    codes = tables.cameo_codes()
    assert codes["042"].name == "Make a visit" and codes["042"].goldstein == 1.9
    assert codes["016"].goldstein == -2.0  # GDELT's value wins over ICEWS's -5
    assert codes["163"].quad_class == 4 and codes["057"].goldstein == 8
    assert {"1213", "1214", "2042", "20"} <= codes.keys()


def test_every_cameo_code_has_a_plover_type_except_dropped_ones():
    codes = tables.cameo_codes()
    plover = tables.cameo_to_plover()
    assert plover.keys() <= codes.keys()
    assert codes.keys() - plover.keys() == PLOVER_DROPPED
    for code, p in plover.items():
        assert p.event in PLOVER_EVENTS, code
        assert p.mode is None or (p.mode.strip() == p.mode and p.mode)
        assert all(c and c == c.strip() and " " not in c for c in p.contexts), code


def test_plover_spot_checks():
    plover = tables.cameo_to_plover()
    assert plover["042"].event == "CONSULT" and plover["042"].mode == "visit"
    assert plover["08"].event == "CONCEDE" and plover["0871"].event == "RETREAT"
    assert plover["091"].contexts == ("crime", "corruption")
    assert plover["175"].mode is None and "pro_autocracy" in plover["175"].contexts
    assert plover["0254"].event == "REQUEST"  # 02 follows the parallel 10x code
    assert plover["1214"].contexts == ("intelligence",)
    # the PLOVER manual codes international sanctions as SANCTION 'discontinue' (the 2021 table: COERCE)
    assert (plover["163"].event, plover["163"].mode) == ("SANCTION", "discontinue")


def test_intent_codes_exist_and_are_intents_or_threats():
    codes = tables.cameo_codes()
    intents = tables.intent_codes()
    assert len(intents) > 50
    for asserted, intended in intents.items():
        assert asserted in codes and intended in codes
        assert intended.startswith(("03", "13")), asserted
        cooperative = int(asserted[:2]) <= 8
        assert intended.startswith("03" if cooperative else "13"), asserted
    assert intents["042"] == "036" and intents["061"] == "0311" and intents["163"] == "1312"
    assert "111" not in intents and "112" not in intents


# --- countries -------------------------------------------------------------------------------------------


def test_country_codes_are_valid_iso_or_documented():
    for iso3, c in tables.countries().items():
        assert iso3 == c.iso3
        if iso3 in USER_ASSIGNED:
            assert c.iso2 == USER_ASSIGNED[iso3]
            assert pycountry.countries.get(alpha_3=iso3) is None
            continue
        entry = pycountry.countries.get(alpha_3=iso3)
        assert entry is not None, iso3
        assert entry.alpha_2 == c.iso2, iso3


def test_every_iso_country_has_a_row():
    assert {c.alpha_3 for c in pycountry.countries} <= tables.countries().keys()


def test_names_are_clean():
    for c in tables.countries().values():
        assert c.name in c.names
        for n in c.names + c.demonyms + c.metonyms:
            assert n == n.strip() and "," not in n, (c.iso3, n)


def _owners(strings_of):
    owners: dict[str, set[str]] = {}
    for c in tables.countries().values():
        for s in strings_of(c):
            owners.setdefault(s.lower(), set()).add(c.iso3)
    return owners


def test_no_name_or_demonym_maps_to_two_countries():
    owners = _owners(lambda c: set(c.names) | set(c.demonyms))
    clashes = {s: o for s, o in owners.items() if len(o) > 1}
    assert clashes == {}
    for ambiguous in AMBIGUOUS:
        assert ambiguous not in owners, ambiguous


def test_no_metonym_points_at_two_countries_or_at_another_countrys_name():
    names = _owners(lambda c: set(c.names) | set(c.demonyms))
    metonyms = _owners(lambda c: set(c.metonyms))
    for s, owners in metonyms.items():
        assert len(owners) == 1, s
        assert names.get(s, owners) == owners, s


def test_similar_names_stay_apart():
    by_name = {n.lower(): c.iso3 for c in tables.countries().values() for n in c.names + c.demonyms}
    assert by_name["niger"] == "NER" and by_name["nigerien"] == "NER"
    assert by_name["nigeria"] == "NGA" and by_name["nigerian"] == "NGA"
    assert by_name["sudan"] == "SDN" and by_name["south sudan"] == "SSD"
    assert by_name["south sudanese"] == "SSD" and by_name["sudanese"] == "SDN"
    assert by_name["dominica"] == "DMA" and by_name["dominican republic"] == "DOM"
    assert by_name["guinea"] == "GIN" and by_name["equatorial guinea"] == "GNQ"
    assert by_name["drc"] == "COD" and by_name["congo-brazzaville"] == "COG"


def test_every_un_member_has_a_demonym_and_a_capital():
    found = tables.countries()
    assert len(UN_MEMBERS) == 193 and UN_MEMBERS <= found.keys()
    for iso3 in UN_MEMBERS:
        c = found[iso3]
        assert c.capital, iso3
        if iso3 not in NO_DEMONYM_OK:
            assert c.demonyms, iso3


def test_country_facts():
    found = tables.countries()
    blr = found["BLR"]
    assert "Byelorussia" in blr.names and "Belarusian" in blr.demonyms and blr.capital == "Minsk"
    assert "Burma" in found["MMR"].names
    assert "Ivory Coast" in found["CIV"].names and "Cote d'Ivoire" in found["CIV"].names
    assert "Emirati" in found["ARE"].demonyms
    assert "Kremlin" in found["RUS"].metonyms
    assert "Downing Street" in found["GBR"].metonyms
    assert found["PAK"].capital == "Islamabad" and "Pakistani" in found["PAK"].demonyms
    assert found["BOL"].name == "Bolivia" and found["IRN"].name == "Iran"
    assert {"US", "U.S.", "America"} <= set(found["USA"].names)
    assert "Washington" in found["USA"].metonyms


def test_peoples_are_demonyms_of_one_country():
    demonyms = {d for c in tables.countries().values() for d in c.demonyms}
    assert tables.peoples() and tables.peoples() <= demonyms


# --- IGOs and offices --------------------------------------------------------------------------------------


def test_igos_cover_format_orgs_with_unique_codes_and_names():
    found = tables.igos()
    assert FORMAT_ORGS <= found.keys()
    names: dict[str, str] = {}
    for org, igo in found.items():
        assert org == igo.org and igo.cameo and igo.names
        assert igo.sector == (None if org in {"WEST", "INTL"} else "IGO")
        for n in igo.names:
            assert names.setdefault(n.lower(), org) == org, n
    assert len({i.cameo for i in found.values()}) == len(found)
    assert found["UN"].cameo == "IGOUNO" and "UN Security Council" in found["UN"].names
    assert "European Commission" in found["EU"].names
    assert "the West" in found["WEST"].names
    assert "the international community" in found["INTL"].names


def test_offices_use_format_sectors_and_no_word_twice():
    seen: dict[str, str] = {}
    rows = tables.offices()
    for office in rows:
        assert office.sector in SECTORS and office.kind in OFFICE_KINDS
        for word in office.words:
            assert word == word.lower().strip(), word
            assert word not in seen, (word, seen.get(word), office.sector)
            seen[word] = office.sector
    assert len(seen) >= 150
    assert seen["foreign minister"] == "GOV" and seen["army"] == "MIL" and seen["parliament"] == "LEG"
    assert seen["company"] == "BUS" and seen["central bank"] == "GOV" and seen["rebel"] == "REB"


def test_titles_abroad_are_office_words_of_known_countries():
    words = {word for office in tables.offices() for word in office.words}
    abroad = tables.titles_abroad()
    assert abroad and set(abroad) <= set(tables.countries())
    for country, titles in abroad.items():
        assert titles <= words, (country, sorted(titles - words))
    # the United States has secretaries, not ministers; a president and governors it has
    assert "prime minister" in abroad["USA"] and "president" not in abroad["USA"]
    assert "secretary" not in abroad["USA"] and "governor" not in abroad["USA"]
