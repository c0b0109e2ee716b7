"""Every part of the input tabulated, in order, in this process.

A part is a block of whole lines of a JSON Lines file (:class:`.frame.LineBlock`)
or a slice of a Parquet file (:class:`.frame.Batch`). Each gives the small
result frames of :class:`.queries.Query`. polars parses each block and reads
each slice on all cores; an earlier version also ran blocks in worker
processes, which gained ~10% on 2 cores (9.6 vs 10.6 s for 300k records) for a
second way of doing the same work, so it went.

Line numbers in errors count from each file's first block, so the first bad
block is the one reported, with the lines it holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import polars as pl

from localdigital_tui.core.records.line_blocks import LineBlock, block_lines
from localdigital_tui.core.tables.frame import Batch, jsonl_frame
from localdigital_tui.core.tables.queries import Frames, Query
from localdigital_tui.errors import RecordFileError

Part = Batch | LineBlock


def part_frame(part: Part, query: Query) -> tuple[pl.LazyFrame | None, int, str]:
    """The lazy flat frame over one part (None: only blank lines), its lines, its place."""
    if isinstance(part, Batch):
        return part.frame, 0, part.lines
    try:
        data = part.read()
    except OSError as exc:
        raise RecordFileError(part.path, exc.strerror or str(exc)) from exc
    lines = block_lines(data)
    if not data or data.isspace():
        return None, lines, ""
    return jsonl_frame(data, query.columns), lines, ""


def tabulated(parts: Iterable[Part], query: Query) -> Iterator[tuple[Part, Frames]]:
    """Each part with its result frames, in order."""
    next_line = 1
    for part in parts:
        if isinstance(part, LineBlock) and part.start == 0:
            next_line = 1  # a file's first block (the same file may be given twice)
        frame, lines, where = part_frame(part, query)
        first, next_line = next_line, next_line + lines
        if frame is None:
            continue
        if isinstance(part, LineBlock):
            where = f"lines {first}-{first + lines - 1}"
        try:
            yield part, query.collect(frame)
        except pl.exceptions.PolarsError as exc:
            raise unreadable(source_of(part), where, str(exc)) from exc


def source_of(part: Part) -> str:
    return part.path if isinstance(part, LineBlock) else part.source


def unreadable(source: str, where: str, reason: str) -> RecordFileError:
    return RecordFileError(
        source,
        f"{where}: cannot read the answers ({reason}); "
        f"'localdigital validate {source}' shows the bad line",
    )
