"""The Dask engine (pipeline.engine_dask) gives the local engine's DocResults, in order, and cleans up.

The slow tests start 1- or 2-worker LocalClusters (each worker loads the spaCy model).
"""
from __future__ import annotations

import copy
import subprocess
import sys
import time

import pytest

from helpers import ROOT
from pipeline import engine, engine_dask
from pipeline.inputs.article import PackedArticles
from pipeline.document import nlp

FIELDS = ("mentions", "timexes", "quotes", "lead", "n_words", "errors")


@pytest.fixture(autouse=True)
def plain_main(monkeypatch):
    """Dask starts workers with multiprocessing's spawn, which re-runs the parent's __main__.

    AppTest (earlier in the same pytest process) leaves Streamlit's script module there, so a
    spawned worker would run the app. A bare __main__ is what `python -m pipeline` has."""
    import types
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))


@pytest.fixture(scope="module")
def expected(sample_articles):
    """The local engine's results (deep copies: the stages date articles in place)."""
    return list(engine.run(copy.deepcopy(sample_articles), nlp.model_name(), jobs=1))


def _children() -> set[int]:
    """Our live child processes, minus multiprocessing's long-lived resource tracker."""
    import psutil
    return {p.pid for p in psutil.Process().children(recursive=True)
            if p.is_running() and "resource_tracker" not in " ".join(p.cmdline())}


def _assert_same(expected, got) -> None:
    assert [r.article.path for r in got] == [r.article.path for r in expected]
    for e, g in zip(expected, got):
        for f in FIELDS:
            assert getattr(g, f) == getattr(e, f), (e.article.path, f)
        assert (g.article.published, g.article.date_source) == (e.article.published, e.article.date_source)
        assert g == e


class Counted(PackedArticles):
    """Packed articles that count the batches read from them."""
    read = 0

    def __getitem__(self, i):
        self.read += 1
        return super().__getitem__(i)


@pytest.mark.parametrize("n, jobs, processes, parallel_steps", [
    (10, 2, False, False),        # too few articles to be worth a pool
    (64, 2, True, True),
    (4_999, 2, True, True),
    (5_000, 2, True, False),      # at scale the corpus steps' second process costs more memory than it saves time
    (1_000, 1, False, False),     # one job: one process throughout
    (1_000, 0, False, False),     # below 1 means 1
])
def test_when_work_is_split_over_processes(n, jobs, processes, parallel_steps):
    assert engine.worth_processes(n, jobs) is processes
    assert engine.parallel_steps(n, jobs) is parallel_steps


def test_import_does_not_load_dask():
    code = "import sys, pipeline.engine_dask; sys.exit(any(m in sys.modules for m in ('dask', 'distributed')))"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


@pytest.mark.slow
def test_local_cluster_matches_local_engine(sample_articles, expected, monkeypatch):
    monkeypatch.setattr(engine, "BATCH", 1)   # one task per article: results come back out of order
    before, seen = _children(), []
    packed = Counted(copy.deepcopy(sample_articles) * 3)
    stream = engine_dask.run(packed, nlp.model_name(), jobs=2, progress=seen.append)
    got = [next(stream)]
    assert packed.read == 2 * engine_dask.IN_FLIGHT_PER_WORKER   # batches are read as they are sent
    got += stream
    _assert_same(expected * 3, got)
    assert sum(seen) == 3 * len(sample_articles) and len(seen) == 3 * len(sample_articles) == packed.read
    assert _children() <= before   # the LocalCluster's processes are gone


@pytest.mark.slow
def test_local_pool_matches_serial_and_unfreezes_the_collector(sample_articles, expected, monkeypatch):
    """The local engine's process pool (2 workers, a task per article) gives the serial results
    in order; the collector it froze for the fork is unfrozen after a full run and an early stop."""
    import gc
    monkeypatch.setattr(engine, "BATCH", 1)
    seen: list[int] = []
    packed = Counted(copy.deepcopy(sample_articles) * 3)
    stream = engine.run_pool(packed, nlp.model_name(), 2, progress=seen.append)
    first = next(stream)
    assert packed.read == 2 * engine.AHEAD + 1   # batches are read as they are sent, a few ahead
    assert gc.get_freeze_count() > 0          # the parent's objects stay out of the workers' collections
    got = [first, *stream]
    _assert_same(expected * 3, got)
    assert packed.read == 3 * len(sample_articles) and sum(seen) == 3 * len(sample_articles)
    assert gc.get_freeze_count() == 0
    stream = engine.run_pool(copy.deepcopy(sample_articles), nlp.model_name(), 2, progress=seen.append)
    next(stream)
    stream.close()
    assert gc.get_freeze_count() == 0


@pytest.mark.slow
def test_existing_scheduler_is_used_and_left_running(sample_articles, expected, monkeypatch):
    from distributed import Client, LocalCluster
    monkeypatch.setattr(engine, "BATCH", 1)
    model = nlp.model_name()
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster, set_as_default=False) as client:
        seen = []
        got = list(engine_dask.run(copy.deepcopy(sample_articles), model, progress=seen.append,
                                   scheduler=cluster.scheduler_address))
        _assert_same(expected, got)
        assert sum(seen) == len(sample_articles)
        # the work ran on this cluster (its worker has the model cached) and the cluster lives on
        assert list(client.run(lambda: nlp.load.cache_info().currsize).values()) == [1]
        assert client.submit(sum, [1, 2]).result(timeout=30) == 3
        # stopping early cancels the remaining batches and leaves the cluster running
        it = engine_dask.run(copy.deepcopy(sample_articles), model, scheduler=cluster.scheduler_address)
        assert next(it).article.path == sample_articles[0].path
        it.close()
        deadline = time.monotonic() + 20
        while client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) == 0
        assert len(client.scheduler_info()["workers"]) == 1


@pytest.mark.slow
def test_dead_worker_raises_with_paths(sample_articles):
    import dask
    from distributed import Client, LocalCluster
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster, set_as_default=False) as client:
        # the worker process exits as soon as it loads a model, like an out-of-memory kill
        client.run(exec, "import os, pipeline.document.nlp as m; m.load = lambda *a, **k: os._exit(1)", {})
        with pytest.raises(engine_dask.EngineError, match="workers died") as err:
            list(engine_dask.run(sample_articles[:2], nlp.model_name(), scheduler=cluster.scheduler_address))
        assert sample_articles[0].path in str(err.value) and sample_articles[1].path in str(err.value)


def test_cluster_without_workers_fails_fast(sample_articles, monkeypatch):
    from distributed import LocalCluster
    monkeypatch.setattr(engine_dask, "WORKERS_TIMEOUT", 1)
    with LocalCluster(n_workers=0, dashboard_address=None) as cluster:
        with pytest.raises(engine_dask.EngineError, match="no Dask cluster with workers"):
            list(engine_dask.run(sample_articles, nlp.model_name(), scheduler=cluster.scheduler_address))


@pytest.mark.slow
def test_both_engines_write_the_same_tables(sample_cache, tmp_path):
    """`--engine dask` on a 2-worker LocalCluster writes the tables `--engine local` wrote."""
    from pipeline import build
    from pipeline.compare import diff_caches
    report = build.build([ROOT / "data" / "sample"], tmp_path / "dask", aliases=ROOT / "data" / "aliases.csv",
                         jobs=2, progress=False, log=lambda m: None, engine_name="dask")
    assert report.parsed == 6
    assert diff_caches(tmp_path / "dask", sample_cache) == {}
