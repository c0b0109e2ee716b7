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

import polars as pl

from localdigital_tui.core.export.decoded_frame import DecodedFrame
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.fast_check import FastLineCheck
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
    data: bytes, loaded: LoadedQuestionnaire, columns: Sequence[FlatColumn]
) -> pl.LazyFrame | None:
    """The flat frame of a block whose every line the fast check vouches for, else None.

    Empty lines are skipped (as polars skips them); a line with a carriage return
    or any other line the fast check cannot vouch for means None."""
    if b"\r" in data:  # a CRLF line end (a carriage return inside JSON text is escaped)
        return None
    lines = data.split(b"\n")
    if not lines[-1]:
        lines.pop()
    if b"" in lines:
        lines = [line for line in lines if line]
    if not lines:
        return None
    fast, decoded = _compiled(loaded)
    records = fast.decoded_responses(lines)
    if any(record is None for record in records):
        return None
    schema: dict[str, pl.DataType] = {
        n: pl.String() for n in (AUDIENCE, STATUS, RECORD_ID, *ENVELOPE)
    }
    schema |= {name: pl.Datetime("us", "UTC") for name in TIMES}
    schema |= {c.name: c.dtype for c in columns}
    frame = decoded.frame(records, schema)
    return (
        frame.lazy()
        .with_columns(
            pl.lit(loaded.sha256, pl.String).alias(SHA256),
            *(record_time(pl.col(n), pl.Datetime("us", "UTC")).alias(n) for n in TIMES),
        )
        .select(AUDIENCE, STATUS, RECORD_ID, SHA256, *ENVELOPE, *(c.name for c in columns))
    )
