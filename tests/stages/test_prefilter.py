"""The prefilter's parts: word forms of triggers, the cheap sentence split, and its agreement with coref.py."""

from __future__ import annotations

import pytest

from accord.knowledge.forms import Inflector
from accord.knowledge.lexicon import MAX_PHRASE, builtin_lexicon
from accord.stages import coref
from accord.stages.prefilter import DEFINITE_HEADS, LOOKBACK, inflector_for
from accord.stages.selective import sentence_bounds


@pytest.fixture(scope="module")
def nlp(coder):
    return coder.pipeline.stages[0].nlp


@pytest.fixture(scope="module")
def prefilter(coder):
    return coder.pipeline.stages[0].prefilter


@pytest.mark.parametrize("lemma, form", [
    ("meet", "met"), ("meet", "meeting"), ("plan", "planned"), ("sanction", "sanctions"),
    ("agree", "agreed"), ("visit", "visits"), ("ally", "allied"), ("arrive", "arriving"),
])
def test_forms_include_inflections(nlp, lemma, form):
    assert form in inflector_for(nlp).forms(lemma)


def test_forms_without_a_pipeline_still_cover_regular_inflections():
    assert {"visit", "visits", "visited", "visiting"} <= Inflector().forms("visit")


def test_every_trigger_lemma_in_a_parse_is_a_form_the_prefilter_knows(coder, example_text, prefilter):
    """The inverse lemmatizer is complete on real text: no trigger seen by the events stage is missed."""
    patterns = coder.pipeline.stages[2].patterns
    lemmas = set(patterns.verbs) | set(patterns.nouns)
    doc = coder.pipeline.stages[0].nlp(example_text)
    seen = [t for t in doc if t.lemma_.lower() in lemmas and t.pos_ in {"VERB", "AUX", "NOUN", "PROPN"}]
    assert seen
    assert [t.text for t in seen if t.lower_ not in prefilter.triggers] == []


@pytest.mark.parametrize("text", [
    "Pakistan and Belarus met. Then they signed a deal! Did they? Yes...  \"Fine,\" he said.",
    "Mr. Smith went to Washington D.C. on Monday. He met U.S. officials.",
    "No final punctuation here",
    "Prices rose 5.5 pct in March.\n    The dry period means the crop will be late.",
])
def test_sentence_bounds_agree_with_spacys_sentencizer(nlp, text):
    from spacy.pipeline import Sentencizer

    doc = nlp.make_doc(text)
    expected = [(s.start, s.end) for s in Sentencizer()(nlp.make_doc(text)).sents]
    assert sentence_bounds([(t.text, t.is_space, t.is_punct) for t in doc]) == expected


def test_a_sentence_needs_a_trigger_with_its_required_words(prefilter):
    # "have" codes only with talks, a call...: "has a car" is no event, "held talks" is.
    assert not prefilter.marks(["Russia", "has", "a", "large", "army", "."]).predicate
    assert prefilter.marks(["Russia", "will", "have", "talks", "with", "China", "."]).predicate


def test_a_pronoun_counts_only_after_a_sentence_naming_an_actor(prefilter):
    sentences = [s.split() for s in ("It rained .", "He visited the plant .", "Belarus is cold .",
                                     "He visited Pakistan .")]
    assert prefilter.keep(sentences) == [False, False, True, True]


def test_a_name_repeated_later_keeps_the_sentence_that_introduced_it(prefilter):
    sentences = [s.split() for s in ("Belarus Foreign Minister Sergei Aleinik was calm .", "It rained .",
                                     "The snow fell .", "The roads closed .", "Aleinik visited Islamabad .")]
    assert prefilter.keep(sentences) == [True, False, False, False, True]


def test_prefilter_agrees_with_coreference():
    assert coref.LOOKBACK == LOOKBACK
    assert coref.COMPANY_WORDS <= DEFINITE_HEADS
    assert coref.PAIR_WORDS <= DEFINITE_HEADS


def test_lexicon_matches_as_if_every_length_were_tried(example_text, nlp):
    """The first-word index of Lexicon.match finds exactly what trying every phrase length finds."""
    lexicon = builtin_lexicon()
    words = [t.text for t in nlp.make_doc(example_text)]

    def brute(words):
        found, i = [], 0
        lowered = [w.lower().replace("\u2019", "'") for w in words]
        while i < len(words):
            for size in range(min(MAX_PHRASE, len(words) - i), 0, -1):
                cue = lexicon.exact.get(tuple(words[i : i + size])) or lexicon.lower.get(tuple(lowered[i : i + size]))
                if cue is not None:
                    found.append((i, i + size, cue))
                    i += size
                    break
            else:
                i += 1
        return found

    assert [(m.start, m.end, m.cue) for m in lexicon.match(words)] == brute(words)
