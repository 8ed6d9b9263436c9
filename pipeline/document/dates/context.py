"""Context filters: whether a pattern match is a time expression where it stands (a bare year
needs a date cue, "10 p.m. Wednesday" is a TIME, "April Ryan" a person …)."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ... import resources as R
from ...date_patterns import DATE_PREPS
from .doc_index import sent_bounds, token_at

_PART_BEFORE = re.compile(R.PART_OF_YEAR_BEFORE, re.I)
_PART_AFTER = re.compile(R.PART_OF_YEAR_AFTER, re.I)
_CLOCK_BEFORE = re.compile(R.CLOCK_BEFORE)
_PERIOD_SENT = re.compile(R.PERIOD_REPORT_WORDS, re.I)


def context_ok(doc: Doc, text: str, s: int, spec: dict, e: int) -> bool:
    """Filters needing context: a bare year needs a date cue; month/weekday must be proper nouns;
    no year inside a quarter/half or a year-ago comparison of periods, no day after a clock time
    (a TIME), no month that is a first name, no programme title, no generic "today's"."""
    kind = spec["kind"]
    expr = text[s:e]
    year_like = kind in ("year", "relunit", "ago") and spec.get("unit", "year") == "year"
    if year_like and (_PART_BEFORE.search(text[max(0, s - 40):s]) or _PART_AFTER.match(text[e:e + 30])):
        return False              # "the third quarter of 2005", "this year's first half"
    if kind in ("weekday", "dayword", "date") and _CLOCK_BEFORE.search(text[max(0, s - 30):s]):
        return False              # "10 p.m. Wednesday": a TIME
    if year_like and (spec.get("n") == 1 or spec.get("offset") == -1):
        tok = token_at(doc, s)    # "profit fell to $5 million from $8 million a year ago" (a quarter)
        if tok is not None:
            _, _, a, b = sent_bounds(doc, tok)
            if _PERIOD_SENT.search(text[a:b]):
                return False
    if kind == "relunit" and re.search(r"[A-Z][a-z]+$", expr) and not expr.isupper():
        return False              # "This Week" (a programme), not this week
    if kind in ("month", "date") and spec.get("year") is None:
        tok = token_at(doc, s)
        while tok is not None and tok.idx < e:
            if tok.ent_type_ == "PERSON":
                return False      # "Jan Kavan", "April Ryan"
            tok = tok.nbor() if tok.i + 1 < len(doc) else None
    if kind == "dayword":
        m = re.match(r"(?i)today['’]s\s+(\w+)", text[s:e + 30])
        if m and m.group(1).lower() in R.GENERIC_AFTER_TODAYS:
            return False          # "today's world", "today's youth": the present in general
    if spec.get("spelled"):               # "in nineteen ninety-one", "the year two thousand", "January …"
        prev = re.findall(r"[A-Za-z]+$", text[max(0, s - 20):s].rstrip())
        return bool(prev) and (prev[0].lower() in DATE_PREPS or prev[0].lower() == "year"
                               or prev[0].capitalize() in R.MONTHS)
    if spec["kind"] == "year" and not spec.get("edge"):
        after = re.match(r"\s*([A-Za-z]+)", text[s + 4:s + 24])
        if after and after.group(1).lower() in R.NOT_AFTER_YEAR:
            return False          # "at 2000 GMT", "1600 Pennsylvania Avenue"
        tok = token_at(doc, s)
        if tok is not None and tok.ent_type_ == "DATE":
            return True
        before = text[max(0, s - 20):s].lower().rstrip()
        prev = re.findall(r"[a-z-]+$", before)
        # "in 1987" yes, "in 2000 homes" (a count of a noun) no
        return bool(prev and prev[0] in DATE_PREPS) and not (tok is not None and tok.dep_ == "nummod")
    if spec["kind"] == "date" and spec.get("year") is None and "weekday" not in spec:
        # "May 5" vs "may 5 …": require a proper-noun reading unless the month is not a verb
        tok = token_at(doc, s)
        if tok is not None and tok.lower_ in R.MONTH_VERB_WORDS and tok.pos_ not in ("PROPN", "NOUN"):
            return False
    return True
