"""The words of an actor's noun phrase: how far it reaches in the parse, its office, its name and sector.

Read by the actors stage (actors.py), which resolves a phrase to an actor.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from accord.knowledge.lexicon import Cue, Match

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependencies that stay inside a noun phrase when we read its modifiers.
_NP_DEPS = {"compound", "amod", "poss", "det", "nmod", "nummod", "flat", "case", "appos", "prep", "pobj",
            "punct", "npadvmod", "quantmod", "cc", "conj"}
# Groups a "-led" modifier makes their leader's: "the Saudi-led coalition" is Saudi Arabia's armed forces.
LED_GROUPS = {"coalition": "MIL", "force": "MIL", "alliance": "MIL", "troop": "MIL", "government": "GOV",
              "administration": "GOV"}
# Roles posted abroad: their "to"/"in" country is the host, not their own.
_POSTED = {"ambassador", "envoy", "embassy", "consul", "consulate", "high commissioner", "representative",
           "ambassadors", "envoys", "embassies", "delegation", "mission"}
# Participles of a "Place-based" modifier: the place is where an organisation sits, not an actor of its own.
_SEATED = {"based", "headquartered"}
# Prefixes that make a name a stance: "pro-Russian separatists" are no Russian actor.
_STANCES = frozenset({"pro", "anti"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def stance(doc: Doc, start: int) -> bool:
    """Whether a name is the object of a stance ("pro-Iranian Hezbollah", "an anti-Syria journalist"): it
    says whom the actor sides with or against, not whose the actor is."""
    return start >= 2 and doc[start - 1].text in _HYPHENS and doc[start - 2].lower_ in _STANCES


def seated(token: Token) -> bool:
    """The place of a "Place-based" modifier ("UK-based", "Geneva-headquartered")."""
    return token.head.lower_ in _SEATED and token.dep_ in {"npadvmod", "compound", "nmod", "amod"} and (
        token.i < token.head.i)


def np_tokens(head: Token) -> list[Token]:
    out = [head]
    stack = [c for c in head.children if c.dep_ in _NP_DEPS and c.dep_ != "conj" and not _across_verb(head, c)]
    while stack:
        token = stack.pop()
        if token.dep_ == "prep" and token.lower_ not in {"of", "to", "for", "in", "from", "at"}:
            continue
        if token.dep_ in {"cc", "conj"} and token.head.i == head.i:
            continue
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ in _NP_DEPS)
    out.sort(key=lambda t: t.i)
    # punctuation at the phrase's edges belongs to the sentence: the full stop of a head the parser made the
    # root, the comma closing an apposition
    while out[-1] is not head and out[-1].is_punct and out[-1].text not in {")", "]", '"', "\u201d"}:
        out.pop()
    return out


def _across_verb(head: Token, child: Token) -> bool:
    """Whether an apposition lies beyond the verb that governs its head: a parse error, an apposition being
    beside what it renames ("Sherman will travel to Korea, the Philippines ...": no Philippine Sherman)."""
    governor = head.head
    return child.dep_ == "appos" and governor.pos_ in ("VERB", "AUX") and head.i < governor.i < child.i


def posted_subtrees(head: Token, cover: dict[int, Match]) -> set[int]:
    """Token indices under "to"/"in" of an ambassador-like role: the host country, not his own."""
    excluded: set[int] = set()
    for token in [head, *head.subtree]:
        if not is_posted(token, cover):
            continue
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"to", "in", "at"}:
                excluded.update(t.i for t in child.subtree)
    return excluded


def phrase_sector(head_cue: Cue | None, office: Cue | None, orgs: list[Cue], places: list[Cue],
            cues: list[Cue]) -> str | None:
    """The sector of a phrase: its office's, else what its head names (a capital, a group, a people)."""
    sector = office.sector if office else None
    if head_cue is not None and head_cue.kind in {"capital", "metonym"}:
        sector = sector or "GOV"
    if head_cue is not None and head_cue.kind == "named":
        sector = sector or head_cue.sector  # a user's actor: "the Nordvik company", "Nordvik"
    if head_cue is not None and head_cue.kind == "demonym" and head_cue.plural and office is None:
        sector = "CVL"  # "Iranians", "Americans": the people of a country
    if orgs and not office and orgs[0].kind == "igo":
        sector = orgs[0].sector  # "the UN Security Council": an IGO acts as IGO
    elif orgs and not office:
        sector = orgs[0].sector if head_cue is orgs[0] else sector
    if orgs and office is not None and not places and orgs[0].kind == "igo":
        sector = "IGO"  # "NATO's secretary general", "UN envoy": officials of an IGO act for it
    group = next((c for c in cues if c.kind == "named" and c.sector), None)
    if group is not None and (office is None or office.sector == "GOV"):
        # "Hamas leaders", "Red Cross officials", "Hezbollah fighters": they act for their group
        sector = group.sector
    return sector


