"""Reading the dependency parse: subjects, agents, objects, negation and modality, once for all patterns.

Every pattern relies on these; none of them knows about a particular verb. Control and raising
("agreed to expand ties", "are set to multiply"), passive voice, coordination and the clause a
predicate hangs from are all resolved here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose complement did not happen: "refrained from condemning", "declined to meet".
NEGATORS = {"refrain", "decline", "refuse", "fail", "avoid", "deny", "stop", "cease", "abstain", "halt",
            "reject", "forgo", "resist", "shun", "postpone", "cancel", "oppose"}
# Verbs whose complement is intended, not (yet) done: "intends to advance", "is set to multiply".
INTENDERS = {"intend", "plan", "aim", "want", "seek", "hope", "expect", "prepare", "propose", "pledge",
             "vow", "promise", "agree", "offer", "decide", "wish", "set", "mean", "look", "consider",
             "threaten", "commit", "resolve", "swear", "move", "schedule", "slate", "due", "strive",
             "endeavour", "endeavor"}
# Nouns whose infinitive was tried, not merely intended: "an attempt to assassinate the governor".
ATTEMPTS = {"attempt", "bid"}
# Adjectives that announce what their clause says: "Syria is willing to withdraw its troops".
READY = {"ready", "willing", "prepared", "determined", "eager", "keen", "committed", "poised", "set"}
SPEECH = {"say", "tell", "state", "announce", "report", "claim", "add", "note", "declare", "write", "insist",
          "stress", "emphasise", "emphasize", "quote", "assert", "allege", "confirm", "reiterate"}
# Verbs whose clausal complement is asked for, not done: "demanded that Ankara provide information".
DIRECTIVES = {"demand", "insist", "request", "urge", "ask", "propose", "suggest", "recommend", "require",
              "order", "stipulate"}
# "must" too: an obligation ("Iran must release the sailors") says the act has not been done.
HEDGES = {"could", "would", "might", "may", "should", "must"}
# Verbs whose object, not subject, would do what the complement says: "urged Iran to return to talks".
OBJECT_CONTROL = {"ask", "urge", "tell", "invite", "encourage", "press", "persuade", "order", "force", "allow",
                  "call", "request", "instruct", "direct", "pressure", "push", "implore", "beg", "advise",
                  "warn", "permit", "authorize", "authorise", "compel", "oblige"}
# Verbs whose object does what their "of", "for", "against" or "from" gerund says: "accused the rebels of
# violating the truce", "praised Pakistan for hosting", "barred the envoy from entering".
GERUND_CONTROL = {"accuse", "charge", "blame", "suspect", "indict", "convict", "implicate", "praise", "thank",
                  "commend", "congratulate", "criticise", "criticize", "condemn", "denounce", "fault", "warn",
                  "caution", "prevent", "stop", "ban", "bar", "prohibit", "punish", "reward", "fine", "arrest",
                  "detain", "sentence", "prosecute", "sue"}
GERUND_PREPS = {"of", "for", "against", "from", "over"}
# Of those, the ones whose gerund is a claim, not a fact of the report: "accused X of violating".
ACCUSERS = {"accuse", "charge", "blame", "suspect", "indict", "implicate"}
# Words that say a nominal event did not or will not take place: "the trip, which was cancelled".
CANCELLERS = {"cancel", "postpone", "scrap", "abandon", "suspend", "delay", "call", "shelve", "deny"}
PROSPECTIVE = {"planned", "proposed", "expected", "upcoming", "possible", "potential", "future", "scheduled",
               "prospective", "intended", "forthcoming"}
# Texts an actor issues: a participle on one speaks for its issuer ("issued a statement condemning X").
MESSAGES = {"statement", "declaration", "communique", "communiqué", "letter", "message", "note", "resolution",
            "report", "decree", "memorandum", "notice", "release", "bulletin", "editorial", "tweet", "post"}
# Determiners of a subject that deny the act of all it names: "neither X nor Y would endorse", "no party signed".
NEGATIVE_DETERMINERS = {"neither", "no"}
_CLIMB = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acl", "relcl", "prep", "pobj"}


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Pakistan and Belarus")."""
    out = [token]
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def is_passive(verb: Token) -> bool:
    """A passive verb, or a reduced passive participle: "X appeared in court, charged with murder" and
    "Pakistan, backed by China, rejected ..." are about what was done to X and Pakistan."""
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return True
    # Not with a stranded preposition: "the reforms called for by the OAS" is the OAS calling for them, which
    # the patterns read only from the active form. Not on a noun the parser made the root either: "Doctors
    # from two aid groups donated goods" is a sentence whose verb the small model took for a participle.
    if verb.tag_ != "VBN" or verb.dep_ not in {"advcl", "acl"} or verb.sent.root.pos_ in {"NOUN", "PROPN"}:
        return False
    return not any(c.dep_ in {"aux", "nsubj", "csubj", "dobj"} or (c.dep_ == "prep" and not any(c.children))
                   for c in verb.children)


