"""Writes that survive a crash: replace a file atomically, append a line with fsync.

A replaced file is written to a temporary file in the same directory, flushed,
fsynced and renamed over the old one, then the directory is fsynced: after a
crash either the old or the new contents are there, never a mix. An appended
line goes out in one ``write`` and is fsynced before the call returns; if the
file's last line was cut short by an earlier crash, the new line starts on a
fresh line so the damage stays confined to the torn line (which a validator
then reports) and never spreads into a good record.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def make_folder(folder: Path) -> None:
    """Create ``folder`` and any missing parents. A parent that is a file is named in
    the error (``mkdir`` itself would say "File exists" of the folder asked for)."""
    for parent in (folder, *folder.parents):
        if parent.is_dir():
            break
        if parent.exists():
            raise NotADirectoryError(
                errno.ENOTDIR, "not a folder (a file of that name is in the way)", str(parent)
            )
    folder.mkdir(parents=True, exist_ok=True)


def fsync_directory(path: Path) -> None:
    """Make a rename, create or unlink inside ``path`` durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: temp file, write, fsync, rename, fsync the directory."""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # named after the file asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_directory(path.parent)


def write_new_file(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Create ``path`` holding ``data`` with permissions ``mode``; never replace a file.

    Written as :func:`write_atomically` writes, then linked into place (a link,
    unlike a rename, fails when the name is taken): :class:`FileExistsError` if
    ``path`` exists, and a crash leaves either no file or the whole one.
    """
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
    try:
        try:
            os.fchmod(fd, mode)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp_name, path)
        except FileExistsError:
            raise FileExistsError(errno.EEXIST, "already exists", str(path)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
    fsync_directory(path.parent)


def append_line(path: Path, line: bytes) -> None:
    """Append ``line`` and a newline to ``path`` (created if need be), then fsync."""
    if b"\n" in line:
        raise ValueError("a JSON Lines record must not contain a newline")
    created = not path.exists()
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        torn = size > 0 and os.pread(fd, 1, size - 1) != b"\n"
        _write_all(fd, (b"\n" if torn else b"") + line + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        fsync_directory(path.parent)


def remove_durably(path: Path) -> bool:
    """Unlink ``path`` and fsync its directory; ``False`` if it was already gone."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    fsync_directory(path.parent)
    return True


def move_durably(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target`` and fsync both directories."""
    make_folder(target.parent)
    os.replace(source, target)
    fsync_directory(target.parent)
    if target.parent != source.parent:
        fsync_directory(source.parent)


def holds_record(paths: Iterable[Path], record_id: str) -> bool:
    """Does any of these JSON Lines files hold a whole line with this ``record_id``?

    A line cut short by a crash is not valid JSON and does not count, so the
    record it was meant to hold is written again.
    """
    needle = record_id.encode("ascii")
    for path in paths:
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            continue
        with handle:
            for raw in handle:
                if needle not in raw:
                    continue
                try:
                    data = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    continue
                if isinstance(data, dict) and data.get("record_id") == record_id:
                    return True
    return False


def count_lines(path: Path) -> int:
    """Non-blank lines of ``path``; 0 if it does not exist."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return 0
    with handle:
        return sum(1 for raw in handle if raw.strip())
