"""A file written in large aligned blocks straight to the disk (``O_DIRECT``).

Simulated output is gigabytes written once and not read back by this process.
Through the page cache every byte is copied by the kernel into freshly allocated
cache pages, and the final fsync then waits for all of it; on the machines we
measured, that copy cost more CPU than making the text. With ``O_DIRECT`` the
disk reads the blocks from our own buffers, so writing costs next to no CPU and
the data is on the device as it goes, leaving the final fsync little to do.

:class:`DirectFile` is file-like (``write``), so polars' ``write_csv`` can fill
it. Bytes are copied into one of two page-aligned buffers; a full buffer goes to
a background thread that writes it while the other fills. Only the last partial
block is written through the page cache (``O_DIRECT`` needs aligned lengths).
Where ``O_DIRECT`` is refused (tmpfs, other systems) every write is buffered:
the bytes are the same either way.
"""

from __future__ import annotations

import errno
import fcntl
import mmap
import os
from concurrent.futures import Future, ThreadPoolExecutor

BLOCK = 8 << 20  # bytes in one aligned write; a multiple of any block or page size
DIRECT_FLAG: int = getattr(os, "O_DIRECT", 0)


def aligned_buffers(size: int = BLOCK) -> tuple[mmap.mmap, mmap.mmap]:
    """Two page-aligned buffers of ``size`` bytes, reusable by one file after another."""
    if size <= 0 or size % mmap.PAGESIZE:
        raise ValueError(f"buffer size must be a positive multiple of {mmap.PAGESIZE}")
    # Private, not shared (mmap's default): a process forked later gets its own copy,
    # so worker processes never write into each other's buffers.
    flags = getattr(mmap, "MAP_PRIVATE", 0) | getattr(mmap, "MAP_ANONYMOUS", 0)
    if not flags:
        return mmap.mmap(-1, size), mmap.mmap(-1, size)
    return mmap.mmap(-1, size, flags=flags), mmap.mmap(-1, size, flags=flags)


def _set_direct(fd: int, on: bool) -> bool:
    """Turn ``O_DIRECT`` on or off for ``fd``; False if the file system refuses it."""
    if not DIRECT_FLAG:
        return False
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    try:
        fcntl.fcntl(fd, fcntl.F_SETFL, (flags | DIRECT_FLAG) if on else (flags & ~DIRECT_FLAG))
    except OSError as exc:
        if exc.errno == errno.EINVAL:
            return False
        raise
    return on


class DirectFile:
    """Writes to ``fd`` (open for writing), from byte ``start``, through two aligned buffers.

    When ``start`` is not on a page boundary, the bytes up to the next one go
    through the page cache first (direct writes need aligned offsets); so several
    processes can each write their own stretch of one file. Call :meth:`finish`
    before fsyncing or closing ``fd``; until then the last bytes may still sit in
    a buffer. The caller owns ``fd`` and the buffers.
    """

    def __init__(
        self,
        fd: int,
        buffers: tuple[mmap.mmap, mmap.mmap],
        *,
        direct: bool = True,
        start: int = 0,
    ):
        if len(buffers[0]) != len(buffers[1]):
            raise ValueError("both buffers must have the same size")
        self.fd = fd
        os.lseek(fd, start, os.SEEK_SET)
        self._head = -start % mmap.PAGESIZE  # bytes to write before the first page boundary
        self._wants_direct = direct
        self.direct = direct and not self._head and _set_direct(fd, True)
        self._buffers = buffers
        self._current = 0  # which buffer is filling
        self._filled = 0  # bytes in it
        self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="direct-write")
        self._pending: Future[None] | None = None

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        size = len(self._buffers[0])
        while view:
            buffer = self._buffers[self._current]
            limit = self._head or size
            take = min(len(view), limit - self._filled)
            buffer[self._filled : self._filled + take] = view[:take]
            self._filled += take
            view = view[take:]
            if self._filled == limit:
                if self._head:
                    self._write_head()
                else:
                    self._send(size)
        return len(data)

    def _write_head(self) -> None:
        """Write the bytes before the first page boundary through the page cache, then
        go direct from the boundary on."""
        self._write_block(memoryview(self._buffers[self._current])[: self._head])
        self._filled = self._head = 0
        self.direct = self._wants_direct and _set_direct(self.fd, True)

    def flush(self) -> None:
        """Nothing to do: blocks go out when full, the rest in :meth:`finish`."""

    def finish(self) -> None:
        """Write everything still buffered, the last partial block through the page cache."""
        try:
            self._wait()
            if self._filled:
                if self.direct:
                    self.direct = _set_direct(self.fd, False)
                self._write_block(memoryview(self._buffers[self._current])[: self._filled])
                self._filled = 0
        finally:
            self.close()

    def close(self) -> None:
        """Stop the I/O thread once its write is done (:meth:`finish` calls this)."""
        self._io.shutdown(wait=True)

    def _send(self, length: int) -> None:
        """Hand the full buffer to the I/O thread and go on filling the other one."""
        self._wait()
        block = memoryview(self._buffers[self._current])[:length]
        self._pending = self._io.submit(self._write_block, block)
        self._current = 1 - self._current
        self._filled = 0

    def _wait(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()

    def _write_block(self, block: memoryview) -> None:
        while block:
            try:
                written = os.write(self.fd, block)
            except OSError as exc:
                # Some file systems accept O_DIRECT at open but refuse an actual
                # direct write (EINVAL), and after a short write the offset is no
                # longer aligned: the rest then goes through the page cache.
                if not self.direct or exc.errno != errno.EINVAL:
                    raise
                self.direct = _set_direct(self.fd, False)
                continue
            block = block[written:]
