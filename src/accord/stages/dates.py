"""The dates stage: when each candidate event happened, from its sentence and the article's own time.

The date expressions themselves are found and resolved in ``date_phrases``; this stage chooses among them.
Relative dates count from the day the article was written, which is the publication date unless the article
itself states an earlier one: a dated dateline ("MOSCOW, May 30 (Reuters) -"), a header line that is only a
date, or "today" beside an explicit date ("today (May 30)"), within ``MAX_LAG`` before publication. A date
merely mentioned in the body does not move it: in news prose the narrative runs forward from such a date
("Talks opened on May 25 ... On Friday they ended"), and on the Wikinews, State Department and Reuters corpora
resolving later weekdays on or before the latest body date (or the lede's weekday) moved dozens of weekdays,
nearly all of them wrongly. A weekday moves back a week only when the text contradicts its usual day: a thing
it dates ("The earthquake occurred on Friday") that a sentence dated earlier speaks of as past ("On
Wednesday ... survivors of the earthquake"). A sentence with no date of its own takes the date of the
sentence before it in the same paragraph when that date governs that sentence's main clause ("On Thursday,
the court ruled ... The court issued a judgement ..."), not when it sits on a noun ("his call with Merkel on
November 17").
A story told a day or more after the fact dates its lead ("Yesterday afternoon, Pelosi announced ..."): that
news day also dates the statements, appeals and criticism its later paragraphs tell in the simple past with
no time of their own ("Pelosi called Trump's conduct a breach"); its material acts keep the publication day,
being as often the story's background.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from accord.knowledge.tables import VERBAL_ROOTS
from accord.stages.date_phrases import (
    ADJACENT,
    FUTURE,
    FUTURE_TOLERANCE,
    WEEKDAYS,
    Found,
    find_dates,
    found_in,
    resolve_date,
    weekday_on_or_before,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from accord.document import Candidate, Document, Sentence

# How long before publication an article may say it was written (a dateline, "today (May 30)"): wire copy and
# Wikinews run a day to a week late; an older date beside "today" or in a dateline is more likely a misreading.
MAX_LAG = timedelta(days=14)


# --- the day the article was written ----------------------------------------------------------------------

_TODAY = re.compile(r"\b(?i:today|tonight)\b")
_HEADER_REST = re.compile(r"[\W_]*(?:(?:" + "|".join(WEEKDAYS) + r")[\W_]*)?")


def writing_date(doc: Document) -> date | None:
    """The day the article says it was written, when it says so and that is at most MAX_LAG before
    publication: a dated dateline, a header line that is only a date, or "today" beside an explicit date."""
    published = doc.article.published
    for text, header in _now_statements(doc):
        days = [f for f in find_dates(text, published) if f.explicit and f.precision == "day"]
        if header:
            days = days if _header_only(text, days) else []
        else:
            days = [f for f in days if _beside_today(f, text)]
        for f in days:
            if _plausible_now(f.date, published, text[f.start : f.end]):
                return f.date
    return None


def _header_only(text: str, found: Iterable[Found]) -> bool:
    """Whether a text is all date: one explicit day and nothing besides but a weekday and punctuation."""
    days = [f for f in found if f.explicit and f.precision == "day"]
    return len(days) == 1 and bool(_HEADER_REST.fullmatch(text[: days[0].start] + text[days[0].end :]))


def _now_statements(doc: Document) -> list[tuple[str, bool]]:
    """Texts that may state the writing date: (text, is it a header or dateline that is only a date)."""
    statements: list[tuple[str, bool]] = []
    if doc.sentences:
        # The segment stage cuts a wire dateline off the first paragraph: it is the text before sentence 0.
        dateline = doc.article.text[: doc.sentences[0].start]
        if dateline.strip():
            statements.append((_dateline_date(dateline), True))
        statements.append((doc.sentences[0].text, True))
    statements.extend((s.text, False) for s in doc.sentences if _TODAY.search(s.text))
    return statements


def _dateline_date(dateline: str) -> str:
    """The date part of a wire dateline: what lies between the place's comma and the agency or dash."""
    match = re.match(r"[^,\n]*,([^()\n]*?)(?:\(|[-\u2013\u2014:]\s|$)", dateline.strip())
    return match.group(1) if match else ""


