"""An ordered map over work items: in this process, or in ``--jobs`` worker processes.

Nothing here knows what a work item is: plain-text chunks (:mod:`restore.runs.plain`)
and batches of JSON Lines (:mod:`restore.runs.jsonl`) both go through :class:`Workers`.
Entries that are not work (an input opened, ended, failed) are :class:`Passed` values and
come out in order with the results.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from ..pipeline import Restorer

T = TypeVar("T")
R = TypeVar("R")

#: Work items in flight per worker process: enough to keep every worker busy while
#: the results are written in order, few enough for memory to stay flat.
IN_FLIGHT_PER_JOB = 4

#: Set when a pool was left after an error: its manager thread may be stuck reading a
#: dead worker's half-sent result, and joining it at exit would hang, so the console
#: entry point (:func:`restore.cli.main`) ends the process with ``os._exit``.
ABANDONED = False

#: Seconds between two checks that every worker is still alive, while a result is awaited.
LIVENESS_SECONDS = 0.5

_WORKER_RESTORER: Restorer | None = None
#: The parent's Restorer, which a forked worker inherits with whatever it has loaded.
_PARENT_RESTORER: Restorer | None = None


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to kill this worker when its parent dies (``PR_SET_PDEATHSIG``).

    Without it a worker whose parent was killed (SIGKILL, or SIGTERM before this change)
    waited forever for work. If the parent died before the request was made, exit now.
    Elsewhere the pool's own checks remain (a worker notices a closed queue).
    """
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:
        os._exit(1)


def _init_worker(config: Any, parent_pid: int = 0) -> None:
    """Each worker process has ONE Restorer, so it loads its lexicon once (on its first mask).

    A forked worker takes over the parent's when it has the same configuration: a
    lexicon the parent already loaded (``--lexicon``, ``--model``) is then not loaded
    again. A spawned worker (Windows, macOS) builds its own.
    """
    import signal  # only a worker needs it: not on the parent's start-up

    global _WORKER_RESTORER
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for name in ("SIGTERM", "SIGHUP"):  # the parent's handlers, inherited by a fork, are not ours
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    parent = _PARENT_RESTORER
    _WORKER_RESTORER = parent if parent is not None and parent.config == config else Restorer(config)


def _call_in_worker(fn: Callable[[Restorer, T], R], item: T) -> R:
    assert _WORKER_RESTORER is not None
    return fn(_WORKER_RESTORER, item)


class Passed:
    """A work-list entry that is not work: it comes out of :meth:`Workers.map` as it went
    in, in its place among the results. Each kind is a subclass (:mod:`restore.runs.events`)."""

    __slots__ = ()


