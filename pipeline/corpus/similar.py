"""Corpus-wide: near-duplicate texts and publication dates borrowed from similar dated articles.

Both run in about linear time on large corpora:
- near_duplicates: MinHash (64 hashes) over 5-word shingles, LSH banding for candidate pairs, then
  the exact shingle Jaccard on candidates only.
- similar_dates: sentences sharing most of their content words (a repeated or re-translated quote),
  found through an inverted index over the sentences of dated documents.
"""
from __future__ import annotations

import re
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

import numpy as np

from pipeline import resources as R
from pipeline.inputs.publication import as_date
from pipeline.corpus.unionfind import UnionFind

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
SHINGLE = 5
N_HASH = 64
BANDS = 16
rng = np.random.default_rng(20240731)
_A = rng.integers(1, 2**63 - 1, N_HASH, dtype=np.uint64) | np.uint64(1)
_B = rng.integers(0, 2**63 - 1, N_HASH, dtype=np.uint64)
_EMPTY = np.iinfo(np.uint64).max       # the signature of a text without words


def _words(text: str) -> list[str]:
    return _WORD.findall(text.translate(_QUOTES).lower())


# ---------------------------------------------------------------- near duplicates


def shingles(text: str) -> np.ndarray:
    """Distinct 64-bit hashes of the word 5-grams (the whole text when shorter).

    Words hash with crc32, so a document's shingles do not depend on the rest of the corpus."""
    words = _words(text)
    ids = np.fromiter((zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words), dtype=np.uint64,
                      count=len(words))
    if len(ids) == 0:
        return np.zeros(0, dtype=np.uint64)
    k = min(SHINGLE, len(ids))
    h = np.zeros(len(ids) - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * np.uint64(1_000_003) + ids[j:len(ids) - k + 1 + j] + np.uint64(1)
    return np.unique(h)


def _minhash(sh: np.ndarray) -> np.ndarray:
    if len(sh) == 0:
        return np.full(N_HASH, _EMPTY, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return (sh[None, :] * _A[:, None] + _B[:, None]).min(axis=1)


def signature(text: str) -> bytes:
    """The MinHash signature of a text (N_HASH 64-bit values), stored per document by the build."""
    return _minhash(shingles(text)).tobytes()


def near_duplicates(docs: list[tuple[str, str]], threshold: float = R.NEAR_DUP_JACCARD,
                    signatures: list[bytes] | None = None) -> dict[str, str]:
    """[(doc_id, text)] -> {duplicate doc_id: original doc_id} for near-identical texts.

    `signatures`: the documents' `signature`s when stored; computed otherwise. The original is
    the first document of each group in input order."""
    if signatures is None:
        signatures = [signature(t) for _, t in docs]
    sigs = (np.frombuffer(b"".join(signatures), dtype=np.uint64).reshape(len(docs), N_HASH) if docs
            else np.zeros((0, N_HASH), dtype=np.uint64))
    empty = (sigs == _EMPTY).all(axis=1)
    rows = N_HASH // BANDS
    uf = UnionFind(len(docs))
    cache: dict[int, np.ndarray] = {}

    def sh(i: int) -> np.ndarray:
        if i not in cache:
            cache[i] = shingles(docs[i][1])
        return cache[i]

    checked: set[tuple[int, int]] = set()
    for b in range(BANDS):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        band = sigs[:, b * rows:(b + 1) * rows]
        for i in np.flatnonzero(~empty):
            buckets[band[i].tobytes()].append(int(i))
        for members in buckets.values():
            for j in members[1:]:
                i = members[0]
                if (i, j) in checked or uf.find(i) == uf.find(j):
                    continue
                checked.add((i, j))
                if _jaccard(sh(i), sh(j)) >= threshold:
                    uf.union(i, j)
    return {docs[i][0]: docs[uf.find(i)][0] for i in range(len(docs)) if uf.find(i) != i}


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / max(len(a) + len(b) - inter, 1)


# ---------------------------------------------------------------- similar dates


_SENT_SPLIT = re.compile(r"(?<=[.!?\u201d\"])\s+|\n+")


def sentence_sets(text: str) -> list[frozenset[str]]:
    """Content-word sets of the sentences (possessive 's dropped, stop words out)."""
    out = []
    # apostrophes mapped and lower-cased once for the whole text: neither moves a boundary
    for sent in _SENT_SPLIT.split(text.translate(_APOSTROPHES).lower()):
        words = {w[:-2] if w.endswith("'s") else w for w in set(_WORD.findall(sent))}
        words = frozenset(w for w in words if len(w) > 2) - R.STOP_WORDS
        if len(words) >= R.SIMILAR_MIN_SHARED:
            out.append(words)
    return out


def _ids_match(a: set[int], a_len: int, b: np.ndarray) -> bool:
    """Whether two sentences are shared: `a` the known word ids of a sentence of `a_len` words,
    `b` the word ids of an indexed sentence."""
    shared = len(a.intersection(b.tolist()))
    return shared >= R.SIMILAR_MIN_SHARED and shared >= R.SIMILAR_MIN_OVERLAP * min(a_len, len(b))


def _index_sentences(texts: Iterable[tuple[int, str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, int]]:
    """The sentences of (doc index, text) pairs as word ids, in flat arrays rather than a set per
    sentence (17k articles, 1% undated: +17 MB, not +201 MB): (doc index of each sentence,
    offsets of each sentence's ids in the flat array and one past the last, the flat array,
    {word: id}). Ids follow the words' sorted order."""
    vocab: dict[str, int] = {}
    flat, offsets, owner = array("i"), array("q", [0]), array("i")
    for i, text in texts:
        for ws in sentence_sets(text):
            flat.extend(vocab.setdefault(w, len(vocab)) for w in ws)
            offsets.append(len(flat))
            owner.append(i)
    words = list(vocab)
    rank = np.empty(len(words), dtype=np.int32)
    rank[sorted(range(len(words)), key=words.__getitem__)] = np.arange(len(words), dtype=np.int32)
    ids = rank[np.frombuffer(flat, dtype=np.int32)] if len(flat) else np.zeros(0, dtype=np.int32)
    return (np.frombuffer(owner, dtype=np.int32), np.frombuffer(offsets, dtype=np.int64), ids,
            {w: int(r) for w, r in zip(words, rank)})


def _postings(flat: np.ndarray, offsets: np.ndarray, n_words: int) -> tuple[np.ndarray, np.ndarray]:
    """The inverted index as (sentence numbers grouped by word id, in sentence order; where each
    word's group starts, and one past the last)."""
    sentence_of = np.repeat(np.arange(len(offsets) - 1, dtype=np.int32), np.diff(offsets))
    postings = sentence_of[np.argsort(flat, kind="stable")]
    ptr = np.zeros(n_words + 1, dtype=np.int64)
    ptr[1:] = np.cumsum(np.bincount(flat, minlength=n_words))
    return postings, ptr



def similar_dates(docs: list[dict], near: dict[str, str] | None = None) -> dict[str, tuple[date, str]]:
    """For undated docs, the date of a near-duplicate or of the dated doc sharing most sentences.

    Two sentences are shared when they have at least SIMILAR_MIN_SHARED content words in common,
    covering SIMILAR_MIN_OVERLAP of the shorter one (a repeated or re-translated quote, say).
    docs: dicts with doc_id, text, published (date or null), date_source.
    `near`: the corpus's near_duplicates, when the caller has them already.
    Returns {doc_id: (date, from_doc_id)}; docs with no such match are left out."""
    pubs = [as_date(d.get("published")) for d in docs]
    undated = [i for i, p in enumerate(pubs) if p is None]
    if not undated or all(p is None for p in pubs):
        return {}
    out: dict[str, tuple[date, str]] = {}
    if near is None:
        near = near_duplicates([(d["doc_id"], d["text"]) for d in docs])
    by_id = {d["doc_id"]: i for i, d in enumerate(docs)}
    groups: dict[str, list[int]] = defaultdict(list)
    for dup, orig in near.items():
        groups[orig].append(by_id[dup])
    for orig, members in groups.items():         # a dated member of the group dates the others
        group = [by_id[orig]] + members
        dated = [i for i in group if pubs[i] is not None]
        if dated:
            for i in group:
                if pubs[i] is None:
                    out[docs[i]["doc_id"]] = (pubs[dated[0]], docs[dated[0]]["doc_id"])
    owner, offsets, flat, vocab = _index_sentences((i, docs[i]["text"]) for i, p in enumerate(pubs) if p is not None)
    postings, ptr = _postings(flat, offsets, len(vocab))
    n_sents = len(owner)
    max_df = max(50, n_sents // 200)             # very common words do not propose candidates
    small = n_sents < 20_000                     # small corpora: every word proposes candidates
    for i in undated:
        if docs[i]["doc_id"] in out:
            continue
        shared_by_doc: Counter = Counter()
        for ws in sentence_sets(docs[i]["text"]):
            ids = {vocab[w] for w in ws if w in vocab}
            # candidates from the rarest words only, verified on the whole sets; ids are in the
            # words' sorted order, so ties between equally rare words fall as they would by word
            rare = sorted((n, w) for w in ids if (n := int(ptr[w + 1] - ptr[w])) <= max_df)
            if small:
                need = R.SIMILAR_MIN_SHARED // 2
            else:
                rare, need = rare[:6], min(3, len(rare))
            hits: Counter = Counter()
            for _, w in rare:
                hits.update(postings[ptr[w]:ptr[w + 1]].tolist())
            matched = {int(owner[k]) for k, n in hits.most_common(50)
                       if n >= need and _ids_match(ids, len(ws), flat[offsets[k]:offsets[k + 1]])}
            shared_by_doc.update(matched)
        if shared_by_doc:
            j, n = max(shared_by_doc.items(), key=lambda kv: (kv[1], -kv[0]))
            if n >= R.SIMILAR_MIN_SENTENCES:
                out[docs[i]["doc_id"]] = (pubs[j], docs[j]["doc_id"])
    return out
