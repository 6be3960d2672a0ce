"""Per-root event coding on hand-made news sentences: every CAMEO root 01-20 and the engine's rules.

The tables are data. An entity is compared as in gold/FORMAT.md: the actor's country (ISO3) if set, else
its organisation (UN, EU, NATO, WEST, ...); None for a missing target. A code of two digits is checked at
root level; a longer code must match exactly. Sentences are invented, never taken from the example article.
"""

from __future__ import annotations

import pytest

# (sentence, source entity, target entity, CAMEO code or root, what it tests)
ROOTS = [
    # 01 make public statement (coded only with a named target)
    ("The Japanese prime minister commented on China.", "JPN", "CHN", "010", "comment on X"),
    ("Brazil's foreign minister warned Argentina about the risks of a default.", "BRA", "ARG", "01",
     "warn X about"),
    ("The Indian government welcomed Nepal's decision to reopen the border crossing.", "IND", "NPL", "013",
     "welcome X's decision: optimistic comment, target is the possessor"),
    ("Mexico's president expressed condolences to Peru over the deadly earthquake.", "MEX", "PER", "018",
     "express condolences to"),
    ("The Turkish president expressed sympathy with Syria after the earthquake.", "TUR", "SYR", "018",
     "express sympathy with: the preposition hangs on the verb"),
    ("Turkey denied accusations by Greece of airspace violations.", "TUR", "GRC", "016",
     "deny accusations: the target is the accuser"),
    ("The European Commission commented on Poland's judicial reforms.", "EU", "POL", "010",
     "comment on X's ...: the target is the possessor of the prepositional object"),
    # 02 appeal
    ("The European Union urged Serbia to normalise relations with Kosovo.", "EU", "SRB", "02", "urge X to"),
    ("Chile appealed to the United Nations for humanitarian assistance.", "CHL", "UN", "02", "appeal to X for"),
    ("Nigeria called on Niger's junta to restore civilian rule.", "NGA", "NER", "02",
     "call on X (parsed as a preposition, not a particle)"),
    ("Somalia asked Kenya for food aid.", "SOM", "KEN", "02", "ask X for"),
    # 03 express intent to cooperate
    ("Japan pledged aid to the Philippines after the typhoon.", "JPN", "PHL", "033", "pledge aid to"),
    ("Qatar offered to mediate between Ethiopia and Eritrea.", "QAT", "ETH", "039", "offer to mediate"),
    ("Qatar offered to mediate between Ethiopia and Eritrea.", "QAT", "ERI", "039", "... both parties"),
    ("Saudi Arabia invited Iran's president to visit Riyadh.", "SAU", "IRN", "036", "invite X"),
    ("South Korea offered humanitarian aid to North Korea.", "KOR", "PRK", "03", "offer aid to"),
    # 04 consult
    ("Indonesian President Joko Widodo met Australian Prime Minister Anthony Albanese in Jakarta.", "IDN",
     "AUS", "04", "meet X"),
    ("Canadian Prime Minister Justin Trudeau visited Mexico on Tuesday.", "CAN", "MEX", "042", "visit X"),
    ("The Chinese foreign minister arrived in Pretoria on Monday.", "CHN", "ZAF", "042",
     "arrive in a capital: its country is the target"),
    ("Vietnam hosted the Philippine president for a state visit.", "VNM", "PHL", "043", "host X"),
    ("The Indonesian foreign minister held talks with the Malaysian foreign minister in Jakarta.", "IDN", "MYS",
     "040", "hold talks with"),
    ("The Egyptian foreign minister held talks with his Jordanian counterpart in Cairo.", "EGY", "JOR", "040",
     "talks with 'his Jordanian counterpart': a demonym on a role word"),
    # 05 engage in diplomatic cooperation
    ("Argentina and Chile signed a border agreement.", "ARG", "CHL", "057", "sign agreement, joint"),
    ("Argentina and Chile signed a border agreement.", "CHL", "ARG", "057", "... the other direction"),
    ("NATO praised Finland for its contribution to European security.", "NATO", "FIN", "051", "praise X"),
    ("Israel apologised to Turkey for the raid.", "ISR", "TUR", "055", "apologise to X"),
    ("Brazil and Argentina have strengthened their diplomatic ties.", "BRA", "ARG", "050",
     "strengthen ties, joint"),
    # 06 engage in material cooperation
    ("Saudi Arabia invested heavily in Egypt last year.", "SAU", "EGY", "061", "invest in X"),
    ("Poland trained Ukrainian soldiers on Western tanks.", "POL", "UKR", "062",
     "train X's soldiers: the object lemma is singular"),
    ("Spain extradited the suspect to Colombia.", "ESP", "COL", "063", "extradite to X"),
    ("Jordan shared intelligence with Iraq about the plot.", "JOR", "IRQ", "064", "share intelligence with"),
    ("The Nigerian army held exercises with French troops.", "NGA", "FRA", "062", "joint drills with X"),
    ("India and Japan held joint naval exercises.", "JPN", "IND", "062", "drills of coordinated subjects"),
    # 07 provide aid
    ("Japan sent humanitarian aid to Turkey after the earthquake.", "JPN", "TUR", "070", "send aid to"),
    ("The World Bank lent Kenya $500 million.", "WORLDBANK", "KEN", "071", "lend X (dative)"),
    ("The United States supplied weapons to Ukraine.", "USA", "UKR", "072", "supply weapons (lemma weapon)"),
    ("The IMF lent $3 billion to Sri Lanka.", "IMF", "LKA", "071",
     "lend ... to X: spaCy labels this 'to' dative, not prep"),
    ("Ecuador granted asylum to a Swedish journalist.", "ECU", "SWE", "075",
     "grant asylum to X: 'to' labelled dative"),
    # 08 yield
    ("The EU lifted sanctions on Myanmar.", "EU", "MMR", "085", "lift sanctions on"),
    ("Kenya withdrew its troops from Somalia.", "KEN", "SOM", "087", "withdraw troops (lemma troop) from"),
    ("Iran released Britain's prisoners.", "IRN", "GBR", "084", "release X's prisoners: target is the possessor"),
    # 09 investigate
    ("The International Criminal Court investigated Myanmar's military.", "ICC", "MMR", "09", "investigate X"),
    ("Kenyan police probed the Chinese company over the contract.", "KEN", "CHN", "09", "probe X"),
    ("The UN launched an investigation into Ethiopia.", "UN", "ETH", "090",
     "event noun under a light verb: launch an investigation into"),
    # 10 demand
    ("Poland demanded reparations from Germany.", "POL", "DEU", "10", "demand from X"),
    ("Beijing demanded an apology from Japan.", "CHN", "JPN", "10", "demand from X, 'from' on the object"),
    ("Kosovo demanded the withdrawal of Serbia's troops.", "XKX", "SRB", "108", "demand withdrawal of X's troops"),
    ("Beijing demanded an apology from Tokyo.", "CHN", "JPN", "10", "a capital after 'from' on the object"),
    # 11 disapprove
    ("Germany condemned Iran's missile attack.", "DEU", "IRN", "111", "condemn X's ..."),
    ("The Philippine government accused China of harassing its fishermen.", "PHL", "CHN", "112", "accuse X"),
    ("Colombian President Gustavo Petro criticised Venezuela over the elections.", "COL", "VEN", "110",
     "criticise X"),
    ("Ghana complained to the African Union about Togo.", "GHA", "TGO", "11", "complain about X"),
    # 12 reject
    ("Israel rejected Egypt's ceasefire proposal.", "ISR", "EGY", "125", "reject X's proposal"),
    ("Serbia rejected the EU's demands.", "SRB", "EU", "122", "reject X's demands"),
    ("North Korea dismissed South Korea's offer of talks.", "PRK", "KOR", "12", "dismiss X's offer"),
    # 13 threaten
    ("China threatened Taiwan with military action.", "CHN", "TWN", "13", "threaten X"),
    ("Washington threatened to impose sanctions on Turkey.", "USA", "TUR", "1312",
     "threaten to impose sanctions: the intent form of 163"),
    ("North Korea threatened to attack South Korea.", "PRK", "KOR", "138", "threaten to attack"),
    # 14 protest
    ("Greek farmers demonstrated against the European Union.", "GRC", "EU", "14", "demonstrate against"),
    ("Iranian protesters rallied against the United States.", "IRN", "USA", "14", "rally against"),
    ("Argentine workers protested against the IMF.", "ARG", "IMF", "14", "protest against"),
    # 15 exhibit force posture
    ("Azerbaijan mobilised troops against Armenia.", "AZE", "ARM", "154", "mobilise troops against"),
    ("Russia massed troops near Ukraine.", "RUS", "UKR", "154", "mass troops near ('near' on the object)"),
    ("China held military drills near Taiwan.", "CHN", "TWN", "150", "drills near X: show of force"),
    # 16 reduce relations
    ("The EU imposed sanctions on Iran.", "EU", "IRN", "163", "impose sanctions on"),
    ("Nicaragua severed diplomatic ties with Taiwan.", "NIC", "TWN", "161", "sever ties with"),
    ("Morocco expelled the Algerian ambassador.", "MAR", "DZA", "166", "expel X's ambassador"),
    ("Washington suspended military aid to Egypt.", "USA", "EGY", "164", "suspend aid to"),
    # 17 coerce
    ("Iranian authorities arrested a French journalist.", "IRN", "FRA", "173", "arrest"),
    ("Turkey deported Syrian refugees.", "TUR", "SYR", "174", "deport"),
    ("Russian police detained an American journalist.", "RUS", "USA", "173", "detain"),
    # 18 assault
    ("Colombian rebels kidnapped two Venezuelan soldiers.", "COL", "VEN", "181", "kidnap"),
    ("Iranian intelligence agents assassinated an Israeli diplomat in Cyprus.", "IRN", "ISR", "186",
     "assassinate"),
    ("Belarusian police beat Polish journalists.", "BLR", "POL", "18", "beat"),
    # 19 fight
    ("Russia invaded Ukraine.", "RUS", "UKR", "192", "invade"),
    ("Azerbaijan attacked Armenia.", "AZE", "ARM", "190", "attack"),
    ("The Turkish air force bombed Kurdish militants in northern Iraq.", "TUR", "IRQ", "195",
     "aerial bombing; the place gives the target"),
    ("Indian troops clashed with Chinese soldiers in Ladakh.", "IND", "CHN", "190", "clash with"),
    ("Indian and Chinese troops clashed on the border.", "IND", "CHN", "190",
     "coordinated demonyms on one head: two actors that act on each other"),
    # 20 unconventional mass violence
    ("Russian forces massacred Ukrainian civilians in Bucha.", "RUS", "UKR", "202", "massacre"),
    ("Ethiopian soldiers massacred Eritrean refugees in Tigray.", "ETH", "ERI", "202", "massacre"),
    ("The Syrian government used sarin against Syrian civilians.", "SYR", "SYR", "2041",
     "use a chemical agent (same country, different sector)"),
    ("Sudanese militias massacred civilians in El Fasher.", "SDN", "SDN", "20",
     "a place after the object gives the target ('in' hangs on the object)"),
]

