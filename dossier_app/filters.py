"""The global filters and their URL form. Pure: no streamlit here, so it is tested directly.

URL keys (the only ones the app sets): `actor` (repeatable; an actor name or id), `start`, `end`
(ISO dates) and `types` (comma-separated actor types). Unknown, hostile or malformed values fall
back to the defaults instead of failing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

KEYS = ("actor", "start", "end", "types")
MAX_VALUE = 200          # longer URL values are ignored
MAX_ACTORS = 50
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects: actor ids (empty: all), a date range (None: open), actor types."""
    actors: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = field(default=())

    def describe(self, names: dict[str, str]) -> str:
        """A one-line, human-readable statement of the filters, for chart subtitles."""
        parts = []
        if self.actors:
            parts.append("Actors: " + ", ".join(names.get(a, a) for a in self.actors))
        if self.start or self.end:
            parts.append(f"Dates: {self.start or '…'} to {self.end or '…'}")
        if self.types:
            parts.append("Types: " + ", ".join(self.types))
        return "; ".join(parts) or "All actors, all dates"


def export_name(what: str, f: Filters, names: dict[str, str], scope: tuple[str, ...] = ()) -> str:
    """`dossier-timeline-ali-khamenei-2023-10-01_2024-07-31`: a file name that says what it shows
    (`scope`, e.g. the corpus and its build date, comes first, for charts of the whole corpus)."""
    bits = list(scope) + [names.get(a, a) for a in f.actors[:3]] + list(f.types[:3])
    if f.start or f.end:
        bits.append(f"{f.start or 'start'}_{f.end or 'end'}")
    slug = re.sub(r"[^a-z0-9_]+", "-", "-".join(bits).lower()).strip("-")[:80].strip("-")
    return f"dossier-{what}{'-' + slug if slug else ''}"


def _iso(value: str | None) -> date | None:
    if not value or len(value) > 10 or not ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)]


def parse_params(params: dict, actor_lookup: dict[str, str], known_types: set[str],
                 bounds: tuple[date | None, date | None] = (None, None), notes: list[str] | None = None) -> Filters:
    """Filters from query params. `actor_lookup` maps lower-cased names and ids to actor ids.

    Values that are unknown, too long or malformed are dropped; a start after the end, or dates
    outside `bounds`, fall back to the open range. Each dropped value is described in `notes`
    (when given), so the page can say what it ignored.
    """
    notes = [] if notes is None else notes
    actors: list[str] = []
    asked = _as_list(params.get("actor"))
    for v in asked[:MAX_ACTORS]:
        aid = actor_lookup.get(v.strip().lower()) if len(v) <= MAX_VALUE else None
        if aid is None:
            notes.append(f"no actor called {_short(v)}")
        elif aid not in actors:
            actors.append(aid)
    if len(asked) > MAX_ACTORS:
        notes.append(f"only the first {MAX_ACTORS} actors are used")
    raw_start, raw_end = _first(params.get("start")), _first(params.get("end"))
    start, end = _iso(raw_start), _iso(raw_end)
    for key, raw, value in (("start", raw_start, start), ("end", raw_end, end)):
        if raw and value is None:
            notes.append(f"{key} {_short(raw)} is not a date (YYYY-MM-DD)")
    lo, hi = bounds
    if start and end and start > end:
        notes.append(f"start {start} is after end {end}")
        start = end = None
    if lo and hi:
        for key, value in (("start", start), ("end", end)):
            if value and not lo <= value <= hi:
                notes.append(f"{key} {value} is outside the articles' dates ({lo} to {hi})")
        start = start if start and lo <= start <= hi else None
        end = end if end and lo <= end <= hi else None
    types_raw = _first(params.get("types")) or ""
    wanted = [t for t in dict.fromkeys(s.strip().upper() for s in types_raw[:MAX_VALUE].split(",")) if t]
    types = tuple(t for t in wanted if t in known_types)
    notes.extend(f"no actor type {_short(t)}" for t in wanted if t not in known_types)
    return Filters(tuple(actors), start, end, types)


def _short(value: str, n: int = 40) -> str:
    """A user's value quoted and cut short, for a message."""
    v = value.strip()
    return repr(v if len(v) <= n else v[:n] + "…")


def _first(value) -> str | None:
    vals = _as_list(value)
    return vals[0] if vals else None


def to_params(f: Filters, names: dict[str, str]) -> dict[str, str | list[str]]:
    """Query params for `f` (only non-default keys); actors are written by name."""
    out: dict[str, str | list[str]] = {}
    if f.actors:
        out["actor"] = [names.get(a, a) for a in f.actors]
    if f.start:
        out["start"] = f.start.isoformat()
    if f.end:
        out["end"] = f.end.isoformat()
    if f.types:
        out["types"] = ",".join(f.types)
    return out
