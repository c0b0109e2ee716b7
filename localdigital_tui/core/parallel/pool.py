"""The one way this package runs work in several processes.

Merge and validate hand whole, independent tasks (a byte range of a file, at
line ends) to a :class:`WorkerPool` and read the results back in the order the
tasks were given, so a result never depends on which process was faster.

* With ``jobs == 1`` nothing is started: the same function runs on the same
  tasks in this process (tests run both ways and compare).
* Workers are *spawned* (never forked from a parent that may be running polars'
  threads, so no worker inherits a held lock) and ignore SIGINT: the parent owns
  the run. SIGTERM and SIGHUP keep their default action, so a worker signalled
  with its process group ends without a word; the parent then sees a broken pool.
* At most ``ahead`` tasks per worker are in flight, so results never pile up.
* Leaving the ``with`` block, however it is left (an error, Ctrl-C, the
  signal handlers of :mod:`localdigital_tui.cli` raising), cancels what has not
  started and waits for the workers, and for multiprocessing's resource tracker,
  to exit: no process outlives the block.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import resource_tracker
from types import TracebackType
from typing import Any, TypeVar

from localdigital_tui.core.parallel.cores import usable_cores
from localdigital_tui.errors import LocalDigitalError

T = TypeVar("T")
R = TypeVar("R")


class WorkerStopped(LocalDigitalError):
    """A worker process ended before its task was done (killed, or out of memory)."""


def jobs_for(requested: int | None, tasks: int, *, worth_it: bool) -> int:
    """How many processes to run ``tasks`` tasks in.

    ``requested`` (a ``--jobs`` option) wins, capped by the task count; otherwise one
    per usable core when ``worth_it`` (the caller measured that workers pay off for
    this much work), else 1: run in this process, start no pool.
    """
    if requested is not None:
        return max(1, min(requested, tasks))
    if not worth_it:
        return 1
    return max(1, min(usable_cores(), tasks))


class WorkerPool:
    """``jobs`` spawned worker processes (none when ``jobs`` is 1), each set up once by
    ``initializer(*initargs)`` (in this process too, when there are no workers)."""

    def __init__(
        self,
        jobs: int,
        initializer: Callable[..., None] | None = None,
        initargs: tuple[Any, ...] = (),
        ahead: int = 2,
    ) -> None:
        self.jobs = max(1, jobs)
        self._initializer = initializer
        self._initargs = initargs
        self._ahead = max(1, ahead)
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        if self.jobs == 1:
            if self._initializer is not None:
                self._initializer(*self._initargs)
            return self
        self._executor = ProcessPoolExecutor(
            self.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self._initializer, self._initargs),
        )
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
            _stop_resource_tracker()

    def in_order(self, function: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        """``function(task)`` for each task, in task order."""
        executor = self._executor
        if executor is None:
            yield from map(function, tasks)
            return
        pending: deque[Future[R]] = deque()
        try:
            for task in tasks:
                pending.append(executor.submit(function, task))
                while len(pending) > self._ahead * self.jobs:
                    yield _result(pending.popleft())
            while pending:
                yield _result(pending.popleft())
        finally:
            for future in pending:
                future.cancel()


def _stop_resource_tracker() -> None:
    """End the helper process ``spawn`` starts beside the workers (multiprocessing's
    resource tracker) and wait for it: left alone, it outlives the command, ending
    only when it notices the parent is gone. A later pool starts it again."""
    stop = getattr(resource_tracker._resource_tracker, "_stop", None)
    if stop is not None:
        stop()


def _result(future: Future[R]) -> R:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerStopped(
            f"a worker process stopped before its work was done ({exc}); nothing was written"
        ) from exc


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)
