"""Publication dates: parsing a date string, and the one rule that decides an article's date.

The rungs, best first: `metadata` (sidecar, JSONL/CSV field, an HTML page's own tags) >
`header` ("date 2024-07-31 NYT:") > `dateline` ("Tehran, 5 November 2023 (WAI) -") > `text`
("said on 5 May 2024") > `similar` (borrowed from a near-identical dated article) > `none`.
Stages propose candidates; `settle` alone picks the date. No spaCy here.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from pipeline.date_patterns import MONTH_NUM, PATTERNS

PRECEDENCE = ("metadata", "header", "dateline", "text", "similar")
YEARS = (1800, 2100)          # metadata dates outside news history are ignored, not trusted


def settle(candidates: dict[str, date | None]) -> tuple[date | None, str]:
    """(date, date_source) from the candidates found so far: the best rung that has a date."""
    for source in PRECEDENCE:
        d = candidates.get(source)
        if d is not None:
            return d, source
    return None, "none"


def as_date(v) -> date | None:
    """A plain date from a date, datetime, pandas Timestamp or ISO string; None for None/NaT/NaN."""
    try:
        if v is None or v != v:                  # NaT and NaN are not equal to themselves
            return None
    except TypeError:                            # pandas.NA
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, str):
        try:
            return date.fromisoformat(v[:10])
        except ValueError:
            return None
    return None


def plausible(value: date | None) -> date | None:
    """A metadata date, or None when it lies far outside news history."""
    if value is None or not (YEARS[0] <= value.year <= YEARS[1]):
        return None
    return value

_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*$")


def parse_date(s: str, default_year: int | None = None) -> date | None:
    """A calendar date from a metadata/header/dateline string; None when it is not one.

    "2024-07-31", "5 November 2023", "Nov. 5, 2023", "Wednesday, July 31, 2024"; a year-less
    "July 31" needs `default_year`. Falls back to dateparser (strict: day, month and year)."""
    if not s or not s.strip():
        return None
    m = _ISO_RE.match(s)
    if m:
        return safe_date(int(m[1]), int(m[2]), int(m[3]))
    for name in ("mdy", "dmy"):
        m = dict(PATTERNS)[name].search(s)
        if m:
            year = int(m["year"]) if m["year"] else default_year
            if year is None:
                return None
            return safe_date(year, MONTH_NUM[m["month"].rstrip(".").lower()], int(m["day"]))
    return _dateparser_fallback(s)


def _dateparser_fallback(s: str) -> date | None:
    """dateparser on a short string, only when it has day, month and year."""
    if len(s) > 60:
        return None
    import dateparser  # slow import, only when needed
    d = dateparser.parse(s, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                                         "PREFER_DAY_OF_MONTH": "first"})
    return d.date() if d else None


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
