"""DirectFile: the bytes written are the bytes given, whatever the pieces and the mode."""

from __future__ import annotations

import mmap
import os
import random
from pathlib import Path

import pytest

from localdigital_tui.core.files.direct_file import DirectFile, aligned_buffers

PAGE = mmap.PAGESIZE


def pieces(total: int, seed: int) -> list[bytes]:
    """Random-length pieces of distinct-looking bytes, ``total`` bytes in all."""
    rng = random.Random(seed)
    out, made = [], 0
    while made < total:
        size = min(rng.choice([1, 7, PAGE - 1, PAGE, 3 * PAGE + 5, 20_000]), total - made)
        out.append(bytes(rng.randrange(256) for _ in range(size)))
        made += size
    return out


def written(
    path: Path, parts: list[bytes], *, direct: bool, buffer: int = 2 * PAGE, start: int = 0
) -> bytes:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        handle = DirectFile(fd, aligned_buffers(buffer), direct=direct, start=start)
        for part in parts:
            assert handle.write(part) == len(part)
        handle.finish()
    finally:
        os.close(fd)
    return path.read_bytes()


@pytest.mark.parametrize("direct", [True, False])
@pytest.mark.parametrize("total", [0, 1, PAGE, 2 * PAGE, 4 * PAGE, 9 * PAGE + 123, 100_003])
def test_the_file_holds_exactly_the_bytes_written(tmp_path: Path, direct: bool, total: int) -> None:
    parts = pieces(total, seed=total)
    assert written(tmp_path / "out.bin", parts, direct=direct) == b"".join(parts)


def test_buffers_are_reused_by_the_next_file(tmp_path: Path) -> None:
    buffers = aligned_buffers(2 * PAGE)
    for i, total in enumerate([5 * PAGE + 1, 17, 3 * PAGE]):
        parts = pieces(total, seed=i)
        path = tmp_path / f"{i}.bin"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            handle = DirectFile(fd, buffers)
            for part in parts:
                handle.write(part)
            handle.finish()
        finally:
            os.close(fd)
        assert path.read_bytes() == b"".join(parts)


def test_buffer_sizes_must_be_whole_pages() -> None:
    with pytest.raises(ValueError, match="multiple"):
        aligned_buffers(PAGE + 1)


@pytest.mark.parametrize("direct", [True, False])
@pytest.mark.parametrize("cut", [1, PAGE - 1, PAGE, PAGE + 7, 5 * PAGE + 3])
def test_stretches_written_from_any_offset_make_up_the_whole_file(
    tmp_path: Path, direct: bool, cut: int
) -> None:
    """Two writers, each its own stretch of one file (as merge's output parts are)."""
    whole = b"".join(pieces(9 * PAGE + 123, seed=cut))
    path = tmp_path / "out.bin"
    path.write_bytes(bytes(len(whole)))
    written(path, [whole[cut:]], direct=direct, start=cut)
    assert written(path, [whole[:cut]], direct=direct) == whole
