"""Tabulate the records for every target and say which are met, slips, or missed.

Plain counting over the records: a row's base is the records of the group that
answered that row; a percentage is ``100 * count / base`` rounded half-up to the
decimals the report prints; statistics likewise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from localdigital_tui.core.reconstruct.rounding import half_up, percent, places_of
from localdigital_tui.core.reconstruct.targets import Key, Slip, Target


@dataclass(frozen=True)
class Outcome:
    target: Target
    computed: str
    status: str  # "match", "slip" or "mismatch"

    def describe(self) -> str:
        return f"{self.target.label}: computed {self.computed} ({self.status})"


def _value(record: dict[str, Any], question: str, row: str) -> Any:
    answer = record["answers"].get(question)
    if row and isinstance(answer, dict):
        return answer.get(row)
    return None if row else answer


def figure(target: Target, records: Sequence[dict[str, Any]], places: int) -> str:
    """The target's figure computed from the records, at ``places`` decimals."""
    group = [r for r in records if r["audience"] == target.group]
    values = [v for r in group if (v := _value(r, target.question, target.row)) is not None]
    column = target.column
    if not values and column not in ("n", "pct_of_group"):
        return "no answers"
    if not target.is_statistic:
        wanted = set(target.choices())
        return percent(sum(1 for v in values if v in wanted), len(values), places)
    if column == "n":
        return half_up(len(values), places)
    if column == "pct_of_group":
        return percent(len(values), len(group), places)
    if column.endswith("_above_1000"):
        values = [v for v in values if v > 1000]
        column = column.removesuffix("_above_1000")
    if not values:
        return "no answers"
    if column == "mean":
        return half_up(Fraction(sum(Fraction(v) for v in values), len(values)), places)
    if column == "min":
        return half_up(Fraction(min(values)), places)
    if column == "max":
        return half_up(Fraction(max(values)), places)
    raise ValueError(f"unknown statistic {target.column!r}")


def check(
    targets: Sequence[Target], slips: dict[Key, Slip], records: Sequence[dict[str, Any]]
) -> list[Outcome]:
    """One outcome per target: the published figure met, a listed slip met as listed, or not."""
    outcomes = []
    for target in targets:
        computed = figure(target, records, places_of(target.published))
        if computed == target.published:
            outcomes.append(Outcome(target, computed, "match"))
            continue
        slip = slips.get(target.key)
        if slip is not None:
            as_slip = figure(target, records, places_of(slip.reproduced))
            if as_slip == slip.reproduced:
                outcomes.append(Outcome(target, computed, "slip"))
                continue
        outcomes.append(Outcome(target, computed, "mismatch"))
    return outcomes
