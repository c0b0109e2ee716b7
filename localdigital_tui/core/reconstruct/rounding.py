"""Half-up rounding and the report's way of printing figures.

The report prints percentages of a row's own base, rounded half-up (0.05 goes
up), to the number of decimals it prints; statistics likewise. Never ``round()``,
which rounds half to even.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from localdigital_tui.core.tables import rounding
from localdigital_tui.core.tables.rounding import places_of

__all__ = ["counts_giving", "half_up", "percent", "places_of"]


def half_up(value: Fraction | int, places: int) -> str:
    """``value`` rounded half-up to ``places`` decimals, printed with exactly those decimals."""
    return str(rounding.half_up(value, places))


def percent(count: int, base: int, places: int) -> str:
    """``100 * count / base`` rounded half-up to ``places`` decimals."""
    if base <= 0:
        raise ValueError("a percentage needs a positive base")
    return half_up(Fraction(100 * count, base), places)


def counts_giving(published: str, base: int) -> list[int]:
    """Every count out of ``base`` whose percentage prints as ``published``."""
    places = places_of(published)
    target = Decimal(published)
    approx = int(Fraction(str(target)) * base / 100)
    found = []
    for count in range(max(0, approx - 2), min(base, approx + 2) + 1):
        if Decimal(percent(count, base, places)) == target:
            found.append(count)
    return found
