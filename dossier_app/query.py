"""Queries and aggregation over the corpus, shared by the pages. Pure pandas, no streamlit.

Filters work on the arrays `Corpus` prepared once per generation (dates as datetime64, actor
lists exploded), so a filter change is a few vectorised masks, not a pass of Python per row.
Results that do not depend on the filters are computed once per corpus (`memo`).
"""
from __future__ import annotations

import re
import threading

import numpy as np
import pandas as pd

from .corpus import Corpus, doc_label  # noqa: F401  (re-exported: pages and tests use query.Corpus)
from .filters import Filters


_LOCK = threading.Lock()
_INFLIGHT: dict[tuple[int, object], threading.Event] = {}
MAX_QUOTE_ROWS = 2000      # the quote browser lists this many; the CSV has every match
LAZY_ROWS = 2000           # longer tables are sent to the browser page by page (st.dataframe lazy)
SMALL_CAST = 2000          # up to this many actors, pages list even those seen in one article


def _shared(table: dict, key, make, size: int | None):
    """`table[key]`, made once even when several threads ask at the same time (the others wait)."""
    flight = (id(table), key)
    with _LOCK:
        if key in table:
            if size is not None:
                table[key] = table.pop(key)        # most recently used last
            return table[key]
        event = _INFLIGHT.get(flight)
        owner = event is None
        if owner:
            event = _INFLIGHT[flight] = threading.Event()
    if not owner:
        event.wait(120)
        with _LOCK:
            if key in table:
                return table[key]
        return make()                              # the other thread failed: compute it here
    try:
        value = make()
        with _LOCK:
            table[key] = value
            while size is not None and len(table) > size:
                table.pop(next(iter(table)))
        return value
    finally:
        with _LOCK:
            _INFLIGHT.pop(flight, None)
        event.set()


def _table(c: Corpus, name: str) -> dict:
    with _LOCK:
        return c.__dict__.setdefault("_memo", {}).setdefault(name, {})


def memo(c: Corpus, key: str, make):
    """`make()` once per corpus (generation); the result is shared, treat it as read-only."""
    return _shared(_table(c, "_once"), key, make, None)


def memo_lru(c: Corpus, name: str, key, make, size: int = 8):
    """Like `memo` for results that depend on arguments: the last `size` keys of `name` are kept."""
    return _shared(_table(c, name), key, make, size)


def _in_range(d0: np.ndarray, d1: np.ndarray, f: Filters) -> np.ndarray:
    """Rows whose [d0, d1] overlaps the filter range; undated rows only when no range is set."""
    if not f.start and not f.end:
        return np.ones(len(d0), dtype=bool)
    ok = ~np.isnat(d0)
    if f.start:
        ok &= d1 >= np.datetime64(f.start, "s")
    if f.end:
        ok &= d0 <= np.datetime64(f.end, "s")
    return ok


def _rows_with(exploded: pd.DataFrame, n: int, wanted) -> np.ndarray:
    """Boolean mask over `n` rows: the rows whose exploded actor list has one of `wanted`."""
    mask = np.zeros(n, dtype=bool)
    mask[exploded.pos.to_numpy()[exploded.actor_id.isin(list(wanted)).to_numpy()]] = True
    return mask


def doc_mask(c: Corpus, f: Filters) -> np.ndarray:
    """Documents in the date range that mention a selected actor (all when none selected)."""
    ok = _in_range(c.doc_pub, c.doc_pub, f)
    if f.actors:
        ids = c.actor_docs.doc_id[c.actor_docs.actor_id.isin(list(f.actors))]
        ok &= c.documents.doc_id.isin(ids).to_numpy()
    return ok


def filter_documents(c: Corpus, f: Filters) -> pd.DataFrame:
    """Documents in the date range that mention a selected actor (all when none selected)."""
    return c.documents[doc_mask(c, f)]


