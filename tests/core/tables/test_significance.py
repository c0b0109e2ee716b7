from __future__ import annotations

import math

import pytest

from localdigital_tui.core.tables.significance import (
    compare,
    fisher_exact,
    letters,
    two_proportion_z,
)


def test_fisher_exact_on_the_tea_tasting_table() -> None:
    # [[3, 1], [1, 3]]: P = (1 + 16 + 16 + 1) / 70 for the tables as or less likely
    assert fisher_exact(3, 4, 1, 4) == pytest.approx(34 / 70, rel=1e-9)


def test_fisher_exact_one_sided_extreme() -> None:
    # all 4 of 4 v 0 of 4: only the two extreme tables, each 1/70
    assert fisher_exact(4, 4, 0, 4) == pytest.approx(2 / 70, rel=1e-9)
    assert fisher_exact(2, 4, 2, 4) == pytest.approx(1.0)


def test_two_proportion_z_by_hand() -> None:
    # 50/100 v 30/100: pooled 0.4, se = sqrt(0.4 * 0.6 * 0.02), z = 0.2 / se
    z = 0.2 / math.sqrt(0.4 * 0.6 * 0.02)
    assert two_proportion_z(50, 100, 30, 100) == pytest.approx(math.erfc(z / math.sqrt(2)))
    assert two_proportion_z(50, 100, 30, 100) == pytest.approx(0.00389, abs=1e-5)
    assert two_proportion_z(0, 100, 0, 50) == 1.0


def test_the_test_chosen_depends_on_the_bases_and_expected_counts() -> None:
    big = compare(50, 100, 30, 100)
    assert big is not None and big.test == "z" and big.significant
    small = compare(20, 22, 100, 178)
    assert small is not None and small.test == "fisher"
    rare = compare(1, 200, 8, 200)  # expected count 4.5 < 5
    assert rare is not None and rare.test == "fisher"
    assert compare(1, 0, 1, 10) is None


def test_letters_go_to_the_higher_figure() -> None:
    assert letters(50, 100, 30, 100, "A", "B") == ("B", "")
    assert letters(30, 100, 50, 100, "A", "B") == ("", "A")
    assert letters(50, 100, 48, 100, "A", "B") == ("", "")  # not significant
