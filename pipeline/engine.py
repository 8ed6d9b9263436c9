"""Engines: how per-document work is scheduled. Serial for small corpora, a process pool otherwise.

Every engine maps `process.process` over Articles and yields DocResults in input order. A
cluster engine (Dask) slots in here with the same signature.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice

from more_itertools import constrained_batches
from spacy.language import Language
from spacy.tokens import Doc

from .document import nlp as nlp_mod
from .inputs.article import Article
from .document.process import DocResult, process

BATCH = 16          # articles per worker task
AHEAD = 4           # tasks in flight per worker: enough to keep it busy, few to hold
PARALLEL_FROM = 64  # below this many articles, start-up of workers costs more than it saves
# From this many articles the corpus steps run in one process: their second process saves about
# 5 s at 17k articles (1% of a full build) but holds 0.2-0.3 GB through the steps' peak, which
# then tops the parse's (0.81 GB against 0.75).
STEPS_SERIAL_FROM = 5000
# Text per spaCy batch. spaCy holds several KB per token of a batch at once: sixteen of the
# longest Reuters stories (5-10 KB each) took a worker to 0.36 GB, 0.15 GB with this bound, in
# the same time. So a worker's memory no longer depends on which articles a corpus happens to
# have side by side. Short items still go up to sixteen at a time; a longer article goes alone.
MAX_BATCH_CHARS = 12_000
# Articles a worker parses before it is replaced. spaCy adds every new word to the worker's
# vocabulary and never lets go: over 2,000 articles a worker grew from 0.13 to 0.17 GB, over
# 500 to 0.15 GB. The model is loaded once in the parent (`_shared_model`), so a fresh worker
# costs only a fork and a short wait for the last batches of its pool (17k articles, 18 pools:
# no slower than 5 within the machine's noise). A corpus of up to 500 articles per worker (1,000
# with two) runs in one pool, so memory at that size is what it is at any size.
RECYCLE = 500


# Workers are forked (the default on Linux until Python 3.14, pinned here): they inherit the
# parent's model and frozen objects. Elsewhere the platform's default, which loads per worker.
_FORK = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None


def _preload(model: str) -> None:
    nlp_mod.load(model)


@contextmanager
def _shared_model(model: str) -> Iterator[None]:
    """The model loaded in the parent while its forked workers run: they share its pages (about
    25 MB less per worker) and a fresh worker starts at once instead of loading it. Dropped
    afterwards unless the caller had it loaded already, so that the corpus steps run without it
    (17k articles: the parent held 90 MB more through their peak)."""
    before = nlp_mod.load.cache_info().misses
    _preload(model)
    try:
        yield
    finally:
        if nlp_mod.load.cache_info().misses > before:     # loaded here (the cache holds it alone)
            nlp_mod.load.cache_clear()
            gc.collect()


def _init_worker(model: str) -> None:
    nlp_mod.load(model)        # cached per process: every batch of this worker reuses it


def parsed(nlp: Language, articles: Iterable[Article], max_chars: int) -> Iterator[tuple[Article, Doc]]:
    """(article, Doc) in input order, parsed in batches of at most BATCH articles and `max_chars`
    of text (an article longer than that alone)."""
    for group in constrained_batches(articles, max_chars, max_count=BATCH, get_len=lambda a: len(a.text), strict=False):
        yield from zip(group, nlp.pipe([a.text for a in group], batch_size=len(group)))


def run_batch(articles: list[Article], model: str) -> list[DocResult]:
    """The per-document stages over one batch, in a worker (the model loads once per process)."""
    return [process(a, d) for a, d in parsed(nlp_mod.load(model), articles, MAX_BATCH_CHARS)]


def run_serial(articles: Sequence[Article], model: str, progress: Callable[[int], None]) -> Iterator[DocResult]:
    for a, d in parsed(nlp_mod.load(model), articles, MAX_BATCH_CHARS):
        yield process(a, d)
        progress(1)


def run_pool(articles: Sequence[Article], model: str, jobs: int, progress: Callable[[int], None],
             recycle: int = RECYCLE) -> Iterator[DocResult]:
    """Batches to `jobs` forked workers, AHEAD per worker in flight; results in input order.
    Every `recycle` articles per worker, the workers are replaced by fresh ones."""
    step = max(BATCH, recycle // BATCH * BATCH) * jobs
    if not len(articles):
        return
    with _shared_model(model):
        for start in range(0, len(articles), step):
            yield from _pool(articles, range(start, min(start + step, len(articles)), BATCH), model, jobs, progress)


def _pool(articles: Sequence[Article], starts: range, model: str, jobs: int,
          progress: Callable[[int], None]) -> Iterator[DocResult]:
    """The batches of `articles` beginning at `starts`, on one pool of forked workers."""
    batches = (articles[i:i + BATCH] for i in starts)   # read when sent; a share is whole batches
    pending: deque[Future] = deque()
    # The workers are forked: with the parent's objects frozen, the workers' collector never
    # writes to them, so their pages stay shared instead of copied into each worker.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(model,),
                                 mp_context=_FORK) as pool:
            try:
                pending.extend(pool.submit(run_batch, b, model) for b in islice(batches, jobs * AHEAD))
                while pending:
                    batch_results = pending.popleft().result()
                    nxt = next(batches, None)
                    if nxt is not None:
                        pending.append(pool.submit(run_batch, nxt, model))
                    yield from batch_results
                    progress(len(batch_results))
            finally:
                for f in pending:      # stopped early: batches not started are dropped
                    f.cancel()
    finally:
        gc.unfreeze()


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def workers(jobs: int | None) -> int:
    """The process count a `--jobs` value means: None is automatic, anything below 1 is 1."""
    return default_jobs() if jobs is None else max(1, jobs)


def worth_processes(n: int, jobs: int | None) -> bool:
    """Whether n articles are worth more than one process with this `--jobs` value."""
    return workers(jobs) > 1 and n >= PARALLEL_FROM


def parallel_steps(n: int, jobs: int | None) -> bool:
    """Whether the corpus steps of an n-article corpus run their two halves side by side."""
    return worth_processes(n, jobs) and n < STEPS_SERIAL_FROM


def run(articles: Sequence[Article], model: str, jobs: int | None = None,
        progress: Callable[[int], None] = lambda n: None) -> Iterator[DocResult]:
    """DocResults for `articles`, in order, using `jobs` worker processes (None: automatic)."""
    if not worth_processes(len(articles), jobs):
        return run_serial(articles, model, progress)
    return run_pool(articles, model, workers(jobs), progress)
