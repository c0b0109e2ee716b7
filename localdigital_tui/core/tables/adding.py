"""Adding up the result frames of the parts into :class:`~.totals.Aggregates`.

Each part's few rows are checked (records of another questionnaire, lines that
are not answers records, codes the questionnaire does not have, records without
a weight when weighting) and added as exact Python numbers: integer columns as
integers, float columns as integers of millionths. With weights, the same rows
also fill the weighted and squared layers from their ``|w`` and ``|w2`` sums.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import polars as pl

from localdigital_tui.core.tables.frame import AUDIENCE, FILE, SHA256, STATUS, Batch, FlatColumn
from localdigital_tui.core.tables.part_result import Part
from localdigital_tui.core.tables.parts import source_of
from localdigital_tui.core.tables.queries import COMPLETE, FLOAT_SCALE, SPLIT, UNWEIGHTED
from localdigital_tui.core.tables.totals import Aggregates, GroupKey, Numeric
from localdigital_tui.errors import TableError


class Adding:
    """Adds up the result frames of the parts, checking what they hold."""

    def __init__(
        self,
        columns: Sequence[FlatColumn],
        audiences: Sequence[str],
        include_partial: bool,
        sha256: str | None,
        weights_source: str | None = None,
    ) -> None:
        self.result = Aggregates()
        if weights_source is not None:
            self.result.weighted, self.result.squared = Aggregates(), Aggregates()
            self.result.weights_source = weights_source
        self.columns = columns
        self.audiences = audiences
        self.include_partial = include_partial
        self.sha256 = sha256
        self.unknown: dict[str, set[str]] = {}
        self.unweighted: dict[str, int] = {}  # source -> records to tabulate without a weight

    def _layers(self) -> list[tuple[str, Aggregates]]:
        found = [("", self.result)]
        if self.result.weighted is not None and self.result.squared is not None:
            found += [("|w", self.result.weighted), ("|w2", self.result.squared)]
        return found

    def add(
        self,
        statuses: pl.DataFrame,
        counts: pl.DataFrame,
        summary: pl.DataFrame,
        where: Part | None,
    ) -> None:
        if self.sha256 is not None and where is not None:
            _check_questionnaire(statuses, self.sha256, where)
        self._add_statuses(statuses, "the inputs" if where is None else source_of(where))
        for layer, result in self._layers():
            _add_counts(result, counts, self.columns, self.unknown, layer)
            _add_summary(result, summary, self.columns, layer)

    def _add_statuses(self, statuses: pl.DataFrame, source: str) -> None:
        for row in statuses.iter_rows(named=True):
            audience = row[AUDIENCE]
            if audience is None and row[STATUS] is None:
                raise TableError(
                    f"{row['records']} line(s) are not answers records (no audience or status: "
                    "personal lines, or not records at all); tables reads answers only: merge "
                    "the files first (localdigital merge keeps personal lines apart)"
                )
            if audience not in self.audiences:
                raise TableError(
                    f"{row['records']} record(s) with audience {audience!r}; expected one of "
                    f"{', '.join(self.audiences)} (run 'localdigital validate' on the files)"
                )
            key: GroupKey = (audience, row[SPLIT])
            kept = self.include_partial or row[STATUS] == COMPLETE
            for layer, result in self._layers():
                result.records.setdefault(key, 0)
                if kept:
                    result.records[key] += row[f"records{layer}"]
            if not kept:
                self.result.excluded += row["records"]
            elif row.get(UNWEIGHTED):
                self.unweighted[source] = self.unweighted.get(source, 0) + row[UNWEIGHTED]

    def finish(self) -> Aggregates:
        if self.unknown:
            listed = "; ".join(
                f"{col}: {', '.join(sorted(v))}" for col, v in sorted(self.unknown.items())
            )
            raise TableError(
                f"answers with codes the questionnaire does not have ({listed}); "
                "run 'localdigital validate' on the files"
            )
        if self.unweighted:
            listed = "; ".join(f"{source}: {n}" for source, n in self.unweighted.items())
            raise TableError(
                f"record(s) to tabulate have no weight in {self.result.weights_source} "
                f"({listed}); weigh the same data (localdigital weight DATA ... -o FILE)"
            )
        return self.result


def _check_questionnaire(statuses: pl.DataFrame, sha256: str, part: Part) -> None:
    """Refuse records that name another questionnaire: their codes may mean other things."""
    other = statuses.filter(pl.col(SHA256).is_not_null() & (pl.col(SHA256) != sha256))
    if other.height:
        named = ", ".join(sorted(set(other[SHA256]))[:3])
        if isinstance(part, Batch):  # every Parquet input: name the first file holding them
            where = part.sources[min(other[FILE])]
        else:
            where = f"{part.path} (bytes {part.start}-{part.end})"
        raise TableError(
            f"{where}: {other['records'].sum()} record(s) of another "
            f"questionnaire (sha256 {named}), not of this one ({sha256}); tabulate them with "
            "their own questionnaire (--questionnaire FILE)"
        )


def _add_counts(
    result: Aggregates,
    counts: pl.DataFrame,
    columns: Sequence[FlatColumn],
    unknown: dict[str, set[str]],
    layer: str,
) -> None:
    allowed = {c.name: set(c.choices) for c in columns if c.categorical}
    for row in counts.iter_rows(named=True):
        column, choice = row["column"], row["choice"]
        if choice not in allowed[column]:
            unknown.setdefault(column, set()).add(choice)
            continue
        cell = result.counts.setdefault(((row[AUDIENCE], row[SPLIT]), column), {})
        cell[choice] = cell.get(choice, 0) + row[f"count{layer}"]


def _exact(value: float | int | None) -> Fraction | None:
    """A number from polars as an exact fraction; a float as the decimal it prints as."""
    if value is None:
        return None
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def _total(value: int | float | None, column: FlatColumn) -> Fraction:
    if value is None:
        return Fraction(0)
    if isinstance(value, float):  # a weighted sum: weight times value
        return Fraction(repr(value))
    return Fraction(value) if column.dtype.is_integer() else Fraction(value, FLOAT_SCALE)


def _numeric(row: dict[str, Any], name: str, column: FlatColumn, layer: str) -> Numeric:
    """One numeric field's summary in a layer; min and max do not depend on weights."""
    counted = f"{name}{layer}" if layer else f"{name}|n"
    above = f"{name}|above{layer}" if layer else f"{name}|n_above"
    weighted = layer == "|w"
    return Numeric(
        n=row[counted] or 0,
        total=_total(row[f"{name}|wx" if weighted else f"{name}|total"], column),
        minimum=_exact(row[f"{name}|min"]),
        maximum=_exact(row[f"{name}|max"]),
        n_above=row.get(above) or 0,
        total_above=_total(
            row.get(f"{name}|above|wx" if weighted else f"{name}|total_above"), column
        ),
        min_above=_exact(row.get(f"{name}|min_above")),
    )


def _add_summary(
    result: Aggregates, summary: pl.DataFrame, columns: Sequence[FlatColumn], layer: str
) -> None:
    questions = dict.fromkeys(c.question for c in columns)
    for row in summary.iter_rows(named=True):
        key: GroupKey = (row[AUDIENCE], row[SPLIT])
        for question in questions:
            answered = (key, question)
            result.answered[answered] = (
                result.answered.get(answered, 0) + row[f"{question}|answered{layer}"]
            )
        for c in columns:
            if c.categorical:
                continue
            part = _numeric(row, c.name, c, layer)
            result.numeric[(key, c.name)] = result.numeric.get((key, c.name), Numeric()) + part
