"""No process outlives a command: tables over JSON Lines in worker processes, seen from
the process group once the command has exited (workers and multiprocessing's helper)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# The command as a user runs it, with blocks small enough for many of them and the
# worker pool used whatever the input's size.
COMMAND = """
import functools, sys
import localdigital_tui.core.tables.build as build
import localdigital_tui.core.tables.frame as frame
import localdigital_tui.core.tables.parts as parts
parts.PARALLEL_FROM_BYTES = 0
build.record_batches = functools.partial(frame.record_batches, batch_bytes=20_000)
from localdigital_tui.cli import main
sys.argv = ["localdigital", "tables", *sys.argv[1:], "-f", "tidy"]
main()
"""


def group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def run_in_own_group(*args: str) -> tuple[int, bool, str]:
    """Exit status, whether any process of its group is left, and stderr."""
    child = subprocess.Popen(
        [sys.executable, "-c", COMMAND, *args],
        start_new_session=True,  # its own process group, numbered by its pid
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    _, err = child.communicate(timeout=300)
    return child.returncode, group_alive(child.pid), err.decode()


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outlive")
    path = folder / "answers.jsonl"
    made = subprocess.run(
        [sys.executable, "-m", "localdigital_tui", "simulate", "-n", "400", "-o", str(path),
         "--no-personal"],
        capture_output=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert path.stat().st_size > 10 * 20_000  # more than ten blocks
    return path


def test_tables_in_worker_processes_leave_no_process_behind(answers: Path) -> None:
    status, alive, err = run_in_own_group(str(answers))
    assert status == 0, err
    assert not alive


def test_nor_when_a_block_is_bad(answers: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(answers.read_bytes() + b'{"audience": "coun\n')
    status, alive, err = run_in_own_group(str(broken))
    assert status == 1 and "cannot read the answers" in err
    assert not alive