def patients(verb: Token) -> list[Token]:
    """Who a passive verb's act is done to: its passive subject, or for a reduced participle the noun it
    qualifies ("Pakistan, backed by China") or the subject of the clause it hangs on ("X appeared in
    court, charged with murder")."""
    found = children(verb, "nsubjpass")
    if found or verb.tag_ != "VBN":
        return found
    if verb.dep_ == "acl":
        return [verb.head]
    if verb.dep_ == "advcl":
        return children(verb.head, "nsubj", "nsubjpass")
    return []


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a clause, through xcomp, advcl, prepositions, coordination and
    predicative adjectives ("is ready to sign": the clause hangs from "ready", itself from "is")."""
    current = token
    for _ in range(6):
        if current.dep_ not in _CLIMB or current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.pos_ == "ADJ" and current.dep_ in {"acomp", "ROOT"}:
            return current if current.dep_ == "ROOT" else current.head
    return None


def subjects(verb: Token) -> list[Token]:
    """Grammatical subjects of a verb, borrowed from the governing verb under control and coordination."""
    current: Token | None = verb
    for _ in range(5):
        if current is None:
            return []
        found = [_participle_subject(s) for s in children(current, "nsubj", "nsubjpass", "csubj")]
        # the small model sometimes hangs the subject on the passive auxiliary ("Peru is opposed to")
        found = found or [s for a in children(current, "auxpass") for s in children(a, "nsubj", "nsubjpass")]
        if found:
            return [t for s in found for t in conjuncts(s)]
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in OBJECT_CONTROL:
            objects = _controllers(current.head)
            if objects:  # "asked Zelensky to investigate": Zelensky would investigate
                return conjuncts(objects[0])
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.lemma_.lower() in MESSAGES and (
                current.head.dep_ == "dobj"):
            current = current.head.head  # "Iran issued a statement condemning X": Iran condemns
            continue
        if current.dep_ in {"relcl", "acl"}:
            return conjuncts(current.head)
        controller = _gerund_controller(current)
        if controller is not None:
            return conjuncts(controller)
        if current.dep_ == "acomp" and current.head.pos_ in {"VERB", "AUX"}:  # "Norway is opposed to"
            current = current.head
            continue
        current = governing_verb(current)
    return []


def for_clauses(verb: Token) -> list[Token]:
    """Clauses opened by "for" with a subject of their own: "called for Russia to withdraw"."""
    return [c for c in children(verb, "advcl") if any(m.lower_ == "for" for m in children(c, "mark"))]


def _gerund_controller(gerund: Token) -> Token | None:
    """The object that does what a verb's prepositional gerund says ("accused the rebels of violating":
    the rebels), or None."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or prep.lower_ not in GERUND_PREPS:
        return None
    verb = prep.head
    objects = children(verb, "dobj") if verb.lemma_.lower() in GERUND_CONTROL else []
    return objects[0] if objects else None


def _controllers(verb: Token) -> list[Token]:
    """Who an object-control verb asks to act: its object, or for "call" its "on" object ("called on
    Managua to release the prisoners")."""
    objects = children(verb, "dobj")
    if not objects and verb.lemma_.lower() == "call":
        objects = list(prep_objects(verb, {"on", "upon"}))
    return objects


def _participle_subject(subject: Token) -> Token:
    """The small model parses "The Red Cross operating in Iraq said" with the participle as subject and
    the noun as its subject: the noun is who speaks."""
    if subject.pos_ == "VERB" and subject.tag_ in {"VBG", "VBN"}:
        inner = children(subject, "nsubj", "nsubjpass")
        if inner:
            return inner[0]
    return subject


