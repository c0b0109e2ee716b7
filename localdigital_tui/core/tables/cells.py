"""The cells every table is made from, defined once and computed by polars or Spark.

One ``group_by`` over the flat records (:mod:`.frame`) by file, audience, split,
status and questionnaire sha256 gives, per group, in one pass:

* ``records``: how many records;
* ``<column>|=<code>``: how many gave each code of each categorical answer, and
  ``<column>|given``: how many gave any (more than the codes add up to means codes
  the questionnaire does not have). The engine hands each categorical answer over
  as the index of its code among the question's choices (-1: a code the
  questionnaire does not have), so counting compares small integers: an Enum
  written by convert is its index already;
* ``<question>|answered``: how many answered the question (any of its rows);
* per numeric field ``n``, ``total`` (exact: integers as integers, floats as whole
  millionths), ``min``, ``max`` and, above a threshold, ``n_above``,
  ``total_above``, ``min_above``;
* weighted (``tables --weights``; the weights in millionths joined on by record id,
  :mod:`.scan`): beside each count the sums of the weights (``|w``) and of the
  squared weights (``|w2``) of the records counted, per numeric field the sum of
  weight times value (``|wx``), and ``unweighted``: records without a weight.

The expressions are narwhals expressions, so the same definitions run on a polars
LazyFrame (streaming engine) and on a PySpark DataFrame (:mod:`.spark`); the few
wide rows that come back are turned into the small frames :mod:`.aggregate` adds
up (:func:`small_frames`), whichever engine computed them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import narwhals as nw
import polars as pl

from localdigital_tui.core.tables.frame import (
    AUDIENCE,
    FILE,
    RECORD_ID,
    SHA256,
    STATUS,
    FlatColumn,
)
from localdigital_tui.core.tables.queries import COMPLETE, FLOAT_SCALE, SPLIT, UNWEIGHTED, W2, W

KEYS = (FILE, AUDIENCE, SPLIT, STATUS, SHA256)
IDS = "__ids"  # record ids given
DISTINCT = "__distinct"  # distinct record ids


def _exact_sum(expr: nw.Expr, column: FlatColumn) -> nw.Expr:
    if column.dtype.is_integer():
        return expr.sum()
    return (expr * FLOAT_SCALE).round(0).cast(nw.Int64).sum()


def _weighed(name: str, kept: nw.Expr, value: nw.Expr | None = None) -> list[nw.Expr]:
    """The sums of the weights and squared weights of the records where ``kept``, and
    with ``value`` the sum of weight times value (for a weighted mean)."""
    sums = [
        nw.when(kept).then(nw.col(W)).otherwise(0).sum().alias(f"{name}|w"),
        nw.when(kept).then(nw.col(W2)).otherwise(0).sum().alias(f"{name}|w2"),
    ]
    if value is not None:
        product = value.cast(nw.Float64) * nw.col(W)
        sums.append(nw.when(kept).then(product).otherwise(0.0).sum().alias(f"{name}|wx"))
    return sums


def _numeric(column: FlatColumn, threshold: int | None, weighted: bool) -> list[nw.Expr]:
    c, name = nw.col(column.name), column.name
    exprs = [
        c.count().alias(f"{name}|n"),
        _exact_sum(c, column).alias(f"{name}|total"),
        c.min().alias(f"{name}|min"),
        c.max().alias(f"{name}|max"),
    ]
    if weighted:
        exprs += _weighed(name, ~c.is_null(), c)
    if threshold is not None:
        above = nw.when(c > threshold).then(c)
        exprs += [
            above.count().alias(f"{name}|n_above"),
            _exact_sum(above, column).alias(f"{name}|total_above"),
            above.min().alias(f"{name}|min_above"),
        ]
        if weighted:
            exprs += _weighed(f"{name}|above", (c > threshold).fill_null(False), c)
    return exprs


def cell_exprs(
    columns: Sequence[FlatColumn],
    thresholds: Mapping[str, int],
    bool_sums: bool = True,
    weighted: bool = False,
) -> list[nw.Expr]:
    """The aggregations of one group (see the module's docstring for the names).
    ``bool_sums``: the engine adds up booleans (polars, ~20% faster than integers);
    Spark adds numbers only. ``weighted``: the frame has the columns ``W`` and ``W2``
    (0 for a record without a weight) and ``UNWEIGHTED``."""
    exprs = [nw.len().alias("records")]
    if weighted:
        exprs += [nw.col(W).sum().alias("records|w"), nw.col(W2).sum().alias("records|w2")]
        exprs.append(nw.col(UNWEIGHTED).sum().alias(UNWEIGHTED))
    by_question: dict[str, list[str]] = {}
    for c in columns:
        by_question.setdefault(c.question, []).append(c.name)
        if c.categorical:
            value = nw.col(c.name)
            tests = [value == index for index in range(len(c.choices))]
            exprs += [
                (test if bool_sums else test.cast(nw.Int64)).sum().alias(f"{c.name}|={code}")
                for test, code in zip(tests, c.choices, strict=True)
            ]
            if weighted:
                for test, code in zip(tests, c.choices, strict=True):
                    exprs += _weighed(f"{c.name}|={code}", test.fill_null(False))
            exprs.append(value.count().alias(f"{c.name}|given"))
    for question, names in by_question.items():  # any row given: the first given is not null
        given = nw.coalesce(*map(nw.col, names)) if len(names) > 1 else nw.col(names[0])
        exprs.append(given.count().alias(f"{question}|answered"))
        if weighted:
            exprs += _weighed(f"{question}|answered", ~given.is_null())
    for c in columns:
        if not c.categorical:
            exprs += _numeric(c, thresholds.get(c.name), weighted)
    return exprs


def cells(
    frame: nw.LazyFrame[Any],
    columns: Sequence[FlatColumn],
    thresholds: Mapping[str, int],
    bool_sums: bool = True,
    weighted: bool = False,
) -> nw.LazyFrame[Any]:
    """The one grouped query (``frame`` has the flat columns, categorical answers as code
    indexes, ``SPLIT`` and ``FILE``; weighted: see :func:`cell_exprs`)."""
    return frame.group_by(*KEYS).agg(*cell_exprs(columns, thresholds, bool_sums, weighted))


def id_counts(frame: nw.LazyFrame[Any]) -> nw.LazyFrame[Any]:
    """Record ids given and distinct: fewer distinct means a record in several places."""
    ids = nw.col(RECORD_ID)
    return frame.select(ids.count().alias(IDS), ids.n_unique().alias(DISTINCT))


def small_frames(
    wide: pl.DataFrame,
    columns: Sequence[FlatColumn],
    include_partial: bool,
    unknown_codes: Callable[[FlatColumn], list[str]],
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """statuses, counts and summary as :mod:`.queries` gives them, from the wide rows.

    Where a column holds codes the questionnaire does not have, ``unknown_codes``
    finds them (a query of its own: only strings, never Enums, can hold them)."""
    keys = pl.col(AUDIENCE, SPLIT, STATUS, SHA256).cast(pl.String)
    wide = wide.with_columns(keys).sort(KEYS, nulls_last=True)  # either engine's rows in one order
    weighted = UNWEIGHTED in wide.columns
    layers = ("", "|w", "|w2") if weighted else ("",)
    statuses = wide.select(
        FILE,
        AUDIENCE,
        SPLIT,
        STATUS,
        SHA256,
        *(pl.col(f"records{layer}").cast(pl.Int64) for layer in layers),
        *([pl.col(UNWEIGHTED).cast(pl.Int64)] if weighted else []),
    )
    kept = wide if include_partial else wide.filter(pl.col(STATUS) == COMPLETE)
    rows: list[dict[str, Any]] = []
    for record in kept.iter_rows(named=True):
        for c in columns:
            if not c.categorical:
                continue
            for code in c.choices:
                count = record[f"{c.name}|={code}"] or 0
                if count:
                    sums = [record[f"{c.name}|={code}{layer}"] or 0 for layer in layers[1:]]
                    rows.append(_count_row(record, c.name, code, count, *sums))
            unknown = (record[f"{c.name}|given"] or 0) - sum(
                record[f"{c.name}|={code}"] or 0 for code in c.choices
            )
            if unknown:  # refused whatever their weight (adding.py)
                zeros = [0] * (len(layers) - 1)
                rows += [_count_row(record, c.name, x, unknown, *zeros) for x in unknown_codes(c)]
    schema = {AUDIENCE: pl.String, SPLIT: pl.String, "column": pl.String, "choice": pl.String}
    counts = pl.DataFrame(rows, schema=schema | {f"count{x}": pl.Int64 for x in layers})
    summary_names = [n for n in wide.columns if "|" in n and "|=" not in n and "|given" not in n]
    summary_names = [n for n in summary_names if not n.startswith("records|")]
    zero = ("|n", "|answered", "|total", "|w", "|w2", "|wx")
    summary = kept.select(AUDIENCE, SPLIT, *summary_names).with_columns(
        pl.col(n).fill_null(0) for n in summary_names if n.endswith(zero)
    )
    return statuses, counts, summary


def _count_row(
    record: dict[str, Any], column: str, code: str, count: int, *sums: int
) -> dict[str, Any]:
    """A row of the counts frame (with the weighted sums, when weighted)."""
    row = {AUDIENCE: record[AUDIENCE], SPLIT: record[SPLIT], "column": column}
    row |= {"choice": code, "count": count}
    return row | dict(zip(("count|w", "count|w2"), sums, strict=False))
