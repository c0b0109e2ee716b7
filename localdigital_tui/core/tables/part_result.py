"""One part of the input tabulated: its result frames and line count, or its error, as data
(picklable, so a worker process can send it back)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from localdigital_tui.core.records.line_blocks import LineBlock, block_lines
from localdigital_tui.core.tables.frame import Batch, jsonl_frame
from localdigital_tui.core.tables.queries import Frames, Query
from localdigital_tui.core.tables.scan import scan_frames

Part = Batch | LineBlock


@dataclass(frozen=True)
class PartResult:
    """A part's result frames (None: only blank lines, or an error) and its lines."""

    lines: int
    frames: Frames | None = None
    unreadable: str = ""  # the file could not be read
    unparsable: str = ""  # polars' reason the lines are not answers records


def part_frame(part: Part, query: Query) -> tuple[pl.LazyFrame | None, int]:
    """The lazy flat frame over one part (None: only blank lines) and its lines (OSError)."""
    if isinstance(part, Batch):
        return part.frame, 0
    if query.loaded is not None:
        from localdigital_tui.core.tables.decoded_blocks import decoded_block

        decoded = decoded_block(part, query.loaded, query.columns)
        if decoded is not None:
            return decoded
    data = part.read()
    lines = block_lines(data)
    if not data or data.isspace():
        return None, lines
    return jsonl_frame(data, query.columns), lines


def part_result(part: Part, query: Query) -> PartResult:
    """Tabulate one part (in a worker process, or in this one)."""
    try:
        frame, lines = part_frame(part, query)
    except OSError as exc:
        return PartResult(0, unreadable=exc.strerror or str(exc))
    if frame is None:
        return PartResult(lines)
    try:
        if isinstance(part, Batch) and part.engine == "spark":
            from localdigital_tui.core.tables.spark import spark_frames

            return PartResult(lines, spark_frames(part.sources, query))
        if isinstance(part, Batch):
            return PartResult(lines, scan_frames(frame, query, part.ids_unique))
        return PartResult(lines, query.collect(frame))
    except pl.exceptions.PolarsError as exc:
        return PartResult(lines, unparsable=str(exc))
