"""The spill files: canonical valid lines as scanned, read back by offset.

Every scanning process appends the canonical bytes of each valid line to its
own spill file in a temporary directory beside the output. The merge keeps
only offsets in memory and reads a record back when it needs the bytes: to
break a tie between conflicting versions and to write the conflicts out (here,
with ``pread``), and to write the kept records out in order
(:meth:`.MergeState.write_kept`).
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterator
from pathlib import Path

COPY_BYTES = 1 << 20  # the most read (and written) at once


class SpillFiles:
    """Spill files by number, for random reads; ``close()`` releases them."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self._fds: list[int] = []

    def number_of(self, path: str) -> int:
        number = self._numbers.get(path)
        if number is None:
            number = len(self._fds)
            self._numbers[path] = number
            self._fds.append(os.open(path, os.O_RDONLY))
        return number

    def paths(self) -> list[str]:
        """The spill files, by number."""
        return list(self._numbers)

    def read(self, number: int, offset: int, length: int) -> bytes:
        """``length`` bytes at ``offset`` of spill file ``number``."""
        data = os.pread(self._fds[number], length, offset)
        if len(data) != length:
            raise OSError(
                f"a temporary spill file of this merge is shorter than written ({number})"
            )
        return data

    def copy_out(
        self, spills: array[int], offsets: array[int], lengths: array[int]
    ) -> Iterator[bytes]:
        """The records at ``(spills[i], offsets[i], lengths[i])`` in that order, each with
        its newline. Records that follow each other in one spill file (the usual case:
        a file's kept records in the order they were scanned) are read with one
        ``pread`` of at most :data:`COPY_BYTES`."""
        run_spill, run_start, run_end = -1, 0, 0
        for spill, offset, length in zip(spills, offsets, lengths, strict=True):
            if spill == run_spill and offset == run_end and run_end - run_start < COPY_BYTES:
                run_end += length + 1  # the record and its newline
                continue
            if run_end > run_start:
                yield self.read(run_spill, run_start, run_end - run_start)
            run_spill, run_start, run_end = spill, offset, offset + length + 1
        if run_end > run_start:
            yield self.read(run_spill, run_start, run_end - run_start)

    def close(self) -> None:
        for fd in self._fds:
            os.close(fd)
        self._fds.clear()
        self._numbers.clear()


def spill_path(directory: Path, name: str) -> Path:
    return directory / f"spill-{name}.jsonl"
