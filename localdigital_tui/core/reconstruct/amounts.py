"""Numeric series that reproduce published statistics: Q9 percentages, Q10 savings.

Each series is built from seeded draws rounded to the figures people type
(multiples of 5 per cent, two significant figures of pounds), then nudged by
whole units until its sum gives the published mean at the published precision.
The fixed extremes (minimum and maximum) are placed first and never moved.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from localdigital_tui.core.reconstruct.rounding import half_up, places_of


@dataclass(frozen=True)
class MeanTarget:
    """A published mean: the printed figure and so its precision."""

    figure: str

    def sums(self, count: int) -> list[int]:
        """Every integer total whose mean over ``count`` values prints as ``figure``."""
        exact = Fraction(self.figure) * count
        half = Fraction(count, 2 * 10 ** places_of(self.figure))
        low, high = math.floor(exact - half), math.ceil(exact + half)
        return [s for s in range(low, high + 1) if self.met_by(s, count)]

    def met_by(self, total: int, count: int) -> bool:
        return half_up(Fraction(total, count), places_of(self.figure)) == self.figure


def _nice_pounds(value: float) -> int:
    if value < 100:
        return max(1, int(value))
    digits: int = 10 ** (int(math.log10(value)) - 1)
    return int(value / digits + 0.5) * digits  # two significant figures, half up


def _nice_percent(value: float) -> int:
    return 5 * int(value / 5 + 0.5)


def _fill(
    rng: random.Random,
    fixed: Sequence[int],
    count: int,
    total: int,
    bounds: tuple[int, int],
    draw: Callable[[random.Random], float],
    nice: Callable[[float], int],
) -> list[int]:
    """``count`` integers in ``bounds`` (inclusive), including ``fixed``, summing to ``total``."""
    low, high = bounds
    free = count - len(fixed)
    remaining = total - sum(fixed)
    if not free * low <= remaining <= free * high:
        raise ValueError(f"cannot make {free} values in [{low}, {high}] sum to {remaining}")
    weights = [draw(rng) for _ in range(free)]
    scale = remaining / sum(weights) if sum(weights) else 0.0
    values = [min(high, max(low, nice(w * scale))) for w in weights]
    # Nudge by whole units, largest value first, until the sum is exact.
    order = sorted(range(free), key=lambda i: (-values[i], i))
    diff = remaining - sum(values)
    while diff:
        moved = False
        for i in order:
            step = min(diff, high - values[i]) if diff > 0 else max(diff, low - values[i])
            values[i] += step
            diff -= step
            moved = moved or step != 0
            if not diff:
                break
        if not moved:
            raise ValueError("no room left to reach the total")
    return sorted([*fixed, *values])


@dataclass(frozen=True)
class SavingsTargets:
    count: int
    minimum: int
    maximum: int
    mean: MeanTarget
    threshold: int
    mean_above: MeanTarget
    min_above: int


def savings_series(rng: random.Random, t: SavingsTargets) -> list[int]:
    """Pounds saved, one per respondent who put a figure to Q10, meeting every statistic."""
    for above in range(t.count - 1, 1, -1):
        small = t.count - above
        exact_above = Fraction(t.mean_above.figure) * above
        for total_above in sorted(
            t.mean_above.sums(above), key=lambda s: (abs(s - exact_above), s)
        ):
            small_low = t.minimum + (small - 1)
            small_high = t.minimum + (small - 1) * (t.threshold - 1)
            exact = Fraction(t.mean.figure) * t.count
            for total in sorted(t.mean.sums(t.count), key=lambda s: (abs(s - exact), s)):
                rest = total - total_above
                if small_low <= rest <= small_high:
                    break
            else:
                continue
            small_part = _fill(
                rng,
                [t.minimum],
                small,
                rest,
                (1, t.threshold - 1),
                lambda r: r.uniform(0.5, 6.0),
                lambda v: 10 * max(1, int(v / 10 + 0.5)),
            )
            big_part = _fill(
                rng,
                [t.min_above, t.maximum],
                above,
                total_above,
                (t.min_above + 1, t.maximum - 1),
                lambda r: math.exp(r.uniform(math.log(5e3), math.log(4e6))),
                _nice_pounds,
            )
            return small_part + big_part
    raise ValueError("no split of the savings meets the published statistics")


def percent_series(
    rng: random.Random, count: int, mean: MeanTarget, minimum: int, maximum: int, centre: float
) -> list[int]:
    """Whole percentages from ``minimum`` to ``maximum`` whose mean prints as ``mean``."""
    sums = mean.sums(count)
    total = min(sums, key=lambda s: (abs(Fraction(s, count) - Fraction(mean.figure)), s))
    return _fill(
        rng,
        [minimum, maximum],
        count,
        total,
        (minimum, maximum),
        lambda r: r.betavariate(1.3, 1.3 * (100 / centre - 1)),
        _nice_percent,
    )
