"""Every part of the input tabulated, in order; big JSON Lines inputs in worker processes.

A part is a block of whole lines of a JSON Lines file (:class:`.LineBlock`) or
every Parquet input at once (:class:`.frame.Batch`). Each gives the small result
frames of :class:`.queries.Query` (Parquet through the one grouped query of
:mod:`.scan`).

A block whose every line the fast check vouches for is taken as it decoded the lines
(:mod:`.decoded_blocks`); any other block is parsed by polars. Decoding is Python-
bound, so from ``PARALLEL_FROM_BYTES`` of JSON Lines the blocks go to the package's
one worker pool (:class:`~localdigital_tui.core.parallel.pool.WorkerPool`), one
process per core, each running polars on one thread (:mod:`.block_task`). Parquet is
read in this process (polars reads Parquet on all cores already), so an input that
holds Parquet is tabulated here.

A part's result carries its line count and any error as plain data, so line
numbers in errors count from each file's first block whichever process read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from localdigital_tui.core.parallel.pool import WorkerPool, jobs_for
from localdigital_tui.core.records.line_blocks import LineBlock
from localdigital_tui.core.tables.block_task import start_block_worker, tabulate_block
from localdigital_tui.core.tables.frame import Batch
from localdigital_tui.core.tables.part_result import Part, PartResult, part_result
from localdigital_tui.core.tables.queries import Frames, Query
from localdigital_tui.errors import RecordFileError

PARALLEL_FROM_BYTES = 256 << 20  # less JSON Lines than this: one process is as fast


def jobs_for_parts(parts: Sequence[Part], requested: int | None = None) -> int:
    """Worker processes for ``parts``: only for JSON Lines, and only for a lot of it."""
    if any(isinstance(p, Batch) for p in parts):
        return 1
    size = sum(p.end - p.start for p in parts if isinstance(p, LineBlock))
    return jobs_for(requested, len(parts), worth_it=size >= PARALLEL_FROM_BYTES)


def tabulated(
    parts: Iterable[Part],
    query: Query,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[Part, Frames]]:
    """Each part with its result frames, in order (``jobs``: None picks the number);
    ``progress`` is told the bytes of each JSON Lines block done."""
    listed = list(parts)
    count = jobs_for_parts(listed, jobs)
    if count == 1:
        results = (part_result(part, query) for part in listed)
        yield from _numbered(listed, _told(listed, results, progress))
        return
    tasks = [(part, query) for part in listed if isinstance(part, LineBlock)]
    with WorkerPool(count, start_block_worker) as pool:
        yield from _numbered(listed, _told(listed, pool.in_order(tabulate_block, tasks), progress))


def _told(
    parts: list[Part], results: Iterable[PartResult], progress: Callable[[int], None] | None
) -> Iterator[PartResult]:
    for part, result in zip(parts, results, strict=True):
        yield result
        if progress is not None and isinstance(part, LineBlock):
            progress(part.end - part.start)


def _numbered(parts: list[Part], results: Iterable[PartResult]) -> Iterator[tuple[Part, Frames]]:
    next_line = 1
    for part, result in zip(parts, results, strict=True):
        if isinstance(part, LineBlock) and part.start == 0:
            next_line = 1  # a file's first block (the same file may be given twice)
        first, next_line = next_line, next_line + result.lines
        if result.unreadable:
            raise RecordFileError(source_of(part), result.unreadable)
        if result.unparsable:
            where = part.lines if isinstance(part, Batch) else f"lines {first}-{next_line - 1}"
            raise unreadable(source_of(part), where, result.unparsable)
        if result.frames is not None:
            yield part, result.frames


def source_of(part: Part) -> str:
    return part.path if isinstance(part, LineBlock) else part.source


def unreadable(source: str, where: str, reason: str) -> RecordFileError:
    return RecordFileError(
        source,
        f"{where}: cannot read the answers ({reason}); "
        f"'localdigital validate {source}' shows the bad line",
    )
