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
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from . import store
from .inputs.article import Article
from .document.process import DocResult
from .spool import Spool

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

    Each chunk is kept as compressed Parquet bytes (`store.pack`) in a spool file until the parse
    ends: while the workers run, the parent holds none of the rows (17k articles: 14 MB packed,
    50 MB as DataFrames), and the tables are made whole only once the workers are gone."""

    def __init__(self) -> None:
        self._rows: dict[str, list[dict]] = {k: [] for k in COLUMNS}
        self._chunks: dict[str, list[int | pd.DataFrame]] = {k: [] for k in self._rows}
        self._spool = Spool()
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
                packed = store.pack(frame(rows, COLUMNS[k]))
                if isinstance(packed, bytes):      # else a DataFrame Arrow cannot hold: kept as is
                    self._spool.append(packed)
                    packed = len(self._spool) - 1
                self._chunks[k].append(packed)
            self._rows[k] = []
        self._pending = 0

    def _chunk(self, c: int | pd.DataFrame) -> pd.DataFrame:
        return c if isinstance(c, pd.DataFrame) else store.unpack(self._spool.read(c, c + 1)[0])

    def take(self, name: str) -> pd.DataFrame:
        """One table (documents, mentions, quotes or timexes) of everything added, keyed by seq;
        its chunks are handed over, so a second take gives an empty table."""
        self._flush()
        chunks, self._chunks[name] = self._chunks[name], []
        df = pd.concat([self._chunk(c) for c in chunks], ignore_index=True) if chunks else frame([], COLUMNS[name])
        if not any(self._chunks.values()):      # all handed over: the spool file goes
            self._spool.close()
            self._spool = Spool()
        store.release_memory()
        return df


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


CARRIED_FROM = {"documents": "documents", "mentions": "mentions_raw", "quotes": "quotes", "timexes": "timexes"}


def carried_table(prev: Path | None, reuse: list[dict], name: str) -> pd.DataFrame | None:
    """The previous generation's rows of one per-document table (`COLUMNS`) for `reuse`, keyed
    by their new seq; None when nothing is carried over."""
    if prev is None or not reuse:
        return None
    r = pd.DataFrame(reuse)
    df = store.read_table(prev, CARRIED_FROM[name])
    df = df[df.doc_id.isin(set(r.old))]
    df = df.merge(r[["seq", "old"]], left_on="doc_id", right_on="old", how="inner").drop(columns=["old"])
    if name == "documents":
        fresh = {row["seq"]: row for row in reuse if "path" in row}   # re-read files: current path and metadata
        for c in ("path", "input", "title", "outlet", "url") if fresh else ():
            df[c] = pd.Series([fresh[s][c] if s in fresh else v for s, v in zip(df.seq, df[c])],
                              index=df.index, dtype=object)
        df = df.drop(columns=["duplicate_of", "dated_from"], errors="ignore")
    if name == "quotes":
        if "speaker_raw" in df.columns:
            df["speaker"] = df["speaker_raw"]
        df = df.drop(columns=[c for c in ("speaker_raw", "speaker_id", "about_ids", "group_id",
                                          "n_reports", "quote_id") if c in df.columns])
    return df.drop(columns=["doc_id"])


def carried(prev: Path | None, reuse: list[dict]) -> dict[str, pd.DataFrame]:
    """The previous generation's per-document rows for `reuse`, keyed by their new seq."""
    if prev is None or not reuse:
        return {}
    return {name: carried_table(prev, reuse, name) for name in CARRIED_FROM}


def merge_table(new: pd.DataFrame, old: pd.DataFrame | None) -> pd.DataFrame:
    """New and carried-over rows of one per-document table, in seq order."""
    parts = [x for x in (new, old) if x is not None and len(x)]
    both = pd.concat(parts, ignore_index=True) if len(parts) > 1 else (parts[0] if parts else new)
    return both.sort_values("seq", kind="stable").reset_index(drop=True)


class PendingTables:
    """A build's per-document tables, each made whole only when a corpus step takes it (`pop`):
    until then the parsed rows stay packed in the collector's spool and the carried rows in the
    previous generation, so the quotes wait on disk while the actors are resolved (17k
    articles: the steps peaked 25 MB lower). `makers`: table name -> function making it."""

    def __init__(self, makers: dict[str, Callable[[], pd.DataFrame]]) -> None:
        self._makers = dict(makers)
        self._made: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._made:
            self._made[name] = self._makers[name]()       # a maker that fails can be asked again
            del self._makers[name]
            store.release_memory()
        return self._made[name]

    def pop(self, name: str) -> pd.DataFrame:
        """The table, which this object then no longer holds."""
        df = self[name]
        del self._made[name]
        return df

    def __contains__(self, name: object) -> bool:
        return name in self._made or name in self._makers


def pending_tables(col: Collector, prev: Path | None, reuse: list[dict]) -> PendingTables:
    """A build's per-document tables: the rows parsed now (`col`) and those carried over from
    `prev` for `reuse`, each merged in seq order when a step first takes it."""
    return PendingTables({k: partial(_merged, col, prev, reuse, k) for k in COLUMNS})


def _merged(col: Collector, prev: Path | None, reuse: list[dict], name: str) -> pd.DataFrame:
    return merge_table(col.take(name), carried_table(prev, reuse, name))
