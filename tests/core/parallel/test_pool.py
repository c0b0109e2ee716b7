from __future__ import annotations

import os

import pytest

from localdigital_tui.core.parallel.pool import in_order, jobs_for, worker_pool


def _square_and_pid(value: int) -> tuple[int, int]:
    return value * value, os.getpid()


def _fail_on_three(value: int) -> int:
    if value == 3:
        raise ValueError("three")
    return value


def test_results_come_back_in_task_order_from_two_processes() -> None:
    with worker_pool(2) as pool:
        results = list(in_order(_square_and_pid, range(50), 2, pool))
    assert [square for square, _ in results] == [n * n for n in range(50)]
    assert os.getpid() not in {pid for _, pid in results}


def test_without_a_pool_the_same_function_runs_here() -> None:
    results = list(in_order(_square_and_pid, range(5), 1, None))
    assert results == [(n * n, os.getpid()) for n in range(5)]


def test_an_error_in_a_worker_reaches_the_parent_and_the_pool_stops() -> None:
    with pytest.raises(ValueError, match="three"), worker_pool(2) as pool:
        list(in_order(_fail_on_three, range(10), 2, pool))


@pytest.mark.parametrize(
    ("requested", "tasks", "worth_it", "expected"),
    [(None, 10, False, 1), (5, 2, False, 2), (0, 3, True, 1), (1, 9, True, 1)],
)
def test_jobs_for(requested: int | None, tasks: int, worth_it: bool, expected: int) -> None:
    assert jobs_for(requested, tasks, worth_it=worth_it) == expected


def test_jobs_for_uses_the_usable_cores_when_worth_it() -> None:
    assert 1 <= jobs_for(None, 100, worth_it=True) <= len(os.sched_getaffinity(0))
