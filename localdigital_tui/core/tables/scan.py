"""The cells of every Parquet input, computed by polars in one streaming query.

The lazy frame of :func:`.frame.record_batches` (every Parquet file, only the
columns the tables need) meets the grouped query of :mod:`.cells`; with the query
over the record ids it is collected with ``pl.collect_all`` on the streaming
engine, which reads row groups on all cores and keeps only the groups' running
sums in memory. What comes back is the small frames of :mod:`.queries`.
"""

from __future__ import annotations

import narwhals as nw
import polars as pl

from localdigital_tui.core.tables.cells import cells, small_frames
from localdigital_tui.core.tables.frame import RECORD_ID, FlatColumn
from localdigital_tui.core.tables.queries import COMPLETE, SPLIT, Frames, Query, with_weights


def split_column(lazy: pl.LazyFrame, split: str | None) -> pl.LazyFrame:
    """``__split``: the ``--by`` answer as text (null without ``--by``)."""
    value = pl.lit(None, dtype=pl.String) if split is None else pl.col(split).cast(pl.String)
    return lazy.with_columns(value.alias(SPLIT))


def code_index(column: FlatColumn, dtype: pl.DataType) -> pl.Expr:
    """A categorical answer as the index of its code in the question's choices (-1: not
    one of them): an Enum of those choices is its index already (its physical form)."""
    value = pl.col(column.name)
    if isinstance(dtype, pl.Enum) and list(dtype.categories) == list(column.choices):
        return value.to_physical()
    mapping = {code: i for i, code in enumerate(column.choices)}
    index = value.cast(pl.String).replace_strict(mapping, default=-1, return_dtype=pl.Int32)
    return pl.when(value.is_not_null()).then(index).alias(column.name)


def scan_frames(lazy: pl.LazyFrame, query: Query, ids_unique: bool = False) -> Frames:
    """statuses, counts, summary and the record id hashes of every Parquet record (none
    when ``ids_unique``: the one input, whose ids convert found once each). Weighted,
    each record's weight is joined on first, and the sums of weights come back too."""
    framed = split_column(lazy, query.split)
    if query.weights is not None:
        framed = with_weights(framed, query.weights)
    schema = framed.collect_schema()
    coded = framed.with_columns(
        code_index(c, schema[c.name]) for c in query.columns if c.categorical
    )
    weighted = query.weights is not None
    grouped = cells(nw.from_native(coded), query.columns, query.thresholds, weighted=weighted)
    grouped = grouped.to_native()
    ids = framed.select(pl.col(RECORD_ID).drop_nulls().hash().alias("id"))
    if ids_unique:
        ids = ids.clear()
    wide, hashes = pl.collect_all([grouped, ids], engine="streaming")

    def unknown_codes(column: FlatColumn) -> list[str]:
        kept = framed if query.include_partial else framed.filter(pl.col("status") == COMPLETE)
        value = pl.col(column.name).cast(pl.String)
        found = kept.select(value.filter(~value.is_in(column.choices)).unique().sort())
        return [str(x) for x in found.collect().to_series().drop_nulls()]

    statuses, counts, summary = small_frames(
        wide, query.columns, query.include_partial, unknown_codes
    )
    return statuses, counts, summary, hashes.to_series()
