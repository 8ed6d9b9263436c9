"""One call in a second process while the caller goes on: the corpus steps run two independent
halves side by side on a multi-core machine (see `corpus.steps.derive_stream`).

The worker is forked (Linux only: fork without exec is unsafe on macOS, and Windows cannot), so
nothing is pickled on the way in; the result comes back through a pipe, read as soon as it is
sent. When there is no worker, or it dies or stays silent too long, the call runs in the
caller's process instead: the result is the same either way, only later.
"""
from __future__ import annotations

import gc
import multiprocessing
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

WAIT = 600.0        # seconds the caller waits for a silent worker before doing the work itself


def _serve(conn: Connection, fn: Callable[..., Any], args: tuple) -> None:
    """In the worker: send (True, fn(*args)), or (False, the exception it raised)."""
    try:
        out = (True, fn(*args))
    except BaseException as e:          # the caller re-raises it
        out = (False, e)
    try:
        conn.send(out)
    finally:
        conn.close()


class Background:
    """The pending result of `in_background`: `result()` waits for it; `cancel()` stops the worker.

    A thread here takes the answer off the pipe as soon as the worker sends it, so the worker
    ends then, its memory with it, instead of blocking on a full pipe until `result()` is asked
    for (17k articles: the worker's 0.17 GB of own pages were held through the caller's peak)."""

    def __init__(self, fn: Callable[..., Any], args: tuple, proc: multiprocessing.Process | None = None,
                 conn: Connection | None = None) -> None:
        self.fn, self.args, self.proc = fn, args, proc
        self._answer: tuple[bool, Any] | None = None
        self._receiver: threading.Thread | None = None
        if conn is not None:
            self._receiver = threading.Thread(target=self._receive, args=(conn,), daemon=True)
            self._receiver.start()

    def _receive(self, conn: Connection) -> None:
        """In the thread: the worker's answer, or none when it dies first (the pipe closes)."""
        try:
            self._answer = conn.recv()
        except (EOFError, OSError):
            self._answer = None
        finally:
            conn.close()

    def result(self, timeout: float = WAIT) -> Any:
        """fn(*args): the worker's answer, or computed here when there is no worker, it died, or it
        sent nothing for `timeout` seconds. An exception fn raised in the worker is raised here."""
        if self._receiver is not None:
            self._receiver.join(timeout)
        self.cancel()
        answer, self._answer = self._answer, None
        if answer is None:
            return self.fn(*self.args)
        ok, value = answer
        if not ok:
            raise value
        return value

    def cancel(self) -> None:
        """Stop the worker if it still runs (an error in the caller, or a late worker); idempotent."""
        if self.proc is not None:
            gc.unfreeze()
            self.proc.join(timeout=2)
            if self.proc.is_alive():
                self.proc.terminate()
                self.proc.join(timeout=5)
            if self.proc.is_alive():
                self.proc.kill()
                self.proc.join()
            self.proc = None
        if self._receiver is not None:     # the worker is gone, so the pipe is closed: it ends
            self._receiver.join(timeout=5)
            self._receiver = None


def in_background(fn: Callable[..., Any], *args: Any, parallel: bool = True) -> Background:
    """Start fn(*args) in a forked worker when `parallel` (on Linux), so the caller can do other
    work meanwhile; otherwise it runs when `result()` is asked for. The worker ends with the call."""
    if not parallel or not sys.platform.startswith("linux"):
        return Background(fn, args)
    ctx = multiprocessing.get_context("fork")
    ends: list[Connection] = []
    try:
        reader, writer = ends = list(ctx.Pipe(duplex=False))
        proc = ctx.Process(target=_serve, args=(writer, fn, args), daemon=True)
        gc.freeze()                             # until the worker ends, as in engine.run_pool
        proc.start()
    except OSError:                             # no fork (out of memory, process limit): serially
        gc.unfreeze()
        for end in ends:
            end.close()
        return Background(fn, args)
    writer.close()
    return Background(fn, args, proc, reader)
