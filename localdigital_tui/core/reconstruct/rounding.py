"""Half-up rounding and the report's way of printing figures.

The report prints percentages of a row's own base, rounded half-up (0.05 goes
up), to the number of decimals it prints; statistics likewise. Never ``round()``,
which rounds half to even.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction


def places_of(published: str) -> int:
    """How many decimals a printed figure carries: ``'92.1'`` -> 1, ``'23'`` -> 0."""
    return len(published.split(".", 1)[1]) if "." in published else 0


def half_up(value: Fraction | int, places: int) -> str:
    """``value`` rounded half-up to ``places`` decimals, printed with exactly those decimals.

    The quotient is taken at 50 significant digits: for the small denominators of a
    survey (bases, counts of respondents) a value that is not exactly a tie is far
    further than that from one, and an exact tie is a terminating decimal, so the
    rounding is exact.
    """
    frac = Fraction(value)
    with localcontext() as ctx:
        ctx.prec = 50
        exact = Decimal(frac.numerator) / Decimal(frac.denominator)
        return str(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


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
