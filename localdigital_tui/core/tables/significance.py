"""Is one proportion significantly different from another? Two tests, no SciPy.

* the two-proportion z-test (pooled variance), two-sided, p from ``math.erfc``;
* Fisher's exact test, two-sided (the sum of every table as likely as or less
  likely than the one observed, as R's ``fisher.test`` and SciPy do), with the
  hypergeometric probabilities from ``math.lgamma``.

The z-test's normal approximation fails on small samples, so Fisher's test is used
whenever a base is under 30 or an expected cell count is under 5. Both are a few
lines of standard-library arithmetic, which is why the project does not depend on
SciPy (tens of megabytes) for them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ALPHA = 0.05
SMALL_BASE = 30
SMALL_EXPECTED = 5
_RELATIVE_TOLERANCE = 1e-7  # tables this close to the observed one count as equally likely


@dataclass(frozen=True)
class Comparison:
    p_value: float
    test: str  # "z" or "fisher"

    @property
    def significant(self) -> bool:
        return self.p_value < ALPHA


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test."""
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance == 0:
        return 1.0
    z = (x1 / n1 - x2 / n2) / math.sqrt(variance)
    return math.erfc(abs(z) / math.sqrt(2))


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p-value of Fisher's exact test on the 2x2 table of successes by sample."""
    successes, total = x1 + x2, n1 + n2
    low, high = max(0, successes - n2), min(successes, n1)
    denominator = _log_comb(total, n1)

    def log_pmf(k: int) -> float:
        return _log_comb(successes, k) + _log_comb(total - successes, n1 - k) - denominator

    observed = log_pmf(x1)
    limit = observed + math.log1p(_RELATIVE_TOLERANCE)
    p = sum(math.exp(lp) for k in range(low, high + 1) if (lp := log_pmf(k)) <= limit)
    return min(1.0, p)


def compare(x1: int, n1: int, x2: int, n2: int) -> Comparison | None:
    """Test ``x1/n1`` against ``x2/n2``; ``None`` when a base is empty."""
    if n1 <= 0 or n2 <= 0:
        return None
    successes, total = x1 + x2, n1 + n2
    expected = min(n * share / total for n in (n1, n2) for share in (successes, total - successes))
    if min(n1, n2) < SMALL_BASE or expected < SMALL_EXPECTED:
        return Comparison(fisher_exact(x1, n1, x2, n2), "fisher")
    return Comparison(two_proportion_z(x1, n1, x2, n2), "z")


def letters(x1: int, n1: int, x2: int, n2: int, letter1: str, letter2: str) -> tuple[str, str]:
    """Significance letters for two cells: the higher gets the other column's letter."""
    result = compare(x1, n1, x2, n2)
    if result is None or not result.significant:
        return "", ""
    if x1 * n2 > x2 * n1:
        return letter2, ""
    return "", letter1
