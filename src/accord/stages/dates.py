"""The dates stage: when each candidate event happened, resolved from its sentence and the article's own time.

Our own regexes come first (explicit dates, month names, years, today/yesterday/tomorrow, weekdays, last/next
week, month or year); dateparser only sees a spaCy DATE entity the regexes did not cover, never a whole
sentence ("may" the verb would parse as May). Precisions: "day", "month", "year", "week" and "published".
"week" is one more than DESIGN.md lists: "last week" names a seven-day period, and calling it a month
would claim a precision (and sometimes a month) the text does not give; its date is seven days before
publication (a day inside last week). "this week" gives no day at all and resolves to the publication date
with precision "published", as does a sentence with no date.

Relative dates count from the day the article was written, which is the publication date unless the article
itself states an earlier one: a dated dateline ("MOSCOW, May 30 (Reuters) -"), a header line that is only a
date, or "today" beside an explicit date ("today (May 30)"), within ``MAX_LAG`` before publication. A date
merely mentioned in the body does not move it: in news prose the narrative runs forward from such a date
("Talks opened on May 25 ... On Friday they ended"), and on the Wikinews, State Department and Reuters corpora
resolving later weekdays on or before the latest body date (or the lede's weekday) moved dozens of weekdays,
nearly all of them wrongly. A sentence with no date of its own takes the date of the sentence before it in
the same paragraph when that date governs that sentence's main clause ("On Thursday, the court ruled ...
The court issued a judgement ..."), not when it sits on a noun ("his call with Merkel on November 17").
A story told a day or more after the fact dates its lead ("Yesterday afternoon, Pelosi announced ..."): that
news day also dates the statements, appeals and criticism its later paragraphs tell in the simple past with
no time of their own ("Pelosi called Trump's conduct a breach"); its material acts keep the publication day,
being as often the story's background.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from accord.knowledge.tables import VERBAL_ROOTS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from accord.document import Candidate, Document, Sentence

# A month-day up to this many days after publication is still taken as this year (reports run a little ahead).
FUTURE_TOLERANCE = timedelta(days=7)
# How long before publication an article may say it was written (a dateline, "today (May 30)"): wire copy and
# Wikinews run a day to a week late; an older date beside "today" or in a dateline is more likely a misreading.
MAX_LAG = timedelta(days=14)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
            ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"),
            ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}  # fmt: skip

# Month names are matched case-sensitively so that "may" the verb is never a month.
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?![A-Za-z])\.?"
_FULL_MON = r"(?P<mon>" + "|".join(n for n in _MONTHS if len(n) > 3 or n == "May") + r")"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)(?!\d)"
_LEAD = r"(?i:in|since|during|by|until|till|from|through|before|after|of|early|late|last|next|this|around)"

_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_SLASH = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b")
_DMY = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?")
_MDY = re.compile(rf"\b{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?")
_MY = re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}")
_BARE_MONTH = re.compile(rf"(?:\b{_LEAD}\s+|\b(?i:mid)-){_FULL_MON}\b(?!\s*\d)")
_BARE_YEAR = re.compile(rf"\b{_LEAD}\s+(?:(?i:early|late)\s+|(?i:mid)-)?{_YEAR}\b(?![-/%]|\s*(?i:percent))")

_SHIFT = re.compile(
    r"\b(?i:(?P<before>the\s+day\s+before\s+yesterday)|(?P<after>the\s+day\s+after\s+tomorrow)"
    r"|(?P<yday>yesterday|last\s+night)|(?P<tmrw>tomorrow)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening)))\b"
)
_AGO = re.compile(r"\b(?i:(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                  r"(?P<unit>day|week|month|year)s?\s+ago)\b")  # fmt: skip
_WEEKDAY = re.compile(
    r"\b(?:(?P<which>(?i:last|next|this|coming|this\s+coming))\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")\b"
)
_PERIOD = re.compile(r"\b(?i:(?P<which>last|next|this)\s+(?P<unit>week|month|year))\b")
_FUTURE = re.compile(r"\b(?i:will|shall|next|upcoming|scheduled|plans?|planned|expected|due\s+to|set\s+to)\b")
_DATELIKE = re.compile(r"\d{4}|\b(?:" + "|".join(_MONTHS) + "|" + "|".join(_WEEKDAYS) + r")\b|(?i:\bago\b)")


@dataclass(frozen=True)
class Found:
    """A date expression found in a text: where, what it resolves to, and whether it names the date itself."""

    start: int
    end: int
    date: date
    precision: str
    explicit: bool
    kind: str = ""  # the resolver that read it: "weekday", "period", "explicit", ...


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, published: date | None, *, future: bool = False) -> date | None:
    """The year a month-day without one most likely has, from the publication date."""
    if published is None:
        return None
    years = (published.year - 1, published.year, published.year + 1)
    options = [d for y in years if (d := _valid(y, month, day))]
    if future:
        # A forward-looking sentence: the occurrence nearest publication, on either side.
        return min(options, key=lambda d: abs((d - published).days), default=None)
    past = [d for d in options if d <= published + FUTURE_TOLERANCE]
    return max(past, default=None)


def _explicit(m: re.Match[str], published: date | None, future: bool) -> tuple[date, str] | None:
    """Resolve a month-name match (DMY, MDY, MY or bare month)."""
    groups = m.groupdict()
    month = _MONTHS[groups["mon"]]
    day = int(groups["d"]) if groups.get("d") else None
    precision = "day" if day else "month"
    if groups.get("y"):
        found = _valid(int(groups["y"]), month, day or 1)
    else:
        found = infer_year(month, day or 1, published, future=future)
    return (found, precision) if found else None


def _numeric(m: re.Match[str], published: date | None, future: bool) -> tuple[date, str] | None:
    """Resolve an ISO date, or a slashed one only when day and month cannot be confused."""
    groups = m.groupdict()
    if "a" in groups:
        a, b = int(groups["a"]), int(groups["b"])
        if (a > 12) == (b > 12):
            return None  # 05/06/2023 could be either; 30/31/2023 is neither
        day, month = (a, b) if a > 12 else (b, a)
    else:
        day, month = int(groups["d"]), int(groups["m"])
    found = _valid(int(groups["y"]), month, day)
    return (found, "day") if found else None


def _year(m: re.Match[str], published: date | None, future: bool) -> tuple[date, str] | None:
    return date(int(m["y"]), 1, 1), "year"


def _shift(m: re.Match[str], published: date | None, future: bool) -> tuple[date, str] | None:
    """today, yesterday, tomorrow and their kin."""
    if published is None:
        return None
    offsets = {"before": -2, "after": 2, "yday": -1, "tmrw": 1, "today": 0}
    key = next(k for k, v in m.groupdict().items() if v)
    return published + timedelta(days=offsets[key]), "day"


def _ago(m: re.Match[str], published: date | None, future: bool) -> tuple[date, str] | None:
    """'three days ago', 'a month ago'."""
    if published is None:
        return None
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _NUMBERS[raw]
    unit = m["unit"].lower()
    if unit == "day":
        return published - timedelta(days=n), "day"
    if unit == "week":
        return published - timedelta(weeks=n), "week"
    if unit == "month":
        return _add_months(published.replace(day=1), -n), "month"
    return date(published.year - n, 1, 1), "year"


def _weekday(m: re.Match[str], published: date | None, future: bool) -> tuple[date, str] | None:
    """A weekday: the one on or before publication, unless 'next'/'coming' or 'last' says otherwise."""
    if published is None:
        return None
    which = " ".join((m["which"] or "").lower().split())
    back = (published.weekday() - _WEEKDAYS.index(m["wd"])) % 7
    if which in ("next", "coming", "this coming"):
        return published + timedelta(days=(7 - back) % 7 or 7), "day"
    if which == "last" and back == 0:
        back = 7
    return published - timedelta(days=back), "day"


def _period(m: re.Match[str], published: date | None, future: bool) -> tuple[date, str] | None:
    """last/this/next week, month or year."""
    if published is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    unit = m["unit"].lower()
    if unit == "week":
        # "this week" names no day: it claims its words but gives only the publication date.
        return (published + timedelta(weeks=step), "week") if step else (published, "published")
    if unit == "month":
        return _add_months(published.replace(day=1), step), "month"
    return date(published.year + step, 1, 1), "year"


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


Resolver = Callable[[re.Match[str], "date | None", bool], "tuple[date, str] | None"]
# Order matters: an earlier pattern claims its characters before a later, vaguer one can.
_PATTERNS: tuple[tuple[re.Pattern[str], Resolver, bool], ...] = (
    (_ISO, _numeric, True),
    (_SLASH, _numeric, True),
    (_DMY, _explicit, True),
    (_MDY, _explicit, True),
    (_MY, _explicit, True),
    (_BARE_MONTH, _explicit, True),
    (_BARE_YEAR, _year, True),
    (_SHIFT, _shift, False),
    (_AGO, _ago, False),
    (_PERIOD, _period, False),
    (_WEEKDAY, _weekday, False),
)

_RELATIVE = re.compile(r"(?i:ago|yesterday|today|tomorrow|last|next|this|week)")
_LAST_WEEK = re.compile(r"(?i:last\s+week)")
_DECADE = re.compile(r"\b(?:1[89]|20)\d0s\b|\b\d0s\b")
_ADJACENT = re.compile(r"[\s,()\[\]–-]{0,4}")
_PERIODS = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}


@lru_cache(maxsize=64)
def _date_data_parser(published: date | None) -> Any:
    """A dateparser parser anchored on the publication date (building one is slow: keep one per date)."""
    from datetime import datetime

    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def parse_phrase(phrase: str, published: date | None) -> tuple[date, str] | None:
    """dateparser on one short date phrase (a DATE entity), never a whole sentence."""
    if published is None and not re.search(r"\d{4}", phrase):
        return None  # a relative phrase needs an anchor; dateparser would use today's date
    if _DECADE.search(phrase):
        return None  # "the 1970s" names no year, and dateparser reads it as a day near publication
    data = _date_data_parser(published).get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    years = {int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", phrase)}
    if years and data.date_obj.year not in years:
        return None  # a misreading: the phrase names its year, and this is another one
    precision = _PERIODS.get(data.period or "day", "day")
    found = data.date_obj.date()
    if precision in ("day", "month") and not re.search(r"\d{4}", phrase) and not _RELATIVE.search(phrase):
        # dateparser's "past" preference differs from ours near publication: infer the year the same way.
        found = infer_year(found.month, found.day, published) or found
    if precision == "month":
        found = found.replace(day=1)
    elif precision == "year":
        found = found.replace(month=1, day=1)
    return found, precision


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


@lru_cache(maxsize=4096)
def find_dates(
    text: str, published: date | None, entities: tuple[tuple[int, int], ...] = ()
) -> tuple[Found, ...]:
    """Every date expression in a text (and in the DATE entities given), in text order, none overlapping."""
    future = bool(_FUTURE.search(text))
    claimed: list[tuple[int, int]] = []
    found: list[Found] = []
    for pattern, resolver, explicit in _PATTERNS:
        for m in pattern.finditer(text):
            if _overlaps(*m.span(), claimed):
                continue
            resolved = resolver(m, published, future)
            if resolved or explicit:
                # An invalid explicit date ("31 June 2023") still claims its words from vaguer patterns.
                claimed.append(m.span())
            if resolved:
                kind = resolver.__name__.strip("_")
                found.append(Found(m.start(), m.end(), resolved[0], resolved[1], explicit, kind))
    for start, end in entities:
        phrase = text[start:end]
        if _overlaps(start, end, claimed) or not _DATELIKE.search(phrase):
            continue
        resolved = parse_phrase(phrase, published)
        if resolved:
            found.append(Found(start, end, resolved[0], resolved[1], True, "entity"))
    found.sort(key=lambda f: f.start)
    kept = [f for f in found if not _shadowed(f, found, text)]
    return tuple(_within_last_week(kept, text, published))


def _within_last_week(found: list[Found], text: str, published: date | None) -> list[Found]:
    """A bare weekday in a sentence that says "last week" is that week's day ("on Friday last week"),
    and it says more than the week: the week itself gives way to it."""
    last_week = [f for f in found if f.kind == "period" and _LAST_WEEK.fullmatch(text[f.start : f.end])]
    weekdays = [f for f in found if f.kind == "weekday" and text[f.start : f.end] in _WEEKDAYS]
    if not last_week or not weekdays or published is None:
        return found
    monday = published - timedelta(days=published.weekday() + 7)
    moved = {
        id(f): Found(f.start, f.end, monday + timedelta(days=_WEEKDAYS.index(text[f.start : f.end])), "day",
                     False, "weekday")
        for f in weekdays
    }  # fmt: skip
    return [moved.get(id(f), f) for f in found if f not in last_week]


def _shadowed(f: Found, found: list[Found], text: str) -> bool:
    """A relative date right beside an explicit one ("today (May 30)", "Tuesday, May 30") yields to it."""
    if f.explicit:
        return False
    for other in found:
        if not other.explicit:
            continue
        gap = text[f.end : other.start] if other.start >= f.end else text[other.end : f.start]
        if _ADJACENT.fullmatch(gap):
            return True
    return False


def _distance(f: Found, anchor: int) -> int:
    return 0 if f.start <= anchor < f.end else min(abs(anchor - f.start), abs(anchor - f.end))


def resolve_date(
    text_or_span: str | Span,
    published: date | None,
    *,
    anchor: int | None = None,
    reference: date | None = None,
) -> tuple[date | None, str]:
    """The date and precision a sentence gives an event; `anchor` is the trigger's offset in the text.

    Relative and year-less dates count from `reference` (the day the article was written, by default the
    publication date); a sentence with no date gets the publication date itself, with precision "published".
    """
    found = _found_in(text_or_span, reference or published)
    if not found:
        return published, "published"
    if anchor is None:
        best = found[0]
    else:
        best = min(found, key=lambda f: (_distance(f, anchor), not f.explicit, f.start))
    return best.date, best.precision


def _found_in(text_or_span: str | Span, reference: date | None) -> tuple[Found, ...]:
    """find_dates on a string, or on a span with its DATE entities."""
    if isinstance(text_or_span, str):
        return find_dates(text_or_span, reference)
    span = text_or_span
    base = span.start_char
    entities = tuple((e.start_char - base, e.end_char - base) for e in span.ents if e.label_ == "DATE")
    return find_dates(span.text, reference, entities)


# --- the day the article was written ----------------------------------------------------------------------

_TODAY = re.compile(r"\b(?i:today|tonight)\b")
_HEADER_REST = re.compile(r"[\W_]*(?:(?:" + "|".join(_WEEKDAYS) + r")[\W_]*)?")


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
        if _ADJACENT.fullmatch(gap):
            return True
    return False


def _plausible_now(day: date, published: date | None, written: str) -> bool:
    """A writing date is at most MAX_LAG before publication; with no publication date it needs its year."""
    if published is None:
        return bool(re.search(r"\d{4}", written))
    return published - MAX_LAG <= day <= published


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


def paragraph_date(doc: Document, index: int, reference: date | None) -> tuple[date, str] | None:
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
    if doc.new_paragraph(index) or _FUTURE.search(previous.text):
        return None
    # A sentence that goes on with a quotation opened before it is still what was said, when it was said.
    if not _opens_quote(previous.text) and not _same_time(sentence):
        return None
    found = _found_in(previous.span if previous.span is not None else previous.text, reference)
    main = [f for f in found if f.precision == "day" and f.date <= (published or reference)
            and _governs(previous, f)]  # fmt: skip
    return (main[0].date, "day") if len(main) == 1 else None


def lead_date(doc: Document, reference: date | None) -> date | None:
    """The news day: the past day, within the week before writing, that governs the article's lead sentence
    ("Yesterday afternoon, Pelosi announced ..."), or None. A story told a day or more late is told about
    that day: its undated past-tense sentences took place then, not on the day of writing."""
    if reference is None:
        return None
    for sentence in doc.sentences[:2]:  # a header line that is only a date may come first
        found = _found_in(sentence.span if sentence.span is not None else sentence.text, reference)
        if _header_only(sentence.text, found):
            continue
        if _FUTURE.search(sentence.text):
            return None  # "The ministers will meet on Tuesday": a day ahead tells nothing of what happened
        days = [f for f in found if f.precision == "day" and reference - timedelta(days=7) <= f.date < reference
                and _governs(sentence, f)]  # fmt: skip
        return days[0].date if len(days) == 1 else None
    return None


def _news_of_the_day(candidate: Candidate, sentence: Sentence) -> bool:
    """Whether an undated event of the body took place on the news day: a statement, appeal, criticism or
    the like (verbal acts: "Trump congratulated Pelosi", "Pelosi called his conduct a breach"), told in the
    simple past with no word that sets it at another time. Material acts in a story's body are as often its
    background ("Trump sued the district attorney", "the attack on Japanese cargo ships") and keep the
    publication day."""
    return (candidate.cameo[:2] in VERBAL_ROOTS and candidate.modality in ("asserted", "reported")
            and _same_time(sentence) and not _ASIDE.search(sentence.text))


def _same_time(sentence: Sentence) -> bool:
    """Whether an undated sentence may tell of the time around it: not one that looks ahead ("will"), looks
    back ("had opposed", "previously") or describes the present ("is currently")."""
    return not (_FUTURE.search(sentence.text) or _OTHER_TIME.search(sentence.text) or _present_or_before(sentence))


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
    tokens = [t for t in span if f.start <= t.idx - span.start_char < f.end]
    if not tokens:
        return None
    token = next((t for t in tokens if t.head not in tokens or t.head == t), tokens[0])
    step = token.dep_
    while token not in stops and token.dep_ in _DATE_PATH and token.head != token:
        step, token = token.dep_, token.head
        if token not in stops and token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("DATE", "TIME"):
            return None
        if token.dep_ == "prep" and token.lower_ in _SPAN_WORDS:
            return None
    return token, step


def _own_date(sentence: Sentence, candidate: Candidate, reference: date | None) -> tuple[date, str] | None:
    """The date that hangs on the candidate's own trigger ("will sign the deal on Thursday" in a sentence
    that also says when it was said), or None. A bare weekday on an announced act is the coming one, or
    today."""
    span, trigger = sentence.span, candidate.token
    if span is None or trigger is None or not any(t.dep_ for t in span):
        return None
    own = [f for f in _found_in(span, reference) if _hangs_on(span, f, trigger)]
    if len(own) != 1:
        return None
    f = own[0]
    if candidate.modality == "intended" and reference is not None and span.text[f.start : f.end] in _WEEKDAYS:
        # Today's weekday is today, as wire copy writes it ("will meet on Wednesday" on a Wednesday).
        ahead = (_WEEKDAYS.index(span.text[f.start : f.end]) - reference.weekday()) % 7
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
        news_day = lead_date(doc, reference)
        for candidate in doc.candidates:
            sentence = doc.sentences[candidate.sentence]
            source = sentence.span if sentence.span is not None else sentence.text
            if candidate.token is not None and sentence.span is not None:
                anchor: int | None = candidate.token.idx - sentence.span.start_char
            else:
                offset = candidate.trigger_start - sentence.start
                anchor = offset if 0 <= offset <= len(sentence.text) else None
            when = _own_date(sentence, candidate, reference) or resolve_date(
                source, published, anchor=anchor, reference=reference)
            if when[1] == "published":
                when = paragraph_date(doc, candidate.sentence, reference) or when
            if when[1] == "published" and news_day is not None and _news_of_the_day(candidate, sentence):
                when = news_day, "day"
            candidate.date, candidate.date_precision = when
        return doc
