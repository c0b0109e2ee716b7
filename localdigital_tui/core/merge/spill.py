"""The spill files: canonical valid lines as scanned, read back by offset.

Every scanning process appends the canonical bytes of each valid line to its
own spill file in a temporary directory beside the output. The merge keeps
only offsets in memory and reads a record back when it needs the bytes: to
break a tie between conflicting versions, and to write the kept records out in
order at the end (through ``mmap``, so no per-record system call).
"""

from __future__ import annotations

import mmap
import os
from pathlib import Path


class SpillFiles:
    """Spill files by number, for random reads; ``close()`` releases them."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self._fds: list[int] = []
        self._maps: list[mmap.mmap | None] = []
        self._views: list[memoryview] = []

    def number_of(self, path: str) -> int:
        number = self._numbers.get(path)
        if number is None:
            number = len(self._fds)
            self._numbers[path] = number
            self._fds.append(os.open(path, os.O_RDONLY))
            self._maps.append(None)
        return number

    def read(self, number: int, offset: int, length: int) -> bytes:
        """``length`` bytes at ``offset`` (a canonical line without its newline)."""
        mapped = self._maps[number]
        if mapped is not None:
            return mapped[offset : offset + length]
        return os.pread(self._fds[number], length, offset)

    def map_all(self) -> None:
        """Map every spill file for fast reads; call once all writers are done."""
        for number, fd in enumerate(self._fds):
            if self._maps[number] is None and os.fstat(fd).st_size > 0:
                self._maps[number] = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)

    def views(self) -> list[memoryview]:
        """A view of each mapped spill file (after :meth:`map_all`), for copying records
        straight into an output buffer; released by :meth:`close`."""
        if len(self._views) != len(self._maps):
            self._views = [
                memoryview(mapped) if mapped is not None else memoryview(b"")
                for mapped in self._maps
            ]
        return self._views

    def release(self) -> None:
        """Drop mapped pages from this process (they stay in the page cache), so that
        writing a large output in random order does not grow the resident set."""
        if not hasattr(mmap, "MADV_DONTNEED"):
            return
        for mapped in self._maps:
            if mapped is not None:
                mapped.madvise(mmap.MADV_DONTNEED)

    def close(self) -> None:
        for view in self._views:
            view.release()
        self._views = []
        for mapped in self._maps:
            if mapped is not None:
                mapped.close()
        for fd in self._fds:
            os.close(fd)
        self._fds.clear()
        self._maps.clear()
        self._numbers.clear()


def spill_path(directory: Path, name: str) -> Path:
    return directory / f"spill-{name}.jsonl"
