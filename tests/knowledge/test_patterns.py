"""Accord's pattern files: the built-in set is complete and valid; user files are validated line by line."""

from __future__ import annotations

import pytest

from accord.errors import KnowledgeError
from accord.knowledge.patterns import builtin_patterns, index, load_pattern_file, parse_patterns
from accord.knowledge.tables import cameo_codes


def test_every_cameo_root_has_patterns_of_our_own():
    roots = {p.code[:2] for p in builtin_patterns()}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}


def test_every_pattern_code_and_intent_code_is_in_the_cameo_table():
    codes = cameo_codes()
    for pattern in builtin_patterns():
        assert pattern.code in codes, pattern.rule
        assert pattern.intent is None or pattern.intent in codes, pattern.rule


def test_rules_name_the_file_and_line():
    for pattern in builtin_patterns():
        origin, line = pattern.rule.split()[0].rsplit(":", 1)
        assert origin == "verbs.txt" and int(line) > 0


def test_more_specific_patterns_are_tried_first():
    patterns = parse_patterns(["040 hold", "040 hold obj=talks prep=with"], origin="t")
    assert [p.specificity for p in index(patterns).verbs["hold"]] == [4, 0]


def test_a_subject_condition_counts_as_specific():
    patterns = parse_patterns(["042 arrive", "074 arrive subj=peacekeeper|peacekeeping"], origin="t")
    assert [p.subj for p in index(patterns).verbs["arrive"]] == [frozenset({"peacekeeper", "peacekeeping"}), None]


def test_a_pattern_may_give_the_plover_type_of_its_own_code():
    (pattern,) = parse_patterns(["0831 resign plover=RETREAT:resign"], origin="t")
    assert pattern.plover == ("RETREAT", "resign")


def test_word_classes_expand():
    (pattern,) = parse_patterns(["@x = talks meeting", "040 hold obj=@x"], origin="t")
    assert pattern.obj == frozenset({"talks", "meeting"})


@pytest.mark.parametrize("line, problem", [
    ("999 visit", "not a CAMEO event code"),
    ("042", "expected 'CODE TRIGGER"),
    ("042 visit colour=red", "unknown key 'colour'"),
    ("042 visit target=elsewhere", "unknown target place 'elsewhere'"),
    ("042 visit obj=@nowhere", "word class '@nowhere' is not defined"),
    ("042 visit conf=high", "conf must be a number"),
    ("042 visit intent=12345", "intent '12345' is not a CAMEO event code"),
    ("074 arrive subj=", "empty word list"),
    ("0831 resign plover=RESIGN", "not EVENT or EVENT:mode of a PLOVER event"),
])
def test_a_bad_user_file_names_its_file_and_line(tmp_path, line, problem):
    path = tmp_path / "mine.txt"
    path.write_text(f"# my patterns\n\n{line}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_pattern_file(path)
    assert f"{path}:3" in str(error.value)
    assert problem in str(error.value)


def test_a_user_pattern_file_is_used_beside_ours(tmp_path):
    from accord.coder import code_text
    from accord.settings import Settings

    text = "Chile serenaded Peru."
    path = tmp_path / "mine.txt"
    path.write_text("051 serenade target=obj\n", encoding="utf-8")
    assert not [e for e in code_text(text) if e.cameo == "051"]
    events = code_text(text, settings=Settings.load(patterns=str(path)))
    assert [(e.source.country, e.cameo, e.target.country) for e in events] == [("CHL", "051", "PER")]
    assert events[0].rule.startswith(f"{path}:1")