def event_mask(c: Corpus, f: Filters) -> np.ndarray:
    """Events in the date range that involve a selected actor (any when none selected)."""
    ok = _in_range(c.ev_d0, c.ev_d1, f)
    if f.actors:
        ok &= _rows_with(c.ev_actors, len(c.events), f.actors)
    return ok


def filter_events(c: Corpus, f: Filters) -> pd.DataFrame:
    return c.events[event_mask(c, f)]


def quote_mask(c: Corpus, f: Filters) -> np.ndarray:
    """Quotes by or about a selected actor, in articles of the date range, of the chosen types."""
    q = c.quotes
    ok = _in_range(c.q_pub, c.q_pub, f)
    if f.actors:
        ok &= q.speaker_id.isin(list(f.actors)).to_numpy() | _rows_with(c.q_about, len(q), f.actors)
    if f.types:
        unattributed = q.speaker_id.isna().to_numpy()
        ok &= unattributed | pd.Series(c.quote_types).isin(list(f.types)).to_numpy()
    return ok


def undated_hidden(c: Corpus, f: Filters) -> int:
    """How many quotes a date filter hides only because their article has no date."""
    if not (f.start or f.end):
        return 0
    open_range = Filters(f.actors, None, None, f.types)
    return int((quote_mask(c, open_range) & np.isnat(c.q_pub)).sum())


def filter_quotes(c: Corpus, f: Filters) -> pd.DataFrame:
    return c.quotes[quote_mask(c, f)]


def filter_mentions(c: Corpus, f: Filters) -> pd.DataFrame:
    """Mentions in articles of the date range, of actors of the chosen types."""
    m = c.mentions
    ok = np.ones(len(m), dtype=bool)
    if f.start or f.end:
        docs = c.documents.doc_id[doc_mask(c, Filters(start=f.start, end=f.end))]
        ok &= m.doc_id.isin(docs).to_numpy()
    if f.types:
        ok &= pd.Series(c.mention_types).isin(list(f.types)).to_numpy()
    return m[ok]


# ------------------------------------------------------------------ overview

def overview(c: Corpus) -> dict:
    """Headline numbers of the corpus."""
    def make() -> dict:
        d = c.documents
        pub = c.doc_pub[~np.isnat(c.doc_pub)]
        return {
            "articles": len(d), "words": int(d.n_words.sum()) if len(d) else 0,
            "dated": len(pub), "undated": len(d) - len(pub),
            "first": pd.Timestamp(pub.min()).date() if len(pub) else None,
            "last": pd.Timestamp(pub.max()).date() if len(pub) else None,
            "actors": len(c.actors), "events": len(c.events), "quotes": len(c.quotes),
            "errors": len(c.manifest.get("errors") or []),
        }
    return memo(c, "overview", make)


def documents_table(c: Corpus) -> pd.DataFrame:
    """One row per article for the overview: title, outlet, date and how it was found."""
    def make() -> pd.DataFrame:
        d = c.documents
        out = pd.DataFrame({
            "title": d.label, "outlet": d.outlet, "published": d.published,
            "date source": d.date_source, "words": d.n_words, "file": d.path,
            "duplicate of": d.duplicate_of.map(dict(zip(d.doc_id, d.label))),
        })
        out = out.sort_values(["published", "title"], na_position="first").reset_index(drop=True)
        blank = {c: out[c].astype(object).where(out[c].notna(), "") for c in ("outlet", "duplicate of")}
        return out.assign(**blank, published=[as_day(p) for p in out.published])
    return memo(c, "documents_table", make)


def as_day(value) -> str:
    """A date cell: "2024-07-31", or "undated" (never a grey "None")."""
    return "undated" if value is None or pd.isna(value) else str(value)


def date_coverage(c: Corpus) -> pd.DataFrame:
    """Articles per publication month (dated ones) for the coverage chart."""
    def make() -> pd.DataFrame:
        pub = c.doc_pub[~np.isnat(c.doc_pub)]
        if not len(pub):
            return pd.DataFrame({"month": [], "articles": []})
        months = pd.Series(pub).dt.to_period("M").dt.to_timestamp()
        return months.value_counts().sort_index().rename_axis("month").reset_index(name="articles")
    return memo(c, "date_coverage", make)


