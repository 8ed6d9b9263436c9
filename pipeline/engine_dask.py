"""Dask engine: the per-document stages on Dask distributed workers.

Same contract as `engine.run`: `process.process` over Articles, DocResults yielded in input order.
By default a LocalCluster of `jobs` single-threaded worker processes lives for one run; with
`scheduler="tcp://host:8786"` an existing cluster is used and left running. The client sends
each batch's cleaned Articles to the workers and gets DocResults back, so only the client reads
the inputs. dask and distributed are imported inside `run`: `--help` and the local engine never
pay for them.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from functools import lru_cache

from . import engine
from .inputs.article import Article
from .document.process import DocResult

IN_FLIGHT_PER_WORKER = 3   # batches running, queued or waiting to be yielded, per worker thread
WORKERS_TIMEOUT = 60       # seconds without any worker before giving up
POLL = 5                   # seconds between checks that the cluster still has workers


class EngineError(RuntimeError):
    """A batch could not be parsed on the cluster: its worker died, or the model failed to load."""


@lru_cache(maxsize=None)
def _model_lock(model: str) -> threading.Lock:
    """One parse at a time per model and worker process (workers started with --nthreads > 1)."""
    return threading.Lock()


def _run_batch(articles: list[Article], model: str) -> list[DocResult]:
    """Worker side: parse one batch with the process's cached model and run the stages."""
    with _model_lock(model):
        return engine.run_batch(articles, model)


def _connect(stack: ExitStack, jobs: int | None, scheduler: str | None):
    """A Client on `scheduler`, or on a LocalCluster that `stack` closes. Returns the Client."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = stack.enter_context(Client(scheduler, set_as_default=False))
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except (OSError, TimeoutError) as e:
            raise EngineError(f"no Dask cluster with workers at {scheduler}: {e}") from e
        return client   # closing the client leaves the cluster running
    n = engine.workers(jobs)         # the same reading of --jobs as the local engine
    # the workers' statistical profiler samples every 10 ms: a few % of parse time, unused here
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = stack.enter_context(LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=logging.ERROR))   # no INFO chatter, nor restart and shutdown noise
    return stack.enter_context(Client(cluster, set_as_default=False))


def _paths(batch: list[Article]) -> str:
    return ", ".join(a.path for a in batch)


def _result(future, batch: list[Article]) -> list[DocResult]:
    """The batch's DocResults, or an EngineError naming its articles."""
    from distributed import KilledWorker

    paths = _paths(batch)
    try:
        return future.result()
    except KilledWorker as e:
        raise EngineError(f"Dask workers died while parsing these articles (out of memory or a "
                          f"crash; try them with --engine local): {paths}") from e
    except Exception as e:  # noqa: BLE001 - re-raised with the articles' paths
        raise EngineError(f"parsing failed on a Dask worker ({type(e).__name__}: {e}) for: {paths}") from e


def run(articles: Sequence[Article], model: str, jobs: int | None = None,
        progress: Callable[[int], None] = lambda n: None,
        scheduler: str | None = None) -> Iterator[DocResult]:
    """DocResults for `articles`, in order, parsed on Dask workers.

    `jobs` workers in a LocalCluster (None: `engine.default_jobs()`), or the workers of the
    cluster at `scheduler` (then `jobs` is ignored). `progress(n)` is called as batches finish.
    The cluster (if ours) and the client are closed on return, error, interrupt or early stop.
    """
    n_batches = -(-len(articles) // engine.BATCH)
    if not n_batches:
        return
    run_id = uuid.uuid4().hex[:8]   # task keys unique on a shared cluster
    with ExitStack() as stack:
        client = _connect(stack, jobs, scheduler)
        window = IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values()))
        inflight: dict[str, tuple[int, object]] = {}   # future key -> (batch number, future)
        done: queue.Queue = queue.Queue()              # futures as they finish, in any order
        finished: dict[int, list[DocResult]] = {}      # done but not yet yielded (out of order)
        sent: dict[int, list[Article]] = {}            # submitted and unfinished: read when sent
        submitted = yielded = 0
        idle_since: float | None = None                # when the cluster was last seen without workers
        try:
            while yielded < n_batches:
                # at most `window` batches between submission and yield: memory stays flat
                while submitted < n_batches and submitted - yielded < window:
                    sent[submitted] = articles[submitted * engine.BATCH:(submitted + 1) * engine.BATCH]
                    fut = client.submit(_run_batch, sent[submitted], model, pure=False,
                                        key=f"dossier-batch-{run_id}-{submitted}")
                    inflight[fut.key] = (submitted, fut)
                    fut.add_done_callback(done.put)
                    submitted += 1
                if yielded in finished:
                    yielded += 1
                    yield from finished.pop(yielded - 1)
                    continue
                try:
                    fut = done.get(timeout=POLL)
                except queue.Empty:   # nothing finished: fail rather than wait forever on no workers
                    idle_since = None if client.nthreads() else (idle_since or time.monotonic())
                    if idle_since and time.monotonic() - idle_since > WORKERS_TIMEOUT:
                        raise EngineError(f"the Dask cluster has had no workers for {WORKERS_TIMEOUT} s; "
                                          f"unfinished articles include: {_paths(sent[yielded])}") from None
                    continue
                i, _ = inflight.pop(fut.key)
                finished[i] = _result(fut, sent.pop(i))
                fut.release()
                progress(len(finished[i]))
        finally:
            # stop our work on a shared cluster; the stack then closes the client (and our cluster)
            if inflight:
                client.cancel([f for _, f in inflight.values()])
