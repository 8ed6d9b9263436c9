"""The local engine (pipeline.engine) parses articles in batches bounded by count and by text size."""
from __future__ import annotations

import copy

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
