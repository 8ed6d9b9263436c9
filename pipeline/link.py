"""Corpus-wide steps over the collected per-document rows: canonical actors and the links to them.

`derive` is shared by a full build and by a re-link after the user edits aliases (no re-parse):
from the raw mentions, the quotes and the events it recomputes actors, mention actor ids,
quote speakers and `about_ids`, and event `actor_ids`.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left

import numpy as np
import pandas as pd

from . import actors as actors_mod
from .quote_groups import group_quotes

MENTION_COLS = ["doc_id", "start", "end", "text", "label", "sent", "name", "type"]


def stable_id(*parts) -> str:
    """A short hash of the parts: stable across rebuilds of the same corpus."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _spans_by_doc(mentions: pd.DataFrame) -> dict[str, tuple[list, list, list]]:
    """Per document: mention starts, ends and actor ids, sorted by start (one sort, no groupby)."""
    if mentions.empty:
        return {}
    m = mentions.sort_values(["doc_id", "start"], kind="stable")
    docs = m["doc_id"].to_numpy(dtype=object)
    starts = m["start"].to_numpy(dtype=np.int64)
    ends = m["end"].to_numpy(dtype=np.int64)
    ids = m["actor_id"].to_numpy(dtype=object)
    cuts = np.flatnonzero(docs[1:] != docs[:-1]) + 1
    bounds = zip(np.r_[0, cuts], np.r_[cuts, len(docs)])
    # plain lists: bisect on a list is far quicker than numpy for one lookup at a time
    return {docs[a]: (starts[a:b].tolist(), ends[a:b].tolist(), ids[a:b].tolist()) for a, b in bounds}


def actors_within(spans, doc_id: str, start: int, end: int) -> list[str]:
    """Distinct actor ids of mentions lying inside [start, end), in text order."""
    if doc_id not in spans or start is None or end is None or pd.isna(start) or pd.isna(end):
        return []
    starts, ends, ids = spans[doc_id]
    lo = bisect_left(starts, start)
    hi = bisect_left(starts, end)
    seen: list[str] = []
    for i in range(lo, hi):
        if ends[i] <= end and ids[i] not in seen:
            seen.append(ids[i])
    return seen


def actor_at(spans, doc_id: str, start, end) -> str | None:
    """The actor of the mention overlapping [start, end), if any."""
    if doc_id not in spans or start is None or pd.isna(start) or pd.isna(end):
        return None
    starts, ends, ids = spans[doc_id]
    hi = bisect_left(starts, end)
    for i in range(hi - 1, max(hi - 6, 0) - 1, -1):   # mentions barely overlap: a few suffice
        if ends[i] > start:
            return ids[i]
    return None


def link_quotes(quotes: pd.DataFrame, spans, names: dict[str, str]) -> pd.DataFrame:
    """speaker_id / speaker from the named mention the attribution resolves to; about_ids."""
    q = quotes.copy()
    if q.empty:
        for c in ("speaker_id", "about_ids"):
            q[c] = pd.Series(dtype=object)
        return q
    sid = [actor_at(spans, d, s, e) for d, s, e in zip(q.doc_id, q.speaker_ref_start, q.speaker_ref_end)]
    q["speaker_id"] = sid
    q["speaker"] = [names.get(a) if a is not None else raw for a, raw in zip(sid, q.speaker_raw)]
    q["about_ids"] = [
        [a for a in actors_within(spans, d, s, e) if a != sp]
        for d, s, e, sp in zip(q.doc_id, q.start, q.end, sid)
    ]
    return q


def link_events(events: pd.DataFrame, spans) -> pd.DataFrame:
    """actor_ids: the actors mentioned in each event's sentence."""
    ev = events.copy()
    ev["actor_ids"] = [actors_within(spans, d, s, e) for d, s, e in zip(ev.doc_id, ev.start, ev.end)] if len(ev) else []
    return ev


def _with_groups(q: pd.DataFrame) -> pd.DataFrame:
    """group_id / n_reports: the same statement reported by several articles."""
    g = group_quotes(q)
    return q.assign(group_id=g["group_id"], n_reports=g["n_reports"])


def derive(mentions_raw: pd.DataFrame, quotes: pd.DataFrame, events: pd.DataFrame,
           aliases: pd.DataFrame | None) -> dict[str, pd.DataFrame]:
    """actors, mentions, quotes and events tables from the raw per-document rows."""
    actors, actor_id = actors_mod.resolve(mentions_raw[MENTION_COLS].copy(), aliases)
    m = mentions_raw.copy()
    m["actor_id"] = actor_id.reindex(m.index).astype(object).where(actor_id.notna(), None)
    m = m[m["actor_id"].notna()]
    spans = _spans_by_doc(m)
    names = dict(zip(actors.actor_id, actors.name))
    return {
        "actors": actors,
        "mentions": m[["doc_id", "actor_id", "start", "end", "text", "label", "sent", "name", "type"]],
        "quotes": _with_groups(link_quotes(quotes, spans, names)),
        "events": link_events(events, spans),
    }
