"""One capture at a time per output directory.

:class:`OutputLock` takes an exclusive, non-blocking ``flock`` on
``out_dir/.capture.lock`` and writes who holds it (pid, host, interviewer, start
time) into the file, so a second capture is refused with a message that names
the first. The kernel drops a ``flock`` when its process dies, even by
``kill -9``, so a crashed capture never leaves a stale lock behind; the file
itself stays (removing a lock file races with the next opener) and only its
contents say who held it last.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from localdigital_tui.core.files.durable import make_folder
from localdigital_tui.errors import OutputLockedError

LOCK_NAME = ".capture.lock"


class OutputLock:
    """Context manager: hold ``out_dir``'s capture lock or raise :class:`OutputLockedError`."""

    def __init__(self, out_dir: Path, *, interviewer: str) -> None:
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / LOCK_NAME
        self.interviewer = interviewer
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        make_folder(self.out_dir)
        # Opened without O_TRUNC: the holder's details must survive a refused open.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise OutputLockedError(
                self.out_dir,
                pid=_int_or_none(holder.get("pid")),
                host=_str_or_none(holder.get("host")),
                interviewer=_str_or_none(holder.get("interviewer")),
                since=_since(_str_or_none(holder.get("started_at"))),
            ) from None
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        started = datetime.now().astimezone().isoformat(timespec="seconds")
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "interviewer": self.interviewer,
            "started_at": started,
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(holder) + "\n").encode("utf-8"), 0)
        os.fsync(fd)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def _read_holder(fd: int) -> dict[str, Any]:
    """What the holder wrote; empty if it has not written yet or the file is garbled."""
    try:
        raw = os.pread(fd, 4096, 0)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _since(started_at: str | None) -> str | None:
    """``09:14`` for a lock taken today, ``2013-06-24 09:14`` for an older one."""
    if started_at is None:
        return None
    try:
        started = datetime.fromisoformat(started_at).astimezone()
    except ValueError:
        return started_at
    if started.date() == datetime.now().astimezone().date():
        return f"{started:%H:%M}"
    return f"{started:%Y-%m-%d %H:%M}"
