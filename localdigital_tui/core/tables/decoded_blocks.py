"""A block of JSON Lines as the tables' flat frame, from lines the fast check decoded.

Where every line of a block is certainly a valid record of the questionnaire
(:class:`~localdigital_tui.core.records.fast_check.FastLineCheck`, msgspec, the
check ``validate`` runs first), the block's frame is built from the decoded
lines (:mod:`~localdigital_tui.core.export.decoded_frame`) instead of being
parsed again by polars' JSON reader: about half the time a record. Otherwise
(a line it cannot vouch for: another questionnaire, a bad code, a CRLF line end,
a cut line) the block is read by polars as before, so what tables accepts,
refuses and says is the same either way. Both give the same columns, with the
times written as the record format writes them (:mod:`.record_times`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from localdigital_tui.core.export.decoded_frame import DecodedFrame
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.fast_check import FastLineCheck
from localdigital_tui.core.records.line_blocks import LineBlock
from localdigital_tui.core.records.line_reader import Chunk, plain_batches
from localdigital_tui.core.tables.frame import (
    AUDIENCE,
    ENVELOPE,
    RECORD_ID,
    SHA256,
    STATUS,
    FlatColumn,
)
from localdigital_tui.core.tables.record_times import record_time

TIMES = ("started_at", "submitted_at")
_COMPILED: dict[str, tuple[FastLineCheck, DecodedFrame]] = {}


def _compiled(loaded: LoadedQuestionnaire) -> tuple[FastLineCheck, DecodedFrame]:
    """The fast check and frame builder of a questionnaire, made once per process."""
    found = _COMPILED.get(loaded.sha256)
    if found is None:
        found = _COMPILED[loaded.sha256] = (FastLineCheck(loaded), DecodedFrame(loaded))
    return found


def decoded_block(
    block: LineBlock, loaded: LoadedQuestionnaire, columns: Sequence[FlatColumn]
) -> tuple[pl.LazyFrame, int] | None:
    """The flat frame of a block whose every line the fast check vouches for, and its
    line count; None when one is not a plain line
    (:func:`~localdigital_tui.core.records.line_reader.plain_batches`: no CRLF, no
    blank line, ...) or not certainly a valid record. OSError."""
    fast, decoded = _compiled(loaded)
    records: list[Any] = []
    for lines in plain_batches(Chunk(0, 0, block.path, block.start, block.end)):
        found = None if lines is None else fast.decoded_responses(lines)
        if found is None or any(record is None for record in found):
            return None
        records += found
    if not records:
        return None
    schema: dict[str, pl.DataType] = {
        n: pl.String() for n in (AUDIENCE, STATUS, RECORD_ID, *ENVELOPE)
    }
    schema |= {name: pl.Datetime("us", "UTC") for name in TIMES}
    schema |= {c.name: c.dtype for c in columns}
    frame = decoded.frame(records, schema)
    lazy = frame.lazy().with_columns(
        pl.lit(loaded.sha256, pl.String).alias(SHA256),
        *(record_time(pl.col(n), pl.Datetime("us", "UTC")).alias(n) for n in TIMES),
    )
    names = (AUDIENCE, STATUS, RECORD_ID, SHA256, *ENVELOPE, *(c.name for c in columns))
    return lazy.select(names), len(records)
