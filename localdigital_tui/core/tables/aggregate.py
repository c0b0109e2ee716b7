"""Everything the tables need, added up from the result frames of every part.

:mod:`.queries` asks each part of the input (a block of JSON Lines or a slice of
Parquet) for three small frames (:mod:`.block_workers` runs them, in worker
processes for big JSON Lines inputs); this module adds their rows up. Sums are
exact: integer columns add as integers, float columns as integers of millionths,
so a mean can be rounded half-up without float error. Everything after this
module works on these few hundred aggregated numbers, never on records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import polars as pl

from localdigital_tui.core.tables.block_workers import tabulated
from localdigital_tui.core.tables.frame import AUDIENCE, STATUS, Batch, FlatColumn, LineBlock
from localdigital_tui.core.tables.queries import COMPLETE, FLOAT_SCALE, SPLIT, Query
from localdigital_tui.errors import TableError

GroupKey = tuple[str, str | None]  # (audience, split value or None)


@dataclass(frozen=True)
class Numeric:
    """Exact summary of one numeric field for one group."""

    n: int = 0
    total: Fraction = Fraction(0)
    minimum: Fraction | None = None
    maximum: Fraction | None = None
    n_above: int = 0
    total_above: Fraction = Fraction(0)
    min_above: Fraction | None = None

    def __add__(self, other: Numeric) -> Numeric:
        return Numeric(
            self.n + other.n,
            self.total + other.total,
            _pick(min, self.minimum, other.minimum),
            _pick(max, self.maximum, other.maximum),
            self.n_above + other.n_above,
            self.total_above + other.total_above,
            _pick(min, self.min_above, other.min_above),
        )


def _pick(how: Any, a: Fraction | None, b: Fraction | None) -> Fraction | None:
    if a is None or b is None:
        return a if b is None else b
    result: Fraction = how(a, b)
    return result


@dataclass
class Aggregates:
    """Everything the tables need, keyed by (audience, split)."""

    records: dict[GroupKey, int] = field(default_factory=dict)
    excluded: int = 0  # records left out because they are not complete
    counts: dict[tuple[GroupKey, str], dict[str, int]] = field(default_factory=dict)
    answered: dict[tuple[GroupKey, str], int] = field(default_factory=dict)
    numeric: dict[tuple[GroupKey, str], Numeric] = field(default_factory=dict)


def _exact(value: float | int | None) -> Fraction | None:
    """A number from polars as an exact fraction; a float as the decimal it prints as."""
    if value is None:
        return None
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def _total(value: int | None, column: FlatColumn) -> Fraction:
    if value is None:
        return Fraction(0)
    return Fraction(value) if column.dtype.is_integer() else Fraction(value, FLOAT_SCALE)


def aggregate(
    batches: Iterable[Batch | LineBlock],
    columns: Sequence[FlatColumn],
    *,
    audiences: Sequence[str],
    split: str | None = None,
    thresholds: Mapping[str, int] | None = None,
    include_partial: bool = False,
    workers: int | None = None,
) -> Aggregates:
    """Run the queries on each part and add up their few rows as exact Python numbers.

    ``workers``: how many processes tabulate JSON Lines blocks; None picks
    (:func:`.block_workers.worker_count`).
    """
    result = Aggregates()
    unknown: dict[str, set[str]] = {}
    query = Query(tuple(columns), split, dict(thresholds or {}), include_partial)
    with closing(tabulated(batches, query, workers)) as parts:
        for statuses, counts, summary in parts:
            _add_statuses(result, statuses, audiences, include_partial)
            _add_counts(result, counts, columns, unknown)
            _add_summary(result, summary, columns)
    if unknown:
        listed = "; ".join(f"{col}: {', '.join(sorted(v))}" for col, v in sorted(unknown.items()))
        raise TableError(
            f"answers with codes the questionnaire does not have ({listed}); "
            "run 'localdigital validate' on the files"
        )
    return result


def _add_statuses(
    result: Aggregates, statuses: pl.DataFrame, audiences: Sequence[str], include_partial: bool
) -> None:
    for row in statuses.iter_rows(named=True):
        audience = row[AUDIENCE]
        if audience not in audiences:
            raise TableError(
                f"{row['records']} record(s) with audience {audience!r}; expected one of "
                f"{', '.join(audiences)} (run 'localdigital validate' on the files)"
            )
        key: GroupKey = (audience, row[SPLIT])
        result.records.setdefault(key, 0)
        if include_partial or row[STATUS] == COMPLETE:
            result.records[key] += row["records"]
        else:
            result.excluded += row["records"]


def _add_counts(
    result: Aggregates,
    counts: pl.DataFrame,
    columns: Sequence[FlatColumn],
    unknown: dict[str, set[str]],
) -> None:
    allowed = {c.name: set(c.choices) for c in columns if c.categorical}
    for row in counts.iter_rows(named=True):
        column, choice = row["column"], row["choice"]
        if choice not in allowed[column]:
            unknown.setdefault(column, set()).add(choice)
            continue
        cell = result.counts.setdefault(((row[AUDIENCE], row[SPLIT]), column), {})
        cell[choice] = cell.get(choice, 0) + row["count"]


def _add_summary(result: Aggregates, summary: pl.DataFrame, columns: Sequence[FlatColumn]) -> None:
    questions = dict.fromkeys(c.question for c in columns)
    for row in summary.iter_rows(named=True):
        key: GroupKey = (row[AUDIENCE], row[SPLIT])
        for question in questions:
            answered = (key, question)
            result.answered[answered] = (
                result.answered.get(answered, 0) + row[f"{question}|answered"]
            )
        for c in columns:
            if c.categorical:
                continue
            part = Numeric(
                n=row[f"{c.name}|n"],
                total=_total(row[f"{c.name}|total"], c),
                minimum=_exact(row[f"{c.name}|min"]),
                maximum=_exact(row[f"{c.name}|max"]),
                n_above=row.get(f"{c.name}|n_above") or 0,
                total_above=_total(row.get(f"{c.name}|total_above"), c),
                min_above=_exact(row.get(f"{c.name}|min_above")),
            )
            result.numeric[(key, c.name)] = result.numeric.get((key, c.name), Numeric()) + part
