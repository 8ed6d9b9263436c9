"""The evidence behind a network link: the sentences where two actors appear together, or the
quotes in which one speaks about the other. Pure, no streamlit."""
from __future__ import annotations

import re

import pandas as pd

from .corpus import Corpus
from .filters import Filters
from .graph import QUOTES_ABOUT
from .query import filter_mentions, filter_quotes

LIMIT = 25
SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*\s+|\n")
MAX_SNIPPET = 600

COLUMNS = ["doc_id", "article", "published", "start", "end", "text"]


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) holding text[start:end]: from the previous sentence end to the next."""
    before = [m.end() for m in SENTENCE_END.finditer(text, max(0, start - MAX_SNIPPET), start)]
    s = before[-1] if before else max(0, start - MAX_SNIPPET)
    after = SENTENCE_END.search(text, end, min(len(text), end + MAX_SNIPPET))
    e = after.start() + 1 if after else min(len(text), end + MAX_SNIPPET)
    return s, min(max(e, end), len(text))


def cooccurrence(c: Corpus, f: Filters, a: str, b: str, scope: str = "sentence", limit: int = LIMIT
                 ) -> tuple[pd.DataFrame, int]:
    """(the sentences or articles where actors `a` and `b` both appear, at most `limit`; how many in all)."""
    m = filter_mentions(c, f)
    m = m[m.actor_id.isin([a, b])]
    unit = ["doc_id", "sent"] if scope == "sentence" else ["doc_id"]
    both = m.groupby(unit, observed=True).actor_id.nunique()
    keys = both[both == 2].index
    if not len(keys):
        return pd.DataFrame(columns=COLUMNS), 0
    m = m.set_index(unit).loc[keys].reset_index()
    spans = m.groupby(unit, observed=True).agg(start=("start", "min"), end=("end", "max")).reset_index()
    spans = _dated(c, spans).head(limit)
    rows = []
    for r in spans.itertuples():
        text = c.article_text(r.doc_id) or ""
        s, e = sentence_around(text, int(r.start), int(r.end)) if scope == "sentence" else (int(r.start), int(r.end))
        snippet = " ".join(text[s:e].split())
        rows.append((r.doc_id, r.article, r.published, s, e,
                     snippet if len(snippet) <= MAX_SNIPPET else snippet[:MAX_SNIPPET - 1] + "…"))
    return pd.DataFrame(rows, columns=COLUMNS), len(keys)


def quotes_about(c: Corpus, f: Filters, speaker: str, about: str, limit: int = LIMIT) -> tuple[pd.DataFrame, int]:
    """(the quotes in which `speaker` talks about `about`, at most `limit`; how many in all)."""
    q = filter_quotes(c, f)
    q = q[(q.speaker_id == speaker) & q.about_ids.map(lambda ids: about in list(ids) if ids is not None else False)]
    if q.empty:
        return pd.DataFrame(columns=COLUMNS), 0
    out = _dated(c, q[["doc_id", "start", "end", "text"]]).head(limit)
    return out[COLUMNS].reset_index(drop=True), len(q)


def for_edge(c: Corpus, f: Filters, source: str, target: str, kind: str, scope: str = "sentence",
             limit: int = LIMIT) -> tuple[pd.DataFrame, int]:
    """The evidence of one network edge, by its kind."""
    if kind == QUOTES_ABOUT:
        return quotes_about(c, f, source, target, limit)
    return cooccurrence(c, f, source, target, scope, limit)


def _dated(c: Corpus, rows: pd.DataFrame) -> pd.DataFrame:
    """Rows with their article's label and date, earliest first (undated last)."""
    docs = c.by_doc
    rows = rows.assign(article=rows.doc_id.map(docs.label).astype(object),
                       published=rows.doc_id.map(docs.published).astype(object))
    return rows.sort_values(["published", "doc_id", "start"], na_position="last").reset_index(drop=True)
