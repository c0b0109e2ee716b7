"""The one way this package runs work in several processes.

Merge, validate and tables hand whole, independent tasks (a file, or a byte range
of one) to :func:`worker_pool` and read the results back in the order given, so
the result never depends on which process was faster.

* Workers are started by a fork server, never forked from a parent that may run
  threads (polars does), so no worker inherits a held lock.
* Workers ignore SIGINT and SIGTERM: the parent owns the run. On any exception
  in the parent (Ctrl-C, SIGTERM, an error) the pool is terminated at once and
  the parent's own ``finally`` blocks clean up; a clean exit joins the workers.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import Pool
from typing import Any, TypeVar

from localdigital_tui.core.parallel.cores import usable_cores

T = TypeVar("T")
R = TypeVar("R")


def jobs_for(requested: int | None, tasks: int, *, worth_it: bool) -> int:
    """How many processes to run ``tasks`` tasks in.

    ``requested`` (a ``--jobs`` option) wins, capped by the task count; otherwise one
    per usable core when ``worth_it`` (the caller measured that workers pay off for
    this much work), else 1, which means: run in this process, start no pool.
    """
    if requested is not None:
        return max(1, min(requested, tasks))
    if not worth_it:
        return 1
    return max(1, min(usable_cores(), tasks))


@contextmanager
def worker_pool(
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[Pool]:
    """A pool of ``jobs`` worker processes, terminated if the block raises."""
    context = multiprocessing.get_context("forkserver")
    pool = context.Pool(jobs, _start_worker, (initializer, initargs))
    try:
        yield pool
    except BaseException:
        pool.terminate()
        pool.join()
        raise
    pool.close()
    pool.join()


def in_order(
    function: Callable[[T], R], tasks: Iterable[T], jobs: int, pool: Pool | None
) -> Iterator[R]:
    """``function`` over ``tasks``, results in task order: in ``pool`` or, without one,
    in this process. Both paths run the same function on the same tasks."""
    if pool is None or jobs == 1:
        return map(function, tasks)
    return pool.imap(function, tasks)


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)
