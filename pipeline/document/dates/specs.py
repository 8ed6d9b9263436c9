"""Specs: what one pattern match means, as a JSON-able dict (kind, year, month, day, modifiers …),
before any publication date is known."""
from __future__ import annotations

import re

from ... import resources as R
from ...date_patterns import MONTH_NUM, ONES, TEENS, WD_NUM


def spec_of(name: str, m: re.Match) -> tuple[dict | None, tuple[int, int]]:
    """Spec and span of one match of pattern `name` (the span may drop a leading preposition);
    None when the match is no date ("May 45")."""
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
        spec["year_offset"] = R.YEAR_REL_OFFSETS[g["yrel"].split()[0].lower()]
    return spec, (s, e)
