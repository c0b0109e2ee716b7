"""Everything the tables need, added up from the result frames of every part.

:mod:`.queries` asks each part of the input (a block of JSON Lines or a slice of
Parquet) for a few small frames (:mod:`.parts` runs them); this module adds their
rows up, refuses records of another questionnaire, and counts a record found in
several inputs once (:mod:`.copies`). Sums are
exact: integer columns add as integers, float columns as integers of millionths,
so a mean can be rounded half-up without float error. Everything after this
module works on these few hundred aggregated numbers, never on records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import polars as pl

from localdigital_tui.core.tables.copies import first_copies
from localdigital_tui.core.tables.frame import AUDIENCE, SHA256, STATUS, Batch, FlatColumn
from localdigital_tui.core.tables.part_result import Part
from localdigital_tui.core.tables.parts import source_of, tabulated
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
    copies: int = 0  # lines left out because an identical copy of the record came first
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
    parts: Iterable[Part],
    columns: Sequence[FlatColumn],
    *,
    audiences: Sequence[str],
    sha256: str | None = None,
    split: str | None = None,
    thresholds: Mapping[str, int] | None = None,
    include_partial: bool = False,
    jobs: int | None = None,
) -> Aggregates:
    """Run the queries on each part and add up their few rows as exact Python numbers.

    ``jobs``: worker processes for JSON Lines blocks (None picks, see :mod:`.parts`).

    A record naming a questionnaire other than ``sha256`` is refused. A record id
    found more than once is counted once when its copies are the same (a copied
    folder, a file given twice); copies that differ are refused, pointing at merge.
    """
    listed = list(parts)
    query = Query(tuple(columns), split, dict(thresholds or {}), include_partial)
    adding = _Adding(columns, audiences, include_partial, sha256)
    ids = []
    for part, (statuses, counts, summary, part_ids) in tabulated(listed, query, jobs):
        adding.add(statuses, counts, summary, where=part)
        ids.append(part_ids)
    result = adding.finish()
    if ids and pl.concat(ids).is_duplicated().any():
        whole, copies = first_copies(listed, query)
        adding = _Adding(columns, audiences, include_partial, sha256)
        adding.add(*query.collect(whole)[:3], where=None)
        result = adding.finish()
        result.copies = copies
    if not any(result.records.values()):
        if result.excluded:
            raise TableError(
                f"no complete records to tabulate ({result.excluded} partial; "
                "--include-partial tabulates them)"
            )
        raise TableError("no records to tabulate: the inputs hold no answers records")
    return result


class _Adding:
    """Adds up the result frames of the parts, checking what they hold."""

    def __init__(
        self,
        columns: Sequence[FlatColumn],
        audiences: Sequence[str],
        include_partial: bool,
        sha256: str | None,
    ) -> None:
        self.result = Aggregates()
        self.columns = columns
        self.audiences = audiences
        self.include_partial = include_partial
        self.sha256 = sha256
        self.unknown: dict[str, set[str]] = {}

    def add(
        self,
        statuses: pl.DataFrame,
        counts: pl.DataFrame,
        summary: pl.DataFrame,
        where: Part | None,
    ) -> None:
        if self.sha256 is not None and where is not None:
            _check_questionnaire(statuses, self.sha256, where)
        _add_statuses(self.result, statuses, self.audiences, self.include_partial)
        _add_counts(self.result, counts, self.columns, self.unknown)
        _add_summary(self.result, summary, self.columns)

    def finish(self) -> Aggregates:
        if self.unknown:
            listed = "; ".join(
                f"{col}: {', '.join(sorted(v))}" for col, v in sorted(self.unknown.items())
            )
            raise TableError(
                f"answers with codes the questionnaire does not have ({listed}); "
                "run 'localdigital validate' on the files"
            )
        return self.result


def _check_questionnaire(statuses: pl.DataFrame, sha256: str, part: Part) -> None:
    """Refuse records that name another questionnaire: their codes may mean other things."""
    other = statuses.filter(pl.col(SHA256).is_not_null() & (pl.col(SHA256) != sha256))
    if other.height:
        named = ", ".join(sorted(set(other[SHA256]))[:3])
        where = part.lines if isinstance(part, Batch) else f"bytes {part.start}-{part.end}"
        raise TableError(
            f"{source_of(part)} ({where}): {other['records'].sum()} record(s) of another "
            f"questionnaire (sha256 {named}), not of this one ({sha256}); tabulate them with "
            "their own questionnaire (--questionnaire FILE)"
        )


def _add_statuses(
    result: Aggregates, statuses: pl.DataFrame, audiences: Sequence[str], include_partial: bool
) -> None:
    for row in statuses.iter_rows(named=True):
        audience = row[AUDIENCE]
        if audience is None and row[STATUS] is None:
            raise TableError(
                f"{row['records']} line(s) are not answers records (no audience or status: "
                "personal lines, or not records at all); tables reads answers only: merge the "
                "files first (localdigital merge keeps personal lines apart)"
            )
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