# (sentence, source, target, code, negated, modality, what it tests): the engine's rules for every pattern.
RULES = [
    # negation
    ("Brazil did not condemn Russia's invasion of Ukraine.", "BRA", "RUS", "111", True, "asserted", "did not"),
    ("India refrained from criticising China.", "IND", "CHN", "110", True, "asserted", "refrain from"),
    ("The Chinese president declined to meet the Japanese prime minister.", "CHN", "JPN", "040", True,
     "asserted", "decline to"),
    ("The EU did not extend sanctions on Venezuela.", "EU", "VEN", "163", True, "asserted",
     "negation of the light verb governing an event noun"),
    # intention
    ("The Turkish president intends to visit Egypt.", "TUR", "EGY", "036", False, "intended",
     "intends to visit: 042 -> 036"),
    ("Chile is set to sign a trade agreement with Peru.", "CHL", "PER", "03", False, "intended",
     "set to sign: intent to cooperate"),
    ("The EU plans to impose sanctions on Venezuela.", "EU", "VEN", "1312", False, "intended",
     "plans to impose sanctions: 163 -> 1312"),
    ("Vietnam agreed to expand ties with South Korea.", "VNM", "KOR", "030", False, "intended",
     "control: the subject of 'agreed' acts in 'expand'"),
    # passive
    ("The Kenyan president was invited by the Chinese government.", "CHN", "KEN", "036", False, "asserted",
     "passive: the by-agent is the source"),
    ("Sanctions were imposed on Syria by the European Union.", "EU", "SYR", "163", False, "asserted",
     "passive with the agent after the target"),
    ("The Argentine ambassador was expelled by Paraguay.", "PRY", "ARG", "166", False, "asserted",
     "passive: the subject is the target"),
    # coordination
    ("France and Germany agreed to strengthen defence ties.", "FRA", "DEU", "03", False, "intended",
     "coordinated subjects act on each other"),
    ("France and Germany agreed to strengthen defence ties.", "DEU", "FRA", "03", False, "intended",
     "... in both directions"),
    ("The Nigerian president met Ghana's president and Senegal's prime minister.", "NGA", "GHA", "040", False,
     "asserted", "coordinated objects: first target"),
    ("The Nigerian president met Ghana's president and Senegal's prime minister.", "NGA", "SEN", "040", False,
     "asserted", "coordinated objects: second target"),
    # reported speech
    ("Kyiv said Russia had attacked Ukraine's power grid.", "RUS", "UKR", "190", False, "reported",
     "X said Y had attacked Z"),
]

