"""Per-document results as tables, the form in which the cache keeps them between builds.

A build turns each DocResult into rows as soon as it arrives (the parent process never holds
spaCy-sized objects for the whole corpus) and keys every row by `seq`, the article's place in
input order. Rows of unchanged articles come back from the previous generation the same way, so
corpus-wide steps see one set of tables whatever was parsed this time.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from . import store
from .inputs.article import Article
from .document.process import DocResult

DOC_COLS = ["seq", "path", "input", "title", "outlet", "url", "published", "date_source", "text",
            "n_words", "lead_start", "lead_end", "cleaning_notes", "stage_errors", "nlp_key"]
MENTION_COLS = ["seq", "start", "end", "text", "label", "sent", "name", "type"]
QUOTE_COLS = ["seq", "text", "kind", "start", "end", "speaker", "speaker_start", "speaker_end",
              "speaker_ref_start", "speaker_ref_end", "cue"]
TIMEX_COLS = ["seq", "expression", "expr_start", "expr_end", "sent_start", "sent_end", "spec"]
CHUNK = 500          # DocResults turned into DataFrames at a time
COLUMNS = {"documents": DOC_COLS, "mentions": MENTION_COLS, "quotes": QUOTE_COLS, "timexes": TIMEX_COLS}


def nlp_key(article: Article, stamp: str) -> str:
    """What the per-document stages depend on: cleaned text, line roles, own date, code and model."""
    h = hashlib.sha256(stamp.encode())
    h.update(article.text.encode("utf-8", "surrogatepass"))
    h.update(repr([(b.start, b.end, b.role) for b in article.blocks]).encode())
    h.update(f"{article.published}|{article.date_source}".encode())
    return h.hexdigest()[:24]


def frame(rows: list[dict], cols: list[str]) -> pd.DataFrame:
    """Rows as a DataFrame with at least `cols` (an empty table keeps its columns)."""
    df = pd.DataFrame(rows)
    for c in cols:
        if c not in df.columns:
            df[c] = pd.Series(dtype=object)
    return df


class Collector:
    """Accumulates DocResults as compact tables, CHUNK documents at a time.

    Each chunk is kept as compressed Parquet bytes (`store.pack`) until the parse ends: while
    the workers run, the parent holds under a third of the rows' size (17k articles: 14 MB for
    50 MB of DataFrames), and the tables are made whole only once the workers are gone."""

    def __init__(self) -> None:
        self._rows: dict[str, list[dict]] = {k: [] for k in COLUMNS}
        self._frames: dict[str, list[bytes | pd.DataFrame]] = {k: [] for k in self._rows}
        self._pending = 0

    def add(self, seq: int, r: DocResult, input_path: str, key: str) -> None:
        """One parsed article, at position `seq` of the corpus."""
        a = r.article
        self._rows["documents"].append({
            "seq": seq, "path": a.path, "input": input_path, "title": a.title, "outlet": a.outlet,
            "url": a.url, "published": a.published, "date_source": a.date_source, "text": a.text,
            "n_words": r.n_words, "lead_start": r.lead[0] if r.lead else None,
            "lead_end": r.lead[1] if r.lead else None, "cleaning_notes": len(a.notes),
            "stage_errors": "\n".join(r.errors), "nlp_key": key})
        self._rows["mentions"] += [{**m, "seq": seq} for m in r.mentions]
        self._rows["quotes"] += [{**q, "seq": seq} for q in r.quotes]
        self._rows["timexes"] += [{**{k: t[k] for k in TIMEX_COLS[1:-1]}, "spec": json.dumps(t["spec"], default=str),
                                   "seq": seq} for t in r.timexes]
        self._pending += 1
        if self._pending >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        for k, rows in self._rows.items():
            if rows:
                self._frames[k].append(store.pack(frame(rows, COLUMNS[k])))
            self._rows[k] = []
        self._pending = 0

    def tables(self) -> dict[str, pd.DataFrame]:
        """documents, mentions, quotes and timexes of everything added, keyed by seq."""
        self._flush()
        out = {}
        for k in list(self._frames):
            chunks, self._frames[k] = self._frames[k], []
            out[k] = pd.concat([store.unpack(c) for c in chunks], ignore_index=True) if chunks else frame([], COLUMNS[k])
        store.release_memory()
        return out


def timex_lookup(timexes: pd.DataFrame) -> Callable[[int], list[dict]]:
    """For stored timex rows, a function seq -> that document's timexes as the dicts
    `events.build_events` takes, in stored order. Each call builds only its document's dicts, so
    the corpus never holds all of them at once (17k articles: 63k dicts, +40 MB)."""
    t = timexes.sort_values("seq", kind="stable")
    seqs = t.seq.to_numpy()
    rows = list(zip(t.expression.tolist(), t.expr_start.tolist(), t.expr_end.tolist(),
                    t.sent_start.tolist(), t.sent_end.tolist(), t.spec.tolist()))

    def dicts_for(seq: int) -> list[dict]:
        lo, hi = np.searchsorted(seqs, seq, "left"), np.searchsorted(seqs, seq, "right")
        return [{"expression": ex, "expr_start": int(es), "expr_end": int(ee), "sent_start": int(ss),
                 "sent_end": int(se), "spec": json.loads(spec)} for ex, es, ee, ss, se, spec in rows[lo:hi]]
    return dicts_for


def carried(prev: Path | None, reuse: list[dict]) -> dict[str, pd.DataFrame]:
    """The previous generation's per-document rows for `reuse`, keyed by their new seq."""
    if prev is None or not reuse:
        return {}
    r = pd.DataFrame(reuse)
    old = set(r.old)
    out = {}
    for name, table in (("documents", "documents"), ("mentions", "mentions_raw"),
                        ("quotes", "quotes"), ("timexes", "timexes")):
        df = store.read_table(prev, table)
        df = df[df.doc_id.isin(old)]
        df = df.merge(r[["seq", "old"]], left_on="doc_id", right_on="old", how="inner").drop(columns=["old"])
        out[name] = df
    docs = out["documents"]
    fresh = {row["seq"]: row for row in reuse if "path" in row}   # re-read files: current path and metadata
    if fresh:
        for c in ("path", "input", "title", "outlet", "url"):
            docs[c] = pd.Series([fresh[s][c] if s in fresh else v for s, v in zip(docs.seq, docs[c])],
                                index=docs.index, dtype=object)
    q = out["quotes"]
    if "speaker_raw" in q.columns:
        q["speaker"] = q["speaker_raw"]
    out["quotes"] = q.drop(columns=[c for c in ("speaker_raw", "speaker_id", "about_ids", "group_id",
                                                "n_reports", "quote_id") if c in q.columns])
    out["documents"] = docs.drop(columns=["duplicate_of", "dated_from"], errors="ignore")
    return {k: v.drop(columns=["doc_id"]) for k, v in out.items()}


def merge(new: dict[str, pd.DataFrame], old: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """New and carried-over per-document tables as one set, in seq order."""
    out = {}
    for k, df in new.items():
        parts = [x for x in (df, old.get(k)) if x is not None and len(x)]
        both = pd.concat(parts, ignore_index=True) if len(parts) > 1 else (parts[0] if parts else df)
        out[k] = both.sort_values("seq", kind="stable").reset_index(drop=True)
    return out
