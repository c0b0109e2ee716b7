"""The solver and the rounding on small cases checked by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from localdigital_tui.core.reconstruct.rounding import counts_giving, half_up, percent
from localdigital_tui.core.reconstruct.solver import (
    Constraint,
    InfeasibleRow,
    apportion,
    solve_row,
)

YND = ("yes", "no", "dont_know")
AGREE = ("strongly_disagree", "disagree", "neutral", "agree", "strongly_agree")


def one(choice: str, figure: str) -> Constraint:
    return Constraint((choice,), figure, f"test {choice} = {figure}")


def test_half_up_not_bankers() -> None:
    assert percent(1, 8, 1) == "12.5"  # 12.5 exactly
    assert percent(1, 2000, 1) == "0.1"  # 0.05 goes up (round() would give 0.0)
    assert percent(5, 2000, 1) == "0.3"  # 0.25 goes up (round() would give 0.2)
    assert percent(88, 178, 2) == "49.44"
    assert half_up(Fraction(2282, 92), 1) == "24.8"  # 24.804...
    assert half_up(Fraction(-1, 40), 2) == "-0.03"
    assert half_up(12000000, 0) == "12000000"


def test_counts_giving() -> None:
    assert counts_giving("92.1", 178) == [164]  # 164/178 = 92.13
    assert counts_giving("66.7", 21) == [14]  # two thirds
    assert counts_giving("50", 22) == [11]
    assert counts_giving("33.0", 21) == []  # 7/21 is 33.3


def test_head_of_customer_service_needs_its_own_base() -> None:
    row = [one("yes", "57.5"), one("no", "21.9"), one("dont_know", "20.5")]
    with pytest.raises(InfeasibleRow):
        solve_row(YND, row, 178, exact_base=True)
    solution = solve_row(YND, row, 178)
    # 84/146 = 57.53, 32/146 = 21.92, 30/146 = 20.55: the largest base that works.
    assert solution.base == 146
    assert dict(solution.counts) == {"yes": 84, "no": 32, "dont_know": 30}


def test_largest_feasible_base_for_a_single_figure() -> None:
    solution = solve_row(YND, [one("yes", "76.2")], 22)
    assert solution.base == 21  # 16/21 = 76.19; no count of 22 gives 76.2
    assert solution.count("yes") == 16


def test_net_constraint_and_prior_split_the_free_categories() -> None:
    net = Constraint(("agree", "strongly_agree"), "100", "net_agree = 100")
    prior = {"agree": Fraction(3), "strongly_agree": Fraction(1)}
    solution = solve_row(AGREE, [net], 8, exact_base=True, prior=prior)
    assert dict(solution.counts) == {
        "strongly_disagree": 0,
        "disagree": 0,
        "neutral": 0,
        "agree": 6,
        "strongly_agree": 2,
    }


def test_jointly_infeasible_row_names_every_target() -> None:
    # 1 of 3 is 33.3, 2 of 3 is 66.7: 33.3 + 33.3 cannot share a base of 3 with 66.7 for yes.
    row = [one("yes", "66.7"), Constraint(("yes", "no"), "33.3", "yes+no = 33.3")]
    with pytest.raises(InfeasibleRow) as caught:
        solve_row(YND, row, 3, exact_base=True)
    assert caught.value.labels == ("test yes = 66.7", "yes+no = 33.3")


def test_impossible_figure_is_named_alone() -> None:
    row = [
        Constraint(("agree", "strongly_agree"), "91.0", "5.1 supplier q5/cost_effective"),
        one("neutral", "4.5"),
    ]
    with pytest.raises(InfeasibleRow) as caught:
        solve_row(AGREE, row, 22, exact_base=True)
    assert caught.value.labels == ("5.1 supplier q5/cost_effective",)
    assert "5.1 supplier q5/cost_effective" in str(caught.value)


def test_apportion_by_largest_remainder() -> None:
    solution = apportion(YND, {"yes": 1, "no": 1, "dont_know": 1}, 10)
    assert dict(solution.counts) == {"yes": 4, "no": 3, "dont_know": 3}
    assert apportion(YND, None, 2).counts == (("yes", 1), ("no", 1), ("dont_know", 0))
