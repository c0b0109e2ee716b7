"""The aggregated numbers every table is made from: a few hundred, never records.

:class:`Aggregates` holds, per (audience, split value), the records, the counts of
every categorical answer, how many answered each question, and an exact summary
of each numeric field. Weighted tables carry two more layers of the same shape:
``weighted`` holds sums of weights (in millionths) where the plain layer holds
counts, ``squared`` sums of squared weights; a view over a layer computes its
bases and percentages exactly as over counts (:mod:`.weighted` puts them together).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

GroupKey = tuple[str, str | None]  # (audience, split value or None)


@dataclass(frozen=True)
class Numeric:
    """Exact summary of one numeric field for one group (in a weighted layer, ``n`` and
    ``n_above`` are sums of weights and ``total``, ``total_above`` sums of weight times value)."""

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
    weighted: Aggregates | None = None  # sums of weights in place of counts
    squared: Aggregates | None = None  # sums of squared weights in place of counts
    weights_source: str = ""  # the weights file, for the tables' notes
