"""Half-up rounding with exact integers: 0.05 goes up, whatever floats would say.

``round()`` and polars round half to even and see 12.45 as 12.4499999...; here a
figure is a :class:`~fractions.Fraction` (a count over a base, a sum over n) and
is rounded with integer arithmetic only.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def half_up(value: Fraction | int, places: int) -> Decimal:
    """``value`` rounded half away from zero to ``places`` decimals, exactly."""
    value = Fraction(value)
    scaled = value * 10**places
    magnitude = (2 * abs(scaled.numerator) + scaled.denominator) // (2 * scaled.denominator)
    sign = -1 if value < 0 else 1
    return Decimal(sign * magnitude).scaleb(-places)


def percent(count: int, base: int, places: int = 1) -> Decimal | None:
    """``100 * count / base`` rounded half-up; ``None`` for an empty base."""
    if base <= 0:
        return None
    return half_up(Fraction(100 * count, base), places)


def share(count: int, base: int) -> Fraction | None:
    """The exact percentage ``100 * count / base``; ``None`` for an empty base."""
    return Fraction(100 * count, base) if base > 0 else None


def places_of(printed: str) -> int:
    """Decimals of a printed figure: ``'92.1'`` -> 1, ``'23'`` -> 0, ``'49.40'`` -> 2."""
    return len(printed.split(".", 1)[1]) if "." in printed else 0


def as_decimal(value: Fraction, places: int | None) -> Decimal:
    """``value`` at ``places`` decimals, or exactly when ``places`` is None and it terminates.

    A value that does not terminate in decimal (1/3) is given to 6 places.
    """
    if places is not None:
        return half_up(value, places)
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return half_up(value, 6)
    digits = 0
    while (value * 10**digits).denominator != 1:
        digits += 1
    return half_up(value, digits)
