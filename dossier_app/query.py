"""Queries and aggregation over the cache tables, shared by the pages. Pure pandas, no streamlit."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from pathlib import Path

import pandas as pd

from .filters import Filters


@dataclass
class Corpus:
    """The cache tables, plus a few lookups every page needs."""
    documents: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    events: pd.DataFrame
    quotes: pd.DataFrame
    manifest: dict

    @property
    def names(self) -> dict[str, str]:
        return dict(zip(self.actors.actor_id, self.actors.name))

    @property
    def types(self) -> dict[str, str]:
        return dict(zip(self.actors.actor_id, self.actors.type))

    @cached_property
    def by_doc(self) -> pd.DataFrame:
        """Documents indexed by doc_id, with `label` (title or file name) for tables and hovers."""
        return self.documents.assign(label=doc_label(self.documents)).set_index("doc_id")

    def actor_lookup(self) -> dict[str, str]:
        """Lower-cased name, alias or id -> actor id (for URLs and search)."""
        out: dict[str, str] = {}
        for aid, name, aliases in zip(self.actors.actor_id, self.actors.name, self.actors.aliases):
            for key in [*(aliases if aliases is not None else []), name, aid]:
                out.setdefault(str(key).strip().lower(), aid)
        return out

    def date_bounds(self) -> tuple[date | None, date | None]:
        """Earliest and latest date the date filter offers.

        Publication dates, plus event dates within ten years before and two after them; far
        outliers ("by the year 2000" in a 1987 story) stay visible with no filter set, but do not
        stretch the filter. Without publication dates, all event dates count.
        """
        pub = [v for v in self.documents.published if v is not None and not pd.isna(v)]
        ev = [v for v in list(self.events.date) + list(self.events.date_end) if v is not None and not pd.isna(v)]
        if pub:
            lo_y, hi_y = min(pub).year - 10, max(pub).year + 2
            ev = [v for v in ev if lo_y <= v.year <= hi_y]
        vals = pub + ev
        return (min(vals), max(vals)) if vals else (None, None)

    def source_note(self) -> str:
        """'Source: Dossier, <corpus> (N articles, built DATE)' for chart footers."""
        inputs = self.manifest.get("inputs") or []
        roots = sorted({Path(i["path"]).parent.name for i in inputs if i.get("path")})
        corpus = ", ".join(roots[:3]) + ("…" if len(roots) > 3 else "") if roots else "corpus"
        built = str(self.manifest.get("finished", ""))[:10]
        return f"Source: Dossier analysis of {corpus} ({len(self.documents)} articles; cache built {built})"


def doc_label(docs: pd.DataFrame) -> pd.Series:
    """Title, else the file name: what to call an article in tables and hovers."""
    fallback = docs.path.map(lambda p: Path(str(p).split("#")[0]).name + (f" #{str(p).split('#')[1]}" if "#" in str(p) else ""))
    return docs.title.where(docs.title.notna() & (docs.title.astype(str).str.len() > 0), fallback)


def _in_range(start_col: pd.Series, end_col: pd.Series, f: Filters) -> pd.Series:
    """Rows whose [start, end] overlaps the filter range; undated rows only when no range is set."""
    if not f.start and not f.end:
        return pd.Series(True, index=start_col.index)
    s = pd.to_datetime(start_col)
    e = pd.to_datetime(end_col)
    ok = s.notna()
    if f.start:
        ok &= e >= pd.Timestamp(f.start)
    if f.end:
        ok &= s <= pd.Timestamp(f.end)
    return ok


def filter_documents(c: Corpus, f: Filters) -> pd.DataFrame:
    """Documents in the date range that mention a selected actor (all when none selected)."""
    d = c.documents
    d = d[_in_range(d.published, d.published, f)]
    if f.actors:
        ids = set(c.mentions.loc[c.mentions.actor_id.isin(f.actors), "doc_id"])
        d = d[d.doc_id.isin(ids)]
    return d


def _has_any(lists: pd.Series, wanted: set[str]) -> pd.Series:
    return lists.map(lambda xs: xs is not None and any(x in wanted for x in xs))


def filter_events(c: Corpus, f: Filters) -> pd.DataFrame:
    """Events in the date range that involve a selected actor (any when none selected)."""
    ev = c.events
    ev = ev[_in_range(ev.date, ev.date_end, f)]
    if f.actors:
        ev = ev[_has_any(ev.actor_ids, set(f.actors))]
    return ev


def filter_quotes(c: Corpus, f: Filters) -> pd.DataFrame:
    """Quotes by or about a selected actor, in articles of the date range, of the chosen types."""
    q = c.quotes.merge(c.documents[["doc_id", "published"]], on="doc_id", how="left")
    q = q[_in_range(q.published, q.published, f)]
    if f.actors:
        wanted = set(f.actors)
        q = q[q.speaker_id.isin(wanted) | _has_any(q.about_ids, wanted)]
    if f.types:
        types = c.types
        q = q[q.speaker_id.map(lambda a: a is None or pd.isna(a) or types.get(a) in f.types)]
    return q.drop(columns=["published"])


def filter_mentions(c: Corpus, f: Filters) -> pd.DataFrame:
    """Mentions in articles of the date range, of actors of the chosen types."""
    docs = set(filter_documents(c, Filters(start=f.start, end=f.end)).doc_id)
    m = c.mentions[c.mentions.doc_id.isin(docs)]
    if f.types:
        m = m[m.actor_id.map(c.types).isin(f.types)]
    return m


# ------------------------------------------------------------------ overview

def overview(c: Corpus) -> dict:
    """Headline numbers of the corpus."""
    d = c.documents
    dated = d[d.published.notna()]
    return {
        "articles": len(d),
        "words": int(d.n_words.sum()) if len(d) else 0,
        "dated": len(dated),
        "undated": len(d) - len(dated),
        "first": min(dated.published) if len(dated) else None,
        "last": max(dated.published) if len(dated) else None,
        "actors": len(c.actors),
        "events": len(c.events),
        "quotes": len(c.quotes),
        "errors": len(c.manifest.get("errors") or []),
    }


def documents_table(c: Corpus) -> pd.DataFrame:
    """One row per article for the overview: title, outlet, date and how it was found."""
    d = c.documents
    out = pd.DataFrame({
        "title": doc_label(d), "outlet": d.outlet, "published": d.published,
        "date source": d.date_source, "words": d.n_words, "file": d.path,
        "duplicate of": d.duplicate_of.map(dict(zip(d.doc_id, doc_label(d)))),
    })
    return out.sort_values(["published", "title"], na_position="first").reset_index(drop=True)


def date_coverage(c: Corpus) -> pd.DataFrame:
    """Articles per publication month (dated ones) for the coverage chart."""
    d = c.documents[c.documents.published.notna()]
    if d.empty:
        return pd.DataFrame({"month": [], "articles": []})
    months = pd.to_datetime(d.published).dt.to_period("M").dt.to_timestamp()
    out = months.value_counts().sort_index().rename_axis("month").reset_index(name="articles")
    return out


def top_actors(c: Corpus, n: int = 15, types: tuple[str, ...] = ()) -> pd.DataFrame:
    a = c.actors
    if types:
        a = a[a.type.isin(types)]
    return a.sort_values(["n_mentions", "name"], ascending=[False, True]).head(n)


# ------------------------------------------------------------------ timeline

def timeline_rows(c: Corpus, f: Filters, top_n: int = 12) -> pd.DataFrame:
    """One row per (event, actor lane): the actors picked in the sidebar, else the top N.

    Columns: lane, actor_id, date, date_end, granularity, date_source, expression, sentence,
    title, outlet, doc_id, start, end, n_articles (articles reporting that actor on that date).
    """
    ev = filter_events(c, f)
    if ev.empty:
        return pd.DataFrame(columns=["lane", "actor_id", "date", "date_end", "granularity", "date_source",
                                     "expression", "sentence", "title", "outlet", "doc_id", "start", "end",
                                     "n_articles", "event_id"])
    x = ev.explode("actor_ids").rename(columns={"actor_ids": "actor_id"})
    x = x[x.actor_id.notna()]
    if f.actors:
        lanes = list(f.actors)
    else:
        types = c.types
        cand = x.actor_id if not f.types else x.actor_id[x.actor_id.map(types).isin(f.types)]
        lanes = list(cand.value_counts().head(top_n).index)
    x = x[x.actor_id.isin(lanes)].copy()
    docs = c.by_doc
    x["lane"] = x.actor_id.map(c.names)
    x["title"] = x.doc_id.map(docs.label)
    x["outlet"] = x.doc_id.map(docs.outlet)
    x["n_articles"] = x.groupby(["actor_id", "date", "date_end"]).doc_id.transform("nunique")
    order = {a: i for i, a in enumerate(lanes)}
    x["lane_order"] = x.actor_id.map(order)
    return x.sort_values(["lane_order", "date"]).drop(columns=["lane_order"]).reset_index(drop=True)


MARK_KEYS = ["lane", "date", "date_end", "granularity", "date_source"]


def timeline_marks(rows: pd.DataFrame, periods: tuple[str, ...] = ("week", "month", "range")) -> pd.DataFrame:
    """One mark per lane, period and date source: what the chart draws.

    Events sharing a lane and the same dates collapse into one mark that counts them, so a
    thousand "this year"s are one bar and a busy day is one bigger point. Granularities not in
    `periods` (nor "day") are left out. Columns: MARK_KEYS, n_events, n_articles, event_ids,
    examples (up to three rows of sentence/title/outlet/expression).
    """
    cols = MARK_KEYS + ["n_events", "n_articles", "event_ids", "examples"]
    r = rows[rows.granularity.isin(("day", *periods))] if len(rows) else rows
    if r.empty:
        return pd.DataFrame(columns=cols)
    out = []
    for key, g in r.groupby(MARK_KEYS, sort=False):
        ex = g.drop_duplicates("doc_id").head(3)
        out.append({**dict(zip(MARK_KEYS, key)), "n_events": len(g), "n_articles": g.doc_id.nunique(),
                    "event_ids": list(dict.fromkeys(g.event_id)),
                    "examples": list(zip(ex.sentence, ex.title, ex.outlet, ex.expression))})
    return pd.DataFrame(out, columns=cols)


def focus_range(rows: pd.DataFrame, low: float = 0.05, high: float = 0.98) -> tuple[date, date] | None:
    """The span most events fall in (5th to 98th percentile, padded): the chart's initial view.

    Outliers ("by the year 2000", a 1600 address) and the thin tail of background dates stay
    reachable with the range slider but do not squash the bulk into one column.
    """
    if rows.empty:
        return None
    lo = pd.to_datetime(rows.date).quantile(low)
    hi = pd.to_datetime(rows.date_end).quantile(high)
    if pd.isna(lo) or pd.isna(hi):
        return None
    hi = max(hi, lo)
    pad = max(pd.Timedelta(days=7), (hi - lo) * 0.05)
    return (lo - pad).date(), (hi + pad).date()


def undated_statements(c: Corpus, f: Filters) -> pd.DataFrame:
    """Quotes from articles with no publication date (they cannot sit on the timeline)."""
    undated = set(c.documents.loc[c.documents.published.isna(), "doc_id"])
    q = c.quotes[c.quotes.doc_id.isin(undated)]
    if f.actors:
        wanted = set(f.actors)
        q = q[q.speaker_id.isin(wanted) | _has_any(q.about_ids, wanted)]
    return q


# ------------------------------------------------------------------ quotes

def quote_table(c: Corpus, f: Filters, search: str = "", kinds=(), speakers=(), about=(), outlets=()) -> pd.DataFrame:
    """The quote browser's rows: date, speaker, quote, kind, outlet, article title (+ ids)."""
    q = filter_quotes(c, f)
    if kinds:
        q = q[q.kind.isin(kinds)]
    if speakers:
        q = q[q.speaker_id.isin(speakers)]
    if about:
        q = q[_has_any(q.about_ids, set(about))]
    docs = c.by_doc
    out = pd.DataFrame({
        "date": q.doc_id.map(docs.published),
        "speaker": q.speaker.fillna("(unattributed)"),
        "quote": q.text,
        "kind": q.kind,
        "outlet": q.doc_id.map(docs.outlet),
        "article": q.doc_id.map(docs.label),
        "reports": q.n_reports if "n_reports" in q.columns else 1,
        "quote_id": q.quote_id,
        "group_id": q.group_id if "group_id" in q.columns else q.quote_id,
        "doc_id": q.doc_id,
        "start": q.start,
        "end": q.end,
    })
    if outlets:
        out = out[out.outlet.isin(outlets)]
    if search.strip():
        terms = [t for t in search.lower().split() if t]
        hay = (out.quote + " " + out.speaker + " " + out.article.fillna("")).str.lower()
        for t in terms:
            out = out[hay.loc[out.index].str.contains(re.escape(t), regex=True)]
    return out.sort_values(["date", "article", "start"], na_position="last").reset_index(drop=True)