def agents(verb: Token) -> list[Token]:
    """The "by" phrase of a passive verb, even when the parser hangs it on a nearby noun."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objs = children(child, "pobj")
            if objs:
                return conjuncts(objs[0])
    for token in verb.subtree:
        if token.lower_ == "by" and token.dep_ in {"prep", "agent"} and governing_verb(token) == verb:
            objs = children(token, "pobj")
            if objs:
                return conjuncts(objs[0])
    return []


def direct_objects(verb: Token) -> list[Token]:
    found = [t for o in children(verb, "dobj", "attr", "oprd") for t in conjuncts(o)]
    if not found:
        # a heavy object after its "as" phrase, parsed as that phrase's apposition: "denounced as an ugly
        # crime Serbia's suppression of the unrest"
        found = [a for o in prep_objects(verb, {"as"}) for a in children(o, "appos")]
    if not found:
        # "kidnapped up to 16 Russian advisers", parsed as a particle and a phrase: a number's object
        ups = [u for u in verb.children if u.lower_ == "up" and u.i + 1 < len(u.doc) and u.doc[u.i + 1].lower_ == "to"]
        found = [o for u in ups for h in (u, verb) for o in prep_objects(h, {"to"})
                 if o.left_edge.i == u.i + 2 and any(c.dep_ == "nummod" for c in o.children)]
    return found


def clausal_complements(token: Token) -> list[Token]:
    """A verb's clausal complements ("demanded that Turkey provide"), or a noun's "that" clause ("a reminder
    that Iraq must cooperate", "its demand today that Iran ...")."""
    found = children(token, "ccomp")
    if token.pos_ in {"NOUN", "PROPN"}:
        found += [c for c in children(token, "acl") if any(m.lower_ == "that" for m in children(c, "mark"))]
    return found


def prep_objects(token: Token, preps: set[str]) -> Iterator[Token]:
    """Objects of the given prepositions attached to the token ("talks with X", "arrived in Y")."""
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps:
            objects = children(child, "pobj", "pcomp") or _stranded_object(child)
            for obj in objects:
                yield from conjuncts(obj)


def _stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition the parser left without one because a reduced relative after it looked
    like a clause: "granted asylum to five officers holed up in a residence" (officers, subject of "holed")."""
    return [t for t in prep.doc[prep.i + 1 : prep.i + 8]
            if t.left_edge.i == prep.i + 1 and t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"NOUN", "PROPN"}
            and t.head.i > t.i and t.head.tag_ in {"VBD", "VBN"}][:1]


def habitual(verb: Token) -> bool:
    """A perfect with "before" or "previously" recalls that something has happened at some time, not an
    event of the report ("police have used force against protesters before")."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children) and any(
        c.dep_ == "advmod" and c.lower_ in {"before", "previously"} for c in verb.children)


def says_not(token: Token) -> bool:
    """The clause itself denies its act: a "not" or "never" on it, or a subject that "neither ... nor" or "no"
    determines ("neither the EU nor the US would endorse the result", "no party signed")."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return any(c.dep_ in {"nsubj", "nsubjpass"} and any(
        d.dep_ in {"det", "preconj"} and d.lower_ in NEGATIVE_DETERMINERS for d in c.children)
        for c in token.children)


def negated(token: Token) -> bool:
    """True when the text says the event did not happen: "not", "never", "refrained from"."""
    current = token
    for _ in range(5):
        if says_not(current):
            return True
        parent = governing_verb(current)
        if parent is None:
            return False
        path = _path_deps(current, parent)
        if parent.lemma_.lower() in NEGATORS and path <= {"xcomp", "pcomp", "prep"}:
            return True
        if not path <= {"xcomp", "conj"}:
            return False
        current = parent
    return False


def _path_deps(token: Token, ancestor: Token) -> set[str]:
    deps: set[str] = set()
    current = token
    while current.i != ancestor.i and current.head.i != current.i:
        deps.add(current.dep_)
        current = current.head
    return deps


def modality(token: Token) -> str:
    """asserted, intended, hypothetical or reported, read from the clause above the trigger."""
    if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in token.children):
        return "intended"
    if token.dep_ == "acl" and token.head.lemma_.lower() in ATTEMPTS:
        return "asserted"  # "an attempt to assassinate the governor": the act was tried, as coders code it
    if infinitive(token) and governing_verb(token) is None:
        return "intended"  # headline style: "Pakistan, Belarus to multiply cooperation"
    if _reported_future(token):
        return "intended"  # "said it would allow": the reported form of "will allow"
    if any(c.dep_ == "aux" and c.lower_ in HEDGES for c in token.children) or any(
        c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in token.children
    ):
        return "hypothetical"
    if token.sent.text.rstrip().endswith("?"):
        return "hypothetical"  # a question asks whether something happened; it does not report it
    current = token
    for _ in range(5):
        parent = governing_verb(current)
        if parent is None:
            return "asserted"
        path = _path_deps(current, parent)
        lemma = parent.lemma_.lower()
        if path <= {"xcomp"} and lemma in OBJECT_CONTROL and _controllers(parent):
            return "hypothetical"  # asked, urged or invited to: someone else's act, not done
        if lemma in INTENDERS and (path <= {"xcomp"} or (path == {"advcl"} and infinitive(current)
                                                         and not children(parent, "prt"))):
            # the small model makes some of these complements adverbial ("sworn to fight"); "set up to
            # monitor" is a purpose, not an intent
            return "intended"
        if path <= {"xcomp", "acomp", "pcomp", "prep"} and _ready(current):
            return "intended"  # "is ready to", "is willing to", "is prepared to" (via the adjective)
        if path == {"advcl"} and current in for_clauses(parent) and (
                lemma in DIRECTIVES or lemma in OBJECT_CONTROL):
            return "hypothetical"  # "called for Russia to withdraw": asked for, not done
        if path <= {"ccomp"} and lemma in DIRECTIVES:
            return "hypothetical"  # "demanded that Turkey provide": what is asked for has not been done
        if "ccomp" in path and lemma in SPEECH:
            return "reported"
        if "pcomp" in path and lemma in ACCUSERS:
            return "reported"  # "accused X of violating the truce": the accuser's claim
        if not path <= {"xcomp", "conj"}:
            return "asserted"
        current = parent
    return "asserted"


# Prepositions that put a nominal event in the background: "since the invasion", "after the talks".
# "Regarding Trump's phone call", "details emerged about the call": what is talked about, not reported.
BACKGROUND = {"since", "after", "before", "following", "prior", "until", "regarding", "about", "concerning"}


def background(noun: Token) -> bool:
    """True when an event noun only dates or explains something else ("since the Russian invasion of ...")."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in BACKGROUND


