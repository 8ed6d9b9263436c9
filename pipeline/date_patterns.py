"""Date patterns: the regular expressions for time expressions, built from the word lists in
`resources`. No spaCy here, so ingest and clean can parse dates without loading the NLP stage.
"""
from __future__ import annotations

import re

from pipeline import resources as R

# ---------------------------------------------------------------- patterns (built from resources)


def _alt(words) -> str:
    """Regex alternation, longest first, words escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _seq(words) -> str:
    """Regex alternation in the given order, words escaped; a space in a phrase matches any spaces
    but a line break."""
    return "|".join(r"[^\S\n]+".join(re.escape(p) for p in w.split(" ")) for w in words)


_FULL_MONTHS = [m for m in R.MONTHS if len(m) > 4 or m in ("May", "June", "July")]
_MONTH = (r"(?P<month>(?:" + _alt(_FULL_MONTHS) + r")\b|(?:" + _alt(set(R.MONTHS) - set(_FULL_MONTHS))
          + r")\b\.?)")
_WD = r"(?P<wd>" + _alt(R.WEEKDAYS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_PART = r"(?:[^\S\n]+(?i:" + _alt(R.DAY_PARTS) + r"))"
_NUM = r"(?P<num>\d{1,3}|(?i:" + _alt(R.NUMBER_WORDS) + r"))"
_UNIT = r"(?P<unit>(?i:" + _alt(R.UNITS) + r"))"
_MOD = r"(?P<mod>(?i:" + _alt(R.REL_MODIFIERS) + r"))"
_EDGE = r"(?P<edge>(?i:" + _alt(R.EDGE_WORDS) + r"))"
_SP = r"[^\S\n]+"              # spaces, never across a line break
_YSEP = r"(?:[^\S\n]*,[^\S\n]*|[^\S\n]+)"   # "July 31, 2024", "July 31 2024", tokenised "July 31 , 2024"
_END = r"(?![\w$%])"            # no digit/letter glued after
_NOT_AFTER_NUM = r"(?<![\w$.,/-])"

ONES = {w: n for w, n in R.NUMBER_WORDS.items() if 1 <= n <= 9 and w not in ("a", "an")}
TEENS = {w: n for w, n in R.NUMBER_WORDS.items() if 10 <= n <= 19}

# (name, regex). Overlaps are settled longest-first, so order only matters for ties.
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(_NOT_AFTER_NUM + r"(?P<year>\d{4})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)" + _END)),
    # [Wednesday, ]July 31[, 2024]  /  Nov. 5th, 2023
    ("mdy", re.compile(r"\b(?:" + _WD + r",?" + _SP + r")?" + _MONTH + r"[^\S\n]+" + _DAY + r"(?:" + _YSEP + _YEAR + r")?" + _END)),
    # [Sunday, ]5 November[ 2023] / the 5th of November
    ("dmy", re.compile(r"\b(?:" + _WD + r",?[^\S\n]+)?(?:the[^\S\n]+)?" + _DAY + r"(?:[^\S\n]+of)?[^\S\n]+" + _MONTH
                       + r"(?:" + _YSEP + _YEAR + r")?" + _END)),
    # March 2013, March of 2013
    ("my", re.compile(r"\b" + _MONTH + r",?[^\S\n]+(?:of[^\S\n]+)?" + _YEAR + _END)),
    # last April, early March, mid-November, (in) June [last year]
    ("month", re.compile(r"(?:(?P<pre>\b(?i:" + _seq(R.MONTH_CUE_PREPS) + r"))[^\S\n]+)?"
                         r"(?:\b" + _EDGE + r"(?:-|[^\S\n]+)|\b" + _MOD + r"[^\S\n]+)?\b" + _MONTH
                         + r"(?:[^\S\n]+(?P<yrel>(?i:" + _seq(R.YEAR_REL_OFFSETS) + r")[^\S\n]+year))?" + _END)),
    # in 1987, fiscal 1989, 2024 (a bare year needs a cue; see _context_ok)
    ("year", re.compile(r"(?:\b" + _EDGE + r"(?:-|[^\S\n]+))?(?<![\w$.,/])" + _YEAR + r"(?!\s*[-–]\s*\d)(?!['’]?s\b)" + _END)),
    # nineteen ninety-one, two thousand (after a cue, see _context_ok)
    ("spelledyear", re.compile(r"(?:\b" + _MONTH + r"[^\S\n]+)?\b(?i:(?P<c19>nineteen)[^\S\n]+(?:(?P<tens>" + _alt(R.YEAR_TENS) + r")(?:[-\s](?P<ones>"
                               + _alt(ONES) + r"))?|(?P<teen>" + _alt(TEENS) + r"))"
                               r"|(?P<c20>two[^\S\n]+thousand)(?:[^\S\n]+(?:and[^\S\n]+)?(?P<ones2>" + _alt(ONES) + r"))?)" + _END)),
    # [last|next|this] Friday [morning], Friday's
    ("weekday", re.compile(r"(?:\b(?P<mod>(?i:" + _seq(R.WEEKDAY_MODIFIERS) + r"))[^\S\n]+"
                           r"|\b(?P<edge>(?i:" + _seq(R.DAY_EDGE_WORDS) + r"))[^\S\n]+)?\b" + _WD + r"(?:['’]s)?" + _PART + r"?" + _END)),
    # yesterday, today, tomorrow, tonight, last night (+ morning …)
    ("dayword", re.compile(r"(?:\b(?i:" + _seq(R.DAY_EDGE_WORDS) + r")[^\S\n]+)?\b(?P<word>(?i:" + _alt(R.DAY_WORDS) + r"))"
                           r"(?:['’]s)?" + _PART + r"?" + _END)),
    # last week, earlier this month, next year, the end of this year
    ("relunit", re.compile(r"(?:\b" + _EDGE + r"[^\S\n]+)?\b" + _MOD + r"[^\S\n]+(?P<unit>(?i:week|month|year))" + _END)),
    # the end of the year, by year-end, the current year (the publication's year/month)
    ("curunit", re.compile(r"\b(?i:(?:the[^\S\n]+(?:end|beginning|start|middle)[^\S\n]+of[^\S\n]+the"
                           r"|the[^\S\n]+current(?:[^\S\n]+(?:fiscal|calendar))?)[^\S\n]+(?P<unit>year|month))"
                           r"|\b(?i:" + _seq(R.YEAR_END_PREPS) + r")[^\S\n]+(?P<ye>(?i:year(?:['’]s[^\S\n]+|-|[^\S\n]+)end))"
                           + _END)),
    # [last|next|this] Thanksgiving, Christmas Day, Election Day
    ("holiday", re.compile(r"(?:\b(?P<mod>(?i:last|next|this))[^\S\n]+)?\b(?P<name>" + "|".join(f"(?:{h})" for h in R.HOLIDAYS)
                           + r")" + _END + r"(?![^\S\n]+(?i:" + "|".join(R.HOLIDAY_NOT_BEFORE) + r"))")),
    # markets "ended the day", "for the day": the trading day of the report
    ("tradeday", re.compile(r"\b(?i:(?:" + _seq(R.TRADEDAY_VERBS) + r")"
                            r"|(?:at[^\S\n]+)?the[^\S\n]+(?:start|end|close)[^\S\n]+of|^for)[^\S\n]+(?P<td>(?i:the[^\S\n]+day))"
                            + _END, re.M)),
    # two weeks ago, a year earlier
    ("ago", re.compile(r"\b" + _NUM + r"[^\S\n]+" + _UNIT + r"[^\S\n]+(?P<dir>(?i:ago))" + _END)),
    # the past days, recent days, the coming days, last weekend
    ("range", re.compile(r"\b(?i:" + "|".join(f"(?:{p})" for p in R.RANGE_PHRASES) + r")" + _END)),
]

MONTH_NUM = {k.lower(): v for k, v in R.MONTHS.items()}
WD_NUM = {k.lower(): v for k, v in R.WEEKDAYS.items()}
DATE_PREPS = set(R.DATE_PREPS)
