from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from localdigital_tui.core.tables.rounding import as_decimal, half_up, percent, places_of


@pytest.mark.parametrize(
    ("count", "base", "expected"),
    [
        (1, 8, "12.5"),  # exact
        (1, 16, "6.3"),  # 6.25: the 5 goes up
        (1, 40, "2.5"),
        (7, 80, "8.8"),  # 8.75
        (3, 16, "18.8"),  # 18.75
        (0, 7, "0.0"),
        (2, 3, "66.7"),
        (1, 3, "33.3"),
        (5, 5, "100.0"),
    ],
)
def test_percent_rounds_half_up_to_one_decimal(count: int, base: int, expected: str) -> None:
    assert format(percent(count, base), "f") == expected


def test_float_rounding_would_get_these_wrong() -> None:
    assert round(0.125, 2) == 0.12 and round(6.25, 1) == 6.2  # banker's / binary error
    assert half_up(Fraction(1, 8), 2) == Decimal("0.13")
    assert half_up(Fraction(625, 100), 1) == Decimal("6.3")
    assert half_up(Fraction(1005, 1000), 2) == Decimal("1.01")


def test_empty_base_has_no_percentage() -> None:
    assert percent(0, 0) is None


def test_precision_of_a_printed_figure_and_exact_decimals() -> None:
    assert [places_of(p) for p in ("92.1", "23", "49.40", "37.97")] == [1, 0, 2, 2]
    assert half_up(Fraction(-1, 8), 2) == Decimal("-0.13")
    assert str(as_decimal(Fraction("40.5"), None)) == "40.5"
    assert str(as_decimal(Fraction(12_000_000), None)) == "12000000"
    assert str(as_decimal(Fraction(1, 3), None)) == "0.333333"
    assert str(as_decimal(Fraction(3797, 100), 1)) == "38.0"
