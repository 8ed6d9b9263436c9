"""Dates: time expressions and the words around them."""
from __future__ import annotations

import re  # noqa: F401

from .text import *  # noqa: F401,F403 - earlier lists this one builds on
from .common import *  # noqa: F401,F403 - earlier lists this one builds on
from .actors import *  # noqa: F401,F403 - earlier lists this one builds on

# ---------------------------------------------------------------- dates
# (section owned by the dates stage)
# Month names and abbreviations (matched capitalised: "may"/"march" as common words are ignored).
MONTHS = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3, "April": 4, "Apr": 4,
    "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7, "August": 8, "Aug": 8,
    "September": 9, "Sept": 9, "Sep": 9, "October": 10, "Oct": 10, "November": 11, "Nov": 11,
    "December": 12, "Dec": 12,
}
WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
DAY_PARTS = ["morning", "afternoon", "evening", "night", "overnight"]
# Number words for "two weeks ago" (vague counts such as "a few", "several" are not resolved).
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}
# Spelled-out years (broadcast transcripts): "nineteen ninety-one", "the year two thousand".
YEAR_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
             "eighty": 80, "ninety": 90}
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
         "year": "year", "years": "year"}
# Words before a bare month or bare year that make it a date ("in March", "since 1987").
DATE_PREPS = ["in", "since", "by", "until", "till", "through", "during", "from", "to", "of", "before",
              "after", "early", "late", "mid", "mid-", "fiscal", "around", "between", "and", "for", "last",
              "next", "this", "the end of", "the beginning of", "the middle of", "beginning", "end"]
# Relative-phrase modifiers and their offset (in units), "earlier this month" is this month.
REL_MODIFIERS = {"last": -1, "this": 0, "next": 1, "the coming": 1, "coming": 1, "this coming": 1,
                 "this past": -1}
EDGE_WORDS = ["earlier", "later", "early", "late", "mid", "mid-", "the end of", "the beginning of",
              "the middle of", "the start of"]
# Day words: offset from the publication date.
DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}
# Vague spans before or after the publication date: phrase -> (days back, days forward), granularity range.
RANGE_PHRASES = {
    r"(?:the|these)\s+past\s+(?:few\s+|several\s+)?days": (7, 0),
    r"(?:the\s+)?(?:last|past)\s+(?:few|several)\s+days": (7, 0),
    r"recent\s+days": (7, 0),
    r"(?:the\s+)?(?:coming|next)\s+(?:few\s+)?days": (0, 7),
    r"(?:the\s+|this\s+)?(?:last|past)\s+weekend|(?:this|the)\s+weekend|over\s+the\s+weekend": None,  # Sat-Sun
}
# Holidays with a calendar rule (name regex -> rule): ("fixed", month, day), ("nth", month,
# weekday, n) with n = -1 for the last one, ("easter", days from Easter Sunday), ("election",)
# = the Tuesday after the first Monday of November. Bare "Christmas" is a season: not listed.
HOLIDAYS = {
    r"Christmas\s+Day": ("fixed", 12, 25), r"Christmas\s+Eve": ("fixed", 12, 24),
    r"New\s+Year['’]s\s+Day": ("fixed", 1, 1), r"New\s+Year['’]s\s+Eve": ("fixed", 12, 31),
    r"Independence\s+Day": ("fixed", 7, 4), r"Halloween": ("fixed", 10, 31),
    r"Valentine['’]s\s+Day": ("fixed", 2, 14), r"Boxing\s+Day": ("fixed", 12, 26),
    r"Thanksgiving(?:\s+Day)?": ("nth", 11, 3, 4), r"Labor\s+Day": ("nth", 9, 0, 1),
    r"Memorial\s+Day": ("nth", 5, 0, -1), r"Easter(?:\s+Sunday)?": ("easter", 0),
    r"Good\s+Friday": ("easter", -2), r"Easter\s+Monday": ("easter", 1), r"Election\s+Day": ("election",),
}
# Kinds that are found (so no shorter pattern reuses their words) but not emitted: weekends are
# "YYYY-Www-WE" in TimeML, never a calendar date, and not asked for. Vague ranges ("the past
# days", "the coming days") ARE emitted, as `range` events, because analysts asked for them,
# although TimeML calls them durations (TBAQ union 0.866 -> 0.864 on --direct).
UNEMITTED_KINDS = {"weekend"}
# A year or "this year"/"a year ago" inside a quarter or half is that quarter, not the year:
# "the third quarter of 2005", "the first half of next year", "the 1988 second quarter",
# "this year's third quarter", "the 1989 period".
PART_OF_YEAR_BEFORE = (r"\b(?:quarters?|half|halves|winter|summer|spring|autumn|fall)\s+of\s+(?:the\s+)?"
                       r"(?:fiscal\s+)?$")       # seasons too: "the summer of 2019" is 2019-SU