def _beside_today(f: Found, text: str) -> bool:
    """Whether an explicit date sits right beside "today" ("today (May 30)", "Tuesday, May 30, today")."""
    for m in _TODAY.finditer(text):
        if f.start >= m.end():
            gap = text[m.end() : f.start]
        elif f.end <= m.start():
            gap = text[f.end : m.start()]
        else:
            continue
        if ADJACENT.fullmatch(gap):
            return True
    return False


def _plausible_now(day: date, published: date | None, written: str) -> bool:
    """A writing date is at most MAX_LAG before publication; with no publication date it needs its year."""
    if published is None:
        return bool(re.search(r"\d{4}", written))
    return published - MAX_LAG <= day <= published


# --- a weekday the article's own order moves ------------------------------------------------------------------

# A bare weekday the article sets a week before the one on or before writing: {weekday: (that day, its day)}.
Moved = Mapping[str, tuple[date, date]] | None

# Words that put the thing they introduce before the clause they sit in: "aftershocks since the earthquake",
# "talks after the vote", "survivors of the earthquake", "in the wake of the attack", "in response to the
# strike".
_AFTER_WORDS = frozenset({"since", "after", "following"})
_AFTERMATH_NOUNS = {"of": frozenset({"survivor", "victim", "aftermath", "wake"}),
                    "to": frozenset({"response", "reaction"})}  # fmt: skip
# Verbs that say when the thing their subject names happened ("The earthquake struck on Friday").
_OCCUR_VERBS = frozenset({"occur", "happen", "strike", "hit", "erupt", "begin", "start", "break", "take"})


def moved_weekdays(doc: Document, reference: date | None) -> dict[str, tuple[date, date]]:
    """Bare weekdays the article's own order sets before the one on or before writing.

    A thing dated by a bare weekday ("The earthquake occurred on Friday") that a sentence dated earlier
    already speaks of as past ("On Wednesday, the government ended the search for survivors of the
    earthquake") happened on that weekday before the earlier date: a story told a week late. An article
    means one day by one weekday's name, so every bare mention of that weekday moves with it ("the leaders
    spoke by telephone on Friday night"). Nothing moves without such a contradiction in the text.
    """
    if reference is None:
        return {}
    weekday_of: dict[str, str] = {}  # a thing's noun -> the bare weekday that dates it
    bound: dict[str, date] = {}  # a thing's noun -> the earliest day a sentence speaks of it as past
    for sentence in doc.sentences:
        span = sentence.span
        if span is None or not any(t.dep_ for t in span) or FUTURE.search(sentence.text):
            continue
        found = found_in(span, reference)
        for f in found:
            if f.kind == "weekday" and span.text[f.start : f.end] in WEEKDAYS:
                for noun in _dated_things(span, f):
                    weekday_of.setdefault(noun.lemma_.lower(), span.text[f.start : f.end])
        days = {f.date for f in found if f.precision == "day" and f.date <= reference}
        if len(days) == 1:
            for noun in _spoken_of_as_past(span):
                lemma = noun.lemma_.lower()
                bound[lemma] = min(bound.get(lemma, reference), *days)
    moved: dict[str, tuple[date, date]] = {}
    for noun, weekday in weekday_of.items():
        index = WEEKDAYS.index(weekday)
        usual = weekday_on_or_before(reference, index)
        if noun in bound and usual > bound[noun] and weekday not in moved:
            moved[weekday] = usual, weekday_on_or_before(bound[noun], index)
    return moved


