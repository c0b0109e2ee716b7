"""The lines of part of a file, read in large blocks and handed out without copying.

Validation decodes each line once with msgspec, which reads any buffer: a line
can stay a ``memoryview`` into the block it was read in. Splitting the block into
``bytes`` objects would copy every line (about a quarter of the time msgspec then
takes to decode it). Blocks are read into one reused buffer while no view of the
last block is still held: fresh memory costs a page fault for every 4 KiB.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from localdigital_tui.errors import RecordFileError

BOM = b"\xef\xbb\xbf"  # a UTF-8 byte order mark, accepted (and dropped) before a line
Line = bytes | memoryview
"""A line without its line end: bytes, or a view into the block it was read in."""


def line_views(
    path: Path, start: int = 0, stop: int | None = None, size: int = 8 << 20
) -> Iterator[list[Line]]:
    """The lines beginning in bytes ``start`` .. ``stop``, in lists of about ``size`` bytes.

    A line is a view into its block, or ``bytes`` when it straddles two blocks. Lines
    lose their LF but keep a CR; a BOM is removed from the file's first line. The
    next block overwrites the last one's memory only if none of its lines is kept.
    """
    try:
        handle = path.open("rb", buffering=0)
    except OSError as exc:
        raise RecordFileError(path, exc.strerror or str(exc)) from exc
    with handle:
        handle.seek(start)
        left = None if stop is None else stop - start
        rest = b""  # the start of a line the last block ended in
        first = start == 0
        buffer = bytearray(size)
        while True:
            if not _unshared(buffer):
                buffer = bytearray(size)
            with memoryview(buffer) as whole:
                got = handle.readinto(whole if left is None else whole[: min(size, left)])
            if not got:
                break
            if left is not None:
                left -= got
            begin = len(BOM) if first and buffer.startswith(BOM) and got >= len(BOM) else 0
            first = False
            end = buffer.find(b"\n", begin, got)
            if end < 0:
                rest += buffer[begin:got]
                continue
            lines: list[Line] = [rest + buffer[begin:end]]
            view = memoryview(buffer)
            find = buffer.find
            begin = end + 1
            while (end := find(b"\n", begin, got)) >= 0:
                lines.append(view[begin:end])
                begin = end + 1
            rest = bytes(buffer[begin:got])
            del view
            yield lines
        if rest:
            yield [rest]


def _unshared(buffer: bytearray) -> bool:
    """No view into ``buffer`` is alive (a bytearray with views refuses to change size)."""
    try:
        buffer.append(0)
    except BufferError:
        return False
    del buffer[-1]
    return True