PART_OF_YEAR_AFTER = (r"^(?:['’]s)?\s+(?:(?:first|second|third|fourth|final|last|fiscal|latest)\s+)?"
                      r"(?:quarters?|half|period)\b")
# A clock time just before a weekday/day word/date makes the whole a TIME ("10 p.m. Wednesday",
# "noon Thursday", "12:00 UTC Monday", "5 p.m. EST, Nov. 6"): not a calendar date.
CLOCK_BEFORE = (r"(?:\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d\d|\bnoon|\bmidnight)"
                r"(?:\s+(?:[A-Z]{2,4}|local\s+time))?\s*,?\s*(?:on\s+)?$")
# In a sentence about a reporting period, "a year ago"/"last year" is the year-ago period
# (TimeML: the quarter, "1988-Q3"), not the calendar year.
PERIOD_REPORT_WORDS = (r"\bquarter\b|\b(?:the|same|corresponding|comparable|year-earlier|year-ago|reporting"
                       r"|six-month|nine-month|\d{4})\s+period\b")     # not "a period of unrest"
# "today's" + one of these is the present in general (PRESENT_REF), not the publication day.
GENERIC_AFTER_TODAYS = {"world", "youth", "society", "generation", "children", "kids", "economy",
                        "standards", "terms", "dollars", "technology", "environment", "age", "culture",
                        "personal", "modern", "young", "global", "consumers", "families", "workers"}
# Tense cues for the verb a weekday or year-less date hangs on.
FUTURE_AUX = ["will", "shall", "'ll", "wo", "would", "going"]
FUTURE_VERBS = ["plan", "schedule", "expect", "set", "due", "begin", "start", "hold", "meet", "vote", "open"]
FUTURE_ADJ = ["payable", "effective", "due", "scheduled", "expected", "upcoming"]
OPEN_END_PREPS = ["until", "till", "through", "to"]   # a date after these is often ahead of the verb
# "until"/"till" + date is ahead of the publication unless the verb is past ("lasted until May"),
# and even then after these (a deadline given in the past: "gave them until March 6").
DEADLINE_VERBS = ["give", "extend", "grant", "allow", "delay", "postpone", "defer", "adjourn", "suspend"]
# Days a year-less date (month: its first day) may lie after publication when the tense is not
# past: announced events ("the summit on Nov. 20"). Tuned on TBAQ: 14 -> 0.809, 45 -> 0.817, 90 -> 0.818.
NEAR_FUTURE_DAYS = 45
# A four-digit number followed by one of these is a clock time or an address, not a year.
NOT_AFTER_YEAR = {"gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "hrs", "hours", "local",
                  "avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "lane", "drive", "way",
                  "square", "place", "building"}
# Corpus step (pipeline/corpus/similar.py): near-duplicate = Jaccard of word 5-gram sets; `similar` date =
# the dated article sharing most sentences (>= MIN_SHARED content words covering >= MIN_OVERLAP of
# the shorter sentence), when it shares at least MIN_SENTENCES of them.
NEAR_DUP_JACCARD = 0.8
SIMILAR_MIN_SHARED = 8
SIMILAR_MIN_OVERLAP = 0.5
SIMILAR_MIN_SENTENCES = 2
