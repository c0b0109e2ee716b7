"""JSON Lines files cut into blocks of whole lines, read one at a time.

The polars reader maps a whole file into memory; reading a file in blocks of
about ``size`` bytes keeps memory bounded whatever the file's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from localdigital_tui.core.records.line_reader import BOM, holds_bom
from localdigital_tui.errors import RecordFileError


@dataclass(frozen=True)
class LineBlock:
    """Whole lines of a JSON Lines file: its bytes from ``start`` up to ``end``.

    Only offsets: a block is read when it is tabulated.
    Its line numbers are counted then (see :func:`block_lines`).
    """

    path: str
    start: int
    end: int

    def read(self) -> bytes:
        """The block's bytes, without the byte order marks lines may start with (where
        files were joined with ``cat``; the JSON reader rejects them). OSError."""
        with open(self.path, "rb") as handle:
            handle.seek(self.start)
            data = handle.read(self.end - self.start)
        if data.startswith(BOM):
            data = data[len(BOM) :]
        if holds_bom(data) and b"\n" + BOM in data:
            data = data.replace(b"\n" + BOM, b"\n")
        return data


def block_lines(data: bytes) -> int:
    """How many lines a block holds (the last may lack its line end)."""
    return data.count(b"\n") + (bool(data) and not data.endswith(b"\n"))


def line_blocks(path: Path, size: int) -> Iterator[LineBlock]:
    """``path`` cut into blocks of whole lines, each about ``size`` bytes or one longer line."""
    if size < 1:
        raise ValueError(f"batch_bytes must be at least 1, not {size}")
    try:
        with path.open("rb") as handle:
            total = handle.seek(0, 2)
            start = 0
            while start < total:
                handle.seek(min(start + size, total) - 1)
                handle.readline()  # to the end of the line the cut falls in
                end = handle.tell()
                yield LineBlock(str(path), start, end)
                start = end
    except OSError as exc:
        raise RecordFileError(path, exc.strerror or str(exc)) from exc
