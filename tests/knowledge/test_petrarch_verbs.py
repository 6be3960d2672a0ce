"""PETRARCH verb, discard and code tables: the suite's dictionaries and CAMEO.2.0.txt load; constructs read right."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from accord.errors import KnowledgeError
from accord.knowledge.petrarch import DatedCode, DictActor, DictAgent, load_actor_dictionary, load_agent_dictionary
from accord.knowledge.petrarch_codes import PhraseTable, actor_codes, compose, split_code
from accord.knowledge.petrarch_discards import first_discard, load_discard_dictionary, parse_discard_dictionary
from accord.knowledge.petrarch_verbs import (EventCode, load_verb_dictionary, parse_verb_dictionary,
                                             regular_forms)


@pytest.fixture(scope="module")
def suite(shared):
    folder = shared / "peers" / "petrarch2"
    if not folder.is_dir():
        pytest.skip("the PETRARCH2 suite is not in shared/peers")
    return folder


@pytest.fixture(scope="module")
def validate(suite):
    return load_verb_dictionary(suite / "PETR.Validate.verbs.txt")


def _block(dictionary, name):
    return next(b for b in dictionary.blocks if b.name == name)


def test_the_four_suite_dictionaries_load(suite, validate):
    assert len(validate.blocks) > 250 and "TIETYPES" in validate.synsets
    assert len(load_actor_dictionary(suite / "PETR.Validate.actors.txt")) > 100
    assert len(load_agent_dictionary(suite / "PETR.Validate.agents.txt")) > 80
    assert len(load_discard_dictionary(suite / "PETR.Validate.discards.txt")) == 9


def test_cameo_2_loads_with_its_groups_and_reverse_codes(suite):
    cameo = load_verb_dictionary(suite / "phoenix" / "CAMEO.2.0.txt")
    assert len(cameo.blocks) > 390 and len(cameo.transformations) == 8
    assert _block(cameo, "OFFEND").code == EventCode(forward=None, reverse="110")
    appear = _block(cameo, "APPEAR")
    court = next(p for p in appear.patterns if p.text.startswith("- * (IN COURT)"))
    assert [(e.name, e.group) for e in court.upper] == [("IN", "pp"), ("COURT", "pp")]
    protest = next(p for b in cameo.blocks for p in b.patterns if "(TO/FOR PROTEST)" in p.text)
    assert protest.upper[0].options == (("TO",), ("FOR",))
    accelerate = _block(cameo, "ACCELERATE")
    arms = next(p for p in accelerate.patterns if "{ARMS SHIPMENT}" in p.text)
    assert [e.group for e in arms.upper] == ["np", "np"]
    assert ("SPED",) in next(v for v in accelerate.verbs if v.words == ("SPEED",)).forms


def test_verbs_multi_word_verbs_and_own_codes(validate):
    abandon = _block(validate, "ABANDON")
    assert abandon.code == EventCode(forward="345")
    klm = next(v for v in abandon.verbs if v.words == ("KLM", "NOP", "RST"))
    assert klm.head == 2 and klm.code == EventCode(forward="002") and ("KLM", "NOP", "RSTED") in klm.forms
    brk = _block(validate, "BREAK")
    assert ("BROKEN",) in brk.verbs[0].forms and ("BREAKS",) not in brk.verbs[0].forms  # {...} lists them all
    assert ("BROKEN", "DOWN") in brk.verbs[1].forms
    tap = next(v for v in _block(validate, "CONFISCATE").verbs if v.words == ("WIRE", "TAP"))
    assert tap.head == 1 and ("WIRE", "TAPPED") in tap.forms
    delay = _block(validate, "DELAY")
    assert delay.code.forward == "120" and delay.extra_codes == (EventCode(forward="031", reverse="031"),)
    assert _block(validate, "ARRIVE").code == EventCode(forward="032", reverse="033")
    assert _block(validate, "ACCORD").code.null


def test_patterns_markers_connectors_and_synsets(validate):
    known = next(p for p in _block(validate, "BREAK").patterns if "KNOWN" in p.text)
    assert [e.kind for e in known.lower] == ["target", "word"] and [e.kind for e in known.upper] == ["word", "source"]
    assert not known.upper[0].joined  # "IN_ $": TABARI's '_ ' is an open match
    certain = next(p for p in _block(validate, "CLASH").patterns if p.code.forward == "907")
    assert [e.joined for e in certain.lower] == [False, True, True, True]
    assert ("REALLY", "DID", "NOT") in certain.lower[2].options
    assert [e.kind for e in next(p for p in _block(validate, "DELAY").patterns).lower] == ["compound", "word"]
    embedded = validate.synsets["ACCORDSYN"]
    assert ("ECONOMIC",) in embedded and ("SWISS", "FRANCS") in embedded and ("CLOSER",) in embedded
    assert ("AGAINSTS",) not in validate.synsets["PREPOSIT1"]  # a name ending '_': no plurals
    assert ("KRONERS",) in validate.synsets["CURRENCY"]
    restore = _block(validate, "RESTORE")
    assert any(p.code.forward == "###" for p in restore.patterns)  # '#' inside [...] is no comment


def test_regular_forms():
    assert regular_forms("ARRIVE") == ["ARRIVE", "ARRIVES", "ARRIVED", "ARRIVING"]
    assert regular_forms("DENY") == ["DENY", "DENIES", "DENIED", "DENYING"]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("--- VISIT [042] ---\nVISIT\n- * TO + [043", 3, "'['"),
    ("--- VISIT [042] ---\nVISIT\n- TO + [043]", 3, "exactly one '*'"),
    ("--- VISIT [042] ---\nVISIT\n- * TO +", 3, "no [CODE]"),
    ("--- VISIT [042] ---\nVISIT\n- * TO + [04 3]", 3, "not an event code"),
    ("VISIT\n--- VISIT [042] ---", 1, "before any"),
    ("&EMPTY\n--- VISIT [042] ---", 2, "no '+' members"),
    ("--- VISIT [042] ---\nVISIT {VISITS\n", 2, "unbalanced"),
    ("--- VISIT [042] ---\nVISIT\n- * (TO + [043]", 3, "not closed"),
])
def test_malformed_lines_name_file_and_line(text, line, message):
    with pytest.raises(KnowledgeError) as error:
        parse_verb_dictionary(text.splitlines(), origin="mine.verbs.txt")
    assert f"mine.verbs.txt, line {line}" in str(error.value) and message in str(error.value)


def test_an_undefined_synset_skips_its_pattern_as_petrarch_does(caplog):
    text = "--- VISIT [042] ---\nVISIT\n- * &NOWHERE [043]\n- * TO + [044]"
    with caplog.at_level(logging.WARNING):
        verbs = parse_verb_dictionary(text.splitlines(), origin="v.txt")
    assert [p.code.forward for p in verbs.blocks[0].patterns] == ["044"]
    assert "v.txt, line 3" in caplog.text


def test_discards_story_and_sentence_stems():
    discards = parse_discard_dictionary(["BASEBALL  # a sport", "+TYPHOON", "ESPN_"], origin="d.txt")
    assert first_discard("They played baseballs", discards).phrase == "BASEBALL"
    assert first_discard("A typhoon hit", discards).story
    assert first_discard("ESPN2 said", discards) is None and first_discard("ESPN said", discards) is not None


def _agent(code, *, before=False, words=("X",)):
    return DictAgent(words=words, code=code, before=before, loose=False, line=1)


def test_codes_compose_as_petrarch_composes_them():
    assert compose("ARN", [_agent("REL")]) == "ARNREL"
    assert compose("ARN", [_agent("NGO", before=True), _agent("GOV")]) == "NGOARNGOV"
    assert compose("USAGOV", [_agent("GOV")]) == "USAGOV"  # an agent the code already holds
    assert compose(None, [_agent("GOV")]) == "---GOV"
    assert split_code("USAGOV", {"USA"}) == ("USA", None, "GOV")
    assert split_code("IGOUNO", {"USA"}) == (None, "UNO", None)
    assert split_code("ARN", {"USA"}) == (None, None, None)


def test_dated_codes_and_multiple_codes():
    gollum = DictActor(names=("GOLLUM",), comment=None, line=1, codes=(
        DatedCode(code="HOB", start=None, end=date(1995, 6, 1)),
        DatedCode(code="HOBGOV", start=date(1995, 6, 1), end=date(1999, 8, 15)),
    ))
    assert actor_codes(gollum, date(1992, 1, 2)) == ["HOB"] and actor_codes(gollum, date(1998, 1, 1)) == ["HOBGOV"]
    shire = DictActor(names=("THE SHIRE",), comment=None, line=2,
                      codes=tuple(DatedCode(code=c, start=None, end=None) for c in ("FRO", "BIL", "SAM")))
    assert actor_codes(shire, None) == ["FRO", "BIL", "SAM"]
    hits = PhraseTable([shire], [_agent("GOV", words=("GOVERNMENT",))]).match(["the", "Shire", "government"])
    assert [(h.start, h.end, bool(h.actor)) for h in hits] == [(0, 2, True), (2, 3, False)]