class Workers:
    """``map(fn, items)`` in input order, here (``jobs=1``) or in ``jobs`` processes.

    ``fn(restorer, item)`` must be a module-level function and items and results
    picklable. With ``jobs > 1`` at most ``IN_FLIGHT_PER_JOB * jobs`` items are
    submitted and not yet yielded, so memory stays flat however long the input is. The
    pool starts only when a second work item arrives: one small input never pays for it.
    Use as a context manager; leaving it cancels what is still queued.
    """

    def __init__(self, restorer: Restorer, jobs: int = 1) -> None:
        self.restorer = restorer
        self.jobs = max(1, jobs)
        self._pool: Any = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if exc_type is None:
            pool.shutdown(wait=True, cancel_futures=True)
            return
        # Leaving on an error (a dead worker, a signal): waiting could hang on a queue
        # that no live worker reads, so the workers are killed and not waited for.
        processes = dict(getattr(pool, "_processes", None) or {})  # ProcessPoolExecutor's own
        for process in processes.values():
            try:
                process.kill()
            except (OSError, AttributeError, ValueError):
                pass
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes.values():
            process.join(5)
        global ABANDONED
        ABANDONED = True

    def _start(self) -> Any:
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            global _PARENT_RESTORER
            _PARENT_RESTORER = self.restorer
            import os

            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, initializer=_init_worker, initargs=(self.restorer.config, os.getpid())
            )
        return self._pool

    def map(
        self,
        fn: Callable[[Restorer, T], R],
        items: Iterable[T | Passed],
        needs_ranker: Callable[[T], bool] | None = None,
    ) -> Iterator[R | Passed]:
        """``needs_ranker(item)``: whether an item has a mask to rank. When one of the
        items read before the pool starts has, the parent loads the lexicon first and
        forked workers share it, instead of each loading its own."""
        if self.jobs == 1:
            for item in items:
                yield item if isinstance(item, Passed) else fn(self.restorer, item)
            return
        yield from self._map_parallel(fn, items, needs_ranker)

    def _preload(self, held: list[Any], needs_ranker: Callable[[Any], bool] | None) -> None:
        if needs_ranker is None or "ranker" in vars(self.restorer):
            return
        if not any(needs_ranker(i) for i in held if not isinstance(i, Passed)):
            return
        import multiprocessing

        if multiprocessing.get_start_method() != "fork":
            return  # a spawned worker would load its own anyway
        try:
            _ = self.restorer.ranker
        except Exception:
            pass

    def _map_parallel(
        self,
        fn: Callable[[Restorer, T], R],
        items: Iterable[T | Passed],
        needs_ranker: Callable[[T], bool] | None = None,
    ) -> Iterator[R | Passed]:
        from concurrent.futures import Future

        window = IN_FLIGHT_PER_JOB * self.jobs
        pending: deque[Future[Any]] = deque()
        held: list[T | Passed] = []  # before the pool starts: items up to the second work item
        for item in items:
            if self._pool is None:
                held.append(item)
                if sum(not isinstance(i, Passed) for i in held) < 2:
                    continue
                self._preload(held, needs_ranker)
                pool = self._start()
                with _frozen_heap():  # a forking pool starts its workers at the first submit
                    for early in held:
                        pending.append(self._submit(pool, fn, early))
                held = []
            else:
                pending.append(self._submit(self._pool, fn, item))
            while len(pending) > window or (pending and pending[0].done()):
                yield self._result(pending.popleft())
        for item in held:  # at most one work item: not worth a pool
            yield item if isinstance(item, Passed) else fn(self.restorer, item)
        while pending:
            yield self._result(pending.popleft())

    def _result(self, future: Any) -> Any:
        """The future's result, or BrokenProcessPool within a second of a worker's death.

        The pool notices a dead worker by itself, except when the worker died while
        sending a result: the pool's reader then waits forever for the rest of the
        message (6 runs in 41 hung so). So the wait is in steps, and between them the
        workers' liveness is checked here.
        """
        from concurrent.futures import TimeoutError as Timeout
        from concurrent.futures.process import BrokenProcessPool

        while True:
            try:
                return future.result(timeout=LIVENESS_SECONDS)
            except Timeout:
                processes = dict(getattr(self._pool, "_processes", None) or {})
                dead = [p for p in processes.values() if p.exitcode is not None]
                if dead:
                    raise BrokenProcessPool(
                        f"worker {dead[0].pid} exited with status {dead[0].exitcode}"
                    ) from None

    @staticmethod
    def _submit(pool: Any, fn: Callable[[Restorer, T], R], item: T | Passed) -> Any:
        if isinstance(item, Passed):
            from concurrent.futures import Future

            done: Future[Any] = Future()
            done.set_result(item)
            return done
        return pool.submit(_call_in_worker, fn, item)


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep the garbage collector off the parent's objects while workers are forked.

    A forked worker shares the parent's memory until it writes to a page. A collection
    in the worker writes to the header of every object it walks, so without this each
    worker's first full collection copies every page the parent's lexicon and modules
    sit on, and walks them all. ``gc.freeze()`` before the fork moves those objects out
    of the collector's reach (the recipe in the :mod:`gc` documentation); the parent
    takes them back once its workers exist. Harmless where workers are spawned.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
