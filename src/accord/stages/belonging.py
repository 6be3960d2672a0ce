"""Belonging: which country a phrase's people or officials belong to when its country words alone mislead.

The actors stage gives a phrase the country its country words name ("Serbian", "Iraqi"). Three kinds of
phrase need more than that, and are read here from the phrase, its parse and the lexicon's matches:

- a people of several states named by a demonym (peoples.tsv): "Bosnian Serbs" are Bosnian, "the
  Albanians of southern Serbia" Serbian; "ethnic" ones also belong where they are or act ("ethnic
  Albanians demonstrated in Serbia");
- a people no table knows under a nationality ("Iraqi Kurds", "Lebanese Shiites"): the country's
  civilians, not its state;
- an official whose phrase names a first-level region ("Texas Governor", "the governor of Sindh
  province"): the region's country.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from accord.knowledge.gazetteer import REGION_WORDS
from accord.stages.syntax import prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from accord.knowledge.lexicon import Cue, Match

# Where an "ethnic" people's act happens: "demonstrated in Serbia", "killed ... in southeastern Serbia".
_WHERE = {"in", "inside", "across", "throughout"}


def people_home(head: Token, people: Cue, cover: dict[int, Match]) -> str | None:
    """Whose a people named by a plural demonym is, when the words say so: a nationality before it or a
    place after "of" (for the peoples of peoples.tsv), or for "ethnic" ones also a place after "in", in the
    phrase or on its verb. None when nothing says so: the demonym's own state stands."""
    ethnic = any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in head.children)
    if not ethnic and not people.people:
        return None
    words = [c for c in head.children if c.dep_ in {"amod", "compound"} and c.i < head.i]
    words += list(prep_objects(head, {"of", "in"} if ethnic else {"of"}))
    counted = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head  # "thousands of"
    if ethnic and counted.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        places = list(prep_objects(counted.head, _WHERE))
        words += places + [o for p in places for o in prep_objects(p, {"in"})]  # "in a gunbattle in Serbia"
    homes = [m.cue.country for w in words for m in [cover.get(w.i)]
             if m is not None and m.cue.kind in {"country", "demonym", "capital"} and m.cue.country
             and m.cue.country != people.country]
    return homes[0] if homes else None


def unknown_people(head: Token, places: list[Cue]) -> bool:
    """A capitalised plural no table knows under a nationality adjective: "Iraqi Kurds", "Lebanese Shiites"
    (the caller has checked that the phrase names no office, organisation or people of its own)."""
    return bool(places) and head.tag_ in {"NNS", "NNPS"} and head.text[:1].isupper() and any(
        c.dep_ == "amod" for c in head.children)


def region_country(head: Token, tokens: list[Token], cover: dict[int, Match],
                   lookup: Callable[[str, bool], str | None] | None) -> str | None:
    """The country of a first-level region (or, before a region word, a city) named in an official's
    phrase: "Texas Governor", "the Kerala government", "deputy governor of the Tyumen region". `lookup`
    takes a name and whether a region word follows it."""
    covered = [m.cue.country for t in tokens for m in [cover.get(t.i)]
               if m is not None and m.cue.kind == "region" and m.cue.country]
    if covered or lookup is None:
        return covered[0] if covered else None  # a region the lexicon knows ("Bavaria")
    runs: list[list[Token]] = []
    for t in tokens:
        if t is head or t.i in cover or not t.text[:1].isupper() or t.pos_ != "PROPN":
            continue
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    for run in runs:
        after = head.doc[run[-1].i + 1] if run[-1].i + 1 < len(head.doc) else None
        country = lookup(" ".join(t.text for t in run), after is not None and after.lower_ in REGION_WORDS)
        if country is not None:
            return country
    return None