def _dated_things(span: Span, f: Found) -> list[Token]:
    """The nouns a date gives the time of: the ones it hangs on ("the earthquake on Friday") and the subject
    of a verb of happening it hangs on ("The earthquake occurred on Friday", "the vote took place")."""
    nouns = _dated_nouns_of(span, f)
    climbed = _climb(span, f, set())
    if climbed is not None and climbed[0].lemma_ in _OCCUR_VERBS:
        verb = climbed[0]
        if verb.lemma_ == "take" and not any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children):
            return nouns
        nouns += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    return nouns


def _spoken_of_as_past(span: Span) -> list[Token]:
    """The nouns a sentence speaks of as past: after "since", "after" or "following", as what survivors,
    victims or an aftermath are "of", or what a response is "to"."""
    nouns = []
    for token in span:
        if token.dep_ != "pobj" or token.pos_ != "NOUN" or token.head.dep_ != "prep":
            continue
        prep = token.head
        if prep.lower_ in _AFTER_WORDS or prep.head.lemma_.lower() in _AFTERMATH_NOUNS.get(prep.lower_, ()):
            nouns.append(token)
    return nouns


# --- a sentence with no date of its own ----------------------------------------------------------------------

# Words that put a sentence at another time than the one before it.
_OTHER_TIME = re.compile(
    r"\b(?i:previously|earlier|initially|originally|formerly|subsequently|later|since|currently|now|usually"
    r"|often|sometimes|always|never|would|could|might)\b"
)
# Words that set an act before or after another, or in a role or time of its own: "in a statement posted
# before being sworn in", "during his time as vice president", "then-Secretary".
_ASIDE = re.compile(r"\b(?i:before|after|within|when|while|until|during|once|ago|recent|recently|then|role|career)\b")
_INITIAL = re.compile(r"[\W_]*(?i:(?:on|by|early|late|earlier|later|and)\s+)?")
_SPAN_WORDS = frozenset({"since", "until", "till", "through", "from", "by", "before", "after", "between"})
# Words between a date and its verb that still leave the date on the verb ("on Friday", "Friday night").
_DATE_PATH = frozenset({"prep", "pobj", "npadvmod", "compound", "amod", "nummod", "det", "advmod"})


def paragraph_date(doc: Document, index: int, reference: date | None, moved: Moved = None) -> tuple[date, str] | None:
    """The date an undated sentence takes from the sentence just before it in its paragraph, or None.

    Only a past, day-precision date that governs that sentence's main clause carries over, and only into a
    sentence that tells of the same time: not one that looks ahead ("will"), looks back ("had opposed",
    "previously"), or describes the present ("is currently").
    """
    published = doc.article.published
    sentence = doc.sentences[index]
    if reference is None or index == 0:
        return None
    previous = doc.sentences[index - 1]
    if doc.new_paragraph(index) or FUTURE.search(previous.text):
        return None
    # A sentence that goes on with a quotation opened before it is still what was said, when it was said.
    if not _opens_quote(previous.text) and not _same_time(sentence):
        return None
    found = found_in(previous.span if previous.span is not None else previous.text, reference, moved)
    main = [f for f in found if f.precision == "day" and f.date <= (published or reference)
            and _governs(previous, f)]  # fmt: skip
    return (main[0].date, "day") if len(main) == 1 else None


# Words that keep an act on the day of the one it follows or precedes: "36 minutes after the shooting",
# "shortly before the vote". A bare "after the shooting" may be days later.
_SAME_DAY_UNITS = frozenset({"second", "minute", "hour", "moment"})
_SAME_DAY_WORDS = frozenset({"shortly", "soon", "immediately", "just", "moments", "minutes", "hours"})
_ORDER_WORDS = frozenset({"after", "before", "following"})