# Sentences that must not give an asserted, non-negated event.
NEGATIVES = [
    ("Belarus has maintained strong ties with Russia.", "a state of affairs, not an event"),
    ("The minister said the weather was good.", "a statement with no target"),
    ("Pakistan may join the talks.", "'may' is a modal: hypothetical at most"),
    ("China held military drills.", "drills with no one near or with them"),
    ("The weather was cold and it rained all day.", "no actor at all"),
    ("The EU plans to impose sanctions on Venezuela.", "the sanctions noun under a planned verb is not asserted"),
    ("Kenyan reporters asked the Kenyan president about the budget.", "a question is no appeal"),
]


@pytest.fixture(scope="module")
def coder():
    from accord.coder import get_coder

    return get_coder()


def _code(coder, sentence: str):
    from accord.coder import code_text

    return code_text(sentence, published="2023-05-30")


def _entity(actor) -> str | None:
    return None if actor is None else (actor.country or actor.org)


def _find(events, source: str, target: str | None, code: str):
    """Events with this dyad and code: root level for a two-digit code, exact otherwise."""
    return [e for e in events
            if _entity(e.source) == source and _entity(e.target) == target
            and (e.cameo[:2] == code if len(code) == 2 else e.cameo == code)]


def _show(events) -> str:
    return "; ".join(f"{_entity(e.source)}->{_entity(e.target)} {e.cameo} neg={e.negated} {e.modality}"
                     for e in events) or "no events"