def top_actors(c: Corpus, n: int = 15, types: tuple[str, ...] = ()) -> pd.DataFrame:
    a = c.actors
    if types:
        a = a[a.type.isin(types)]
    return a.sort_values(["n_mentions", "name"], ascending=[False, True]).head(n)


def undated_statements(c: Corpus, f: Filters) -> pd.DataFrame:
    """Quotes from articles with no publication date (they cannot sit on the timeline)."""
    ok = np.isnat(c.q_pub)
    if f.actors:
        q = c.quotes
        ok &= q.speaker_id.isin(list(f.actors)).to_numpy() | _rows_with(c.q_about, len(q), f.actors)
    return c.quotes[ok]


# ------------------------------------------------------------------ quotes

def quote_rows(c: Corpus) -> pd.DataFrame:
    """Every quote as a browser row, aligned with `c.quotes` (computed once per corpus)."""
    def make() -> pd.DataFrame:
        q, docs = c.quotes, c.by_doc
        return pd.DataFrame({
            "date": q.doc_id.map(docs.published),
            "speaker": q.speaker.astype(object).where(q.speaker.notna(), "(unattributed)"),
            "quote": [quoted_words(t, k) for t, k in zip(q.text, q.kind)], "context": q.text, "kind": q.kind,
            "outlet": q.doc_id.map(docs.outlet), "article": q.doc_id.map(docs.label),
            "reports": q.n_reports if "n_reports" in q.columns else 1,
            "quote_id": q.quote_id, "group_id": q.group_id if "group_id" in q.columns else q.quote_id,
            "doc_id": q.doc_id, "start": q.start, "end": q.end,
        })
    return memo(c, "quote_rows", make)


def quote_table(c: Corpus, f: Filters, search: str = "", kinds=(), speakers=(), about=(), outlets=()) -> pd.DataFrame:
    """The quote browser's rows: date, speaker, quote, kind, outlet, article title (+ ids)."""
    q = c.quotes
    ok = quote_mask(c, f)
    if kinds:
        ok &= q.kind.isin(list(kinds)).to_numpy()
    if speakers:
        ok &= c.q_speaker.isin(list(speakers)).to_numpy()
    if about:
        ok &= _rows_with(c.q_about, len(q), about)
    out = quote_rows(c)[ok]
    if outlets:
        out = out[out.outlet.isin(list(outlets))]
    terms = [t for t in search.lower().split() if t]
    if terms:
        hay = (out.quote.fillna("") + " " + out.speaker + " " + out.article.fillna("")).str.lower()
        keep = np.ones(len(out), dtype=bool)
        for t in terms:
            keep &= hay.str.contains(re.escape(t), regex=True).to_numpy()
        out = out[keep]
    return out.sort_values(["date", "article", "start"], na_position="last").reset_index(drop=True)


MARKED = re.compile(r"[\"\u201c\u00ab\u201e]([^\"\u201c\u201d\u00ab\u00bb\u201e]+)[\"\u201d\u00bb]")


def quoted_words(text: str, kind: str) -> str:
    """What the speaker is quoted as saying, word for word.

    A partial quote's text is the clause around the quoted words ('that Iran would ensure that
    "the terrorist occupiers regretted their cowardly act"'); only the marked words are theirs, so
    the quote is those words, joined by " … ", and the clause stays as context. Other kinds are
    their text (direct and pull quotes are all quoted words; indirect ones are paraphrase)."""
    if kind != "partial" or not isinstance(text, str):
        return text
    parts = [m.strip() for m in MARKED.findall(text) if m.strip()]
    return " … ".join(parts) if parts else text


