"""Corpus-wide steps over the collected per-document rows: canonical actors and the links to them.

`derive` is shared by a full build and by a re-link after the user edits aliases (no re-parse):
from the raw mentions, the quotes and the events it recomputes actors, mention actor ids,
quote speakers and `about_ids`, and event `actor_ids`.
"""
from __future__ import annotations

from bisect import bisect_left

import numpy as np
import pandas as pd

from . import actors as actors_mod
from .. import resources as R
from .quote_groups import group_quotes
from ..ids import short_hash

MENTION_COLS = ["doc_id", "start", "end", "text", "label", "sent", "name", "type"]


def stable_id(*parts) -> str:
    """A short hash of the parts: stable across rebuilds of the same corpus."""
    return short_hash("\x1f".join(map(str, parts)))


def spans_by_doc(mentions: pd.DataFrame) -> dict[str, tuple[list, list, list]]:
    """Per document: its linked mentions' starts, ends and actor ids, sorted by start (one sort,
    no groupby)."""
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


def name_key(text) -> str:
    """A speaker or actor name compared loosely: case, apostrophes, spacing and a leading "the"."""
    if not isinstance(text, str):
        return ""
    key = " ".join(text.replace("\u2019", "'").replace("\u2018", "'").casefold().split())
    return key[4:] if key.startswith("the ") else key


def speaker_keys(raw) -> list[str]:
    """The keys a raw speaker may match: itself, then without a trailing media noun
    ("Tasnim news agency" -> "tasnim")."""
    key = name_key(raw)
    words = key.split()
    while len(words) > 1 and words[-1] in R.SPEAKER_TRAILING_WORDS:
        words.pop()
    return list(dict.fromkeys([key, " ".join(words)]))


class ActorNames:
    """Names of actors, for a speaker that hangs on no actor mention: in each article, the texts of
    its actor mentions and the names and aliases of the actors it mentions; corpus-wide, the names
    and aliases that belong to one actor only.

    An article's names are gathered when first asked for and kept until another article is asked
    for (quotes come in article order), so the corpus's names are never held all at once (17k
    articles: +52 MB as one dict keyed by article and name)."""

    def __init__(self, mentions: pd.DataFrame, actors: pd.DataFrame) -> None:
        aliases = dict(zip(actors.actor_id, actors.aliases)) if "aliases" in actors else {}
        names = dict(zip(actors.actor_id, actors.name))

        def forms(aid) -> list:
            more = aliases.get(aid)
            return [names.get(aid), *(list(more) if more is not None else [])]
        self._form_keys = {aid: [k for f in forms(aid) if (k := name_key(f))] for aid in actors.actor_id}
        owners: dict[str, set] = {}
        for aid, keys in self._form_keys.items():
            for key in keys:
                owners.setdefault(key, set()).add(aid)
        self.corpus = {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}
        m = mentions[["doc_id", "actor_id", "text"]]
        codes, docs = pd.factorize(m["doc_id"], use_na_sentinel=False)
        if len(codes) and (np.diff(codes) < 0).any():      # an article's rows apart: gather them, in order
            m = m.sort_values("doc_id", kind="stable")
            codes, docs = pd.factorize(m["doc_id"], use_na_sentinel=False)
        cuts = np.r_[0, np.flatnonzero(np.diff(codes)) + 1, len(codes)]
        self._rows = dict(zip(docs, zip(cuts[:-1].tolist(), cuts[1:].tolist())))
        self._aids, self._texts = m["actor_id"], m["text"]
        self._doc: str | None = None
        self._names: dict[str, str] = {}

    def of_doc(self, doc_id: str) -> dict[str, str]:
        """{name key: actor_id} in one article: its mention texts, then its actors' own forms;
        the first actor to claim a key keeps it."""
        if doc_id != self._doc:
            a, b = self._rows.get(doc_id, (0, 0))
            out: dict[str, str] = {}
            seen: set = set()
            for aid, text in zip(self._aids.iloc[a:b].tolist(), self._texts.iloc[a:b].tolist()):
                if key := name_key(text):
                    out.setdefault(key, aid)
                if aid not in seen:          # an actor's own forms: once per article is enough
                    seen.add(aid)
                    for key in self._form_keys.get(aid, ()):
                        out.setdefault(key, aid)
            self._doc, self._names = doc_id, out
        return self._names

    def speaker(self, doc_id: str, raw) -> str | None:
        """The actor an unlinked speaker names: one of its article's actors ("foreign ministry" ->
        the article's Foreign Ministry), else, for a proper name, the one actor of the corpus with
        that name ("Tasnim news agency" -> Tasnim). A common noun never reaches outside its article."""
        keys = speaker_keys(raw)
        here = self.of_doc(doc_id)
        found = next((here[k] for k in keys if k in here), None)
        if found is None and isinstance(raw, str) and raw[:1].isupper():
            found = next((self.corpus[k] for k in keys if k in self.corpus), None)
        return found


def link_quotes(quotes: pd.DataFrame, spans, names: dict[str, str],
                by_name: ActorNames | None = None) -> pd.DataFrame:
    """speaker_id / speaker from the named mention the attribution resolves to, else from the
    speaker's name among the article's actors; about_ids."""
    q = quotes.copy()
    if q.empty:
        for c in ("speaker_id", "about_ids"):
            q[c] = pd.Series(dtype=object)
        return q
    sid = [actor_at(spans, d, s, e) for d, s, e in zip(q.doc_id, q.speaker_ref_start, q.speaker_ref_end)]
    if by_name is not None:
        sid = [a if a is not None else by_name.speaker(d, raw)
               for a, d, raw in zip(sid, q.doc_id, q.speaker_raw)]
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


def with_groups(q: pd.DataFrame) -> pd.DataFrame:
    """group_id / n_reports: the same statement reported by several articles."""
    g = group_quotes(q)
    return q.assign(group_id=g["group_id"], n_reports=g["n_reports"])


def resolve_mentions(mentions_raw: pd.DataFrame, aliases: pd.DataFrame | None
                     ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(actors, mentions): the corpus's actors, and the raw mentions that have one, with its
    actor_id (the mentions table of DATA.md)."""
    actors, actor_id = actors_mod.resolve(mentions_raw[MENTION_COLS], aliases)
    m = mentions_raw.assign(actor_id=actor_id.reindex(mentions_raw.index).astype(object).where(actor_id.notna(), None))
    m = m[m["actor_id"].notna()]
    return actors, m[["doc_id", "actor_id", "start", "end", "text", "label", "sent", "name", "type"]]


def linked_quotes(quotes: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame, spans) -> pd.DataFrame:
    """The quotes table without groups: speakers and `about_ids` from the linked mentions."""
    names = dict(zip(actors.actor_id, actors.name))
    return link_quotes(quotes, spans, names, ActorNames(mentions, actors))


def derive(mentions_raw: pd.DataFrame, quotes: pd.DataFrame, events: pd.DataFrame,
           aliases: pd.DataFrame | None) -> dict[str, pd.DataFrame]:
    """actors, mentions, quotes and events tables from the raw per-document rows."""
    actors, mentions = resolve_mentions(mentions_raw, aliases)
    spans = spans_by_doc(mentions)
    return {"actors": actors, "mentions": mentions, "events": link_events(events, spans),
            "quotes": with_groups(linked_quotes(quotes, mentions, actors, spans))}
