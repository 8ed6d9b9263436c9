"""Calendar arithmetic for resolving: month ends, weekdays, holidays and whole units (day, week,
month, year) shifted from a reference date."""
from __future__ import annotations

import calendar
from datetime import date, timedelta


def month_end(y: int, m: int) -> date:
    """The last day of month `m` of year `y`."""
    return date(y, m, calendar.monthrange(y, m)[1])


def weekday_before(ref: date, wd: int, strict: bool = False) -> date:
    """The weekday `wd` (0 = Monday) on or before `ref`; strictly before with `strict`."""
    back = (ref.weekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return ref - timedelta(days=back)


def holiday_in(rule: tuple, y: int) -> date:
    """The date of a holiday rule (resources.HOLIDAYS: fixed, Easter-relative, election day or
    the n-th/last weekday of a month) in year `y`."""
    if rule[0] == "fixed":
        return date(y, rule[1], rule[2])
    if rule[0] == "easter":                    # Gregorian computus (Meeus/Jones/Butcher)
        a, b, c = y % 19, y // 100, y % 100
        d, e = b // 4, b % 4
        g = (b - (b + 8) // 25 + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        l_ = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * l_) // 451
        n = h + l_ - 7 * m + 114
        return date(y, n // 31, n % 31 + 1) + timedelta(days=rule[1])
    if rule[0] == "election":                  # Tuesday after the first Monday of November
        first_monday = date(y, 11, 1) + timedelta(days=(0 - date(y, 11, 1).weekday()) % 7)
        return first_monday + timedelta(days=1)
    _, month, wd, n = rule
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = month_end(y, month)
    return last - timedelta(days=(last.weekday() - wd) % 7)


def shift_unit(ref: date, unit: str, n: int, ago: bool = False) -> tuple[date, date, str]:
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
        return date(y, m + 1, 1), month_end(y, m + 1), "month"
    y = ref.year + n
    return date(y, 1, 1), date(y, 12, 31), "year"
