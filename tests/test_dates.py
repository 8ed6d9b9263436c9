"""Time expressions: finding (spaCy Doc -> unresolved specs) and resolving against a publication date.

Every example here is written for these tests (no TimeBank/AQUAINT text)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.document.dates import find_timexes, parse_date, publication_from_text, resolve

D = date
WED = D(2024, 7, 31)          # a Wednesday
SUN = D(2023, 11, 5)          # a Sunday

# (sentence, expression expected in it, publication date, (date, date_end, granularity) or None)
CASES = [
    # absolute
    ("The decision was made on the morning of Wednesday, July 31.", "Wednesday, July 31", WED, (D(2024, 7, 31), D(2024, 7, 31), "day")),
    ("Haniyeh was killed on the night of July 31.", "July 31", D(2024, 8, 2), (D(2024, 7, 31), D(2024, 7, 31), "day")),
    ("Tehran said on 5 November 2023 that it was not involved.", "5 November 2023", None, (D(2023, 11, 5), D(2023, 11, 5), "day")),
    ("Talks resumed on Nov. 5, 2023, in Doha.", "Nov. 5, 2023", WED, (D(2023, 11, 5), D(2023, 11, 5), "day")),
    ("The report is dated 2024-07-31.", "2024-07-31", None, (D(2024, 7, 31), D(2024, 7, 31), "day")),
    ("Hamas attacked Israel on October 7.", "October 7", SUN, (D(2023, 10, 7), D(2023, 10, 7), "day")),
    ("The family moved to Beirut in 1987.", "1987", None, (D(1987, 1, 1), D(1987, 12, 31), "year")),
    ("Prices peaked in March 2013.", "March 2013", None, (D(2013, 3, 1), D(2013, 3, 31), "month")),
    ("Israel used Iraqi airspace to attack Iran in October.", "October", D(2024, 11, 10), (D(2024, 10, 1), D(2024, 10, 31), "month")),
    ("The deal was signed in early March.", "early March", WED, (D(2024, 3, 1), D(2024, 3, 31), "month")),
    ("Inflation peaked last April.", "last April", WED, (D(2024, 4, 1), D(2024, 4, 30), "month")),
    ("Inflation peaked last April.", "last April", D(2024, 4, 10), (D(2023, 4, 1), D(2023, 4, 30), "month")),
    ("The plant closed in June last year.", "June last year", WED, (D(2023, 6, 1), D(2023, 6, 30), "month")),
    # weekdays: most recent on or before publication, unless future tense
    ("Khamenei met Haniyeh in Tehran on Sunday.", "Sunday", SUN, (SUN, SUN, "day")),            # publication weekday itself
    ("Khamenei declared on Tuesday that Tehran was not engaged.", "Tuesday", SUN, (D(2023, 10, 31), D(2023, 10, 31), "day")),
    ("The envoy was killed Wednesday morning in Tehran.", "Wednesday morning", WED, (WED, WED, "day")),
    ("The ministers met on Thursday.", "Thursday", WED, (D(2024, 7, 25), D(2024, 7, 25), "day")),
    ("The ministers will meet on Friday.", "Friday", WED, (D(2024, 8, 2), D(2024, 8, 2), "day")),
    ("The ministers will meet on Wednesday.", "Wednesday", WED, (D(2024, 8, 7), D(2024, 8, 7), "day")),  # future, same weekday: next week
    ("Austin announced last Saturday that a carrier was sent.", "last Saturday", SUN, (D(2023, 11, 4), D(2023, 11, 4), "day")),
    ("Austin spoke last Sunday.", "last Sunday", SUN, (D(2023, 10, 29), D(2023, 10, 29), "day")),
    ("They will vote next Monday.", "next Monday", WED, (D(2024, 8, 5), D(2024, 8, 5), "day")),
    ("The cabinet met on Friday.", "Friday", D(2024, 1, 2), (D(2023, 12, 29), D(2023, 12, 29), "day")),  # across New Year
    # day words
    ("The minister spoke yesterday.", "yesterday", WED, (D(2024, 7, 30), D(2024, 7, 30), "day")),
    ("The minister will speak tonight.", "tonight", WED, (WED, WED, "day")),
    ("The minister will speak tomorrow.", "tomorrow", D(2023, 12, 31), (D(2024, 1, 1), D(2024, 1, 1), "day")),
    # relative units
    ("The strike on Israel came a month ago.", "a month ago", SUN, (D(2023, 10, 1), D(2023, 10, 31), "month")),
    ("The convoy left two weeks ago.", "two weeks ago", WED, (D(2024, 7, 15), D(2024, 7, 21), "week")),
    ("The convoy left three days ago.", "three days ago", WED, (D(2024, 7, 28), D(2024, 7, 28), "day")),
    ("The dam was finished five years ago.", "five years ago", WED, (D(2019, 1, 1), D(2019, 12, 31), "year")),
    ("A meeting occurred earlier this month.", "earlier this month", D(2023, 11, 15), (D(2023, 11, 1), D(2023, 11, 30), "month")),
    ("Last week, Khamenei called for an embargo.", "Last week", WED, (D(2024, 7, 22), D(2024, 7, 28), "week")),
    ("Talks stalled last week.", "last week", D(2024, 1, 3), (D(2023, 12, 25), D(2023, 12, 31), "week")),
    ("Talks resume next week.", "next week", WED, (D(2024, 8, 5), D(2024, 8, 11), "week")),
    ("Baghdad has been preoccupied this week.", "this week", WED, (D(2024, 7, 29), D(2024, 8, 4), "week")),
    ("Prices fell last month.", "last month", D(2024, 1, 15), (D(2023, 12, 1), D(2023, 12, 31), "month")),
    ("Sales rose last year.", "last year", WED, (D(2023, 1, 1), D(2023, 12, 31), "year")),
    ("Elections are due next year.", "next year", D(2023, 12, 31), (D(2024, 1, 1), D(2024, 12, 31), "year")),
    # vague ranges: the week up to (or from) publication
    ("The attacks over the past days were not related to Iran.", "the past days", SUN, (D(2023, 10, 29), SUN, "range")),
    ("Prices rose in recent days.", "recent days", SUN, (D(2023, 10, 29), SUN, "range")),
    ("Talks continue in the coming days.", "the coming days", SUN, (SUN, D(2023, 11, 12), "range")),
    ("Parliamentary elections scheduled for May 11 will go ahead.", "May 11", D(1987, 3, 2), (D(1987, 5, 11), D(1987, 5, 11), "day")),
    ("Exports doubled earlier this year.", "earlier this year", WED, (D(2024, 1, 1), D(2024, 12, 31), "year")),
    # year-less dates around the New Year
    ("The two leaders met on Dec. 30.", "Dec. 30", D(2024, 1, 2), (D(2023, 12, 30), D(2023, 12, 30), "day")),
    ("The two leaders will meet on Jan. 3.", "Jan. 3", D(2023, 12, 29), (D(2024, 1, 3), D(2024, 1, 3), "day")),
    ("The vote is scheduled for Jan. 3.", "Jan. 3", D(2023, 12, 29), (D(2024, 1, 3), D(2024, 1, 3), "day")),  # near-future window
    ("The fire broke out on Dec. 30.", "Dec. 30", D(2023, 12, 29), (D(2022, 12, 30), D(2022, 12, 30), "day")),  # past tense: before
    ("It happened in December.", "December", D(2024, 1, 10), (D(2023, 12, 1), D(2023, 12, 31), "month")),
    ("The board declared a dividend, payable Dec. 15.", "Dec. 15", D(2024, 11, 2), (D(2024, 12, 15), D(2024, 12, 15), "day")),
    ("The ministry extended the deadline until mid-November.", "mid-November", D(2024, 10, 30), (D(2024, 11, 1), D(2024, 11, 30), "month")),
    ("The summit will be held in March.", "March", D(2024, 1, 10), (D(2024, 3, 1), D(2024, 3, 31), "month")),
    ("On Wednesday, July 31, the council met.", "Wednesday, July 31", D(2025, 1, 10), (D(2024, 7, 31), D(2024, 7, 31), "day")),  # weekday picks the year
    # the current year/month, year-end
    ("Rates should fall by the end of the year.", "the end of the year", WED, (D(2024, 1, 1), D(2024, 12, 31), "year")),
    ("Hiring slowed at the beginning of the month.", "the beginning of the month", WED, (D(2024, 7, 1), D(2024, 7, 31), "month")),
    ("The company cut its forecast for the current fiscal year.", "the current fiscal year", D(2023, 3, 9), (D(2023, 1, 1), D(2023, 12, 31), "year")),
    ("The merger should close by year-end.", "year-end", WED, (D(2024, 1, 1), D(2024, 12, 31), "year")),
    ("Debt will be repaid before year's end.", "year's end", WED, (D(2024, 1, 1), D(2024, 12, 31), "year")),
    # markets: "the day" is the trading day of the report (Friday when published at the weekend)
    ("The index fell 2% to end the day at 5,120.", "the day", WED, (WED, WED, "day")),
    ("Shares closed the day 40 cents higher.", "the day", WED, (WED, WED, "day")),
    ("For the day, the Nikkei lost 3%.", "the day", D(2024, 8, 3), (D(2024, 8, 2), D(2024, 8, 2), "day")),
    ("The bourse rallied at the start of the day.", "the day", WED, (WED, WED, "day")),
    # "until" + date: ahead unless told in the past; "as early as" is ahead
    ("Banks will stay shut until Friday.", "Friday", WED, (D(2024, 8, 2), D(2024, 8, 2), "day")),
    ("The government has kept the border closed until March 6.", "March 6", D(2024, 1, 15), (D(2024, 3, 6), D(2024, 3, 6), "day")),
    ("The judge gave the defence until March 6 to respond.", "March 6", D(2024, 1, 15), (D(2024, 3, 6), D(2024, 3, 6), "day")),
    ("The siege lasted until March 6.", "March 6", D(2024, 4, 15), (D(2024, 3, 6), D(2024, 3, 6), "day")),
    ("Up until Thursday, police had described him as a witness.", "Thursday", WED, (D(2024, 7, 25), D(2024, 7, 25), "day")),
    ("The envoy could arrive as early as Tuesday, officials said.", "Tuesday", WED, (D(2024, 8, 6), D(2024, 8, 6), "day")),
    # holidays: the one before publication unless future; last/next/this
    ("The family met on Thanksgiving Day.", "Thanksgiving Day", D(2024, 1, 10), (D(2023, 11, 23), D(2023, 11, 23), "day")),
    ("Voters will go to the polls on Election Day.", "Election Day", D(2024, 10, 1), (D(2024, 11, 5), D(2024, 11, 5), "day")),
    ("The boy has lived with them since last Thanksgiving.", "last Thanksgiving", D(2024, 2, 1), (D(2023, 11, 23), D(2023, 11, 23), "day")),
    ("The pope spoke on Easter Sunday.", "Easter Sunday", D(2024, 4, 10), (D(2024, 3, 31), D(2024, 3, 31), "day")),
    ("Shops will close on Christmas Day.", "Christmas Day", D(2024, 12, 1), (D(2024, 12, 25), D(2024, 12, 25), "day")),
    ("The truce began on Good Friday.", "Good Friday", D(2025, 5, 2), (D(2025, 4, 18), D(2025, 4, 18), "day")),
    # spelled-out years and counts (broadcast transcripts)
    ("The treaty was signed in nineteen ninety-one.", "nineteen ninety-one", WED, (D(1991, 1, 1), D(1991, 12, 31), "year")),
    ("Prices fell in January nineteen ninety-seven.", "January nineteen ninety-seven", WED, (D(1997, 1, 1), D(1997, 1, 31), "month")),
    ("Systems must be ready for the year two thousand.", "two thousand", D(1998, 3, 3), (D(2000, 1, 1), D(2000, 12, 31), "year")),
    ("The mine closed fourteen years ago.", "fourteen years ago", WED, (D(2010, 1, 1), D(2010, 12, 31), "year")),
    # "period" alone does not make a year-ago comparison
    ("A period of unrest began last year.", "last year", WED, (D(2023, 1, 1), D(2023, 12, 31), "year")),
    # a possessive weekday is that day
    ("Investors shrugged off Friday's jobs report.", "Friday's", WED, (D(2024, 7, 26), D(2024, 7, 26), "day")),
    # no publication date: relative expressions stay unresolved, absolute ones resolve
    ("The minister spoke yesterday.", "yesterday", None, None),
    ("Hamas attacked Israel on October 7.", "October 7", None, None),
    ("A meeting occurred earlier this month.", "earlier this month", None, None),
    ("Khamenei declared on Tuesday that Tehran was not engaged.", "Tuesday", None, None),
]


def _find(nlp, sentence: str, expression: str) -> dict:
    doc = nlp(sentence)
    found = find_timexes(doc)
    match = [t for t in found if t["expression"] == expression]
    assert match, f"{expression!r} not found in {sentence!r}: {[t['expression'] for t in found]}"
    t = match[0]
    assert doc.text[t["expr_start"]:t["expr_end"]] == expression
    assert t["sent_start"] <= t["expr_start"] < t["expr_end"] <= t["sent_end"]
    json.dumps(t["spec"])                                  # specs are plain JSON
    return t


@pytest.mark.parametrize("sentence,expression,published,expected", CASES,
                         ids=[f"{c[1]}@{c[2]}" for c in CASES])
def test_resolve(nlp, sentence, expression, published, expected):
    t = _find(nlp, sentence, expression)
    got = resolve(t["spec"], published)
    assert (got[:3] if got else None) == expected


@pytest.mark.parametrize("sentence", [
    "Now is the time to act.",
    "Recently, things changed in the region.",
    "It took three years to build the dam.",
    "The 1,987 protesters marched to the square.",
    "They paid $2023 in fees.",
    "He may 5 times have tried; the march was long.",
    "May God protect them, she said.",
    "The 1990s were calm.",
    "Sundays are quiet in the bazaar.",
    "The talks will resume at 2000 GMT in Geneva.",
    "Protesters gathered outside 1600 Pennsylvania Avenue.",
    # weekends: "YYYY-Www-WE" in TimeML, not a calendar date
    "Clashes erupted over the weekend.",
    "The talks will resume this weekend.",
    # a year inside a quarter or half is that quarter
    "Profit rose 8% in the third quarter of 2021.",
    "Output slowed in the first half of next year, the bank forecast.",
    "The firm posted a loss for the 2019 second quarter.",
    "Sales in this year's third quarter beat forecasts.",
    # a year-ago comparison in a period report is the year-ago quarter
    "Net income fell to $4 million in the quarter from $9 million a year ago.",
    "Revenue for the period was flat compared with last year.",
    "In the 2021 period, costs were lower than a year ago.",
    # a clock time makes it a TIME
    "The polls close at 8 p.m. Thursday.",
    "The ceasefire starts at noon Saturday.",
    "The launch is set for 14:30 UTC today.",
    # names, programme titles, generic "today's"
    "Foreign ministers Jan Novak and April Ryan signed the accord.",
    "The minister spoke on the programme \"This Week\" about the talks.",
    "Such rules make little sense in today's world.",
    # "the day" outside a market report, "a year earlier" (anaphoric: relative to another event)
    "She spent the day with her family.",
    # seasons and holiday periods are not days; a spelled-out number without a cue is no year
    "Floods hit the region in the summer of 2019.",
    "Nineteen ninety-one delegates voted for the motion.",
    "Retailers expect strong Christmas sales.",
    "Roads were busy during the Easter holidays.",
    "Exports rose 4%, after a drop of 2% a year earlier.",
])
def test_not_a_date(nlp, sentence):
    assert [t["expression"] for t in find_timexes(nlp(sentence))] == []


@pytest.mark.parametrize("spec,published,expected", [
    # weekends and vague ranges are found but not emitted (see test_not_a_date); stored specs still resolve
    ({"kind": "weekend", "mod": None}, D(2024, 7, 29), (D(2024, 7, 27), D(2024, 7, 28), "range")),
    ({"kind": "weekend", "mod": "this", "tense": "future"}, WED, (D(2024, 8, 3), D(2024, 8, 4), "range")),
    ({"kind": "weekend", "mod": "last"}, SUN, (D(2023, 10, 28), D(2023, 10, 29), "range")),
    ({"kind": "range", "back": 7, "fwd": 0}, SUN, (D(2023, 10, 29), SUN, "range")),
])
def test_resolve_stored_spec(spec, published, expected):
    assert resolve(spec, published)[:3] == expected


def test_date_source(nlp):
    t = _find(nlp, "Tehran said on 5 November 2023 that it was not involved.", "5 November 2023")
    assert resolve(t["spec"], SUN)[3] == "explicit"
    t = _find(nlp, "The minister spoke yesterday.", "yesterday")
    assert resolve(t["spec"], SUN)[3] == "relative"


def test_skip_callback(nlp):
    text = "Haniyeh meets Khamenei on June 21. (File photo)\nThe envoy spoke on Tuesday."
    doc = nlp(text)
    caption_end = text.index("\n")
    found = find_timexes(doc, skip=lambda off: off < caption_end)
    assert [t["expression"] for t in found] == ["Tuesday"]
    assert found[0]["sent_start"] == caption_end + 1


def test_resolve_nonsense():
    assert resolve({}, WED) is None
    assert resolve({"kind": "date", "year": 2023, "month": 2, "day": 30}, WED) is None
    assert resolve({"kind": "unheard-of"}, WED) is None


@pytest.mark.parametrize("s,default_year,expected", [
    ("2024-07-31", None, D(2024, 7, 31)),
    ("2024-07-31T10:15:00Z", None, D(2024, 7, 31)),
    ("5 November 2023", None, D(2023, 11, 5)),
    ("Nov. 5, 2023", None, D(2023, 11, 5)),
    ("November 5th, 2023", None, D(2023, 11, 5)),
    ("Wednesday, July 31, 2024", None, D(2024, 7, 31)),
    ("July 31", 2024, D(2024, 7, 31)),
    ("July 31", None, None),
    ("2024-02-30", None, None),
    ("not a date", None, None),
    ("", None, None),
])
def test_parse_date(s, default_year, expected):
    assert parse_date(s, default_year) == expected


def test_publication_from_text(nlp):
    text = ("Protesters gather in Tehran on 9 March 2024. (Reuters)\n"
            "The ministry said on 3 March 2024 that the attack of 7 October 2023 had been planned for months.\n"
            "\u201cOn 12 March 2024 we will answer,\u201d a commander said.\n"
            "Officials announced on 1 February 2024 that the border was closed.")
    doc = nlp(text)
    caption_end = text.index("\n")
    skip = lambda off: off < caption_end  # noqa: E731
    tx = find_timexes(doc, skip)
    assert publication_from_text(doc, tx, skip) == D(2024, 3, 3)


@pytest.mark.parametrize("text", [
    "The attack of 7 October 2023 killed 1,200 people, officials said.",
    # a reporting verb as a participle after a noun ("charged" = accused) dates the event, not a report
    "Two former intelligence agents charged in the Dec. 21, 1988, bombing of Pan Am Flight 103 were named.",
])
def test_publication_from_text_ignores_older_events(nlp, text):
    doc = nlp(text)
    assert publication_from_text(doc, find_timexes(doc)) is None
