"""Give each respondent answers so that every row's counts are the planned ones.

Who leaves a row blank: the respondents most given to skipping (a per-person
score, a per-question score and a little per-row noise). Which category each
answerer gets: answerers are sorted on a latent score plus per-row noise, and
the planned counts are dealt out in the scale's order from the low end. So a
respondent who strongly agrees with one statement tends to agree with the next,
and the published counts are untouched.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from localdigital_tui.core.reconstruct.people import Person
from localdigital_tui.core.reconstruct.plan import RowPlan

ROW_NOISE = 0.6
# Categories from the low end of the latent score to the high end.
ASCENDING: dict[str, tuple[str, ...]] = {
    "agree5": ("strongly_disagree", "disagree", "neutral", "agree", "strongly_agree"),
    "importance3": ("not_important", "neutral", "important"),
    "q8": ("no_intention", "intend", "yes"),
    "yes_no": ("no", "yes"),
}
SCALE_OF = {
    "q5": "agree5",
    "q8_statements": "agree5",
    "q6": "importance3",
    "q8": "q8",
    "q10": "yes_no",
}
# Yes/No/Don't know grids: "Don't know" goes to the least sure; then yes by this leaning.
YES_LEANING: dict[str, Callable[[Person], float]] = {
    "q7": lambda p: p.positivity,  # more positive: sees more people leading
    "q11": lambda p: -p.positivity,  # less positive: sees more barriers
}
FROM_APPENDIX = frozenset({"role", "supplier_size"})


def _noisy(
    rng: random.Random, people: Sequence[Person], score: Callable[[Person], float]
) -> list[Person]:
    keyed = [(score(p) + rng.gauss(0.0, ROW_NOISE), i, p) for i, p in enumerate(people)]
    return [p for _, _, p in sorted(keyed, key=lambda k: (k[0], k[1]))]


def _answerers(
    rng: random.Random, group: list[Person], base: int, question_lean: dict[int, float]
) -> list[Person]:
    if base == len(group):
        return list(group)
    ordered = _noisy(rng, group, lambda p: -(p.skipping + question_lean[id(p)]))
    return ordered[len(group) - base :]


def _deal(
    ordered: Sequence[Person], categories: Sequence[str], counts: dict[str, int]
) -> list[tuple[Person, str]]:
    dealt = []
    position = 0
    for category in categories:
        for person in ordered[position : position + counts[category]]:
            dealt.append((person, category))
        position += counts[category]
    return dealt


def _categories(
    rng: random.Random, plan: RowPlan, answerers: list[Person]
) -> list[tuple[Person, str]]:
    counts = dict(plan.solution.counts)
    if plan.question in YES_LEANING:
        unsure = _noisy(rng, answerers, lambda p: p.knowledge)
        dont_know = unsure[: counts["dont_know"]]
        rest = [p for p in answerers if all(p is not d for d in dont_know)]
        lean = YES_LEANING[plan.question]
        dealt = _deal(_noisy(rng, rest, lean), ("no", "yes"), counts)
        return dealt + [(p, "dont_know") for p in dont_know]
    return _deal(
        _noisy(rng, answerers, lambda p: p.positivity), ASCENDING[SCALE_OF[plan.question]], counts
    )


def assign_rows(rng: random.Random, people: list[Person], plans: Sequence[RowPlan]) -> None:
    """Write every planned row into the respondents' answers."""
    leans: dict[tuple[str, str], dict[int, float]] = {}
    for plan in plans:
        if plan.question in FROM_APPENDIX:
            continue
        group = [p for p in people if p.group == plan.group]
        lean = leans.setdefault(
            (plan.group, plan.question), {id(p): rng.gauss(0.0, 1.0) for p in group}
        )
        answerers = _answerers(rng, group, plan.solution.base, lean)
        for person, category in _categories(rng, plan, answerers):
            if plan.row:
                person.answers.setdefault(plan.question, {})[plan.row] = category
            else:
                person.answers[plan.question] = category


def pick(
    rng: random.Random, people: Sequence[Person], n: int, score: Callable[[Person], float]
) -> list[Person]:
    """The ``n`` people scoring highest (with row noise), in their original order."""
    chosen = _noisy(rng, people, score)[len(people) - n :]
    ids = {id(p) for p in chosen}
    return [p for p in people if id(p) in ids]