# Head words that name a group's body, not another actor: "the Islamic Jihad movement", "the Hamas network".
_GROUP_HEADS = {"movement", "group", "organisation", "organization", "network", "faction", "front", "wing",
                "forum", "bloc", "alliance", "body", "grouping"}


def members_of_group(head: Token, cues: list[Cue], cover: dict[int, Match]) -> bool:
    """A plural noun or a body word under a group's name stands for it: "Hezbollah fighters", "members of
    Hamas", "the Islamic Jihad movement"; under an IGO's name only as its compound ("UN helicopters")."""
    if head.tag_ != "NNS" and head.lemma_.lower() not in _GROUP_HEADS:
        return False
    # "the APEC forum", "the Asia-Pacific Economic Cooperation (APEC) forum" (parsed as nmod)
    compounds = [cover[c.i].cue for c in head.children if c.dep_ in {"compound", "nmod"} and c.i in cover]
    return any(c.kind == "named" and c.sector for c in cues) or any(c.kind == "igo" for c in compounds)


def led_group(head: Token) -> str | None:
    """The sector of a coalition or force a "-led" modifier gives its leader ("the Saudi-led coalition",
    "US-led forces"), or None."""
    sector = LED_GROUPS.get(head.lemma_.lower())
    led = any(c.dep_ == "amod" and c.lower_ == "led" for c in head.children)
    return sector if led else None


def plural_of(head: Token, places: list[Cue]) -> bool:
    """A plural noun with a nationality adjective names people of that country ("Iraqi Kurds",
    "Israeli helicopters"); a possessive country does not ("Moscow's actions")."""
    return head.tag_ == "NNS" and any(
        c.dep_ == "amod" and c.ent_type_ == "NORP" for c in head.children) and bool(places)


def compound_chain(head: Token) -> list[Token]:
    """The head and the words compounded onto it ("Foreign Minister" in "Foreign Minister Bilawal")."""
    out, stack = [head], [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in {"compound", "flat", "appos", "nmod"} or (
                child.dep_ == "amod" and child.pos_ == "PROPN"
            ):
                out.append(child)
                stack.append(child)
    return out


def is_office(token: Token, cover: dict[int, Match]) -> bool:
    match = cover.get(token.i)
    return match is not None and match.cue.kind == "office" and match.end - 1 == token.i


def is_posted(token: Token, cover: dict[int, Match]) -> bool:
    return token.lower_ in _POSTED or (token.i in cover and cover[token.i].cue.name in _POSTED)


def head_office(offices: list[Cue], head_cue: Cue | None) -> Cue | None:
    if head_cue is not None and head_cue.kind == "office":
        return head_cue
    return offices[0] if offices else None


def name_forms(head: Token) -> list[str]:
    """A name as written, then without its first words: "Antony J. Blinken", "J. Blinken", "Blinken"."""
    words = name_run(head)
    return [" ".join(t.text for t in words[k:]) for k in range(len(words))]


def name_run(head: Token) -> list[Token]:
    """The head and the unbroken run of proper-noun words right before it that modify it."""
    words = [head]
    lefts = {t.i: t for t in head.lefts if t.dep_ in {"compound", "flat"} and t.pos_ == "PROPN"}
    while words[0].i - 1 in lefts:
        words.insert(0, lefts[words[0].i - 1])
    return words


def name_of(token: Token) -> str:
    parts = [t.text for t in token.lefts if t.dep_ in {"compound", "flat"} and t.pos_ == "PROPN"]
    return " ".join([*parts, token.text])


def phrase_text(tokens: Iterable[Token]) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return ""
    doc: Doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def display_name(tokens: list[Token], head: Token, is_person: bool, places: list[Cue],
                  orgs: list[Cue]) -> str:
    if is_person:
        return name_of(head)
    if orgs and not places:
        return orgs[0].name
    if places:
        return places[0].name
    return phrase_text(tokens)
