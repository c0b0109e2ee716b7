"""Every part of the input tabulated, in order; big JSON Lines inputs in worker processes.

A part is a block of whole lines of a JSON Lines file (:class:`.frame.LineBlock`,
offsets only) or a slice of a Parquet file (:class:`.frame.Batch`, a lazy frame).
Each part gives the three small result frames of :class:`.queries.Query`.

Parsing JSON Lines is most of the work. In one process polars parses each block
on all cores, but reading a block and the queries' single-threaded steps run
alone: ~1.7 of 2 cores busy. From ``PARALLEL_FROM_BYTES`` of JSON Lines on, one
worker process per core reads its blocks itself and tabulates each with polars on
ONE thread, so the workers, not polars' threads, keep the cores busy: ~1.9 of 2
(3 x 100k records, shared machine: 9.6 vs 10.6 s wall for 1.3 s more CPU, the
workers' start-up; below ~250 MiB one process was as fast). Workers are started
with ``spawn`` (a fork of a process with polars' threads running may deadlock), so
a script calling this needs the usual ``if __name__ == "__main__":`` guard, and a
worker's one polars thread is set (:mod:`.worker_start`) only if that script does
not import polars at its top. Each worker sends back only the result frames and
the block's line count; Ctrl-C is left to this process. Parquet slices are
collected in this process (polars reads Parquet on all cores already).

Results are taken in input order, at most a few blocks ahead, so the first bad
block is the one reported, with line numbers counted from the blocks before it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import polars as pl

from localdigital_tui.core.parallel.cores import usable_cores
from localdigital_tui.core.tables.frame import Batch, LineBlock, block_lines, jsonl_frame
from localdigital_tui.core.tables.queries import Frames, Query
from localdigital_tui.core.tables.worker_start import start_worker
from localdigital_tui.errors import RecordFileError

PARALLEL_FROM_BYTES = 256 << 20  # less JSON Lines than this: one process is as fast
AHEAD = 4  # blocks handed to the workers per worker before the first result is taken

Part = Batch | LineBlock


@dataclass(frozen=True)
class BlockResult:
    """What a worker sends back for one block: its lines and result frames, or the error."""

    lines: int
    frames: Frames | None = None  # None: nothing but blank lines, or an error
    unreadable: str = ""  # the file could not be read
    unparsable: str = ""  # polars' reason the lines are not JSON records


def tabulate_block(block: LineBlock, query: Query) -> BlockResult:
    """Read ``block`` and tabulate it (run in a worker process, or in this one)."""
    try:
        data = block.read()
    except OSError as exc:
        return BlockResult(0, unreadable=exc.strerror or str(exc))
    lines = block_lines(data)
    if not data or data.isspace():
        return BlockResult(lines)
    try:
        return BlockResult(lines, query.collect(jsonl_frame(data, query.columns)))
    except pl.exceptions.PolarsError as exc:
        return BlockResult(lines, unparsable=str(exc))


def worker_count(parts: Sequence[Part]) -> int:
    """1 (this process) below ``PARALLEL_FROM_BYTES`` of JSON Lines; else one per core."""
    blocks = [p for p in parts if isinstance(p, LineBlock)]
    if sum(b.end - b.start for b in blocks) < PARALLEL_FROM_BYTES:
        return 1
    return max(1, min(usable_cores(), len(blocks)))


class _Numbering:
    """Line numbers of each file's blocks, counted as their results come in order."""

    def __init__(self) -> None:
        self.next_line = 1

    def checked(self, block: LineBlock, result: BlockResult) -> Frames | None:
        if block.start == 0:  # a file's first block (the same file may be given twice)
            self.next_line = 1
        first, self.next_line = self.next_line, self.next_line + result.lines
        if result.unreadable:
            raise RecordFileError(block.path, result.unreadable)
        if result.unparsable:
            raise _unreadable(
                block.path, f"lines {first}-{first + result.lines - 1}", result.unparsable
            )
        return result.frames


def _unreadable(source: str, where: str, reason: str) -> RecordFileError:
    return RecordFileError(
        source,
        f"{where}: cannot read the answers ({reason}); "
        f"'localdigital validate {source}' shows the bad line",
    )


def _slice_frames(batch: Batch, query: Query) -> Frames:
    try:
        return query.collect(batch.frame)
    except pl.exceptions.PolarsError as exc:
        raise _unreadable(batch.source, batch.lines, str(exc)) from exc


def tabulated(
    parts: Iterable[Part], query: Query, workers: int | None = None
) -> Generator[Frames, None, None]:
    """The result frames of every part, in order (``workers``: None picks the number)."""
    listed = list(parts)
    jobs = worker_count(listed) if workers is None else max(1, workers)
    numbering = _Numbering()
    if jobs == 1 or not any(isinstance(p, LineBlock) for p in listed):
        for part in listed:
            if isinstance(part, Batch):
                yield _slice_frames(part, query)
            elif (frames := numbering.checked(part, tabulate_block(part, query))) is not None:
                yield frames
        return
    pool = ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=start_worker,
    )
    pending: deque[tuple[Part, Future[BlockResult] | None]] = deque()
    try:
        for part in listed:
            future = (
                pool.submit(tabulate_block, part, query) if isinstance(part, LineBlock) else None
            )
            pending.append((part, future))
            while len(pending) > AHEAD * jobs:
                yield from _settled(*pending.popleft(), query, numbering)
        while pending:
            yield from _settled(*pending.popleft(), query, numbering)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _settled(
    part: Part, future: Future[BlockResult] | None, query: Query, numbering: _Numbering
) -> Iterator[Frames]:
    if isinstance(part, Batch):
        yield _slice_frames(part, query)
        return
    assert future is not None
    try:
        result = future.result()
    except BrokenProcessPool as exc:
        raise RecordFileError(
            part.path, f"the worker process reading bytes {part.start}-{part.end} stopped ({exc})"
        ) from exc
    if (frames := numbering.checked(part, result)) is not None:
        yield frames
