"""Integer counts and a base for one row that print as the published percentages.

A row (one grid row, or a single-choice question) has categories and a few
published percentages, each of one category or of a sum of categories (a net).
``solve_row`` searches every base from the largest allowed downwards and returns
the first (largest) base with a count vector reproducing every percentage. Among
the vectors at that base it takes the one closest to a prior distribution, so
figures the report does not publish get plausible values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from localdigital_tui.core.reconstruct.rounding import counts_giving

MAX_VECTORS = 500_000


@dataclass(frozen=True)
class Constraint:
    """``figure`` (a printed percentage) must be ``100 * sum(counts[choices]) / base``."""

    choices: tuple[str, ...]
    figure: str
    label: str


@dataclass(frozen=True)
class RowSolution:
    base: int
    counts: tuple[tuple[str, int], ...]

    def count(self, choice: str) -> int:
        return dict(self.counts)[choice]


class InfeasibleRow(ValueError):
    """No base in range reproduces the row; ``labels`` names the targets at fault."""

    def __init__(self, labels: Sequence[str], reason: str) -> None:
        super().__init__(f"{reason}: " + "; ".join(labels))
        self.labels = tuple(labels)


def _vectors(
    choices: Sequence[str], constraints: Sequence[Constraint], base: int
) -> list[tuple[int, ...]]:
    """Every count vector over ``choices`` summing to ``base`` that meets the constraints."""
    allowed: list[set[int]] = [set(range(base + 1)) for _ in choices]
    sums: list[tuple[tuple[int, ...], set[int]]] = []
    for constraint in constraints:
        counts = set(counts_giving(constraint.figure, base))
        positions = tuple(choices.index(c) for c in constraint.choices)
        if len(positions) == 1:
            allowed[positions[0]] &= counts
        else:
            sums.append((positions, counts))
    if any(not options for options in allowed):
        return []
    ordered = [sorted(options) for options in allowed]
    rest_min = [sum(o[0] for o in ordered[i:]) for i in range(len(ordered))] + [0]
    rest_max = [sum(o[-1] for o in ordered[i:]) for i in range(len(ordered))] + [0]
    found: list[tuple[int, ...]] = []
    stack: list[tuple[int, tuple[int, ...]]] = [(0, ())]
    while stack:
        total, prefix = stack.pop()
        i = len(prefix)
        if i == len(ordered) - 1:
            last = base - total
            if last in allowed[i]:
                vector = (*prefix, last)
                if all(sum(vector[p] for p in pos) in ok for pos, ok in sums):
                    found.append(vector)
                    if len(found) > MAX_VECTORS:
                        raise ValueError("too many candidate count vectors; add a constraint")
            continue
        for value in reversed(ordered[i]):
            left = base - total - value
            if rest_min[i + 1] <= left <= rest_max[i + 1]:
                stack.append((total + value, (*prefix, value)))
    return found


def _distance(vector: tuple[int, ...], prior: Sequence[Fraction], base: int) -> Fraction:
    return sum(((k - p * base) ** 2 for k, p in zip(vector, prior, strict=True)), Fraction(0))


def _normalised(
    choices: Sequence[str], prior: Mapping[str, float | Fraction] | None
) -> list[Fraction]:
    weights = [Fraction(prior.get(c, 0)) if prior else Fraction(1) for c in choices]
    total = sum(weights, Fraction(0))
    if total <= 0:
        return [Fraction(1, len(choices))] * len(choices)
    return [w / total for w in weights]


def solve_row(
    choices: Sequence[str],
    constraints: Sequence[Constraint],
    max_base: int,
    *,
    exact_base: bool = False,
    prior: Mapping[str, float | Fraction] | None = None,
) -> RowSolution:
    """The largest feasible base (or exactly ``max_base``) and the counts nearest ``prior``."""
    choices = list(choices)
    for constraint in constraints:
        unknown = [c for c in constraint.choices if c not in choices]
        if unknown:
            raise InfeasibleRow([constraint.label], f"unknown choices {unknown}")
    weights = _normalised(choices, prior)
    bases = [max_base] if exact_base else list(range(max_base, 0, -1))
    for base in bases:
        vectors = _vectors(choices, constraints, base)
        if vectors:
            best = min(vectors, key=lambda v: (_distance(v, weights, base), v))
            return RowSolution(base, tuple(zip(choices, best, strict=True)))
    alone = [
        c.label for c in constraints if not any(_vectors(choices, [c], base) for base in bases)
    ]
    where = f"base {max_base}" if exact_base else f"any base up to {max_base}"
    if alone:
        raise InfeasibleRow(alone, f"no count over {where} prints as published")
    raise InfeasibleRow([c.label for c in constraints], f"no counts over {where} meet together")


def apportion(
    choices: Sequence[str], prior: Mapping[str, float | Fraction] | None, base: int
) -> RowSolution:
    """Counts for an unpublished row: ``base`` split by largest remainder of ``prior``."""
    weights = _normalised(choices, prior)
    exact = [w * base for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(choices)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in order[: base - sum(counts)]:
        counts[i] += 1
    return RowSolution(base, tuple(zip(choices, counts, strict=True)))
