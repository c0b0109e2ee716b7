"""The lines of part of a file, read in large blocks and handed out without copying.

Validation decodes each line once with msgspec, which reads any buffer: a line
can stay a ``memoryview`` into the block it was read in. Splitting the block into
``bytes`` objects would copy every line (about a quarter of the time msgspec then
takes to decode it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from localdigital_tui.errors import RecordFileError

BOM = b"\xef\xbb\xbf"
Line = bytes | memoryview


def line_views(
    path: Path, start: int = 0, stop: int | None = None, size: int = 8 << 20
) -> Iterator[list[Line]]:
    """The lines beginning in bytes ``start`` .. ``stop``, in lists of about ``size`` bytes.

    A line is a view into its block, or ``bytes`` when it straddles two blocks. Lines
    lose their LF but keep a CR; a BOM is removed from the file's first line.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise RecordFileError(path, exc.strerror or str(exc)) from exc
    with handle:
        handle.seek(start)
        left = None if stop is None else stop - start
        rest = b""  # the start of a line the last block ended in
        first = start == 0
        while True:
            block = handle.read(size if left is None else min(size, left))
            if left is not None:
                left -= len(block)
            if not block:
                break
            if first:
                block = block.removeprefix(BOM) if len(block) >= len(BOM) else block
                first = False
            end = block.find(b"\n")
            if end < 0:
                rest += block
                continue
            lines: list[Line] = [rest + block[:end]]
            view = memoryview(block)
            find = block.find
            begin = end + 1
            while (end := find(b"\n", begin)) >= 0:
                lines.append(view[begin:end])
                begin = end + 1
            rest = block[begin:]
            yield lines
        if rest:
            yield [rest]
