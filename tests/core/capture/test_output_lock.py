"""The output lock: one capture per output directory, and the refusal names the holder."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from localdigital_tui.core.capture.output_lock import OutputLock
from localdigital_tui.errors import OutputLockedError

HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from localdigital_tui.core.capture.output_lock import OutputLock
    with OutputLock(Path(sys.argv[1]), interviewer="bob"):
        print("locked", flush=True)
        time.sleep(60)
    """
)

TRY_LOCK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from localdigital_tui.core.capture.output_lock import OutputLock
    from localdigital_tui.errors import OutputLockedError
    try:
        with OutputLock(Path(sys.argv[1]), interviewer="carol"):
            print("got it")
    except OutputLockedError as exc:
        print(exc)
        sys.exit(3)
    """
)


def test_the_message_names_the_other_capture() -> None:
    error = OutputLockedError("out", pid=4242, host="laptop-3", interviewer="ann", since="09:14")
    assert str(error) == (
        "out/ is in use by capture pid 4242 on laptop-3 (interviewer ann, since 09:14); "
        "close that capture first"
    )


def test_a_second_writer_is_refused_while_the_first_holds_it(tmp_path: Path) -> None:
    before = f"{datetime.now():%H:%M}"
    with OutputLock(tmp_path, interviewer="ann") as first:
        assert first.held
        with pytest.raises(OutputLockedError) as refused:
            OutputLock(tmp_path, interviewer="bob").acquire()
    after = f"{datetime.now():%H:%M}"
    error = refused.value
    assert (error.pid, error.host, error.interviewer) == (os.getpid(), socket.gethostname(), "ann")
    assert error.since in {before, after}
    assert f"capture pid {os.getpid()} on {socket.gethostname()} (interviewer ann, since " in str(
        error
    )
    assert str(error).startswith(f"{tmp_path}/ is in use by")


def test_the_lock_is_free_again_after_release(tmp_path: Path) -> None:
    with OutputLock(tmp_path, interviewer="ann"):
        pass
    with OutputLock(tmp_path, interviewer="bob") as second:
        assert second.held
    assert (tmp_path / ".capture.lock").read_text() == ""


def test_a_refused_writer_does_not_erase_the_holders_details(tmp_path: Path) -> None:
    with OutputLock(tmp_path, interviewer="ann"):
        for _ in range(2):
            with pytest.raises(OutputLockedError, match="interviewer ann"):
                OutputLock(tmp_path, interviewer="bob").acquire()


def test_a_holder_that_has_not_written_its_details_is_still_refused(tmp_path: Path) -> None:
    import fcntl

    lock_file = tmp_path / ".capture.lock"
    lock_file.write_text("garbled{")
    fd = os.open(lock_file, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(OutputLockedError) as refused:
            OutputLock(tmp_path, interviewer="bob").acquire()
    finally:
        os.close(fd)
    assert (
        str(refused.value) == f"{tmp_path}/ is in use by another capture; close that capture first"
    )


@pytest.mark.slow
def test_another_process_is_refused_and_a_killed_holder_frees_the_lock(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        refused = subprocess.run(
            [sys.executable, "-c", TRY_LOCK, str(tmp_path)], capture_output=True, text=True
        )
        assert refused.returncode == 3
        assert f"is in use by capture pid {holder.pid} on {socket.gethostname()}" in refused.stdout
        assert "(interviewer bob, since " in refused.stdout
        with pytest.raises(OutputLockedError, match=f"pid {holder.pid}"):
            OutputLock(tmp_path, interviewer="ann").acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with OutputLock(tmp_path, interviewer="ann") as lock:
        assert lock.held, "kill -9 leaves no stale lock"
