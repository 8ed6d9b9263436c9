"""The corpus in memory: the cache tables (article texts left out) and every lookup the pages need,
computed once per cache generation. Pure pandas/pyarrow, no streamlit.

The app shares one `Corpus` between all sessions (`st.cache_resource`), so it is read-only after
construction: pages and queries never modify its frames, they filter copies. Article texts stay
on disk; `article_text` reads one when the reader opens it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline import store

from .speakers import speaker_keys

DOC_COLUMNS = ["doc_id", "path", "title", "outlet", "url", "published", "date_source", "n_words", "duplicate_of",
               "dated_from"]
MENTION_COLUMNS = ["doc_id", "actor_id", "start", "end", "sent"]
MAX_LEADS = 50_000          # untitled articles named by their first words (more: by file name)
LEAD_WORDS = 10
TEXTS_CACHED = 64          # article texts kept after the reader opened them


def lead_label(lead) -> str | None:
    """ "Tehran, 5 November 2023 (WAI): Iranian supreme leader…": an untitled article's first words."""
    if not isinstance(lead, str) or not lead.strip():
        return None
    words = lead.split()
    return " ".join(words[:LEAD_WORDS]) + ("…" if len(words) > LEAD_WORDS or len(lead) >= 90 else "")


def doc_label(docs: pd.DataFrame) -> pd.Series:
    """Title, else the article's first words, else the file name (with its `#n` when one file held
    several articles)."""
    path = docs.path.astype(object).where(docs.path.notna(), "").astype(str)
    base = path.str.split("#", n=1).str[0].str.rsplit("/", n=1).str[-1]
    frag = path.str.extract(r"#(.*)$", expand=False)
    fallback = base + (" #" + frag).fillna("")
    if "lead" in docs.columns:
        leads = docs.lead.map(lead_label)
        fallback = leads.where(leads.notna(), fallback)
    title = docs.title
    return title.where(title.notna() & (title.astype(str).str.len() > 0), fallback).astype(object)


def to_datetime64(values: pd.Series) -> np.ndarray:
    """A column of dates (date objects, None/NaN) as datetime64[s] with NaT.

    Seconds, not nanoseconds: "1600" and "2080" occur in real text and are outside the ns range."""
    import pyarrow as pa
    arr = pa.array(pd.Series(values, dtype=object).where(pd.notna(values), None).tolist(), type=pa.date32())
    return arr.cast(pa.timestamp("s")).to_numpy(zero_copy_only=False).astype("datetime64[s]")


def explode_ids(lists: pd.Series) -> pd.DataFrame:
    """A list column as (pos, actor_id) rows: pos is the row's position in `lists`; actor_id is a
    categorical (fast isin, value_counts and map over ~200k rows)."""
    lens = np.fromiter((0 if xs is None or (isinstance(xs, float)) else len(xs) for xs in lists),
                       dtype=np.int64, count=len(lists))
    pos = np.repeat(np.arange(len(lists), dtype=np.int64), lens)
    flat = [x for xs in lists if xs is not None and not isinstance(xs, float) for x in xs]
    out = pd.DataFrame({"pos": pos, "actor_id": pd.Categorical([str(x) if x is not None else None for x in flat])})
    return out[out.actor_id.notna()].reset_index(drop=True)


def _corpus_name(manifest: dict) -> str:
    """The input folders' names ("sample", "sample, uploads"), or "corpus"."""
    inputs = manifest.get("inputs") or []
    roots = sorted({os.path.basename(os.path.dirname(str(i["path"]))) for i in inputs if i.get("path")})
    return ", ".join(roots[:3]) + ("…" if len(roots) > 3 else "") if roots else "corpus"


def _month_bounds(lo: pd.Timestamp, hi: pd.Timestamp) -> tuple[date, date]:
    """[first day of lo's month, last day of hi's month]."""
    return lo.to_period("M").start_time.date(), hi.to_period("M").end_time.date()