def also_reported(c: Corpus, quote_id: str) -> pd.DataFrame:
    """The other articles reporting the same statement, earliest first (`earliest` flags it)."""
    q = c.quotes
    if "group_id" not in q.columns:
        return pd.DataFrame(columns=["date", "article", "outlet", "speaker", "quote", "earliest"])
    gid = q.loc[q.quote_id == quote_id, "group_id"]
    if gid.empty:
        return pd.DataFrame(columns=["date", "article", "outlet", "speaker", "quote", "earliest"])
    g = q[q.group_id == gid.iloc[0]]
    docs = c.by_doc
    out = pd.DataFrame({"date": g.doc_id.map(docs.published), "article": g.doc_id.map(docs.label),
                        "outlet": g.doc_id.map(docs.outlet).fillna(""), "speaker": g.speaker, "quote": g.text,
                        "quote_id": g.quote_id,
                        # a date borrowed from a similar article cannot make it the earliest report
                        "_borrowed": g.doc_id.map(docs.date_source).eq("similar")})
    out = (out.sort_values(["date", "_borrowed", "article"], na_position="last")
           .drop(columns=["_borrowed"]).reset_index(drop=True))
    out["earliest"] = out.index == 0
    return out


def article(c: Corpus, doc_id: str) -> dict | None:
    """One article's text and metadata, with its actor mentions, for the reader."""
    d = c.documents[c.documents.doc_id == doc_id]
    if d.empty:
        return None
    row = d.iloc[0].to_dict()
    row["label"] = doc_label(d).iloc[0]
    row["mentions"] = c.mentions[c.mentions.doc_id == doc_id].sort_values("start")[["start", "end", "actor_id"]]
    return row


# ------------------------------------------------------------------ actors

def actor_table(c: Corpus, types: tuple[str, ...] = ()) -> pd.DataFrame:
    """Actors with counts, aliases and the first and last publication dates they appear on."""
    a = c.actors if not types else c.actors[c.actors.type.isin(types)]
    pub = c.mentions[["actor_id", "doc_id"]].drop_duplicates().merge(
        c.documents[["doc_id", "published"]], on="doc_id", how="left")
    pub = pub[pub.published.notna()]
    span = pub.groupby("actor_id").published.agg(["min", "max"]) if len(pub) else pd.DataFrame(columns=["min", "max"])
    out = pd.DataFrame({
        "actor_id": a.actor_id, "name": a.name, "type": a.type,
        "aliases": a.aliases.map(lambda xs: ", ".join(xs) if xs is not None else ""),
        "mentions": a.n_mentions, "articles": a.n_docs,
        "first": a.actor_id.map(span["min"]), "last": a.actor_id.map(span["max"]),
    })
    return out.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)
