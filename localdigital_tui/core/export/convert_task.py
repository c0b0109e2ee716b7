"""The work of one ``convert`` chunk, in a worker process or in this one.

A chunk (whole lines of one file, :class:`~localdigital_tui.core.records.line_reader.Chunk`)
is validated line by line with validate's own checker, and only when every line
is valid is it written as one Parquet part, from the records as validation
decoded them (:mod:`.decoded_frame`). This module
imports no polars at import time: a worker sets ``POLARS_MAX_THREADS`` to 1 first
(:func:`start_converter`), since the worker processes, one per core, are the
parallelism.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from localdigital_tui.core.records.kinds import FileKind

if TYPE_CHECKING:
    import polars as pl

    from localdigital_tui.core.export.decoded_frame import DecodedFrame
    from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
    from localdigital_tui.core.records.line_reader import Chunk
    from localdigital_tui.core.records.validation import ChunkValidator, ValidationSummary


@dataclass(frozen=True)
class ChunkTask:
    chunk: Chunk
    part: str  # the Parquet part to write (when every line is valid)
    row_group_rows: int


@dataclass(frozen=True)
class ChunkDone:
    """What a chunk gave: its validation (None when not validated), the rows written,
    and polars' reason when the lines could not be decoded."""

    summary: ValidationSummary | None
    rows: int = 0
    unreadable: str = ""


@dataclass
class _Converter:
    loaded: LoadedQuestionnaire
    validator: ChunkValidator | None
    decoded: DecodedFrame


_worker: _Converter | None = None


def start_converter(loaded: LoadedQuestionnaire, validate: bool, in_worker: bool) -> None:
    """Set up this process's converter (once per worker, or once here)."""
    global _worker
    if in_worker:
        os.environ["POLARS_MAX_THREADS"] = "1"
    from localdigital_tui.core.export.decoded_frame import DecodedFrame

    validator = None
    if validate:
        from localdigital_tui.core.records.validation import ChunkValidator

        validator = ChunkValidator(loaded, FileKind.RESPONSES)
    _worker = _Converter(loaded, validator, DecodedFrame(loaded))


def convert_chunk(task: ChunkTask) -> ChunkDone:
    """Validate the chunk; if every line is valid, write it as a Parquet part.

    Validated lines are taken as validation decoded them (:mod:`.decoded_frame`);
    unvalidated ones are read by polars (:func:`~.parquet.flat_block`)."""
    assert _worker is not None, "start_converter() runs first in each process"
    import polars as pl

    summary = None
    decoded: list[Any] = []
    if _worker.validator is not None:
        summary = _worker.validator.validate(task.chunk, decoded)
        if summary.bad:
            return ChunkDone(summary)
    try:
        if summary is None:
            frame = _read_by_polars(task.chunk, _worker.loaded)
        else:
            frame = _worker.decoded.frame(decoded) if decoded else None
    except pl.exceptions.PolarsError as exc:
        return ChunkDone(summary, unreadable=str(exc).splitlines()[0])
    if frame is None:
        return ChunkDone(summary)
    frame.write_parquet(task.part, compression="zstd", row_group_size=task.row_group_rows)
    with open(task.part, "rb") as handle:
        os.fsync(handle.fileno())
    return ChunkDone(summary, frame.height)


def _read_by_polars(chunk: Chunk, loaded: LoadedQuestionnaire) -> pl.DataFrame | None:
    """The chunk's lines read by polars (None when it holds no line)."""
    from localdigital_tui.core.export.parquet import converted_schema, flat_block
    from localdigital_tui.core.records.line_blocks import LineBlock

    data = LineBlock(chunk.path, chunk.start, chunk.end).read()
    if data.isspace() or not data:
        return None
    schema = converted_schema(loaded.questionnaire)
    return flat_block(data, loaded.questionnaire, typed=True).cast(schema)  # type: ignore[arg-type]
