"""Publication dates and time expressions: find (no date needed), then resolve against a date.

find_timexes() scans the text with the patterns built from resources (section "dates") and
returns UNRESOLVED specs; resolve(spec, published) turns a spec into (date, date_end, granularity,
date_source). Everything that depends on the publication date lives in resolve(), so a document
can be re-resolved when its date becomes known later (the `similar` step).

Rule-based on purpose: on TimeBank+AQUAINT it beats spaCy DATE entities + dateparser by a wide
margin (see bench/README.md, "Dates"). dateparser is used only as a last resort by parse_date().
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from datetime import date, timedelta
from typing import Callable

from spacy.tokens import Doc, Token

from pipeline import resources as R
from pipeline.nlp import text_of
from pipeline.date_patterns import DATE_PREPS, MONTH_NUM, ONES, PATTERNS, TEENS, WD_NUM
from pipeline.publication import as_date, parse_date, safe_date  # noqa: F401 - parse_date re-exported


# ---------------------------------------------------------------- find_timexes


def find_timexes(doc: Doc, skip: Callable[[int], bool] = lambda off: False) -> list[dict]:
    """Every time expression in the non-skipped text, unresolved (no publication date needed).

    Each dict: expression, expr_start, expr_end, sent_start, sent_end, spec (JSON-able)."""
    text = text_of(doc)
    cands = []
    for name, rx in PATTERNS:
        for m in rx.finditer(text):
            spec, (s, e) = _spec(name, m, text)
            if spec is None or s >= e:
                continue
            cands.append((s, e, spec))
    out = []
    taken = bytearray(len(text))                 # characters already inside an accepted expression
    for s, e, spec in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):   # longest first
        if any(taken[s:e]) or skip(s):
            continue
        if not _context_ok(doc, text, s, spec, e):
            continue
        tok = _token_at(doc, s)
        if tok is None:
            continue
        if spec["kind"] in ("weekday", "date", "month", "weekend", "holiday") and "tense" not in spec:
            spec["tense"] = _tense(tok)
        taken[s:e] = b"\x01" * (e - s)
        if spec["kind"] in R.UNEMITTED_KINDS:
            continue                              # its words are used up, but it is no date
        _, _, sent_start, sent_end = _sent_bounds(doc, tok)
        # an expression split by the sentence splitter ("Nov. | 5") keeps the whole of it
        out.append({"expression": text[s:e], "expr_start": s, "expr_end": e,
                    "sent_start": sent_start, "sent_end": max(sent_end, e), "spec": spec})
    return sorted(out, key=lambda t: t["expr_start"])


def _spec(name: str, m: re.Match, text: str) -> tuple[dict | None, tuple[int, int]]:
    """Spec and span of one regex match (span may drop a leading preposition)."""
    g = m.groupdict()
    span = m.span()
    if name == "iso":
        return {"kind": "date", "year": int(g["year"]), "month": int(g["mnum"]), "day": int(g["day"])}, span
    if name in ("mdy", "dmy"):
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None, span
        spec = {"kind": "date", "year": int(g["year"]) if g["year"] else None,
                "month": MONTH_NUM[g["month"].rstrip(".").lower()], "day": day}
        if g["wd"]:
            spec["weekday"] = WD_NUM[g["wd"].lower()]
        return spec, span
    if name == "my":
        return {"kind": "month", "year": int(g["year"]), "month": MONTH_NUM[g["month"].rstrip(".").lower()]}, span
    if name == "month":
        return _month_spec(g, m)
    if name == "year":
        return {"kind": "year", "year": int(g["year"]), "edge": (g["edge"] or "").lower() or None}, span
    if name == "spelledyear":
        if g["c19"]:
            y = 1900 + (R.YEAR_TENS[g["tens"].lower()] + (ONES[g["ones"].lower()] if g["ones"] else 0)
                        if g["tens"] else TEENS[g["teen"].lower()])
        else:
            y = 2000 + (ONES[g["ones2"].lower()] if g["ones2"] else 0)
        if g["month"]:                           # "January nineteen ninety-seven"
            return {"kind": "month", "year": y, "month": MONTH_NUM[g["month"].rstrip(".").lower()]}, span
        return {"kind": "year", "year": y, "edge": None, "spelled": True}, span
    if name == "weekday":
        mod = re.sub(r"\s+", " ", (g["mod"] or "").lower()) or None
        return {"kind": "weekday", "weekday": WD_NUM[g["wd"].lower()], "mod": mod}, span
    if name == "dayword":
        return {"kind": "dayword", "offset": R.DAY_WORDS[re.sub(r"\s+", " ", g["word"].lower())]}, span
    if name == "relunit":
        mod = re.sub(r"\s+", " ", g["mod"].lower())
        return {"kind": "relunit", "unit": g["unit"].lower(), "offset": R.REL_MODIFIERS[mod]}, span
    if name == "curunit":
        if g["ye"]:
            span = m.span("ye")                  # "by year-end": the preposition is not part of it
        return {"kind": "relunit", "unit": (g["unit"] or "year").lower(), "offset": 0}, span
    if name == "holiday":
        key = next(h for h in R.HOLIDAYS if re.fullmatch(h, g["name"]))
        return {"kind": "holiday", "holiday": key, "mod": (g["mod"] or "").lower() or None}, span
    if name == "tradeday":
        return {"kind": "dayword", "offset": 0, "trading": True}, m.span("td")
    if name == "ago":
        n = g["num"].lower()
        n = int(n) if n.isdigit() else R.NUMBER_WORDS[n]
        return {"kind": "ago", "unit": R.UNITS[g["unit"].lower()], "n": n}, span
    if name == "range":
        phrase = m.group(0)
        for pat, val in R.RANGE_PHRASES.items():
            if re.fullmatch(pat, phrase, re.I):
                if val is None:
                    mod = ("last" if re.search(r"last|past", phrase, re.I)
                           else "this" if phrase.lower().startswith("this") else None)
                    return {"kind": "weekend", "mod": mod}, span
                return {"kind": "range", "back": val[0], "fwd": val[1]}, span
    return None, span


def _month_spec(g: dict, m: re.Match) -> tuple[dict | None, tuple[int, int]]:
    """'last April', 'early March', 'in June', 'June last year' (a bare month needs a cue)."""
    s, e = m.span()
    if g["pre"]:
        s = m.start("edge") if g["edge"] else m.start("mod") if g["mod"] else m.start("month")
    elif not (g["edge"] or g["mod"] or g["yrel"]):
        return None, (s, e)          # bare "May"/"March": too ambiguous without a cue
    spec = {"kind": "month", "year": None, "month": MONTH_NUM[g["month"].rstrip(".").lower()]}
    mod = (g["mod"] or "").lower()
    if mod:
        spec["mod"] = re.sub(r"\s+", " ", mod)
    if g["yrel"]:
        spec["year_offset"] = {"this": 0, "last": -1, "next": 1}[g["yrel"].split()[0].lower()]
    return spec, (s, e)


def _context_ok(doc: Doc, text: str, s: int, spec: dict, e: int) -> bool:
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
        tok = _token_at(doc, s)   # "profit fell to $5 million from $8 million a year ago" (a quarter)
        if tok is not None:
            _, _, a, b = _sent_bounds(doc, tok)
            if _PERIOD_SENT.search(text[a:b]):
                return False
    if kind == "relunit" and re.search(r"[A-Z][a-z]+$", expr) and not expr.isupper():
        return False              # "This Week" (a programme), not this week
    if kind in ("month", "date") and spec.get("year") is None:
        tok = _token_at(doc, s)
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
        tok = _token_at(doc, s)
        if tok is not None and tok.ent_type_ == "DATE":
            return True
        before = text[max(0, s - 20):s].lower().rstrip()
        prev = re.findall(r"[a-z-]+$", before)
        # "in 1987" yes, "in 2000 homes" (a count of a noun) no
        return bool(prev and prev[0] in DATE_PREPS) and not (tok is not None and tok.dep_ == "nummod")
    if spec["kind"] == "date" and spec.get("year") is None and "weekday" not in spec:
        # "May 5" vs "may 5 …": require a proper-noun reading unless the month is not a verb
        tok = _token_at(doc, s)
        if tok is not None and tok.lower_ in ("may", "march") and tok.pos_ not in ("PROPN", "NOUN"):
            return False
    return True


_PART_BEFORE = re.compile(R.PART_OF_YEAR_BEFORE, re.I)
_PART_AFTER = re.compile(R.PART_OF_YEAR_AFTER, re.I)
_CLOCK_BEFORE = re.compile(R.CLOCK_BEFORE)
_PERIOD_SENT = re.compile(R.PERIOD_REPORT_WORDS, re.I)


_INDEX_KEY = "dossier_dates_index"


def _index(doc: Doc) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """Token start offsets, sentence start token indices and sentence char spans (once per Doc:
    Token.sent and Doc.char_span rescan the whole Doc on every call)."""
    idx = doc.user_data.get(_INDEX_KEY)
    if idx is None or len(idx[0]) != len(doc):
        starts = [t.idx for t in doc]
        sents = list(doc.sents) if len(doc) else []
        idx = (starts, [s.start for s in sents], [(s.start_char, s.end_char) for s in sents])
        doc.user_data[_INDEX_KEY] = idx
    return idx


def _token_at(doc: Doc, off: int) -> Token | None:
    """The token containing `off` (or the next one when `off` is in whitespace)."""
    starts = _index(doc)[0]
    if not starts:
        return None
    i = bisect_right(starts, off) - 1
    if i < 0:
        return doc[0]
    tok = doc[i]
    if off >= tok.idx + len(tok.text) and i + 1 < len(doc):
        return doc[i + 1]
    return tok


def _sent_bounds(doc: Doc, tok: Token) -> tuple[int, int, int, int]:
    """(first token, end token, start_char, end_char) of the sentence holding `tok`."""
    _, sent_starts, spans = _index(doc)
    k = bisect_right(sent_starts, tok.i) - 1
    end_tok = sent_starts[k + 1] if k + 1 < len(sent_starts) else len(doc)
    return sent_starts[k], end_tok, spans[k][0], spans[k][1]


def _tense(tok: Token) -> str:
    """'future', 'past', 'present' or 'unknown' for the verb the expression hangs on."""
    verb, open_end = tok, False
    before = text_of(tok.doc)[max(0, tok.idx - 16):tok.idx].lower()
    if re.search(r"\bas (?:early|soon) as\s*$", before):
        return "future"               # "as early as Tuesday"
    for step in range(5):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        if verb.lower_ in R.FUTURE_ADJ:
            return "future"           # "payable Dec. 15", "effective Feb. 1"
        if step == 1 and verb.lower_ in ("until", "till"):
            open_end = True
        elif step == 1 and verb.lower_ in R.OPEN_END_PREPS:
            return "unknown"          # "extended to Nov. 20", "until mid-November": often ahead
        verb = verb.head
    if open_end:                      # "remain closed until Friday": ahead unless told in the past
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        past = verb.pos_ in ("VERB", "AUX") and (verb.tag_ == "VBD" or auxes & {"had", "was", "were", "did"})
        return "past" if past and verb.lemma_.lower() not in R.DEADLINE_VERBS else "future"
    return _verb_tense(verb)


def _verb_tense(verb: Token) -> str:
    if verb.pos_ not in ("VERB", "AUX"):
        return "unknown"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {c.lower_ for c in auxes} | {c.lemma_.lower() for c in auxes}
    lemma = verb.lemma_.lower()
    if lemmas & set(R.FUTURE_AUX):
        return "future"           # will / would / 'll / going to
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in auxes):
        if verb.head != verb and verb.head.lemma_.lower() in R.FUTURE_VERBS:
            return "future"       # "plans to meet on Friday"
        return "unknown"          # purpose or reported infinitive: let the window decide
    if verb.tag_ == "VBG" and any(c.tag_ in ("VBZ", "VBP") and c.lemma_ == "be" for c in auxes) \
            and "have" not in lemmas:
        return "future"           # "is meeting on Friday"
    if verb.tag_ == "VBN" and not auxes and lemma in R.FUTURE_VERBS and verb.dep_ in ("acl", "amod"):
        return "future"           # "elections scheduled for May 11", "talks set for Friday"
    if verb.tag_ == "VBD" or lemmas & {"have", "has", "had", "did", "was", "were"}:
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        if lemma in R.REPORTING_VERBS or lemma == "be":
            return "present"
        return "future" if lemma in R.FUTURE_VERBS else "present"
    return "unknown"


# ---------------------------------------------------------------- resolve


def resolve(spec: dict, published: date | None) -> tuple[date, date, str, str] | None:
    """(date, date_end inclusive, granularity, date_source) for a spec; None if it cannot be placed.

    Relative expressions (and year-less dates) need `published`; absolute ones do not.
    date_source is "explicit" when the text gives the year, "relative" when it came from `published`."""
    published = as_date(published)
    kind = spec.get("kind")
    try:
        if kind == "date":
            return _resolve_date(spec, published)
        if kind == "month":
            return _resolve_month(spec, published)
        if kind == "year":
            y = int(spec["year"])
            return date(y, 1, 1), date(y, 12, 31), "year", "explicit"
        if published is None:
            return None
        if kind == "weekday":
            d = _resolve_weekday(spec, published)
            return d, d, "day", "relative"
        if kind == "dayword":
            d = published + timedelta(days=int(spec["offset"]))
            if spec.get("trading") and d.weekday() >= 5:
                d = _weekday_before(d, 4)        # a weekend report: the trading day was Friday
            return d, d, "day", "relative"
        if kind == "relunit":
            return _shift_unit(published, spec["unit"], int(spec["offset"])) + ("relative",)
        if kind == "ago":
            return _shift_unit(published, spec["unit"], -int(spec["n"]), ago=True) + ("relative",)
        if kind == "holiday":
            d = _resolve_holiday(spec, published)
            return (d, d, "day", "relative") if d else None
        if kind == "range":
            return (published - timedelta(days=int(spec["back"])), published + timedelta(days=int(spec["fwd"])),
                    "range", "relative")
        if kind == "weekend":
            sat = _resolve_weekend(spec, published)
            return sat, sat + timedelta(days=1), "range", "relative"
    except (ValueError, OverflowError, KeyError, TypeError):
        return None
    return None



def _resolve_date(spec: dict, published: date | None) -> tuple | None:
    month, day = int(spec["month"]), int(spec["day"])
    if spec.get("year") is not None:
        d = date(int(spec["year"]), month, day)
        return d, d, "day", "explicit"
    if published is None:
        return None                              # a year-less date cannot be placed
    cands = [d for y in (published.year - 1, published.year, published.year + 1)
             if (d := safe_date(y, month, day))]
    if "weekday" in spec:                         # "Wednesday, July 31": the year whose weekday fits
        fit = [d for d in cands if d.weekday() == spec["weekday"] and abs((d - published).days) < 200]
        if fit:
            return fit[0], fit[0], "day", "relative"
    d = _pick(cands, published, spec.get("tense"), window=timedelta(days=R.NEAR_FUTURE_DAYS))
    return (d, d, "day", "relative") if d else None


def _pick(cands: list[date], ref: date, tense: str | None, window: timedelta) -> date | None:
    """Latest candidate on or before ref (+window unless past tense); future tense: first on/after."""
    if tense == "future":
        after = [d for d in cands if d >= ref]
        return min(after) if after else None
    limit = ref if tense == "past" else ref + window
    before = [d for d in cands if d <= limit]
    return max(before) if before else None


def _resolve_month(spec: dict, published: date | None) -> tuple | None:
    month = int(spec["month"])
    if spec.get("year") is not None:
        y = int(spec["year"])
        return date(y, month, 1), _month_end(y, month), "month", "explicit"
    if published is None:
        return None
    mod, yoff = spec.get("mod"), spec.get("year_offset")
    if yoff is not None:
        y = published.year + int(yoff)
    elif mod in ("last", "this past"):
        y = published.year if month < published.month else published.year - 1
    elif mod in ("next", "coming", "the coming", "this coming"):
        y = published.year if month > published.month else published.year + 1
    elif mod == "this":
        y = published.year
    else:
        firsts = [date(y, month, 1) for y in (published.year - 1, published.year, published.year + 1)]
        first_of_pub = published.replace(day=1)
        d = _pick(firsts, first_of_pub, spec.get("tense"), window=timedelta(days=R.NEAR_FUTURE_DAYS))
        if d is None:
            return None
        y = d.year
    return date(y, month, 1), _month_end(y, month), "month", "relative"


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _weekday_before(ref: date, wd: int, strict: bool = False) -> date:
    back = (ref.weekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return ref - timedelta(days=back)


def _resolve_weekday(spec: dict, published: date) -> date:
    """Past/unknown tense: most recent on or before publication; future: the next one after it."""
    wd, mod, tense = int(spec["weekday"]), spec.get("mod"), spec.get("tense")
    if mod in ("last", "this past", "the previous"):
        return _weekday_before(published, wd, strict=True)
    if mod in ("this",):                            # the one in the publication's week
        return published + timedelta(days=wd - published.weekday())
    if mod in ("next", "this coming", "the following") or tense == "future":
        ahead = (wd - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead)
    return _weekday_before(published, wd)


def _holiday_in(rule: tuple, y: int) -> date:
    if rule[0] == "fixed":
        return date(y, rule[1], rule[2])
    if rule[0] == "easter":                    # Gregorian computus (Meeus/Jones/Butcher)
        a, b, c = y % 19, y // 100, y % 100
        d, e = b // 4, b % 4
        g = (b - (b + 8) // 25 + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        l = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * l) // 451
        n = h + l - 7 * m + 114
        return date(y, n // 31, n % 31 + 1) + timedelta(days=rule[1])
    if rule[0] == "election":                  # Tuesday after the first Monday of November
        first_monday = date(y, 11, 1) + timedelta(days=(0 - date(y, 11, 1).weekday()) % 7)
        return first_monday + timedelta(days=1)
    _, month, wd, n = rule
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(y, month)
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _resolve_holiday(spec: dict, published: date) -> date | None:
    """The holiday's date in the year the modifier or tense points to (last = before publication)."""
    rule = R.HOLIDAYS[spec["holiday"]]
    cands = [_holiday_in(rule, y) for y in (published.year - 1, published.year, published.year + 1)]
    mod = spec.get("mod")
    if mod == "this":
        return cands[1]
    if mod == "last":
        return max(d for d in cands if d < published)
    if mod == "next":
        return min(d for d in cands if d > published)
    return _pick(cands, published, spec.get("tense"), window=timedelta(days=R.NEAR_FUTURE_DAYS))


