"""Resolving a spec against a publication date: (date, date_end, granularity, date_source).
Everything that depends on the publication date lives here, so a document can be re-resolved
when its date becomes known later (the `similar` step)."""
from __future__ import annotations

from datetime import date, timedelta

from ... import resources as R
from ...inputs.publication import as_date, safe_date
from .periods import holiday_in, month_end, shift_unit, weekday_before


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
                d = weekday_before(d, 4)        # a weekend report: the trading day was Friday
            return d, d, "day", "relative"
        if kind == "relunit":
            return shift_unit(published, spec["unit"], int(spec["offset"])) + ("relative",)
        if kind == "ago":
            return shift_unit(published, spec["unit"], -int(spec["n"]), ago=True) + ("relative",)
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
        return date(y, month, 1), month_end(y, month), "month", "explicit"
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
    return date(y, month, 1), month_end(y, month), "month", "relative"


def _resolve_weekday(spec: dict, published: date) -> date:
    """Past/unknown tense: most recent on or before publication; future: the next one after it."""
    wd, mod, tense = int(spec["weekday"]), spec.get("mod"), spec.get("tense")
    if mod in ("last", "this past", "the previous"):
        return weekday_before(published, wd, strict=True)
    if mod in ("this",):                            # the one in the publication's week
        return published + timedelta(days=wd - published.weekday())
    if mod in ("next", "this coming", "the following") or tense == "future":
        ahead = (wd - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead)
    return weekday_before(published, wd)


def _resolve_holiday(spec: dict, published: date) -> date | None:
    """The holiday's date in the year the modifier or tense points to (last = before publication)."""
    rule = R.HOLIDAYS[spec["holiday"]]
    cands = [holiday_in(rule, y) for y in (published.year - 1, published.year, published.year + 1)]
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
    recent = weekday_before(published, 5)            # Saturday on or before publication
    in_weekend = published.weekday() >= 5
    mod = spec.get("mod")
    if mod == "last":
        return recent - timedelta(days=7) if in_weekend else recent
    if mod == "this" or spec.get("tense") == "future":
        return recent if in_weekend else recent + timedelta(days=7)
    return recent