def quotes_csv(table: pd.DataFrame) -> bytes:
    """The quote browser's rows as UTF-8 CSV; cells a spreadsheet would run as a formula get a quote."""
    out = table[["date", "speaker", "quote", "context", "kind", "outlet", "article", "reports"]].copy()
    for col in ("speaker", "quote", "context", "outlet", "article"):
        out[col] = out[col].map(lambda v: "'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r")
                                else v)
    return out.to_csv(index=False).encode("utf-8")


def speaker_counts(c: Corpus, f: Filters) -> pd.Series:
    """Quotes per speaker under the filters, most first (for the speaker picker): actor ids, and
    "~" keys for speakers that are no actor (`speakers.speaker_keys`)."""
    return c.q_speaker[quote_mask(c, f)].dropna().value_counts()


def about_counts(c: Corpus, f: Filters) -> pd.Series:
    """Quotes per mentioned actor id under the filters, most first."""
    ok = quote_mask(c, f)
    qa = c.q_about
    return qa.actor_id[ok[qa.pos.to_numpy()]].value_counts()


def outlets(c: Corpus) -> list[str]:
    return memo(c, "outlets", lambda: sorted(o for o in c.documents.outlet.dropna().unique()))


def also_reported(c: Corpus, quote_id: str) -> pd.DataFrame:
    """The other articles reporting the same statement, earliest first (`earliest` flags it)."""
    q = c.quotes
    cols = ["date", "article", "outlet", "speaker", "quote", "earliest"]
    if "group_id" not in q.columns:
        return pd.DataFrame(columns=cols)
    gid = q.loc[q.quote_id == quote_id, "group_id"]
    if gid.empty:
        return pd.DataFrame(columns=cols)
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


def earliest_report(c: Corpus, quote_id: str) -> tuple[pd.DataFrame, str | None]:
    """(every article reporting this statement, earliest first; how to name the earliest one, or
    None when no other article reports it)."""
    others = also_reported(c, quote_id)
    if len(others) <= 1:
        return others, None
    first = others.iloc[0]
    return others, "this article" if first.quote_id == quote_id else f"{first.article} ({as_day(first.date)})"


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 quote", "2 quotes", "1 other article"."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def article(c: Corpus, doc_id: str) -> dict | None:
    """One article's text and metadata, with its actor mentions, for the reader (text read now)."""
    if doc_id not in c.by_doc.index:
        return None
    row = c.by_doc.loc[doc_id].to_dict()
    row["doc_id"] = doc_id
    row["text"] = c.article_text(doc_id) or ""
    m = c.mentions
    row["mentions"] = m[m.doc_id == doc_id].sort_values("start")[["start", "end", "actor_id"]]
    return row


# ------------------------------------------------------------------ actors

def actor_table(c: Corpus, types: tuple[str, ...] = ()) -> pd.DataFrame:
    """Actors with counts, aliases and the first and last publication dates they appear on."""
    def make() -> pd.DataFrame:
        a = c.actors
        pos = pd.Series(np.arange(len(c.documents)), index=c.documents.doc_id)
        ad = c.actor_docs
        pub = pd.DataFrame({"actor_id": ad.actor_id.to_numpy(),
                            "published": c.doc_pub[pos.reindex(ad.doc_id).to_numpy(dtype="int64")]})
        pub = pub[~np.isnat(pub.published.to_numpy())]
        span = (pub.groupby("actor_id").published.agg(["min", "max"]) if len(pub)
                else pd.DataFrame(columns=["min", "max"]))
        span = span.apply(lambda col: col.dt.date) if len(span) else span
        out = pd.DataFrame({
            "actor_id": a.actor_id, "name": a.name, "type": a.type,
            "aliases": [", ".join(xs) if xs is not None and not isinstance(xs, float) else "" for xs in a.aliases],
            "mentions": a.n_mentions, "articles": a.n_docs,
            "first": a.actor_id.map(span["min"]), "last": a.actor_id.map(span["max"]),
        })
        return out.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)
    table = memo(c, "actor_table", make)
    return table[table.type.isin(types)].reset_index(drop=True) if types else table
