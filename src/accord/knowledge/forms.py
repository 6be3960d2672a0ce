"""Word forms of lemmas: every lower-cased token text that a lemmatizer may turn into a given lemma.

The sentence prefilter looks for the triggers of the verb patterns on raw tokens, before any tagging,
so it needs the inverse of the lemmatizer: for "meet" the forms "meet", "meets", "met", "meeting"...
The inverse is taken from the lemmatizer's own tables when the spaCy pipeline has them (spaCy's rule
lemmatizer: suffix rules and an exception list), else from the English rules below. Over-generating is
harmless (a sentence is parsed for nothing); missing a form would drop an event, so every rule is
inverted for every part of speech.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# spaCy's English suffix rules (form suffix, lemma suffix), used when a pipeline has no lookups.
ENGLISH_RULES: tuple[tuple[str, str], ...] = (
    ("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
    ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
    ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
)
_POS = ("verb", "noun", "adj", "aux", "propn", "ruler")  # "ruler": lemmas a pipeline sets by rule


@dataclass(frozen=True)
class Inflector:
    """Inverse lemmatization: suffix rules read backwards plus irregular forms from an exception list."""

    rules: tuple[tuple[str, str], ...] = ENGLISH_RULES
    irregular: Mapping[str, frozenset[str]] = field(default_factory=dict)  # lemma -> forms

    def forms(self, lemma: str) -> set[str]:
        """Lower-cased forms that may have `lemma` as their lemma (the lemma itself included)."""
        lemma = lemma.lower()
        out = {lemma, *self.irregular.get(lemma, ())}
        for old, new in self.rules:
            if lemma.endswith(new):
                stem = lemma[: len(lemma) - len(new)] if new else lemma
                out.add(stem + old)
        # Doubled final consonants ("planned", "stopping"): spaCy lists most in its exceptions, not all.
        if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
            out.update(lemma + lemma[-1] + suffix for suffix in ("ed", "ing", "er", "est"))
        return out

    def all_forms(self, lemmas: Iterable[str]) -> frozenset[str]:
        return frozenset(form for lemma in lemmas for form in self.forms(lemma))


def inflector_from_tables(rules: Mapping[str, Sequence[Sequence[str]]],
                          exceptions: Mapping[str, Mapping[str, Sequence[str]]]) -> Inflector:
    """An Inflector from a rule lemmatizer's tables (per part of speech), with the English rules kept."""
    merged = list(ENGLISH_RULES)
    for pos in _POS:
        for old, new in rules.get(pos, ()):
            if (old, new) not in merged:
                merged.append((old, new))
    irregular: dict[str, set[str]] = {}
    for pos in _POS:
        for form, lemmas in exceptions.get(pos, {}).items():
            for lemma in lemmas:
                irregular.setdefault(lemma.lower(), set()).add(form.lower())
    return Inflector(tuple(merged), {k: frozenset(v) for k, v in irregular.items()})
