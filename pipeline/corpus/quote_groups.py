"""Quote groups: the same statement reported by several articles ("also reported by").

Two quotes from different articles join one group when
- their normalised texts are near-identical (rapidfuzz token-set ratio >= 90), or
- their speakers are compatible and they share enough distinctive words, as with two translations
  of one agency statement (samples 002 and 003 both report Tasnim's and Iranian state TV's words).
Candidate pairs come from an inverted index of rare word stems, so the work grows with the
number of quotes, not its square.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Iterable

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from .. import resources as R
from .unionfind import UnionFind

WORD = re.compile(r"[a-z0-9]+")
NEAR_IDENTICAL = 90       # token-set ratio on normalised text
STEM = 5                  # crude stemming: a word's first letters
MAX_POSTINGS = 200        # stems in more quotes than this are too common to suggest a pair
CHUNK_PAIRS = 100_000     # stem pairs expanded at once by candidate_pairs (whole quotes)


def stems(text: str) -> set[str]:
    """Distinctive word stems of a quote (stop words and short words dropped)."""
    words = WORD.findall(text.lower().replace("\u2019", "'"))
    return {w[:STEM] for w in words if len(w) > 2 and w not in R.STOP_WORDS}


def normalised(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _speakers_compatible(a, b, na: str, nb: str) -> bool:
    if a is not None and b is not None and a == b:
        return True
    if not na or not nb:
        return True
    ta, tb = set(WORD.findall(na.lower())), set(WORD.findall(nb.lower()))
    return len(ta & tb - R.STOP_WORDS) >= 1


def _same_statement(sa: set[str], sb: set[str]) -> bool:
    shared = len(sa & sb)
    small = min(len(sa), len(sb)) or 1
    return (shared >= 5 and shared / small >= 0.5) or (shared >= 8 and shared / small >= 0.4)


def _postings(stem_sets: Iterable[set[str]]) -> tuple[np.ndarray, np.ndarray]:
    """(quote, stem code) rows sorted by stem then quote, without stems in > MAX_POSTINGS quotes.
    The stem sets are read once, so they can come from a generator."""
    codes: dict[str, int] = {}
    quote, stem = array("q"), array("q")
    for i, ss in enumerate(stem_sets):
        stem.extend(codes.setdefault(s, len(codes)) for s in ss)
        quote.extend([i] * len(ss))
    quote, stem = np.frombuffer(quote, dtype=np.int64), np.frombuffer(stem, dtype=np.int64)
    order = np.lexsort((quote, stem))
    quote, stem = quote[order], stem[order]
    keep = np.bincount(stem)[stem] <= MAX_POSTINGS if len(stem) else np.zeros(0, bool)
    return quote[keep], stem[keep]


def _later_postings(stem: np.ndarray) -> np.ndarray:
    """Per posting row (sorted by stem, then quote): how many rows of the same stem follow it."""
    starts = np.r_[0, np.flatnonzero(np.diff(stem)) + 1]
    ends = np.r_[starts[1:], len(stem)]
    return np.repeat(ends, ends - starts) - np.arange(len(stem)) - 1


def _pair_codes(quote: np.ndarray, after: np.ndarray, rows: np.ndarray, n: int) -> np.ndarray:
    """i * n + j for every posting in `rows` and each later posting of its stem (i < j: postings
    of a stem are sorted by quote)."""
    a = after[rows]
    left = np.repeat(rows, a)
    step = np.arange(len(left)) - np.repeat(np.cumsum(a) - a, a)      # 0, 1, ... per left row
    return quote[left] * n + quote[left + 1 + step]


def candidate_pairs(stem_sets: Iterable[set[str]], docs: list[str], min_shared: int = 3) -> list[tuple[int, int]]:
    """Pairs (i < j) of quotes from different articles sharing `min_shared` distinctive stems,
    sorted. `stem_sets` (one per quote, read once) and `docs` (each quote's article) are in
    the same order.

    Stems in more than MAX_POSTINGS quotes propose no pairs. The postings' self-join runs in numpy
    over chunks of whole first quotes i (about CHUNK_PAIRS stem pairs each): every stem a pair
    shares is counted in the pair's own chunk, so a chunk keeps only its pairs that pass and memory
    stays bounded by the chunk, not by the number of stem pairs in the corpus."""
    n = len(docs)
    quote, stem = _postings(stem_sets)
    if len(stem) == 0:
        return []
    after = _later_postings(stem)
    by_quote = np.argsort(quote, kind="stable")
    first = quote[by_quote]
    work = np.cumsum(after[by_quote])
    kept, lo = [], 0
    while lo < len(by_quote):
        done = int(work[lo - 1]) if lo else 0
        hi = max(int(np.searchsorted(work, done + CHUNK_PAIRS, side="right")), lo + 1)
        hi = int(np.searchsorted(first, first[hi - 1], side="right"))     # whole quotes only
        code, count = np.unique(_pair_codes(quote, after, by_quote[lo:hi], n), return_counts=True)
        kept.append(code[count >= min_shared])
        lo = hi
    code = np.concatenate(kept)
    i, j = code // n, code % n
    doc = pd.factorize(pd.Series(docs, dtype=object))[0]
    other = doc[i] != doc[j]
    return list(zip(i[other].tolist(), j[other].tolist()))


def group_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """group_id (the first quote_id of its group) and n_reports (distinct articles) per quote.

    `quotes` needs quote_id, doc_id, text, speaker_id and speaker. Returns a frame indexed like
    `quotes` with columns group_id, n_reports.
    """
    n = len(quotes)
    if n == 0:
        return pd.DataFrame({"group_id": pd.Series(dtype=object), "n_reports": pd.Series(dtype="int32")})
    qid = quotes.quote_id.tolist()
    docs = quotes.doc_id.tolist()
    texts = quotes.text.fillna("").tolist()
    spk = [None if pd.isna(s) else s for s in quotes.speaker_id]
    names = ["" if pd.isna(s) else str(s) for s in quotes.speaker]
    norm = [normalised(t) for t in texts]
    # stem sets only while the postings are built, then again for the pairs that need them:
    # at 46k quotes a set per quote held about 70 MB
    pairs = candidate_pairs((stems(t) for t in texts), docs)
    # one thread: the build may run a worker beside this, and the app calls it on alias edits
    near = process.cpdist([norm[i] for i, _ in pairs], [norm[j] for _, j in pairs],
                          scorer=fuzz.token_set_ratio, dtype=np.float64, workers=1) if pairs else []
    uf = UnionFind(n)
    for (i, j), ratio in zip(pairs, near):
        if ratio >= NEAR_IDENTICAL or (
                _speakers_compatible(spk[i], spk[j], names[i], names[j])
                and _same_statement(stems(texts[i]), stems(texts[j]))):
            uf.union(i, j)
    roots = [uf.find(i) for i in range(n)]
    group = pd.Series([qid[r] for r in roots], index=quotes.index)
    reports = pd.Series(docs, index=quotes.index).groupby(group).transform("nunique").astype("int32")
    return pd.DataFrame({"group_id": group, "n_reports": reports})