def event_day(doc: Document, candidate: Candidate, reference: date | None, moved: Moved = None) -> tuple[date, str] | None:
    """The day of an event dated earlier in the article that an undated act took place minutes or hours
    after or before ("Police arrested the accused 36 minutes after the mass shooting", the shooting having
    been "on Friday"), or None."""
    nouns = _events_beside(candidate.token) if candidate.token is not None else []
    dated = _dated_nouns(doc, candidate.sentence, reference, moved) if nouns else {}
    for noun in nouns:
        days = dated.get(noun.lemma_.lower(), set())
        if len(days) == 1:
            return next(iter(days)), "day"
    return None


def _events_beside(trigger: Token) -> list[Token]:
    """The nouns a trigger is set minutes or hours after or before ("36 minutes after the shooting", "shortly
    before the vote", "within hours of the attack")."""
    nouns = []
    for prep in (c for c in trigger.children if c.dep_ == "prep"):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ in _ORDER_WORDS and any(
            c.dep_ in ("npadvmod", "advmod") and (c.lemma_.lower() in _SAME_DAY_UNITS or c.lower_ in _SAME_DAY_WORDS)
            for c in prep.children
        ):
            nouns += [o for o in objects if o.pos_ == "NOUN"]
        elif prep.lower_ == "within":
            nouns += [n for o in objects if o.lemma_.lower() in _SAME_DAY_UNITS
                      for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                      for n in p.children if n.dep_ == "pobj" and n.pos_ == "NOUN"]  # fmt: skip
    return nouns


def _dated_nouns(doc: Document, before: int, reference: date | None, moved: Moved) -> dict[str, set[date]]:
    """The nouns of the sentences before `before` that a past day hangs on ("a mass shooting in
    Christchurch on Friday"), by lemma, with every day each is given."""
    nouns: dict[str, set[date]] = {}
    for sentence in doc.sentences[:before]:
        span = sentence.span
        if span is None or not any(t.dep_ for t in span):
            continue
        for f in found_in(span, reference, moved):
            if f.precision != "day" or (reference is not None and f.date > reference):
                continue
            for noun in _dated_nouns_of(span, f):
                nouns.setdefault(noun.lemma_.lower(), set()).add(f.date)
    return nouns


def _dated_nouns_of(span: Span, f: Found) -> list[Token]:
    """The nouns a date's words hang on, up through prepositions to the first verb ("a shooting at a mosque
    on Wednesday": the mosque and the shooting)."""
    token = _date_root(span, f)
    nouns: list[Token] = []
    while token is not None and token.dep_ in _DATE_PATH and token.head != token:
        token = token.head
        if token.pos_ == "NOUN" and token.ent_type_ not in ("DATE", "TIME"):
            nouns.append(token)
        elif token.pos_ in ("VERB", "AUX") or (token.dep_ == "prep" and token.lower_ in _SPAN_WORDS):
            break
    return nouns


def news_day(doc: Document, reference: date | None, moved: Moved = None) -> tuple[int, date] | None:
    """The news day and the lead sentence that gives it: the past day, within the week before writing, that
    governs the article's lead ("Yesterday afternoon, Pelosi announced ..."), or None. A story told a day or
    more late is told about that day: its undated past-tense sentences took place then, not on the day of
    writing."""
    if reference is None:
        return None
    for sentence in doc.sentences[:2]:  # a header line that is only a date may come first
        found = found_in(sentence.span if sentence.span is not None else sentence.text, reference, moved)
        if _header_only(sentence.text, found):
            continue
        if FUTURE.search(sentence.text):
            return None  # "The ministers will meet on Tuesday": a day ahead tells nothing of what happened
        days = [f for f in found if f.precision == "day" and reference - timedelta(days=7) <= f.date < reference
                and _governs(sentence, f)]  # fmt: skip
        return (sentence.index, days[0].date) if len(days) == 1 else None
    return None


