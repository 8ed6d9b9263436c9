"""Engines: how per-document work is scheduled. Serial for small corpora, a process pool otherwise.

Every engine maps `process.process` over Articles and yields DocResults in input order. A
cluster engine (Dask) slots in here with the same signature.
"""
from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

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


def _init_worker(model: str) -> None:
    nlp_mod.load(model)        # cached per process: every batch of this worker reuses it


def run_batch(articles: list[Article], model: str) -> list[DocResult]:
    """The per-document stages over one batch, in a worker (the model loads once per process)."""
    nlp = nlp_mod.load(model)
    return [process(a, d) for a, d in zip(articles, nlp.pipe([a.text for a in articles]))]


def run_serial(articles: Sequence[Article], model: str, progress: Callable[[int], None]) -> Iterator[DocResult]:
    nlp = nlp_mod.load(model)
    for d, a in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=8):
        yield process(a, d)
        progress(1)


def run_pool(articles: Sequence[Article], model: str, jobs: int, progress: Callable[[int], None]) -> Iterator[DocResult]:
    """Batches to `jobs` forked workers, AHEAD per worker in flight; results in input order."""
    batches = (articles[i:i + BATCH] for i in range(0, len(articles), BATCH))   # read when sent
    pending: deque[Future] = deque()
    # The workers are forked: with the parent's objects frozen, the workers' collector never
    # writes to them, so their pages stay shared instead of copied into each worker.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(model,)) as pool:
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
