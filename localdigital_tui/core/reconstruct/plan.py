"""Counts for every tabulated row of both groups, solved from the targets.

Council rows come first: the report publishes them in full. A supplier row is
solved with the council row as its prior, so categories the prose leaves out
are split as councils split them. A row nobody published gets the commonest
base of its question and the prior apportioned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from localdigital_tui.core.reconstruct.solver import (
    Constraint,
    RowSolution,
    apportion,
    solve_row,
)
from localdigital_tui.core.reconstruct.survey import Survey
from localdigital_tui.core.reconstruct.targets import Key, Slip, Target, aimed_figure

GROUP_SIZES: dict[str, int] = {"council": 178, "supplier": 22}
# Profile questions every respondent of the group answers (the form pre-filled them).
ALWAYS_ANSWERED = frozenset({"supplier_size"})
# Answers derived elsewhere: council type from the organisation, numbers by amounts.py.
NOT_PLANNED = frozenset({"council_type"})

RowKey = tuple[str, str, str]  # group, question, row ("" for a single-choice question)


@dataclass(frozen=True)
class RowPlan:
    group: str
    question: str
    row: str
    solution: RowSolution
    published: bool

    @property
    def key(self) -> RowKey:
        return (self.group, self.question, self.row)


def tabulated_rows(survey: Survey, group: str) -> list[tuple[str, str, tuple[str, ...], bool]]:
    """(question, row, choices, required) for every choice row this group is asked."""
    rows = []
    for item in survey.items:
        if item.personal or not item.applies_to(group) or item.code in NOT_PLANNED:
            continue
        if item.kind == "single_choice":
            rows.append((item.code, "", item.choices, item.code in ALWAYS_ANSWERED))
        elif item.kind == "grid":
            for row in item.rows:
                rows.append((item.code, row, item.choices, row in item.required_rows))
    return rows


def _constraints(targets: Sequence[Target], slips: dict[Key, Slip]) -> list[Constraint]:
    return [
        Constraint(t.choices(), aimed_figure(t, slips), t.label)
        for t in targets
        if not t.is_statistic
    ]


def _prior(plan: dict[RowKey, RowPlan], key: RowKey) -> dict[str, Fraction] | None:
    other = plan.get(("council", key[1], key[2]))
    if other is None or key[0] == "council":
        return None
    return {c: Fraction(n) for c, n in other.solution.counts}


def plan_rows(
    survey: Survey, targets: Sequence[Target], slips: dict[Key, Slip]
) -> dict[RowKey, RowPlan]:
    """Solve every row; raises InfeasibleRow naming the targets it cannot meet."""
    by_row: dict[RowKey, list[Target]] = {}
    for t in targets:
        by_row.setdefault((t.group, t.question, t.row), []).append(t)
    plan: dict[RowKey, RowPlan] = {}
    for group in ("council", "supplier"):
        size = GROUP_SIZES[group]
        pending: list[tuple[RowKey, tuple[str, ...], bool]] = []
        for question, row, choices, required in tabulated_rows(survey, group):
            key = (group, question, row)
            constraints = _constraints(by_row.get(key, []), slips)
            if not constraints:
                pending.append((key, choices, required))
                continue
            solution = solve_row(
                choices, constraints, size, exact_base=required, prior=_prior(plan, key)
            )
            plan[key] = RowPlan(group, question, row, solution, True)
        for key, choices, required in pending:
            bases = Counter(
                p.solution.base for p in plan.values() if p.group == key[0] and p.question == key[1]
            )
            base = max(bases, key=lambda b: (bases[b], b)) if bases and not required else size
            solution = apportion(choices, _prior(plan, key), base)
            plan[key] = RowPlan(key[0], key[1], key[2], solution, False)
    return plan