@dataclass(eq=False)
class Corpus:
    """The cache tables, plus lookups every page needs (built once, then read-only)."""
    documents: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    events: pd.DataFrame
    quotes: pd.DataFrame
    manifest: dict
    generation: Path | None = None           # where `article_text` reads texts from
    names: dict = field(init=False, repr=False)
    types: dict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        a, d = self.actors, self.documents
        # ids as categories: 285k mentions of 17k actors in 19k articles group and join fast
        self.mentions = self.mentions.astype({"doc_id": "category", "actor_id": "category"})
        self.documents = d = d.assign(label=doc_label(d)) if len(d) else d.assign(label=pd.Series(dtype=object))
        self.by_doc = d.set_index("doc_id")
        self.doc_labels = dict(zip(d.doc_id, d.label.astype(str)))
        self.names = dict(zip(a.actor_id, a.name))
        self.types = dict(zip(a.actor_id, a.type))
        self.ranked_ids = list(a.sort_values(["n_mentions", "name"], ascending=[False, True]).actor_id)
        self.type_names = sorted(t for t in set(a.type.dropna()) if t)
        self._lookup = self._actor_lookup()
        # dates as datetime64, aligned with their tables
        self.doc_pub = to_datetime64(d.published)
        pub_of = dict(zip(d.doc_id, d.published))
        self.ev_d0 = to_datetime64(self.events.date)
        self.ev_d1 = to_datetime64(self.events.date_end)
        self.q_pub = to_datetime64(self.quotes.doc_id.map(pub_of))
        # the timeline's columns, compact: categories and document positions
        self.ev_gran = pd.Categorical(self.events.granularity)
        self.ev_src = pd.Categorical(self.events.date_source)
        self.ev_doc = pd.Index(d.doc_id).get_indexer(self.events.doc_id).astype(np.int32)
        # actor lists exploded once: (row position, actor_id)
        self.ev_actors = explode_ids(self.events.actor_ids)
        self.q_about = explode_ids(self.quotes.about_ids)
        self.actor_docs = self.mentions[["actor_id", "doc_id"]].drop_duplicates().reset_index(drop=True)
        self.mention_types = self.mentions.actor_id.map(self.types).to_numpy(dtype=object)
        self.quote_types = self.quotes.speaker_id.map(self.types).to_numpy(dtype=object)
        # the Speaker filter's key of each quote: actor id, or "~folded text" for unlinked speakers
        self.q_speaker, self.speaker_labels = speaker_keys(self.quotes)
        self._bounds = self._date_bounds()
        self.name = _corpus_name(self.manifest)
        self.built = str(self.manifest.get("finished", ""))[:10]
        self._note = f"Source: Dossier analysis of {self.name} ({len(d)} articles; cache built {self.built})"
        self.manifest = {k: v for k, v in self.manifest.items() if k != "inputs"}   # 19k paths: not needed

    # ------------------------------------------------------------ lookups
    def _actor_lookup(self) -> dict[str, str]:
        out: dict[str, str] = {}
        a = self.actors
        for aid, name, aliases in zip(a.actor_id, a.name, a.aliases):
            for key in [*(aliases if aliases is not None and not isinstance(aliases, float) else []), name, aid]:
                out.setdefault(str(key).strip().lower(), aid)
        return out

    def actor_lookup(self) -> dict[str, str]:
        """Lower-cased name, alias or id -> actor id (for URLs and search). Shared: do not modify."""
        return self._lookup

    def date_bounds(self) -> tuple[date | None, date | None]:
        """Earliest and latest date the date filter offers.

        The months the articles were published in: a 1987 corpus offers February to October 1987,
        however far its statements reach ("by the year 2000"). Those stay on the timeline with no
        filter set. Without publication dates, the bulk (1st to 99th percentile) of event dates.
        """
        return self._bounds

    def _date_bounds(self) -> tuple[date | None, date | None]:
        pub = self.doc_pub[~np.isnat(self.doc_pub)]
        if len(pub):
            return _month_bounds(pd.Timestamp(pub.min()), pd.Timestamp(pub.max()))
        ev = np.concatenate([self.ev_d0, self.ev_d1])
        ev = ev[~np.isnat(ev)]
        if not len(ev):
            return None, None
        s = pd.Series(ev)
        return s.quantile(0.01).date(), s.quantile(0.99).date()

    def source_note(self) -> str:
        """'Source: Dossier analysis of <corpus> (N articles; cache built DATE)' for chart footers."""
        return self._note

    def article_text(self, doc_id: str) -> str | None:
        """One article's cleaned text: from the cache on disk, or the documents frame if it has them."""
        if "text" in self.documents.columns:
            t = self.by_doc.text.get(doc_id)
            return None if t is None or (isinstance(t, float)) else str(t)
        if self.generation is None:
            return None
        return _read_text(str(self.generation), doc_id)


@lru_cache(maxsize=TEXTS_CACHED)
def _read_text(generation: str, doc_id: str) -> str | None:
    """One article's text by doc_id, read from the cache only when the reader opens it."""
    return store.read_text(Path(generation), doc_id)


def load(generation: Path) -> Corpus:
    """The corpus of one cache generation (see `store.resolve`); raises store.CacheError."""
    generation = Path(generation)
    manifest = store.read_manifest(generation)
    if manifest is None:
        raise store.missing(generation)
    docs = store.read_table(generation, "documents", DOC_COLUMNS)
    untitled = docs.doc_id[docs.title.isna() | (docs.title.astype(str).str.strip() == "")]
    leads = store.read_leads(generation, list(untitled)) if len(untitled) <= MAX_LEADS else {}
    docs["lead"] = docs.doc_id.map(leads).astype(object)
    mentions = store.read_table(generation, "mentions", MENTION_COLUMNS)
    tables = {name: store.read_table(generation, name) for name in ("actors", "events", "quotes")}
    return Corpus(documents=docs, mentions=mentions, manifest=manifest, generation=generation, **tables)
