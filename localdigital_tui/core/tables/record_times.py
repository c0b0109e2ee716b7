"""Record times as the record format writes them, whatever file they were read from.

A record's times are part of what tells two copies of it apart (:mod:`.copies`),
so every reader gives them as the one string the record format writes:
``2013-06-24T09:15:02Z`` in UTC, with ``.123456`` before the Z when there are
microseconds; a Parquet timestamp (:func:`record_time`) and a JSON Lines string
that reads as a time (:func:`written_time`) alike.
"""

from __future__ import annotations

import polars as pl


def record_time(column: pl.Expr, dtype: pl.Datetime) -> pl.Expr:
    """A Parquet timestamp as the record format writes it (``2013-06-24T09:15:02Z``, with
    ``.123456`` before the Z when it has microseconds), so a record read from Parquet is
    the same record as its JSON Lines line (:mod:`.copies`)."""
    utc = column.dt.replace_time_zone("UTC") if dtype.time_zone is None else column
    utc = utc.dt.convert_time_zone("UTC")
    whole = utc.dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    fraction = utc.dt.strftime("%Y-%m-%dT%H:%M:%S%.6fZ")
    return pl.when(utc.dt.microsecond() == 0).then(whole).otherwise(fraction)


def written_time(name: str) -> pl.Expr:
    """A time from JSON Lines as the record format writes it (``...Z``, in UTC) when it
    reads as a time, else as it is: ``+00:00`` and ``Z`` spell one time, as in merge's
    canonical form, whichever way a block was read (:mod:`.decoded_blocks`)."""
    raw = pl.col(name)
    text = raw.str.to_uppercase().str.replace(r"^(\d{4}-\d{2}-\d{2}) ", "${1}T")
    text = text.str.replace(r"Z$", "+00:00")
    parsed = text.str.to_datetime("%Y-%m-%dT%H:%M:%S%.f%:z", time_unit="us", strict=False)
    return pl.coalesce(record_time(parsed, pl.Datetime("us", "UTC")), raw).alias(name)
