"""The polars queries behind every table: one read, one unpivot, one collect per part.

From the lazy flat frame over one part of the input (:mod:`.frame`: a block of
JSON Lines or a slice of Parquet) four small queries are built and collected
together with ``pl.collect_all`` on the streaming engine, over the part read once:

* records per audience, split, status and questionnaire sha256 (group sizes;
  partial records excluded; a record of another questionnaire is refused);
* the counts of every categorical answer: all single-choice and grid columns are
  unpivoted ONCE into (audience, split, column, choice) and grouped;
* per audience and split: how many answered each question (any of its rows), and
  for each numeric field n, sum, min, max and the same above a threshold.

and, not aggregated, a 64-bit hash of every record id, so copies of a record in
several inputs are found (:mod:`.copies`). Sums are exact: integer columns add as
integers, float columns as integers of millionths (:mod:`.aggregate` adds up the
parts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from localdigital_tui.core.tables.frame import AUDIENCE, RECORD_ID, SHA256, STATUS, FlatColumn

SPLIT = "__split"
COMPLETE = "complete"
FLOAT_SCALE = 10**6  # float answers are summed as whole millionths

Frames = tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.Series]
"""statuses, counts, summary, and the hashes of the part's record ids"""


@dataclass(frozen=True)
class Query:
    """What every part is asked: the flat columns, the ``--by`` split, the thresholds."""

    columns: tuple[FlatColumn, ...]
    split: str | None = None
    thresholds: Mapping[str, int] = field(default_factory=dict)
    include_partial: bool = False

    def collect(self, lazy: pl.LazyFrame) -> Frames:
        """The result frames for one part (a polars error if it cannot be read).

        The part is read into memory first (a block is ~14,000 records of a few
        short strings each), then queried: ~15% less CPU than the three queries over
        the scan itself (one polars thread, 32 MiB blocks: 48 vs 57 µs a record).
        """
        part = lazy.collect().lazy()
        queries = build_queries(
            part, self.columns, self.split, self.thresholds, self.include_partial
        )
        statuses, counts, summary, ids = pl.collect_all(queries, engine="streaming")
        return statuses, counts, summary, ids.to_series()


def _sum_expr(expr: pl.Expr, column: FlatColumn) -> pl.Expr:
    if column.dtype.is_integer():
        return expr.sum()
    return (expr * FLOAT_SCALE).round(0).cast(pl.Int64).sum()


def _numeric_exprs(column: FlatColumn, threshold: int | None) -> list[pl.Expr]:
    c = pl.col(column.name)
    exprs = [
        c.count().alias(f"{column.name}|n"),
        _sum_expr(c, column).alias(f"{column.name}|total"),
        c.min().alias(f"{column.name}|min"),
        c.max().alias(f"{column.name}|max"),
    ]
    if threshold is not None:
        above = c.filter(c > threshold)
        exprs += [
            above.count().alias(f"{column.name}|n_above"),
            _sum_expr(above, column).alias(f"{column.name}|total_above"),
            above.min().alias(f"{column.name}|min_above"),
        ]
    return exprs


def build_queries(
    lazy: pl.LazyFrame,
    columns: Sequence[FlatColumn],
    split: str | None,
    thresholds: Mapping[str, int],
    include_partial: bool,
) -> list[pl.LazyFrame]:
    """The lazy queries: statuses, categorical counts, per-question summaries, id hashes."""
    keys = [AUDIENCE, SPLIT]
    split_expr = pl.lit(None, dtype=pl.String) if split is None else pl.col(split).cast(pl.String)
    framed = lazy.with_columns(split_expr.alias(SPLIT))
    statuses = framed.group_by([*keys, STATUS, SHA256]).len("records")
    kept = framed if include_partial else framed.filter(pl.col(STATUS) == COMPLETE)
    categorical = [c.name for c in columns if c.categorical]
    if categorical:
        counts = (
            kept.select([*keys, *categorical])
            .unpivot(on=categorical, index=keys, variable_name="column", value_name="choice")
            .drop_nulls("choice")
            .group_by([*keys, "column", "choice"])
            .len("count")
        )
    else:
        names = [AUDIENCE, SPLIT, "column", "choice"]
        counts = pl.LazyFrame(schema={**{n: pl.String for n in names}, "count": pl.UInt32})
    by_question: dict[str, list[str]] = {}
    for c in columns:
        by_question.setdefault(c.question, []).append(c.name)
    summary_exprs = [
        pl.any_horizontal([pl.col(n).is_not_null() for n in names]).sum().alias(f"{q}|answered")
        for q, names in by_question.items()
    ]
    for c in columns:
        if not c.categorical:
            summary_exprs += _numeric_exprs(c, thresholds.get(c.name))
    summary = kept.group_by(keys).agg(summary_exprs)
    ids = lazy.select(pl.col(RECORD_ID).drop_nulls().hash().alias("id"))
    return [statuses, counts, summary, ids]
