"""The work of one ``convert`` chunk, in a worker process or in this one.

A chunk (whole lines of one file, :class:`~localdigital_tui.core.records.line_reader.Chunk`)
is validated line by line with validate's own checker, and only when every line
is valid is it decoded by polars and written as one Parquet part. This module
imports no polars at import time: a worker sets ``POLARS_MAX_THREADS`` to 1 first
(:func:`start_converter`), since the worker processes, one per core, are the
parallelism.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from localdigital_tui.core.records.kinds import FileKind

if TYPE_CHECKING:
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


_worker: _Converter | None = None


def start_converter(loaded: LoadedQuestionnaire, validate: bool, in_worker: bool) -> None:
    """Set up this process's converter (once per worker, or once here)."""
    global _worker
    if in_worker:
        os.environ["POLARS_MAX_THREADS"] = "1"
    validator = None
    if validate:
        from localdigital_tui.core.records.validation import ChunkValidator

        validator = ChunkValidator(loaded, FileKind.RESPONSES)
    _worker = _Converter(loaded, validator)


def convert_chunk(task: ChunkTask) -> ChunkDone:
    """Validate the chunk; if every line is valid, write it as a Parquet part."""
    assert _worker is not None, "start_converter() runs first in each process"
    summary = None
    if _worker.validator is not None:
        summary = _worker.validator.validate(task.chunk)
        if summary.bad:
            return ChunkDone(summary)
    import polars as pl

    from localdigital_tui.core.export.parquet import converted_schema, flat_block
    from localdigital_tui.core.records.line_blocks import LineBlock

    chunk = task.chunk
    data = LineBlock(chunk.path, chunk.start, chunk.end).read()
    if data.isspace() or not data:
        return ChunkDone(summary)
    schema = converted_schema(_worker.loaded.questionnaire)
    try:
        frame = flat_block(data, _worker.loaded.questionnaire, typed=True).cast(schema)  # type: ignore[arg-type]
    except pl.exceptions.PolarsError as exc:
        return ChunkDone(summary, unreadable=str(exc).splitlines()[0])
    frame.write_parquet(task.part, compression="zstd", row_group_size=task.row_group_rows)
    with open(task.part, "rb") as handle:
        os.fsync(handle.fileno())
    return ChunkDone(summary, frame.height)
