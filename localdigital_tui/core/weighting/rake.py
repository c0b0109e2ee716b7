"""Rim weighting (raking) of records to population margins, in polars.

Each round multiplies every weight by ``target share / weighted share`` of its
category, one weighting question after another, until every weighted share is
within ``tolerance`` of its target; weights are then scaled to a mean of 1 and,
with bounds, clipped to ``[lower, upper]`` after each round (which may keep the
margins from being met exactly, and leaves the mean a little off 1: the largest
error left is reported, and the bounds always hold). Kish's
effective base is n_eff = (Σw)² / Σw² and the weighting efficiency n_eff / n.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from localdigital_tui.errors import WeightingError

WEIGHT = "weight"


@dataclass(frozen=True)
class RakeResult:
    weights: pl.Series  # one per row of the frame, mean 1 (near 1 with bounds)
    iterations: int
    converged: bool
    largest_error: float  # the largest |weighted share - target share| left

    @property
    def effective_base(self) -> float:
        total = float(self.weights.sum())
        return total * total / float((self.weights * self.weights).sum())

    @property
    def efficiency(self) -> float:
        return self.effective_base / len(self.weights)


def shares(margins: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    """Each question's targets as shares summing to 1 (counts or percentages are fine)."""
    found = {}
    for question, targets in margins.items():
        total = sum(targets.values())
        if total <= 0 or any(value < 0 for value in targets.values()):
            raise WeightingError(f"{question}: targets must be positive numbers")
        found[question] = {answer: value / total for answer, value in targets.items()}
    return found


def _largest_error(frame: pl.DataFrame, targets: dict[str, dict[str, float]]) -> float:
    largest = 0.0
    total = float(frame[WEIGHT].sum())
    for question, wanted in targets.items():
        got = frame.group_by(question).agg(pl.col(WEIGHT).sum())
        for answer, weight in got.iter_rows():
            largest = max(largest, abs(weight / total - wanted[answer]))
    return largest


def rake(
    frame: pl.DataFrame,
    margins: Mapping[str, Mapping[str, float]],
    *,
    lower: float | None = None,
    upper: float | None = None,
    tolerance: float = 1e-10,
    max_iterations: int = 1000,
) -> RakeResult:
    """Weights for every row of ``frame`` (a column per weighting question, no nulls)."""
    targets = shares(margins)
    for question, wanted in targets.items():
        present = set(frame[question].unique().to_list())
        if missing := sorted(present - wanted.keys()):
            raise WeightingError(f"{question}: no target for answer(s) {', '.join(missing)}")
        if empty := sorted(a for a, s in wanted.items() if s > 0 and a not in present):
            raise WeightingError(
                f"{question}: nobody answered {', '.join(empty)}, so its target cannot be met"
            )
    work = frame.select(*targets).with_columns(pl.lit(1.0).alias(WEIGHT))
    error, iterations = _largest_error(work, targets), 0
    while error > tolerance and iterations < max_iterations:
        iterations += 1
        for question, wanted in targets.items():
            share = pl.col(question).replace_strict(wanted, return_dtype=pl.Float64)
            factor = share * pl.col(WEIGHT).sum() / pl.col(WEIGHT).sum().over(question)
            work = work.with_columns(pl.col(WEIGHT) * factor)
        work = work.with_columns(pl.col(WEIGHT) * pl.len() / pl.col(WEIGHT).sum())
        if lower is not None or upper is not None:
            work = work.with_columns(pl.col(WEIGHT).clip(lower, upper))
        error = _largest_error(work, targets)
    return RakeResult(work[WEIGHT], iterations, error <= tolerance, error)
