"""The local engine (pipeline.engine) parses articles in batches bounded by count and by text size."""
from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from pipeline import engine
from pipeline.document import nlp
from pipeline.inputs.article import Article


class Recorder:
    """Stands in for a spaCy pipeline: records each batch it is given; a 'Doc' is its text, upper-cased."""

    def __init__(self):
        self.batches: list[int] = []

    def pipe(self, texts, batch_size):
        texts = list(texts)
        assert batch_size == len(texts)
        self.batches.append(len(texts))
        return (t.upper() for t in texts)


@pytest.mark.parametrize("lengths, max_chars, batches", [
    ([1_000] * 20, 24_000, [16, 4]),                 # short news: sixteen at a time, as before
    ([1_000] * 24, 24_000, [16, 8]),
    ([10_000, 10_000, 10_000, 100], 24_000, [2, 2]),  # long articles: what fits in the text bound
    ([24_000, 1], 24_000, [1, 1]),                   # exactly the bound fills a batch
    ([30_000, 10, 10], 24_000, [1, 2]),              # longer than the bound: parsed alone
    ([10, 30_000, 10], 24_000, [1, 1, 1]),           # ... without moving the articles around it
    ([5, 5, 5], 10, [2, 1]),
    ([], 24_000, []),
])
def test_batches_are_bounded_by_count_and_text(lengths, max_chars, batches):
    arts = [Article(path=f"a{i}.txt", text=chr(97 + i % 26) * n) for i, n in enumerate(lengths)]
    nlp = Recorder()
    got = list(engine.parsed(nlp, arts, max_chars))
    assert nlp.batches == batches
    assert [a.path for a, _ in got] == [a.path for a in arts]          # input order kept
    assert all(doc == a.text.upper() for a, doc in got)               # each Doc beside its own article


@pytest.mark.slow
def test_batch_size_does_not_change_results(sample_articles, monkeypatch):
    """The same DocResults when every article is parsed alone as when they share batches."""
    together = list(engine.run(copy.deepcopy(sample_articles), nlp.model_name(), jobs=1))
    monkeypatch.setattr(engine, "MAX_BATCH_CHARS", 1)
    alone = list(engine.run(copy.deepcopy(sample_articles), nlp.model_name(), jobs=1))
    assert len(together) == len(sample_articles) > 5
    assert alone == together


def pid_batch(articles, model):
    """Stands in for engine.run_batch in a forked worker: each article's path and the worker's pid."""
    return [(a.path, os.getpid()) for a in articles]


def started(folder):
    """Stands in for engine._init_worker: no model to load; notes the worker's start in `folder`."""
    (Path(folder) / str(os.getpid())).touch()


@pytest.mark.parametrize("n, recycle, pools", [
    (100, 32, [64, 36]),      # 2 workers x 32 articles, then fresh workers for the rest
    (64, 32, [64]),           # exactly one pool's share: no second pool
    (40, 20, [32, 8]),        # a share is whole batches of 16
    (10, 2_000, [10]),
    (0, 32, []),
])
def test_workers_are_replaced_every_recycle_articles(monkeypatch, tmp_path, n, recycle, pools):
    monkeypatch.setattr(engine, "run_batch", pid_batch)
    monkeypatch.setattr(engine, "_init_worker", started)
    monkeypatch.setattr(engine, "_preload", lambda model: None)
    arts = [Article(path=f"a{i}.txt", text="x") for i in range(n)]
    got = list(engine.run_pool(arts, str(tmp_path), jobs=2, progress=lambda k: None, recycle=recycle))
    assert [p for p, _ in got] == [a.path for a in arts]               # input order kept
    assert len(list(tmp_path.iterdir())) == 2 * len(pools)             # forked pools start every worker
    bounds = [sum(pools[:i]) for i in range(len(pools) + 1)]
    pids = [{pid for _, pid in got[a:b]} for a, b in zip(bounds, bounds[1:])]
    assert all(not (x & y) for i, x in enumerate(pids) for y in pids[i + 1:])   # no worker reused