def _resolve_weekend(spec: dict, published: date) -> date:
    """Saturday of the weekend meant: "last" = the one before the current/most recent weekend,
    "this" = the current or coming one, plain ("over the weekend") = the most recent unless future."""
    recent = _weekday_before(published, 5)            # Saturday on or before publication
    in_weekend = published.weekday() >= 5
    mod = spec.get("mod")
    if mod == "last":
        return recent - timedelta(days=7) if in_weekend else recent
    if mod == "this" or spec.get("tense") == "future":
        return recent if in_weekend else recent + timedelta(days=7)
    return recent


def _shift_unit(ref: date, unit: str, n: int, ago: bool = False) -> tuple[date, date, str]:
    """The unit (day/week/month/year) n units from ref's, spanning the whole unit."""
    if unit == "day":
        d = ref + timedelta(days=n)
        return d, d, "day"
    if unit == "week":
        if ago:
            d = ref + timedelta(weeks=n)
            return d - timedelta(days=d.weekday()), d + timedelta(days=6 - d.weekday()), "week"
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=n)
        return monday, monday + timedelta(days=6), "week"
    if unit == "month":
        k = ref.year * 12 + ref.month - 1 + n
        y, m = divmod(k, 12)
        return date(y, m + 1, 1), _month_end(y, m + 1), "month"
    y = ref.year + n
    return date(y, 1, 1), date(y, 12, 31), "year"