def _news_of_the_day(candidate: Candidate, sentence: Sentence, lead: list[Candidate]) -> bool:
    """Whether an undated event of the body took place on the news day: a statement, appeal, criticism or
    the like (verbal acts: "Trump congratulated Pelosi", "Pelosi called his conduct a breach"), told in the
    simple past with no word that sets it at another time. A material act in a story's body is as often its
    background ("Trump sued the district attorney", "the attack on Japanese cargo ships") and keeps the
    publication day, unless it goes on with the lead's own clash: a material act between the same two sides
    as one of the lead's ("police fired on a protester yesterday ... the police used tear gas against
    protesters ... protesters responded by throwing things")."""
    if candidate.modality not in ("asserted", "reported") or not _same_time(sentence) or _ASIDE.search(sentence.text):
        return False
    if candidate.cameo[:2] in VERBAL_ROOTS:
        return True
    return any(_same_sides(candidate, c) for c in lead if c.cameo[:2] not in VERBAL_ROOTS)


def _same_sides(one: Candidate, lead: Candidate) -> bool:
    """Whether an event is between the same two countries as a lead event, either way round, with at least
    one actor the same down to its sector (the police who fired, the protesters who threw back at "the
    government"); an event whose target is not known yet needs its source to be one of the lead's sides."""
    if lead.target is None:
        return False
    sides = {(a.country, a.sector) for a in (lead.source, lead.target)}
    if one.target is None:
        return (one.source.country, one.source.sector) in sides
    these = (one.source, one.target)
    if sorted(str(a.country) for a in these) != sorted(str(a.country) for a in (lead.source, lead.target)):
        return False
    return bool({(a.country, a.sector) for a in these} & sides)


def _same_time(sentence: Sentence) -> bool:
    """Whether an undated sentence may tell of the time around it: not one that looks ahead ("will"), looks
    back ("had opposed", "previously") or describes the present ("is currently")."""
    return not (FUTURE.search(sentence.text) or _OTHER_TIME.search(sentence.text) or _present_or_before(sentence))


def _opens_quote(text: str) -> bool:
    """Whether a sentence leaves a quotation open (its last double quote opens one)."""
    marks = [ch for ch in text if ch in '"\u201c\u201d']
    if not marks:
        return False
    if "\u201c" in marks or "\u201d" in marks:
        return marks[-1] == "\u201c"
    return len(marks) % 2 == 1


def _present_or_before(sentence: Sentence) -> bool:
    """Whether a parsed sentence's main verb is in the present or the pluperfect ("is", "had opposed")."""
    root = sentence.span.root if sentence.span is not None and any(t.dep_ for t in sentence.span) else None
    if root is None:
        return False
    if root.tag_ in ("VBZ", "VBP"):
        return True
    auxiliaries = [t for t in root.children if t.dep_ in ("aux", "auxpass")]
    return any(t.tag_ in ("VBZ", "VBP") or t.lower_ == "had" for t in auxiliaries)


def _governs(sentence: Sentence, f: Found) -> bool:
    """Whether a date hangs on its sentence's main verb ("On Thursday, the court ruled"), not on a noun."""
    span = sentence.span
    if span is None or not any(t.dep_ for t in span):
        # An unparsed sentence: only a date that opens it is taken to govern it.
        return bool(_INITIAL.fullmatch(sentence.text[: f.start]))
    climbed = _climb(span, f, set())
    if climbed is None:
        return False
    verb = climbed[0]
    while verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "police fired and landed a round yesterday": the date is the whole clause's
    return verb.dep_ == "ROOT"


def _climb(span: Span, f: Found, stops: set[Token]) -> tuple[Token, str] | None:
    """Where a date's words attach: the first word up from them, through prepositions and modifiers only,
    that is in `stops` or is no longer such a link, with the dependency of the last step; None when the
    way passes another noun ("a shooting on Friday") or makes the date a period's bound ("since March 21",
    "by 2030": no day of their own to lend)."""
    token = _date_root(span, f)
    if token is None:
        return None
    step = token.dep_
    while token not in stops and token.dep_ in _DATE_PATH and token.head != token:
        step, token = token.dep_, token.head
        if token not in stops and token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("DATE", "TIME"):
            return None
        if token.dep_ == "prep" and token.lower_ in _SPAN_WORDS:
            return None
    return token, step