# Verbs whose complement is a topic, not an act: "discussed expanding partnership", "explored ways to ...".
TOPIC_VERBS = {"discuss", "consider", "explore", "debate", "study", "review", "examine", "assess", "weigh",
               "evaluate", "analyse", "analyze"}


def topic(token: Token) -> bool:
    """True when the trigger is only what others talk about ("discussed expanding ties with X")."""
    if _purpose_of_object(token):
        return True
    parent = governing_verb(token)
    if parent is None or parent.lemma_.lower() not in TOPIC_VERBS:
        return False
    return _path_deps(token, parent) <= {"xcomp", "ccomp", "dobj", "pcomp", "prep", "pobj", "acl", "relcl"}


def _purpose_of_object(token: Token) -> bool:
    """A "to" clause saying what a topic verb's object is for: "assessed steps to enhance X", "explored
    ways to expand ties" (the steps were assessed; nothing was enhanced). The parser hangs it on the
    object or, as a purpose, on the verb."""
    if token.pos_ != "VERB" or not infinitive(token):
        return False
    head = token.head
    if token.dep_ in {"acl", "relcl"} and head.dep_ == "dobj":
        head = head.head
    elif token.dep_ != "advcl" or not children(head, "dobj"):
        return False
    return head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in TOPIC_VERBS


def denied(noun: Token) -> bool:
    """A "no" determiner denies the act the noun carries: "China has no objection", "no agreement was
    reached", "reached no agreement"."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def noun_mood(noun: Token) -> tuple[bool, str] | None:
    """(negated, modality) an event noun's own modifiers impose: "the planned trip, which was cancelled"."""
    # The parser often hangs the relative clause on the noun's last word ("trip to Poland, which was ...").
    heads = {noun.i} | {o.i for o in prep_objects(noun, {"to", "with", "in", "of"})}
    cancelled = any(
        c.dep_ in {"relcl", "acl"} and c.head.i in heads and c.lemma_.lower() in CANCELLERS
        and (c.lemma_.lower() != "call" or any(p.lower_ == "off" for p in c.children))
        for c in noun.subtree
    )
    if cancelled or denied(noun):
        return True, "asserted"
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in PROSPECTIVE for c in noun.children):
        return False, "intended"
    return None


def _reported_future(token: Token) -> bool:
    """ "would" in a clause a speech verb reports, with no condition on it ("Iraq said it would allow the
    inspectors back"): reported speech shifts "will" to "would", so this is an announced act, not a guess."""
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in token.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in HEDGES - {"would"} for c in token.children):
        return False
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in SPEECH


def infinitive(verb: Token) -> bool:
    """Whether a verb is a "to" infinitive ("to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _ready(clause: Token) -> bool:
    """The clause hangs from an adjective of readiness ("ready to", "willing to")."""
    head = clause.head
    if clause.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head  # "is committed to opening up the economy"
    elif clause.dep_ != "xcomp":
        return False
    # "committed", "prepared" are often parsed as passive participles ("is committed"): the text tells
    return head.lower_ in READY and (
        head.pos_ == "ADJ" or head.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in head.children)
    )
