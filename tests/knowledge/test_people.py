"""PETRARCH dictionary readers, the people tables and the dated lookup of people."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from accord.errors import KnowledgeError
from accord.knowledge import people as people_module
from accord.knowledge.people import PeopleIndex, Person, parse_people, people, people_index
from accord.knowledge.petrarch import (
    DatedCode,
    load_actor_dictionary,
    load_agent_dictionary,
    parse_actor_dictionary,
    parse_agent_dictionary,
    parse_date,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PETRARCH = SHARED / "peers" / "petrarch2"
ACTOR_FILES = [
    "phoenix/Phoenix.Countries.actors.txt",
    "phoenix/Phoenix.International.actors.txt",
    "phoenix/Phoenix.MilNonState.actors.txt",
    "PETR.Validate.actors.txt",
]
AGENT_FILES = ["phoenix/Phoenix.agents.txt", "PETR.Validate.agents.txt"]
SECTORS = frozenset("GOV MIL POL LEG JUD PTY OPP BUS MED CVL REB NGO IGO REL EDU HLH AGR SPY CRM LAB".split())

needs_shared = pytest.mark.skipif(not PETRARCH.is_dir(), reason="shared/ is not beside the repository")


def _actor(actors, name):
    return next(actor for actor in actors if name in actor.names)


# --- PETRARCH actor and agent dictionaries -----------------------------------------------------------


@needs_shared
@pytest.mark.parametrize("name", ACTOR_FILES)
def test_actor_dictionaries_load(name):
    actors = load_actor_dictionary(PETRARCH / name)
    assert len(actors) > 100
    assert all(actor.names and all(name.strip() == name for name in actor.names) for actor in actors)
    assert not any("_" in name for actor in actors for name in actor.names)


@needs_shared
@pytest.mark.parametrize("name", AGENT_FILES)
def test_agent_dictionaries_load(name):
    agents = load_agent_dictionary(PETRARCH / name)
    assert len(agents) > 80
    assert all(agent.words and agent.code for agent in agents)


@pytest.fixture(scope="module")
def phoenix_countries():
    if not PETRARCH.is_dir():
        pytest.skip("shared/ is not beside the repository")
    return load_actor_dictionary(PETRARCH / "phoenix" / "Phoenix.Countries.actors.txt")


def test_lavrov_has_his_two_roles(phoenix_countries):
    lavrov = _actor(phoenix_countries, "SERGEY LAVROV")
    assert "SERGEI LAVROV" in lavrov.names and "LAVROV" in lavrov.names
    assert lavrov.codes == (
        DatedCode(code="RUSGOV", start=date(1994, 9, 22), end=date(2004, 7, 12)),  # UN ambassador
        DatedCode(code="RUSGOV", start=date(2004, 3, 9), end=None),  # Foreign Minister, [RUSGOV >20040309]
    )


def test_six_digit_dates_and_before_restrictions(phoenix_countries):
    armenia = _actor(phoenix_countries, "ARMENIA")
    assert armenia.codes[0] == DatedCode(code="USRARM", start=None, end=date(1990, 8, 23))  # [USRARM <900823]
    assert armenia.code_on(date(2000, 1, 1)) == "ARM"
    pavlov = _actor(phoenix_countries, "VALENTIN PAVLOV")  # [RUSELI 550101-910114]
    assert pavlov.codes[0] == DatedCode(code="RUSELI", start=date(1955, 1, 1), end=date(1991, 1, 14))


def test_codeless_entry_lines_name_the_next_actor(phoenix_countries):
    yeltsin = _actor(phoenix_countries, "BORIS YELTSIN")
    assert "YELTSIN" in yeltsin.names and "PRESIDENT BORIS N. YELTSIN" in yeltsin.names
    assert yeltsin.code_on(date(1995, 1, 1)) == "RUSGOV"


@needs_shared
def test_validation_suite_date_restrictions():
    actors = load_actor_dictionary(PETRARCH / "PETR.Validate.actors.txt")
    sam = _actor(actors, "SAM GAMGEE")
    assert sam.code_on(date(2010, 1, 10)) == "ORCHOB"  # the first matching restriction wins
    assert sam.code_on(date(2005, 1, 1)) == "HOBCIV"  # [HOBCIV <20080120]
    assert sam.code_on(None) == "HOB"
    gollum = _actor(actors, "SMEAGOL")
    assert gollum.codes[0] == DatedCode(code="HOB", start=None, end=date(1995, 6, 1))  # [HOB < 950601]
    assert _actor(actors, "THE SHIRE").codes[1].code == "BIL"  # [FRO/BIL/SAM]
    assert _actor(actors, "PALESTINIAN").codes[0].code == "PSE"  # [pse]


def test_actor_syntax():
    text = """<!-- a comment
    over two lines -->