# ---------------------------------------------------------------- publication date from the text


def publication_from_text(doc: Doc, timexes: list[dict], skip: Callable[[int], bool] = lambda off: False
                          ) -> date | None:
    """Step 4: the latest explicit full date that a reporting verb anchors ("said on 5 May 2024").

    Dates in skipped lines (captions), inside quotation marks, or attached to other verbs
    (an older event: "the attack of 7 October 2023") are not publication dates."""
    best = None
    text = text_of(doc)
    for t in timexes:
        spec = t["spec"]
        if spec.get("kind") != "date" or spec.get("year") is None or skip(t["expr_start"]):
            continue
        if _in_quotes(text, t["sent_start"], t["expr_start"]):
            continue
        tok = _token_at(doc, t["expr_start"])
        if tok is None or not _anchored_by_reporting(doc, tok, t["expr_end"]):
            continue
        r = resolve(spec, None)
        if r and (best is None or r[0] > best):
            best = r[0]
    return best


def _anchored_by_reporting(doc: Doc, tok: Token, expr_end: int) -> bool:
    """Does the first verb above the expression's tokens have a reporting lemma?"""
    first, end, _, _ = _sent_bounds(doc, tok)
    toks = [t for t in doc[first:end] if tok.idx <= t.idx < expr_end]
    heads = [t for t in toks if t.head not in toks or t.head == t]
    for h in heads or [tok]:
        v = h
        for _ in range(4):
            if v.pos_ in ("VERB", "AUX") and v.lemma_.lower() not in ("be",):
                break
            if v.head == v:
                break
            v = v.head
        if v.pos_ == "VERB" and v.lemma_.lower() in R.REPORTING_VERBS:
            return True
    return False


def _in_quotes(text: str, sent_start: int, off: int) -> bool:
    """Is `off` inside a quotation opened earlier in its sentence?"""
    seg = text[sent_start:off]
    if seg.count("\u201c") > seg.count("\u201d"):
        return True
    return seg.count('"') % 2 == 1
