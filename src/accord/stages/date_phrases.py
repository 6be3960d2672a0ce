"""Date expressions in a sentence, found and resolved against the day an article was written.

Our own regexes come first (explicit dates, month names, years, today/yesterday/tomorrow, weekdays, last/next
week, month or year); dateparser only sees a spaCy DATE entity the regexes did not cover, never a whole
sentence ("may" the verb would parse as May). Precisions: "day", "month", "year", "week" and "published".
"week" is one more than DESIGN.md lists: "last week" names a seven-day period, and calling it a month
would claim a precision (and sometimes a month) the text does not give; its date is seven days before
publication (a day inside last week). "this week" gives no day at all and resolves to the publication date
with precision "published", as does a sentence with no date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Span

FUTURE_TOLERANCE = timedelta(days=7)

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
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
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
    r"\b(?:(?P<which>(?i:last|next|this|coming|this\s+coming))\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")\b"
)
_PERIOD = re.compile(r"\b(?i:(?P<which>last|next|this)\s+(?P<unit>week|month|year))\b")
FUTURE = re.compile(r"\b(?i:will|shall|next|upcoming|scheduled|plans?|planned|expected|due\s+to|set\s+to)\b")
_DATELIKE = re.compile(r"\d{4}|\b(?:" + "|".join(_MONTHS) + "|" + "|".join(WEEKDAYS) + r")\b|(?i:\bago\b)")


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


def weekday_on_or_before(day: date, weekday: int) -> date:
    """The given weekday (Monday 0) on or before a day."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _weekday(m: re.Match[str], published: date | None, future: bool) -> tuple[date, str] | None:
    """A weekday: the one on or before publication, unless 'next'/'coming' or 'last' says otherwise."""
    if published is None:
        return None
    which = " ".join((m["which"] or "").lower().split())
    back = (published - weekday_on_or_before(published, WEEKDAYS.index(m["wd"]))).days
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
ADJACENT = re.compile(r"[\s,()\[\]–-]{0,4}")
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
    if data.date_obj.year >= 2200:
        return None  # a number NER took for a year ("Proclamation 8015")
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
    future = bool(FUTURE.search(text))
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
    weekdays = [f for f in found if f.kind == "weekday" and text[f.start : f.end] in WEEKDAYS]
    if not last_week or not weekdays or published is None:
        return found
    monday = published - timedelta(days=published.weekday() + 7)
    moved = {
        id(f): Found(f.start, f.end, monday + timedelta(days=WEEKDAYS.index(text[f.start : f.end])), "day",
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
        if ADJACENT.fullmatch(gap):
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
    moved: Mapping[str, tuple[date, date]] | None = None,
    bounds: bool = True,
    latest: date | None = None,
) -> tuple[date | None, str]:
    """The date and precision a sentence gives an event; `anchor` is the trigger's offset in the text.

    Relative and year-less dates count from `reference` (the day the article was written, by default the
    publication date); a sentence with no date gets the publication date itself, with precision "published".
    `moved` is as for found_in. Without `bounds`, the start of a period ("since last year") and the end of
    one still ahead ("by 2060") are no date of the sentence's acts; a past end stays, the act having
    happened by then ("had delivered vaccines by November 22"). A date after `latest` is no date of them
    either (an act told as done cannot be dated by "the December 24 elections" it was about).
    """
    now = reference or published
    found = found_in(text_or_span, now, moved)
    if not bounds:
        text = text_or_span if isinstance(text_or_span, str) else text_or_span.text
        found = tuple(f for f in found if (word := bound_word(f, text)) is None
                      or (word != "since" and now is not None and f.date <= now))  # fmt: skip
    if latest is not None:
        found = tuple(f for f in found if f.date <= latest)
    if not found:
        return published, "published"
    if anchor is None:
        best = found[0]
    else:
        best = min(found, key=lambda f: (_distance(f, anchor), not f.explicit, f.start))
    return best.date, best.precision


_BOUND_WORDS = frozenset({"since", "by", "until", "till", "through"})


def bound_word(f: Found, text: str) -> str | None:
    """The word that makes a date the start or end of a period ("since last year", "by 2060", "until
    March"), or None: such a date says when the period starts or ends, not when anything happened."""
    words = text[f.start : f.end].split(None, 1)  # a bare year's or month's match holds its preposition
    before = text[: f.start].split()
    for word in (words[0] if words else "", before[-1] if before else ""):
        if word.lower() in _BOUND_WORDS:
            return word.lower()
    return None


def found_in(
    text_or_span: str | Span, reference: date | None, moved: Mapping[str, tuple[date, date]] | None = None
) -> tuple[Found, ...]:
    """find_dates on a string, or on a span with its DATE entities. `moved` maps a bare weekday the article
    sets on another day than the one on or before writing to (that day, the article's day)."""
    if isinstance(text_or_span, str):
        text, found = text_or_span, find_dates(text_or_span, reference)
    else:
        span = text_or_span
        base = span.start_char
        entities = tuple((e.start_char - base, e.end_char - base) for e in span.ents if e.label_ == "DATE")
        text, found = span.text, find_dates(span.text, reference, entities)
    if not moved:
        return found
    return tuple(_moved(f, text[f.start : f.end], moved) for f in found)


def _moved(f: Found, words: str, moved: Mapping[str, tuple[date, date]]) -> Found:
    if f.kind != "weekday" or words not in moved or moved[words][0] != f.date:
        return f
    return replace(f, date=moved[words][1])