# a comment
FOO_BAR_ [ABC]  # note
+FOO  BAZ_
\t[ABCGOV 19950101 - 990815]
\t[ABCMIL > 20000101]
QUX_\t[DEFOPP <061231] [DEF]
"""
    foo, qux = parse_actor_dictionary(text.splitlines(), origin="t.txt")
    assert foo.names == ("FOO BAR", "FOO BAZ") and foo.comment == "note"
    assert foo.codes == (
        DatedCode(code="ABC", start=None, end=None),
        DatedCode(code="ABCGOV", start=date(1995, 1, 1), end=date(1999, 8, 15)),
        DatedCode(code="ABCMIL", start=date(2000, 1, 1), end=None),
    )
    assert qux.codes[0].end == date(2006, 12, 31) and qux.codes[1].code == "DEF"


def test_two_digit_years_pivot_at_30():
    assert parse_date("300101", where="x") == date(2030, 1, 1)
    assert parse_date("310101", where="x") == date(1931, 1, 1)
    assert parse_date("18970101", where="x") == date(1897, 1, 1)


@pytest.mark.parametrize(
    "bad",
    [
        "\t[950601-990815]",  # a restriction without a code
        "\t[AAA950601-990815]",
        "\t[ABC 20100931-20101231]",  # no such day
        "\t[ABC 2010-2011]",  # not a date
        "\t[ABC",  # no closing bracket
        "\tno code here",
    ],
)
def test_malformed_actor_lines_name_the_line(bad):
    lines = ["GOOD_ [ABC]", "+GOODY", bad]
    with pytest.raises(KnowledgeError, match=r"bad\.txt, line 3"):
        parse_actor_dictionary(lines, origin="bad.txt")


def test_code_line_before_any_entry_is_an_error():
    with pytest.raises(KnowledgeError, match=r"x\.txt, line 2"):
        parse_actor_dictionary(["# c", "\t[ABC]"], origin="x.txt")


def test_agent_syntax():
    text = """!MINIST! = MINISTER, MINISTRY
