"""Events: one dated row per resolved time expression, plus a publication event for the lead."""
from __future__ import annotations

from datetime import date

from pipeline.document.dates import resolve
from ..ids import short_hash


def event_id(doc_id: str, start: int, end: int, expr_start: int | None = None) -> str:
    """Stable id: a hash of the document id and the offsets."""
    key = f"{doc_id}:{start}:{end}:{'' if expr_start is None else expr_start}"
    return short_hash(key)


def build_events(doc_id: str, text: str, published: date | None, lead: tuple[int, int] | None,
                 timexes: list[dict]) -> list[dict]:
    """Rows of the events table (DATA.md) without actor_ids.

    One event per timex that resolves against `published` (unresolvable ones are dropped: no
    invented dates), plus one `publication` event spanning `lead` when `published` is known."""
    rows = []
    if published is not None and lead is not None and lead[0] < lead[1]:
        s, e = lead
        rows.append({
            "event_id": event_id(doc_id, s, e), "doc_id": doc_id, "date": published, "date_end": published,
            "granularity": "day", "expression": None, "expr_start": None, "expr_end": None,
            "date_source": "publication", "sentence": text[s:e], "start": s, "end": e,
        })
    for t in timexes:
        r = resolve(t["spec"], published)
        if r is None:
            continue
        d, d_end, gran, source = r
        s, e = t["sent_start"], t["sent_end"]
        rows.append({
            "event_id": event_id(doc_id, s, e, t["expr_start"]), "doc_id": doc_id, "date": d, "date_end": d_end,
            "granularity": gran, "expression": t["expression"], "expr_start": t["expr_start"],
            "expr_end": t["expr_end"], "date_source": source, "sentence": text[s:e], "start": s, "end": e,
        })
    return rows
