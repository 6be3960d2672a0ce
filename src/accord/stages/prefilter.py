"""The sentence prefilter: which sentences of an article may hold an event, decided before any parse.

It reads token texts only (the tokenizer's output), so it costs little next to the parse it saves.
A sentence may give an event when both hold:

- a predicate: a word that may be a pattern's trigger (any inflected form of its lemma), with the words
  that pattern requires also present (its object, particle, preposition, complement);
- an actor: a lexicon phrase (country, demonym, capital, IGO, office), a word that may name a person
  the people table knows, a name used in an earlier sentence that named an actor (a later "Szijjarto"),
  or a word that coreference resolves (a pronoun, "the company", "both sides") after an actor-naming
  sentence within the salience lookback.

Sentences that name actors also feed coreference: the ones just before (within the lookback) a
sentence kept for its event are kept too, and so is an earlier sentence that introduced a name a kept
sentence repeats, so pronouns, "the minister" and surnames resolve as in a full parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from accord.knowledge.forms import Inflector
from accord.knowledge.lexicon import Lexicon, plurals
from accord.knowledge.patterns import Pattern, PatternSet
from accord.knowledge.people import PeopleIndex, fold
from accord.stages import coref
from accord.stages.coref import PRONOUNS
from accord.stages.places import SCENE_PASSIVES, SCENE_REACH, SCENE_VERBS

# Sentences a pronoun or definite description may reach back, and the heads coreference resolves without a
# name (company and pair words), singular and plural, since the prefilter sees forms, not lemmas.
LOOKBACK = coref.LOOKBACK
DEFINITE_HEADS = frozenset(
    form for word in coref.COMPANY_WORDS | coref.PAIR_WORDS for form in (word, *plurals(word))
)

Needs = tuple[frozenset[str], ...]  # each set must share a word with the sentence


@dataclass
class Marks:
    """What one sentence offers the coder, as far as its words tell."""

    predicate: bool = False
    scene: bool = False  # may only say where something told before happened ("The attack took place in X")
    named: bool = False  # a lexicon phrase or a person's name
    anaphor: bool = False  # a pronoun or a definite head that coreference may resolve
    names: set[str] = field(default_factory=set)  # capitalised words: names a later sentence may repeat


class EventFilter:
    """Decides per article which sentences are worth a full parse."""

    def __init__(self, patterns: PatternSet, lexicon: Lexicon, people: PeopleIndex | None,
                 inflector: Inflector, *, stop_words: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self.person_words = people.last_words() if people is not None else frozenset()
        self.stop_words = frozenset(w.lower() for w in stop_words)
        self.triggers = _triggers(patterns.all(), inflector)
        self.scene_words = inflector.all_forms(SCENE_VERBS | SCENE_PASSIVES) | {"place"}

    def marks(self, words: Sequence[str]) -> Marks:
        """The marks of one sentence, from its token texts."""
        lowered = {w.lower() for w in words}
        marks = Marks(predicate=self._predicate(lowered), scene=bool(lowered & self.scene_words))
        marks.anaphor = bool(lowered & PRONOUNS or lowered & DEFINITE_HEADS)
        for word in words:
            if not word[:1].isupper():
                continue
            folded = fold(word)
            if folded and folded.split()[-1] in self.person_words:
                marks.named = True
            if folded and folded not in self.stop_words and not self.lexicon.starts_phrase(word):
                marks.names.add(folded)  # a later mention may be this name alone ("Szijjarto")
        marks.named = marks.named or bool(self.lexicon.match(words))
        return marks

    def keep(self, sentences: Sequence[Sequence[str]]) -> list[bool]:
        """For each sentence of an article (its token texts, in order), whether to parse it."""
        marks = [self.marks(words) for words in sentences]
        keep = [False] * len(marks)
        introduced: dict[str, int] = {}  # a name -> the first sentence naming an actor that used it
        sources: list[list[int]] = []  # per sentence: where the names it repeats were introduced
        for i, mark in enumerate(marks):
            sources.append(sorted({introduced[name] for name in mark.names if name in introduced}))
            if mark.named or sources[i]:
                for name in mark.names:
                    introduced.setdefault(name, i)
        # A sentence names an actor itself (a cue, a known person, a name used before) or may refer to one.
        actor = [m.named or bool(sources[i]) for i, m in enumerate(marks)]
        for i, mark in enumerate(marks):
            recent = [j for j in range(max(0, i - LOOKBACK), i) if actor[j]]
            if not mark.predicate or not (actor[i] or (mark.anaphor and recent)):
                continue
            # The sentence, the ones coreference may reach back to, and where their names were introduced.
            for j in (i, *recent):
                keep[j] = True
                for k in sources[j]:
                    keep[k] = True
            # A sentence just after that may say where this one's event happened (places.py reads it).
            for j in range(i + 1, min(i + 1 + SCENE_REACH, len(marks))):
                keep[j] = keep[j] or marks[j].scene
        return keep

    def _predicate(self, lowered: set[str]) -> bool:
        for word in lowered:
            for needs in self.triggers.get(word, ()):
                if all(need & lowered for need in needs):
                    return True
        return False


def _triggers(patterns: Iterable[Pattern], inflector: Inflector) -> dict[str, frozenset[Needs]]:
    """Word form -> the sets of required words of the patterns it may trigger."""
    found: dict[str, set[Needs]] = {}
    for p in patterns:
        needs = _needs(p, inflector)
        for form in inflector.forms(p.lemma):
            found.setdefault(form, set()).add(needs)
    # A pattern without conditions makes the others of that form irrelevant.
    return {form: frozenset({()} if () in all_needs else all_needs) for form, all_needs in found.items()}


def _needs(p: Pattern, inflector: Inflector) -> Needs:
    """Words a pattern needs beside its trigger (conditions the events stage checks on the parse)."""
    needs: list[frozenset[str]] = []
    if p.prep is not None:
        needs.append(frozenset(p.prep))
    if p.noun:
        return tuple(needs)  # nouns check only their preposition
    if p.obj is not None:  # "martial_law" needs its head word ("law") in the sentence
        needs.append(inflector.all_forms(frozenset(w.rsplit("_", 1)[-1] for w in p.obj)))
    if p.prt is not None:
        needs.append(frozenset({p.prt}))
    if p.xcomp is not None and "*" not in p.xcomp:  # "*": any complement, no word to look for
        needs.append(inflector.all_forms(p.xcomp))
    if p.modal is not None:
        needs.append(frozenset(p.modal))
    return tuple(needs)


def inflector_for(nlp) -> Inflector:
    """The inverse of a spaCy pipeline's lemmatizer: its rule and exception tables, and the attribute
    ruler's lemmas ("'s" -> "be", "'ve" -> "have"), over the English rules."""
    from accord.knowledge.forms import inflector_from_tables

    rules: dict[str, list] = {}
    exceptions: dict[str, dict] = {}
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        for pos in ("verb", "noun", "adj", "aux", "propn"):
            if lookups is not None and lookups.has_table("lemma_rules"):
                rules[pos] = list(lookups.get_table("lemma_rules").get(pos, []))
            if lookups is not None and lookups.has_table("lemma_exc"):
                exceptions[pos] = dict(lookups.get_table("lemma_exc").get(pos, {}))
    exceptions["ruler"] = _ruler_lemmas(nlp)
    return inflector_from_tables(rules, exceptions)


def _ruler_lemmas(nlp) -> dict[str, list[str]]:
    """Form -> lemmas set by the attribute ruler's single-token patterns."""
    out: dict[str, list[str]] = {}
    if "attribute_ruler" not in nlp.pipe_names:
        return out
    for entry in nlp.get_pipe("attribute_ruler").patterns:
        lemma = entry.get("attrs", {}).get("LEMMA")
        if not lemma:
            continue
        for pattern in entry.get("patterns", []):
            for token in pattern:
                for key in ("LOWER", "ORTH", "NORM"):
                    value = token.get(key)
                    words = value.get("IN", []) if isinstance(value, dict) else [value] if value else []
                    for word in words:
                        out.setdefault(str(word).lower(), []).append(lemma)
    return out


def event_filter(nlp, patterns: PatternSet, lexicon: Lexicon, people: PeopleIndex | None) -> EventFilter:
    """The prefilter for a spaCy pipeline: its lemmatizer inverted, its stop words left out of names."""
    return EventFilter(patterns, lexicon, people, inflector_for(nlp), stop_words=nlp.Defaults.stop_words)
