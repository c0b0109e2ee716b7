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

With weights (``tables --weights``), each record's weight and squared weight (in
millionths, :mod:`~localdigital_tui.core.weighting.weights_file`) are joined on by
record id, and every count, base and numeric n gets two sums beside it,
``|w`` and ``|w2``; a record to tabulate without a weight is counted in
``unweighted`` and refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.tables.frame import AUDIENCE, RECORD_ID, SHA256, STATUS, FlatColumn
from localdigital_tui.core.weighting.weights_file import SQUARED_MICROS, WEIGHT_MICROS

SPLIT = "__split"
COMPLETE = "complete"
FLOAT_SCALE = 10**6  # float answers are summed as whole millionths
UNWEIGHTED = "unweighted"  # records without a weight, in the statuses frame
W, W2 = WEIGHT_MICROS, SQUARED_MICROS

Frames = tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.Series]
"""statuses, counts, summary, and the hashes of the part's record ids"""


@dataclass(frozen=True)
class Query:
    """What every part is asked: the flat columns, the ``--by`` split, the thresholds."""

    columns: tuple[FlatColumn, ...]
    split: str | None = None
    thresholds: Mapping[str, int] = field(default_factory=dict)
    include_partial: bool = False
    weights: pl.DataFrame | None = None  # record_id, W, W2 (see weights_file)
    # whose valid lines may be taken as the fast check decoded them (:mod:`.decoded_blocks`)
    loaded: LoadedQuestionnaire | None = None

    def collect(self, lazy: pl.LazyFrame) -> Frames:
        """The result frames for one part (a polars error if it cannot be read).

        The part is read into memory first (a block is ~14,000 records of a few
        short strings each), then queried: ~15% less CPU than the three queries over
        the scan itself (one polars thread, 32 MiB blocks: 48 vs 57 µs a record).
        """
        part = lazy.collect().lazy()
        queries = build_queries(
            part, self.columns, self.split, self.thresholds, self.include_partial, self.weights
        )
        statuses, counts, summary, ids = pl.collect_all(queries, engine="streaming")
        return statuses, counts, summary, ids.to_series()


def _sum_expr(expr: pl.Expr, column: FlatColumn) -> pl.Expr:
    if column.dtype.is_integer():
        return expr.sum()
    return (expr * FLOAT_SCALE).round(0).cast(pl.Int64).sum()


def _weight_sums(name: str, kept: pl.Expr) -> list[pl.Expr]:
    """Sums of the weights and of the squared weights of the records where ``kept``."""
    return [
        pl.col(W).filter(kept).sum().alias(f"{name}|w"),
        pl.col(W2).filter(kept).sum().alias(f"{name}|w2"),
    ]


def _weighted_exprs(name: str, kept: pl.Expr, value: pl.Expr) -> list[pl.Expr]:
    """As :func:`_weight_sums`, and the sum of weight times value (for a weighted mean)."""
    product = (value.cast(pl.Float64) * pl.col(W)).filter(kept).sum()
    return [*_weight_sums(name, kept), product.alias(f"{name}|wx")]


def _numeric_exprs(column: FlatColumn, threshold: int | None, weighted: bool) -> list[pl.Expr]:
    c = pl.col(column.name)
    exprs = [
        c.count().alias(f"{column.name}|n"),
        _sum_expr(c, column).alias(f"{column.name}|total"),
        c.min().alias(f"{column.name}|min"),
        c.max().alias(f"{column.name}|max"),
    ]
    if weighted:
        exprs += _weighted_exprs(column.name, c.is_not_null(), c)
    if threshold is not None:
        above = c.filter(c > threshold)
        exprs += [
            above.count().alias(f"{column.name}|n_above"),
            _sum_expr(above, column).alias(f"{column.name}|total_above"),
            above.min().alias(f"{column.name}|min_above"),
        ]
        if weighted:
            exprs += _weighted_exprs(f"{column.name}|above", c > threshold, c)
    return exprs


def with_weights(lazy: pl.LazyFrame, weights: pl.DataFrame) -> pl.LazyFrame:
    """Each record with its weight (0 and counted in UNWEIGHTED when it has none)."""
    joined = lazy.join(weights.lazy(), on=RECORD_ID, how="left")
    return joined.with_columns(pl.col(W).is_null().alias(UNWEIGHTED), pl.col(W, W2).fill_null(0))


def _sums(weighted: bool, name: str) -> list[pl.Expr]:
    """The count called ``name``, and its sums of weights when weighted."""
    if not weighted:
        return [pl.len().alias(name)]
    return [pl.len().alias(name), pl.col(W).sum().alias(f"{name}|w"),
            pl.col(W2).sum().alias(f"{name}|w2")]  # fmt: skip


def build_queries(
    lazy: pl.LazyFrame,
    columns: Sequence[FlatColumn],
    split: str | None,
    thresholds: Mapping[str, int],
    include_partial: bool,
    weights: pl.DataFrame | None = None,
) -> list[pl.LazyFrame]:
    """The lazy queries: statuses, categorical counts, per-question summaries, id hashes."""
    keys = [AUDIENCE, SPLIT]
    weighted = weights is not None
    split_expr = pl.lit(None, dtype=pl.String) if split is None else pl.col(split).cast(pl.String)
    framed = lazy.with_columns(split_expr.alias(SPLIT))
    if weights is not None:
        framed = with_weights(framed, weights)
    statuses = framed.group_by([*keys, STATUS, SHA256]).agg(
        _sums(weighted, "records") + ([pl.col(UNWEIGHTED).sum()] if weighted else [])
    )
    kept = framed if include_partial else framed.filter(pl.col(STATUS) == COMPLETE)
    categorical = [c.name for c in columns if c.categorical]
    if categorical:
        index = [*keys, W, W2] if weighted else keys
        counts = (
            kept.select([*index, *categorical])
            .unpivot(on=categorical, index=index, variable_name="column", value_name="choice")
            .drop_nulls("choice")
            .group_by([*keys, "column", "choice"])
            .agg(_sums(weighted, "count"))
        )
    else:
        names = [AUDIENCE, SPLIT, "column", "choice"]
        sums = {"count": pl.UInt32} | (
            {"count|w": pl.Int64, "count|w2": pl.Int64} if weighted else {}
        )
        counts = pl.LazyFrame(schema={**{n: pl.String for n in names}, **sums})
    by_question: dict[str, list[str]] = {}
    for c in columns:
        by_question.setdefault(c.question, []).append(c.name)
    summary_exprs = []
    for q, names in by_question.items():
        answered = pl.any_horizontal([pl.col(n).is_not_null() for n in names])
        summary_exprs.append(answered.sum().alias(f"{q}|answered"))
        if weighted:
            summary_exprs += _weight_sums(f"{q}|answered", answered)
    for c in columns:
        if not c.categorical:
            summary_exprs += _numeric_exprs(c, thresholds.get(c.name), weighted)
    summary = kept.group_by(keys).agg(summary_exprs)
    ids = lazy.select(pl.col(RECORD_ID).drop_nulls().hash().alias("id"))
    return [statuses, counts, summary, ids]
