"""Durable outputs: each written to a temporary file beside it, then renamed over it.

A merge streams each output into a temporary file in the output's directory
while it runs; only when everything has been written are the files flushed,
fsynced and renamed into place, and the directories fsynced. A crash or an
error before that leaves the old outputs as they were. An output may never be
one of the inputs: that is refused before anything is read.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from localdigital_tui.core.files.durable import fsync_directory
from localdigital_tui.core.files.outputs import file_identity
from localdigital_tui.errors import MergeInputError

_BUFFER = 1024 * 1024


class StagedFile:
    """A file being written under a temporary name beside ``target``."""

    def __init__(self, target: Path) -> None:
        self.target = target
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.fchmod(fd, _new_file_mode())
        self.temp = Path(name)
        self._file = io.BufferedWriter(io.FileIO(fd, "wb"), buffer_size=_BUFFER)
        self.bytes_written = 0

    def write(self, data: bytes) -> None:
        try:
            self._file.write(data)
        except OSError as exc:
            raise self._naming(exc) from None
        self.bytes_written += len(data)

    def finish(self) -> None:
        """Flush and fsync the temporary file (call :meth:`publish` once all are finished)."""
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        except OSError as exc:
            raise self._naming(exc) from None

    def _naming(self, exc: OSError) -> OSError:
        """``exc`` naming the output (a full disk, say, is reported without a file)."""
        if exc.filename is not None:
            return exc
        return OSError(exc.errno, exc.strerror or str(exc), str(self.target))

    def publish(self) -> None:
        os.replace(self.temp, self.target)

    def discard(self) -> None:
        """Remove the temporary file. Its unwritten buffer is dropped: closing would
        try to write it, and fail again if the disk is full."""
        self._file.raw.close()  # the buffered file then counts as closed too
        with contextlib.suppress(FileNotFoundError):
            self.temp.unlink()


def _new_file_mode() -> int:
    """What ``open()`` would give a new file: 0o666 less the umask (mkstemp uses 0o600)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def publish_all(files: Sequence[StagedFile]) -> None:
    """Finish every file, then rename each into place, then fsync their directories."""
    for staged in files:
        staged.finish()
    for staged in files:
        staged.publish()
    for directory in sorted({staged.target.parent for staged in files}):
        fsync_directory(directory)


def check_outputs(outputs: Sequence[Path], inputs: Sequence[Path]) -> None:
    """Refuse outputs that are inputs, directories, or the same file twice."""
    resolved = [output.resolve() for output in outputs]
    if len(set(resolved)) != len(resolved):
        raise MergeInputError("two outputs name the same file; give each its own path")
    input_ids = {file_identity(path): path for path in inputs}
    for output in outputs:
        if output.is_dir():
            raise MergeInputError(f"{output}: is a directory; name an output file")
        if output.exists() and file_identity(output) in input_ids:
            raise MergeInputError(
                f"{output}: refusing to write over an input; write the merge to its own "
                "directory (e.g. -o merged/merged.jsonl)"
            )