def _date_root(span: Span, f: Found) -> Token | None:
    """The word of a date's own words that the rest hang on ("Friday" of "on Friday night"), or None."""
    tokens = [t for t in span if f.start <= t.idx - span.start_char < f.end]
    if not tokens:
        return None
    return next((t for t in tokens if t.head not in tokens or t.head == t), tokens[0])


def _own_date(sentence: Sentence, candidate: Candidate, reference: date | None, moved: Moved) -> tuple[date, str] | None:
    """The date that hangs on the candidate's own trigger ("will sign the deal on Thursday" in a sentence
    that also says when it was said), or None. A bare weekday on an announced act is the coming one, or
    today."""
    span, trigger = sentence.span, candidate.token
    if span is None or trigger is None or not any(t.dep_ for t in span):
        return None
    own = [f for f in found_in(span, reference, moved) if _hangs_on(span, f, trigger)]
    if len(own) != 1:
        return None
    f = own[0]
    if candidate.modality == "intended" and reference is not None and span.text[f.start : f.end] in WEEKDAYS:
        # Today's weekday is today, as wire copy writes it ("will meet on Wednesday" on a Wednesday).
        ahead = (WEEKDAYS.index(span.text[f.start : f.end]) - reference.weekday()) % 7
        return reference + timedelta(days=ahead), "day"
    return f.date, f.precision


def _hangs_on(span: Span, f: Found, trigger: Token) -> bool:
    """Whether a date's words attach to the trigger through prepositions and adverbials only ("will meet
    on Friday"), or by a preposition to the noun a light verb trigger takes ("held talks on Friday"); not
    through another noun ("a shooting on Friday") or clause, nor as the bound of a period ("by 2030")."""
    hosts = {c for c in trigger.children if c.dep_ in ("dobj", "attr")}
    climbed = _climb(span, f, {trigger, *hosts})
    return climbed is not None and (climbed[0] == trigger or (climbed[0] in hosts and climbed[1] == "prep"))


class DatesStage:
    """Set each candidate's date and date precision from its sentence and the day the article was written."""

    name = "dates"
    requires = ("candidates",)
    assigns = ("dates",)

    def __call__(self, doc: Document) -> Document:
        if not doc.candidates:
            return doc
        published = doc.article.published
        reference = writing_date(doc) or published
        moved = moved_weekdays(doc, reference)
        lead = news_day(doc, reference, moved)
        lead_events = [c for c in doc.candidates if lead is not None and c.sentence == lead[0]]
        for candidate in doc.candidates:
            sentence = doc.sentences[candidate.sentence]
            source = sentence.span if sentence.span is not None else sentence.text
            if candidate.token is not None and sentence.span is not None:
                anchor: int | None = candidate.token.idx - sentence.span.start_char
            else:
                offset = candidate.trigger_start - sentence.start
                anchor = offset if 0 <= offset <= len(sentence.text) else None
            # An act told as done happened by the day of writing, give or take a few days.
            latest = None if candidate.modality == "intended" or reference is None else reference + FUTURE_TOLERANCE
            when = _own_date(sentence, candidate, reference, moved)
            if when is None or (latest is not None and when[0] > latest):
                when = resolve_date(source, published, anchor=anchor, reference=reference, moved=moved,
                                    bounds=False, latest=latest)  # fmt: skip
            if when[1] == "published":
                when = (event_day(doc, candidate, reference, moved)
                        or paragraph_date(doc, candidate.sentence, reference, moved) or when)  # fmt: skip
            if when[1] == "published" and lead is not None and _news_of_the_day(candidate, sentence, lead_events):
                when = lead[1], "day"
            candidate.date, candidate.date_precision = when
        return doc