!PERSON! = MAN, MEN
FOREIGN_MINISTER [~GOVFRM] # c
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
POLICE {} [ ~COP]
HUMAN_RIGHTS_BODY  [NGO~]
CONGRESS!PERSON! [~LEG]
!MINIST! OF_AD!MINIST!RATIVE_REFORM [~GOV]
AGENCY [~GOV]
"""
    agents = parse_agent_dictionary(text.splitlines(), origin="a.txt")
    by_first = {agent.words[0]: agent for agent in agents}
    assert by_first["FOREIGN MINISTER"].words == ("FOREIGN MINISTER", "FOREIGN MINISTERS")
    assert by_first["ATTORNEY GENERAL"].words == ("ATTORNEY GENERAL", "ATTORNEYS GENERAL")
    assert by_first["POLICE"].words == ("POLICE",) and by_first["POLICE"].code == "COP"
    assert by_first["HUMAN RIGHTS BODY"].before and not by_first["POLICE"].before
    assert by_first["CONGRESSMAN"].words == ("CONGRESSMAN", "CONGRESSMEN")
    ministry = by_first["MINISTER OF ADMINISTRATIVE REFORM"]
    assert ministry.words == ("MINISTER OF ADMINISTRATIVE REFORM", "MINISTRY OF ADMINISTRATIVE REFORM")
    assert ministry.loose
    assert by_first["AGENCY"].words == ("AGENCY", "AGENCIES")


@pytest.mark.parametrize("bad", ["!FOO! MINISTER [~GOV]", "MINISTER [GOV]", "MINISTER {X [~GOV]", "[~GOV]"])
def test_malformed_agent_lines_name_the_line(bad):
    with pytest.raises(KnowledgeError, match=r"ag\.txt, line 2"):
        parse_agent_dictionary(["OK [~GOV]", bad], origin="ag.txt")


# --- the people tables --------------------------------------------------------------------------------


def _rows(name):
    text = resources.files("accord.knowledge.data").joinpath(name).read_text(encoding="utf-8")
    return parse_people(text, source=name)


@pytest.mark.parametrize("name", people_module.FILES)
def test_people_tables_are_consistent(name):
    rows = _rows(name)
    assert len(rows) > 500
    for person in rows:
        assert pycountry.countries.get(alpha_3=person.country) is not None, person
        assert person.sector in SECTORS, person
        assert person.start is None or person.end is None or person.start <= person.end, person
        assert person.name and person.name not in person.aliases, person
    keys = [(p.name, p.aliases, p.country, p.sector, p.start, p.end) for p in rows]
    assert len(keys) == len(set(keys)), "duplicate rows"
    assert {person.source for person in rows} == {"phoenix" if name == "people.tsv" else "accord"}


def test_people_reads_both_tables():
    assert {person.source for person in people()} == {"phoenix", "accord"}


def test_people_tsv_errors_name_the_line():
    header = "\t".join(people_module.COLUMNS)
    with pytest.raises(KnowledgeError, match=r"p\.tsv, line 3"):
        parse_people(f"{header}\n# c\nX\t\tFRA\tNOPE\t\t\taccord\n", source="p.tsv")
    with pytest.raises(KnowledgeError, match=r"p\.tsv, line 2"):
        parse_people(f"{header}\nX\t\tFRA\tGOV\t2020-01-02\t2020-01-01\taccord\n", source="p.tsv")


# --- lookup ------------------------------------------------------------------------------------------


def test_blinken_held_office_until_january_2025():
    index = people_index()
    blinken = index.lookup("Antony Blinken", date(2022, 3, 1))
    assert blinken is not None and (blinken.country, blinken.sector) == ("USA", "GOV")
    assert index.lookup("antony blinken", date(2025, 6, 1)) is None
    assert index.lookup("Blinken", date(2025, 1, 20)) is not None  # the last day counts


def test_lavrov_is_russian_government_in_2023():
    for name in ("Sergey Lavrov", "Sergei Lavrov", "LAVROV", "Sergéi Lavrov"):
        lavrov = people_index().lookup(name, date(2023, 5, 30))
        assert lavrov is not None and (lavrov.country, lavrov.sector) == ("RUS", "GOV"), name


def test_a_former_foreign_minister_is_not_found_after_his_term():
    index = people_index()
    assert index.lookup("John Kerry", date(2016, 6, 1)) is not None
    kerry = index.lookup("John Kerry", date(2018, 1, 1))
    assert kerry is None or kerry.end is None or kerry.end >= date(2018, 1, 1)
    assert kerry is None  # no role of Kerry's in these tables covers 2018
    assert index.lookup("Bashar al-Assad", date(2025, 6, 1)) is None  # Phoenix's open end is overridden


def test_an_open_phoenix_role_runs_until_accord_s_row_begins():
    index = people_index()
    premier = index.lookup("Erdogan", date(2008, 6, 1))  # prime minister 2003-2014 in Phoenix's row
    president = index.lookup("Erdogan", date(2019, 6, 1))  # Accord's row from August 2014
    assert premier is not None and premier.source == "phoenix" and premier.end == date(2014, 1, 30)
    assert president is not None and president.source == "accord"


def test_earlier_phoenix_roles_survive_the_override():
    lavrov = people_index().lookup("Lavrov", date(2000, 1, 1))  # Russia's ambassador to the UN
    assert lavrov is not None and lavrov.source == "phoenix"


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Shehbaz Sharif", "PAK"),
        ("Narendra Modi", "IND"),
        ("Roman Golovchenko", "BLR"),
        ("Sergei Aleinik", "BLR"),
    ],
)
def test_heads_of_government_and_ministers_in_2023(name, country):
    person = people_index().lookup(name, date(2023, 5, 30))
    assert person is not None and person.country == country and person.sector == "GOV"


def _person(name, start, end, *, aliases=(), source="accord"):
    return Person(
        name=name, aliases=aliases, country="FRA", sector="GOV", start=start, end=end, source=source
    )


def test_lookup_prefers_the_most_recent_role():
    index = PeopleIndex(
        [
            _person("Jean Dupont", date(2010, 1, 1), date(2020, 1, 1)),
            _person("Jean Dupont", date(2015, 1, 1), None, aliases=("Dupont",)),
            _person("Marie Dupont", date(2021, 1, 1), date(2022, 1, 1), aliases=("Dupont",)),
        ]
    )
    assert index.lookup("jean dupont", date(2016, 1, 1)).start == date(2015, 1, 1)
    assert index.lookup("jean dupont", date(2012, 1, 1)).start == date(2010, 1, 1)
    assert index.lookup("Dupont", date(2021, 6, 1)).name == "Marie Dupont"
    assert index.lookup("Dupont", None).name == "Marie Dupont"
    assert index.lookup("jean dupont", date(2000, 1, 1)) is None
    assert index.lookup("nobody", None) is None


def test_on_a_day_accord_s_leaders_beat_a_phoenix_role_of_another_country():
    shared = Person(name="King Olaf", aliases=(), country="ISL", sector="GOV", start=date(1990, 1, 1), end=None,
                    source="phoenix")  # fmt: skip
    own = _person("Olaf", date(1990, 1, 1), date(2020, 1, 1), aliases=("King Olaf",))
    index = PeopleIndex([shared, own])
    assert index.lookup("King Olaf", date(2010, 1, 1)).country == "FRA"
    assert index.lookup("King Olaf", date(2021, 1, 1)).country == "ISL"  # Accord's term is over


def test_queen_elizabeth_ii_is_british():
    queen = people_index().lookup("Queen Elizabeth II", date(2019, 9, 11))
    assert queen is not None and queen.country == "GBR"


# --- older roles and bare surnames ------------------------------------------------------------------------


def test_roles_before_2000_are_kept():
    # older news (Reuters 1987) names the leaders of its time: Phoenix's earlier dated roles are in the table
    kohl = people_index().lookup("Helmut Kohl", date(1987, 6, 1))
    assert kohl is not None and kohl.country == "DEU" and kohl.sector == "GOV"


def test_a_surname_resolves_when_one_country_held_it_then():
    index = PeopleIndex(
        [
            _person("Jean Dupont", date(2010, 1, 1), date(2020, 1, 1)),
            Person(
                name="Anna Dupont",
                aliases=(),
                country="BEL",
                sector="GOV",
                start=date(2021, 1, 1),
                end=None,
                source="accord",
            ),
        ]
    )
    assert index.by_surname("Dupont", date(2015, 1, 1)).country == "FRA"  # only the French one held a role
    assert index.by_surname("Dupont", date(2022, 1, 1)).country == "BEL"
    assert index.by_surname("Dupont", date(2000, 1, 1)) is None  # no one then; of two countries ever
    assert index.by_surname("Nobody", None) is None


def test_a_surname_of_one_country_resolves_outside_its_terms():
    index = PeopleIndex([_person("Jean Dupont", date(2010, 1, 1), date(2012, 1, 1))])
    assert index.by_surname("dupont", date(2000, 1, 1)).name == "Jean Dupont"
    assert index.by_surname("Jean", None) is None  # a first name is no surname


def test_a_surname_needs_the_written_first_name_and_the_offices_sector():
    # regression: "former federal prosecutor Elie Honig" was read as a Hungarian minister named Honig
    index = PeopleIndex([_person("Peter Honig", date(2009, 5, 1), date(2010, 6, 30))])
    assert index.by_surname("Honig", date(2019, 9, 1), sector="GOV", given="Elie") is None
    assert index.by_surname("Honig", date(2019, 9, 1), sector="JUD") is None
    assert index.by_surname("Honig", date(2019, 9, 1), sector="GOV", given="peter").country == "FRA"


def test_a_surname_most_of_whose_bearers_served_one_country():
    # with no one of that name in office on the date, two thirds of its bearers (by name) must share a country
    def someone(name, country):
        return Person(
            name=name,
            aliases=(),
            country=country,
            sector="GOV",
            start=date(1990, 1, 1),
            end=date(1992, 1, 1),
            source="accord",
        )

    index = PeopleIndex(
        [someone("Jean Dupont", "FRA"), someone("Paul Dupont", "FRA"), someone("Ann Dupont", "BEL")]
    )
    assert index.by_surname("Dupont", date(2000, 1, 1)).country == "FRA"
    index = PeopleIndex([someone("Jean Dupont", "FRA"), someone("Ann Dupont", "BEL")])
    assert index.by_surname("Dupont", date(2000, 1, 1)) is None


def test_after_phoenix_a_surname_prefers_accord_s_known_holders():
    index = people_index()
    abbas = index.by_surname("Abbas", date(2021, 5, 25), sector="GOV")
    assert abbas is not None and abbas.country == "PSE"
    assert index.by_surname("Abbas", date(2008, 6, 1), sector="GOV") is None  # several held a role then


def test_a_family_name_first_country_is_found_either_way_round():
    japanese = Person(name="Taro Yamada", aliases=(), country="JPN", sector="GOV", start=date(2020, 1, 1),
                      end=None, source="accord")
    index = PeopleIndex([japanese, _person("Jean Dupont", date(2020, 1, 1), None)])
    assert index.lookup("Yamada Taro", date(2021, 1, 1)) == japanese
    assert index.lookup("Dupont Jean", date(2021, 1, 1)) is None  # French names keep their order
    assert index.by_surname("Taro", date(2021, 1, 1)) is None  # the turned name's last word is no surname
    assert "taro" not in index.last_words()  # nor a word that may name a person ("He" of He Lifeng)


def test_a_current_surname_needs_someone_holding_a_role_then():
    index = PeopleIndex([_person("Jean Dupont", date(2010, 1, 1), date(2012, 1, 1))])
    assert index.by_surname("Dupont", date(2020, 1, 1)).name == "Jean Dupont"
    assert index.by_surname("Dupont", date(2020, 1, 1), current=True) is None
    assert index.by_surname("Dupont", date(2011, 1, 1), current=True).name == "Jean Dupont"
