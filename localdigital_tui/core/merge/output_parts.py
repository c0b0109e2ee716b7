"""The kept records written out in order, in parts that processes write side by side.

Once the kept records are sorted, the length of each one says where it lands in
the output. So the output is cut into parts of about equal size, the staged
file is given its final size, and each part is written by one process straight
to its place: records are read from the spill files into one reused buffer and
written straight to the disk (:class:`~localdigital_tui.core.files.direct_file.DirectFile`,
``O_DIRECT``: no copy into the page cache, and the final fsync has little left).
The merge's worker processes, idle by then, write the parts side by side; a
small merge writes its one part in-process.
"""

from __future__ import annotations

import functools
import mmap
import os
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from localdigital_tui.core.files.direct_file import DirectFile, aligned_buffers

PART_BUFFER_BYTES = 16 * 1024 * 1024  # a record is at most MAX_LINE_BYTES, half of this


@dataclass(frozen=True)
class OutputPart:
    """Records ``spills[i]``, ``offsets[i]``, ``lengths[i]`` (each followed by its
    newline in the spill file), to be written one after the other from byte ``start``
    of ``target``."""

    target: str
    start: int
    spill_paths: tuple[str, ...]
    spills: array[int]
    offsets: array[int]
    lengths: array[int]


def plan_parts(
    target: str,
    spill_paths: Sequence[str],
    columns: tuple[array[int], array[int], array[int]],
    parts: int,
) -> list[OutputPart]:
    """Cut the records (in output order) into at most ``parts`` runs of about equal bytes."""
    spills, offsets, lengths = columns
    total = sum(lengths) + len(lengths)
    share = -(-total // max(1, parts))
    planned: list[OutputPart] = []
    first = start = written = 0
    for index, length in enumerate(lengths):
        written += length + 1
        if written - start >= share or index == len(lengths) - 1:
            cut = slice(first, index + 1)
            planned.append(
                OutputPart(
                    target,
                    start,
                    tuple(spill_paths),
                    spills[cut],
                    offsets[cut],
                    lengths[cut],
                )
            )
            first, start = index + 1, written
    return planned


def write_part(part: OutputPart) -> int:
    """Write one part to its place in ``part.target``; returns the bytes written."""
    spills = [os.open(path, os.O_RDONLY) for path in part.spill_paths]
    fd = os.open(part.target, os.O_WRONLY)
    try:
        out = DirectFile(fd, _buffers(), start=part.start)
        try:
            written = _copy_records(part, spills, out)
            out.finish()
            return written
        finally:
            out.close()
    finally:
        os.close(fd)
        for spill in spills:
            os.close(spill)


def _copy_records(part: OutputPart, spills: list[int], out: DirectFile) -> int:
    """Read each record (in output order, so at random places in the spill files)
    straight into one reused buffer: ``preadv`` copies from the page cache with no
    mapping, so neither fresh memory (a page fault per 4 KiB, ~3 µs each on a
    virtual machine) nor mapped pages (mapping a page maps its neighbours too, and
    the resident set grew to 1.5 GiB) are paid for."""
    batch = _batch()
    at = written = 0
    with memoryview(batch) as view:
        for spill, offset, length in zip(part.spills, part.offsets, part.lengths, strict=True):
            end = at + length + 1
            if end > len(batch):
                written += out.write(view[:at])
                at, end = 0, length + 1
            if os.preadv(spills[spill], [view[at:end]], offset) != end - at:
                raise OSError(f"{part.spill_paths[spill]}: shorter than the scan wrote")
            at = end
        return written + out.write(view[:at])


@functools.cache
def _buffers() -> tuple[mmap.mmap, mmap.mmap]:
    """The aligned buffers of this process's direct writes, made once (private memory,
    so a process forked later has its own)."""
    return aligned_buffers()


@functools.cache
def _batch() -> bytearray:
    return bytearray(PART_BUFFER_BYTES)
