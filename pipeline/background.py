"""One call in a second process while the caller goes on: the corpus steps run two independent
halves side by side on a multi-core machine (see `corpus.steps.derive_all`)."""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


class Background:
    """The result of `in_background`: `result()` waits for it."""

    def __init__(self, fn: Callable, args: tuple, future: Future | None) -> None:
        self.fn, self.args, self.future = fn, args, future

    def result(self):
        """fn(*args), from the worker process, or computed here when there is none or it died."""
        if self.future is not None:
            try:
                return self.future.result()
            except BrokenProcessPool:        # killed (out of memory, say): do the work here
                pass
        return self.fn(*self.args)


def in_background(fn: Callable, *args, parallel: bool = True) -> Background:
    """Start fn(*args) in a forked worker process when `parallel` (and the platform forks), so the
    caller can do other work meanwhile; otherwise it runs when `result()` is asked for.

    fn and args must pickle; the worker ends with the call."""
    if not parallel or "fork" not in multiprocessing.get_all_start_methods():
        return Background(fn, args, None)
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(fn, *args)
    pool.shutdown(wait=False)                # the worker exits once the call returns
    return Background(fn, args, future)
