"""Coreference by salience: pronouns, surnames and definite descriptions back to named actors.

Deliberately simple and auditable: "he" is the last person, "it" the last singular state or
organisation (a subject of the previous sentence first), "they"/"their" the body whose statement they are
the subject of, else the last pair of coordinated actors or plural actor, "Szijjarto" a person named in
full earlier, "the company" the last company.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

PRONOUNS = {"he", "him", "his", "she", "her", "it", "its", "they", "them", "their"}
_PERSONAL = {"he", "him", "his", "she", "her"}
_PLURAL = {"they", "them", "their"}
COMPANY_WORDS = {"company", "enterprise", "firm", "manufacturer", "corporation", "plant", "factory", "group"}
LOOKBACK = 3  # sentences a pronoun may reach back
# Prepositions of what is talked about: the states after them are topics, never "they".
TOPIC_PREPS = {"on", "about", "regarding", "concerning", "over", "including"}
PAIR_WORDS = {"president", "leader", "minister", "side", "party", "head", "counterpart", "delegation",
               "country", "nation", "state", "government", "diplomat", "official", "chief"}
_PERSON_PAIRS = {"president", "leader", "minister", "head", "counterpart", "diplomat", "official", "chief"}
# Pair words for the sides of talks, which are people as often as states: "the parties", "both sides".
_SIDE_PAIRS = {"side", "party", "delegation"}
# "The accused", "the suspect": the person the article has charged, arrested or accused. The small model
# tags "the accused" a verb: such a word with a determiner is the noun, no charge of its own.
ACCUSED_WORDS = {"accused", "suspect", "defendant", "gunman", "attacker", "assailant", "shooter", "bomber"}
CHARGE_VERBS = {"charge", "accuse", "arrest", "suspect", "indict", "detain", "convict", "prosecute", "remand"}


@dataclass
class _Seen:
    actor: Actor
    sentence: int
    token: int
    subject: bool
    group: int  # index of the first conjunct: coordinated actors share it
    plural: bool
    role: str | None = None  # the office word that named a person ("foreign minister")
    topic: bool = False  # named as what was talked about ("exchanged views on Syria, Myanmar and Ethiopia")
    several: bool = False  # a plural noun ("officials"), never "he"
    charged: bool = False  # charged, arrested or accused in the sentence that named it


class Salience:
    """The actors seen so far in an article, most recent last."""

    def __init__(self) -> None:
        self.seen: list[_Seen] = []
        self.aliases: dict[str, Actor] = {}
        self.family: dict[str, Actor] = {}  # first word of a two-word name: the family name in East Asian order
        self.sentence = 0

    def add(self, actor: Actor, token: Token, *, subject: bool, role: str | None = None) -> None:
        several = token.tag_ in {"NNS", "NNPS"}  # the word itself: "Blinken and Lavrov" are one man each
        group = token.i
        while group != token.head.i and token.dep_ == "conj":
            token = token.head
            group = token.i
        plural = token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in token.children)
        self.seen.append(_Seen(actor, self.sentence, token.i, subject, group, plural, role, _topical(token),
                               several, _charged(token)))

    def add_alias(self, name: str, actor: Actor) -> None:
        if len(name) > 2:
            self.aliases.setdefault(name.lower(), actor)
        words = name.split()
        if len(words) == 2 and len(words[0]) > 1 and words[0].isalpha():  # "Xi", "Wang"; not "J."
            self.family.setdefault(words[0].lower(), actor)

    def alias(self, name: str) -> Actor | None:
        """The actor named earlier by this name or its last word; under a title also by the first word of
        a two-word name, where Chinese and Korean names put the family name ("Director Yang" after "Yang
        Jiechi", "President Moon" after "Moon Jae-in")."""
        words = name.lower().split()
        found = self.aliases.get(name.lower()) or self.aliases.get(words[-1])
        return found or (self.family.get(words[-1]) if len(words) > 1 else None)

    def end_sentence(self, index: int) -> None:
        self.sentence = index + 1

    def _recent(self) -> list[_Seen]:
        return [s for s in reversed(self.seen) if self.sentence - s.sentence <= LOOKBACK]

    def resolve(self, pronoun: str, token: Token) -> list[Actor]:
        """Actors a pronoun refers to; empty when unsure."""
        recent = [s for s in self._recent() if s.sentence < self.sentence or s.token < token.i]
        if pronoun in _PERSONAL:
            people = [s for s in recent if s.actor.kind == "person" and not s.several]  # "he" is not "officials"
            # A subject of this or the sentence before first: "Erdogan pledged converting Hagia Sophia,
            # ... He announced" is Erdogan, not the most recent name.
            subjects = [s for s in people if s.subject and self.sentence - s.sentence <= 1]
            return [s.actor for s in (subjects or people)[:1]]
        if pronoun in _PLURAL:
            return self._speaker(token) or self._group(recent)
        singular = [s for s in recent if s.actor.kind != "person" and not s.plural]
        previous = [s for s in singular if s.subject and s.sentence == self.sentence - 1]
        chosen = previous[:1] or [s for s in singular if s.subject][:1] or singular[:1]
        return [s.actor for s in chosen]

    def _speaker(self, token: Token) -> list[Actor]:
        """The body that says what "they" do: "UNICEF reported they had delivered vaccines" (an organisation
        or a state is often "they" in its own statement)."""
        clause = token.head
        if token.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "ccomp":
            return []
        speakers = {c.i for c in clause.head.children if c.dep_ == "nsubj"}
        found = [s for s in self.seen if s.sentence == self.sentence and s.token in speakers and not s.plural
                 and s.actor.kind in {"organisation", "company", "state"}]
        return [found[-1].actor] if found else []

    def _group(self, recent: list[_Seen]) -> list[Actor]:
        recent = [s for s in recent if not s.topic]  # "they" are who talked, not what they talked about
        # The subjects of the sentence before first: "The presidents discussed ... They agreed ..."
        previous = [s for s in recent if s.subject and s.sentence == self.sentence - 1]
        groups = {s.group for s in previous}
        for group in groups:
            members = [s for s in previous if s.group == group]
            if len({s.actor.entity for s in members}) >= 2:
                return [s.actor for s in reversed(members)]
        for seen in recent:
            members = [s for s in recent if s.group == seen.group and s.sentence == seen.sentence]
            entities = {s.actor.entity for s in members}
            if len(entities) >= 2:
                return [s.actor for s in reversed(members)]
            if seen.plural and seen.subject:  # "the Afghan people" after "a partnership with" are not "they"
                return [seen.actor]
        # No group named: "they" may be the two leaders of the sentence before, if both are of one kind.
        close = [s for s in recent if self.sentence - s.sentence <= 1]
        pair = self.pair(close)
        return pair if len({a.kind for a in pair}) == 1 else []

    def pair(self, recent: list[_Seen] | None = None, *, kinds: set[str] | None = None,
             earliest: bool = False) -> list[Actor]:
        """The two most recent actors of different countries: "the presidents", "both sides", "they";
        with earliest, the first two the list names."""
        chosen: list[Actor] = []
        for seen in recent if recent is not None else self._recent():
            if (kinds and seen.actor.kind not in kinds) or seen.topic:
                continue
            if seen.actor.entity and all(seen.actor.entity != a.entity for a in chosen):
                chosen.append(seen.actor)
            if len(chosen) == 2:
                return chosen if earliest else list(reversed(chosen))
        return []

    def plural_definite(self, token: Token) -> list[Actor]:
        """ "The presidents", "the two leaders", "both sides": the pair of actors just named."""
        if token.tag_ not in {"NNS", "NNPS"} or token.lemma_.lower() not in PAIR_WORDS:
            return []
        if any(c.dep_ in {"amod", "compound", "poss"} and c.pos_ in {"PROPN", "ADJ"} and c.lower_ not in {"two"}
               and c.ent_type_ in {"NORP", "GPE"} for c in token.children):
            return []  # "the Russian leaders": a modifier names them
        determined = any(c.lower_ in {"the", "both", "two"} for c in token.children)
        if not determined or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return []  # "the presidents of Russia and Belarus" name their countries
        lemma = token.lemma_.lower()
        kinds = {"state"} if lemma in {"country", "nation", "state"} else (
            {"person"} if lemma in _PERSON_PAIRS else None)
        # With no pair in the last sentences, "the presidents" at the end of a readout are still the two
        # its opening named: the earliest pair of the article.
        # "The parties discussed the evacuation ..." after a sentence naming Ukraine: in a readout the parties
        # are the two people who talked, when two of different countries were just named.
        people = self.pair(kinds={"person"}) if lemma in _SIDE_PAIRS else []
        return people or self.pair(kinds=kinds) or self.pair(self.seen, kinds=kinds, earliest=True)

    def role(self, token: Token, role: str) -> Actor | None:
        """ "the minister", "the Secretary": the last person named with that office, if any."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in token.children):
            return None
        word = role.split()[-1]
        for seen in self._recent():
            if seen.actor.kind == "person" and seen.role and word in seen.role.split() and seen.actor.entity:
                return seen.actor
        return None

    def definite(self, token: Token) -> Actor | None:
        """ "the company", "the enterprise": the last company seen; "the accused", "the suspect": the last
        one charged, arrested or accused (anywhere before: a defendant stays the story's); None otherwise."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in token.children):
            return None
        if token.lower_ in ACCUSED_WORDS:
            return next((s.actor for s in reversed(self.seen) if s.charged), None)
        if token.lemma_.lower() not in COMPANY_WORDS:
            return None
        for seen in self._recent():
            if seen.actor.kind == "company":
                return seen.actor
        return None


def _topical(token: Token) -> bool:
    """Whether a (group's first) actor is named as a topic: after "on", "about" ... or "such as", or as the
    "of" phrase of a common noun ("the statehood of Syria", "the situation of Afghanistan")."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ == "of":
        return prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() not in PAIR_WORDS
    return prep.lower_ in TOPIC_PREPS or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))


def _charged(token: Token) -> bool:
    """Whether a person is charged, arrested or accused in its sentence: the object of such a verb ("police
    arrested X"), its passive subject ("X was charged"), or the subject of a clause the verb's participle
    qualifies ("X appeared in court, charged with murder")."""
    if token.tag_ in {"NNS", "NNPS"} or (token.ent_type_ not in {"PERSON", "NORP"} and not any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)):
        return False
    for verb in token.sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in CHARGE_VERBS or any(
                c.dep_ == "det" for c in verb.children):
            continue
        if token.dep_ in {"dobj", "nsubjpass"} and token.head == verb:
            return True
        if token.dep_ == "nsubj" and verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and verb.head == token.head:
            return True
    return False

