"""Read JSON Lines files as raw byte lines, in chunks that can be read in parallel.

A file is cut into chunks of about ``chunk_bytes`` at line ends, so a chunk
always starts at the beginning of a line. Each line comes out as bytes without
its line end (``\\n`` or ``\\r\\n``) and without a leading UTF-8 byte order mark
(accepted at the start of any line, as when files were joined with ``cat``),
with a flag saying whether the line had a line end at all: only the last line
of a file can lack one, and if it is not a valid record it was most likely cut
short by a crash. Nothing is decoded here; bytes that are not UTF-8 or contain
NUL are left for validation to report.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

BOM = b"\xef\xbb\xbf"  # a UTF-8 byte order mark, accepted (and dropped) before a line
NEWLINE = ord("\n")
DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024
MAX_LINE_BYTES = 8 * 1024 * 1024
_SCAN_BLOCK = 64 * 1024
READ_BLOCK = 120 * 1024  # under malloc's 128 KiB: a block is not a fresh mapping each


@dataclass(frozen=True, slots=True)
class Chunk:
    """Bytes ``[start, end)`` of one input file; ``start`` is the start of a line."""

    index: int
    file_index: int
    path: str
    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class RawLine:
    """One line as read: ``number`` counts from 1 within its chunk; ``length`` is the
    line's size in bytes without its line end (more than ``len(body)`` only when the
    line was ``overlong`` and cut)."""

    number: int
    body: bytes
    ended: bool
    overlong: bool = False
    length: int = -1

    @property
    def size(self) -> int:
        return len(self.body) if self.length < 0 else self.length

    @property
    def blank(self) -> bool:
        return not self.body.strip()


def plan_chunks(paths: Sequence[Path], chunk_bytes: int = DEFAULT_CHUNK_BYTES) -> list[Chunk]:
    """Chunks covering every file (an empty file gets one empty chunk), in file order."""
    chunks: list[Chunk] = []
    for file_index, path in enumerate(paths):
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            start = 0
            while True:
                end = size
                if size - start > chunk_bytes:
                    end = _line_end_after(handle, start + chunk_bytes, size)
                chunks.append(Chunk(len(chunks), file_index, str(path), start, end))
                if end >= size:
                    break
                start = end
    return chunks


def _line_end_after(handle: BinaryIO, offset: int, size: int) -> int:
    """The offset just past the first ``\\n`` at or after ``offset`` (or ``size``)."""
    handle.seek(offset)
    position = offset
    while position < size:
        block = handle.read(_SCAN_BLOCK)
        if not block:
            break
        found = block.find(b"\n")
        if found >= 0:
            return position + found + 1
        position += len(block)
    return size


def plain_batches(chunk: Chunk) -> Iterator[list[bytes] | None]:
    """The chunk's lines in batches (a block of ``READ_BLOCK`` bytes each) while every
    line is plain; ``None``, and nothing after it, for a batch that holds one that is not.

    Plain: ended by ``\\n`` alone (no carriage return anywhere: one inside JSON text
    is escaped), no byte order mark, not blank, shorter than ``MAX_LINE_BYTES``;
    only the last may lack its line end. The lines are what :func:`read_lines`
    gives for them, without a :class:`RawLine` each: the fast paths over chunks that
    are all valid records (:mod:`.validation`, tables' decoded blocks) use this and
    go back to :func:`read_lines` at the first ``None``. Each batch is decoded while
    its block is fresh: one read of a whole 32 MiB chunk, split, costs ~60% more a
    line, and blocks of 1 MiB (each a fresh memory mapping) cost 40% more system
    time than blocks of 120 KiB."""
    head = b""
    for block in _blocks(chunk):
        data = head + block if head else block
        lines = data.split(b"\n")
        head = lines.pop()
        plain = b"\r" not in data and not holds_bom(data) and len(head) < MAX_LINE_BYTES
        plain = plain and (not lines or _plain(lines))
        if not plain:
            yield None
            return
        if lines:
            yield lines
    if head:
        yield [head] if _plain([head]) else None


def holds_bom(data: bytes) -> bool:
    """Whether a byte order mark is anywhere in ``data``: its first byte is looked
    for first (one ``memchr``, ~60x faster than the three-byte search, and absent
    from nearly every block)."""
    return BOM[:1] in data and BOM in data


def _plain(lines: list[bytes]) -> bool:
    """No line blank, none as long as the limit (CR and BOM are looked for before)."""
    return not (
        b"" in lines or max(map(len, lines)) >= MAX_LINE_BYTES or any(map(bytes.isspace, lines))
    )


def _strip(body: bytes) -> bytes:
    if body.endswith(b"\r"):
        body = body[:-1]
    return body[len(BOM) :] if body.startswith(BOM) else body


def read_lines(chunk: Chunk) -> Iterator[RawLine]:
    """The lines of one chunk, numbered from 1, read in blocks of ``READ_BLOCK`` bytes.

    A line of ``MAX_LINE_BYTES`` or more (no record is near that: think of a
    binary file without line ends) is cut there and flagged ``overlong``; the
    rest of it is only counted, never held in memory. A line of exactly the limit
    that ends the chunk without a line end is an ordinary last line.
    """
    limit = MAX_LINE_BYTES
    number = 0
    head = b""  # the start of a line not ended yet (shorter than the limit)
    cut = -1  # while skipping an overlong line: its length so far
    for block in _blocks(chunk):
        pieces = block.split(b"\n")
        for index in range(len(pieces) - 1):
            piece = pieces[index]
            number += 1
            if cut >= 0:
                yield RawLine(number, head, True, overlong=True, length=cut + len(piece))
                head, cut = b"", -1
            elif head:
                body = head + piece
                head = b""
                if len(body) >= limit:
                    yield RawLine(number, body[:limit], True, overlong=True, length=len(body))
                else:
                    yield RawLine(number, _strip(body), True)
            elif len(piece) >= limit:
                yield RawLine(number, piece[:limit], True, overlong=True, length=len(piece))
            else:
                yield RawLine(number, _strip(piece), True)
        rest = pieces[-1]
        if cut >= 0:
            cut += len(rest)
        elif len(head) + len(rest) > limit:
            cut = len(head) + len(rest)
            head = (head + rest[: limit - len(head)])[:limit]
        else:
            head += rest
    if cut >= 0:
        yield RawLine(number + 1, head, False, overlong=True, length=cut)
    elif head:
        yield RawLine(number + 1, _strip(head), False)


def _blocks(chunk: Chunk) -> Iterator[bytes]:
    """The chunk's bytes in blocks (fewer if the file shrank after planning)."""
    with open(chunk.path, "rb", buffering=0) as handle:
        handle.seek(chunk.start)
        remaining = chunk.size
        while remaining > 0:
            block = handle.read(min(remaining, READ_BLOCK))
            if not block:
                break
            remaining -= len(block)
            yield block
