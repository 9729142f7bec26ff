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

_WORKER_RESTORER: Restorer | None = None
#: The parent's Restorer, which a forked worker inherits with whatever it has loaded.
_PARENT_RESTORER: Restorer | None = None


def _init_worker(config: Any) -> None:
    """Each worker process has ONE Restorer, so it loads its lexicon once (on its first mask).

    A forked worker takes over the parent's when it has the same configuration: a
    lexicon the parent already loaded (``--lexicon``, ``--model``) is then not loaded
    again. A spawned worker (Windows, macOS) builds its own.
    """
    import signal  # only a worker needs it: not on the parent's start-up

    global _WORKER_RESTORER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
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

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _start(self) -> Any:
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            global _PARENT_RESTORER
            _PARENT_RESTORER = self.restorer
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, initializer=_init_worker, initargs=(self.restorer.config,)
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
                yield pending.popleft().result()
        for item in held:  # at most one work item: not worth a pool
            yield item if isinstance(item, Passed) else fn(self.restorer, item)
        while pending:
            yield pending.popleft().result()

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