@pytest.mark.parametrize(("sentence", "source", "target", "code", "what"), ROOTS,
                         ids=[f"{c[3]}-{i}" for i, c in enumerate(ROOTS)])
def test_root(coder, sentence, source, target, code, what):
    events = _code(coder, sentence)
    found = [e for e in _find(events, source, target, code) if not e.negated]
    assert found, f"{what}: expected {source}->{target} {code}, got {_show(events)}"


@pytest.mark.parametrize(("sentence", "source", "target", "code", "negated", "modality", "what"), RULES,
                         ids=[f"{c[3]}-{i}" for i, c in enumerate(RULES)])
def test_rule(coder, sentence, source, target, code, negated, modality, what):
    events = _code(coder, sentence)
    found = [e for e in _find(events, source, target, code) if e.negated == negated and e.modality == modality]
    assert found, (f"{what}: expected {source}->{target} {code} negated={negated} {modality}, "
                   f"got {_show(events)}")
    if negated:  # a negated event must not also be reported as having happened
        assert not [e for e in _find(events, source, target, code[:2]) if not e.negated], _show(events)


@pytest.mark.parametrize(("sentence", "what"), NEGATIVES, ids=[f"neg-{i}" for i in range(len(NEGATIVES))])
def test_no_event(coder, sentence, what):
    events = _code(coder, sentence)
    asserted = [e for e in events if not e.negated and e.modality == "asserted"]
    assert not asserted, f"{what}: got {_show(asserted)}"


def test_every_root_has_three_sentences():
    roots = [c[3][:2] for c in ROOTS]
    assert all(roots.count(f"{r:02d}") >= 3 for r in range(1, 21)), sorted(set(roots))


# Known gaps: parse errors of the small spaCy model that no pattern can fix.
KNOWN_GAPS = [
    ("The IMF lent Sri Lanka $3 billion.", "IMF", "LKA", "071",
     "parsed with 'IMF' as a compound on the verb and no subject, '$3 billion' as an appos of the verb"),
]


@pytest.mark.xfail(reason="parse error of en_core_web_sm (see KNOWN_GAPS)", strict=True)
@pytest.mark.parametrize(("sentence", "source", "target", "code", "what"), KNOWN_GAPS)
def test_known_gap(coder, sentence, source, target, code, what):
    assert _find(_code(coder, sentence), source, target, code), what
