"""pipeline.background: one call in a forked worker, with the work done here when the worker dies."""
import gc
import multiprocessing.context
import os
import time

import pytest

from pipeline.background import in_background


def pid_and_square(x: int) -> tuple[int, int]:
    return os.getpid(), x * x


def die_outside(parent: int, x: int) -> int:
    if os.getpid() != parent:
        os._exit(3)                      # the worker dies without a result
    return x + 1


@pytest.mark.parametrize("parallel, elsewhere", [(True, True), (False, False)])
def test_runs_in_a_worker_only_when_parallel(parallel, elsewhere):
    pid, square = in_background(pid_and_square, 7, parallel=parallel).result()
    assert square == 49
    assert (pid != os.getpid()) is elsewhere


def test_a_dead_worker_means_the_work_is_done_here():
    assert in_background(die_outside, os.getpid(), 41, parallel=True).result() == 42


def test_an_error_in_the_call_is_raised_to_the_caller():
    with pytest.raises(ZeroDivisionError):
        in_background(divmod, 1, 0, parallel=True).result()


def hang_outside(parent: int, x: int) -> int:
    if os.getpid() != parent:
        time.sleep(120)                  # a worker that never answers
    return x + 1


def test_a_silent_worker_is_stopped_and_the_work_done_here():
    pending = in_background(hang_outside, os.getpid(), 1, parallel=True)
    worker = pending.proc
    t = time.monotonic()
    assert pending.result(timeout=1) == 2
    assert time.monotonic() - t < 30 and not worker.is_alive()


def big_answer(n: int) -> bytes:
    return b"x" * n


def test_the_worker_ends_once_it_has_answered_before_the_result_is_asked_for():
    """An answer larger than the pipe's buffer is taken off it at once: the worker (and its memory)
    does not wait for the caller's `result()`."""
    pending = in_background(big_answer, 8_000_000, parallel=True)
    worker = pending.proc
    deadline = time.monotonic() + 30
    while worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not worker.is_alive() and worker.exitcode == 0
    assert pending.result() == b"x" * 8_000_000


def test_cancel_stops_a_running_worker():
    pending = in_background(hang_outside, os.getpid(), 1, parallel=True)
    worker = pending.proc
    pending.cancel()
    assert not worker.is_alive()


def test_a_failed_fork_runs_the_call_here(monkeypatch):
    def no_fork(self):
        raise OSError("Cannot allocate memory")
    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", no_fork)
    pending = in_background(pid_and_square, 3, parallel=True)
    assert pending.proc is None and pending.result() == (os.getpid(), 9)


@pytest.mark.parametrize("end", ["result", "cancel", "dead worker", "failed fork"])
def test_the_collector_is_frozen_only_while_a_worker_runs(end, monkeypatch):
    """The parent's objects are frozen for the fork (the worker's collector leaves their pages
    shared) and unfrozen however the call ends."""
    if end == "failed fork":
        monkeypatch.setattr(multiprocessing.context.ForkProcess, "start",
                            lambda self: (_ for _ in ()).throw(OSError("Cannot allocate memory")))
    fn, args = (die_outside, (os.getpid(), 1)) if end == "dead worker" else (hang_outside, (os.getpid(), 1))
    if end == "result":
        fn, args = pid_and_square, (2,)
    pending = in_background(fn, *args, parallel=True)
    assert (gc.get_freeze_count() > 0) is (pending.proc is not None) is (end != "failed fork")
    if end == "cancel":
        pending.cancel()
    else:
        pending.result()
    assert gc.get_freeze_count() == 0
