"""Rim weights against an independent implementation (weightipy) as the oracle."""

from __future__ import annotations

import random

import pandas as pd
import polars as pl
import pytest
import weightipy

from localdigital_tui.core.weighting.rake import rake
from localdigital_tui.errors import WeightingError


def sample(n: int = 400, seed: int = 3) -> pl.DataFrame:
    draw = random.Random(seed)
    return pl.DataFrame(
        {
            "region": [draw.choice("nnnsswe") for _ in range(n)],
            "size": [draw.choice(["small", "small", "large", "micro"]) for _ in range(n)],
            "sector": [draw.choice(["public", "private", "private", "third"]) for _ in range(n)],
        }
    )


MARGINS = {
    "region": {"n": 40.0, "s": 30.0, "w": 20.0, "e": 10.0},
    "size": {"small": 50.0, "large": 30.0, "micro": 20.0},
    "sector": {"public": 45.0, "private": 45.0, "third": 10.0},
}


def oracle(frame: pl.DataFrame, margins: dict[str, dict[str, float]]) -> list[float]:
    scheme = weightipy.scheme_from_dict(
        margins, rim_params={"max_iterations": 10_000, "convcrit": 1e-12}
    )
    weights = weightipy.weight(pd.DataFrame(frame.to_dict(as_series=False)), scheme)
    return list(weights / weights.mean())


@pytest.mark.parametrize("questions", [["region"], ["region", "size"], list(MARGINS)])
def test_weights_agree_with_weightipy_to_a_millionth(questions: list[str]) -> None:
    frame = sample()
    margins = {q: MARGINS[q] for q in questions}
    result = rake(frame, margins)
    assert result.converged and result.largest_error < 1e-9
    expected = oracle(frame, margins)
    assert max(abs(a - b) for a, b in zip(result.weights.to_list(), expected, strict=True)) < 1e-6
    assert result.weights.mean() == pytest.approx(1.0)
    weights = result.weights.to_numpy()
    assert result.effective_base == pytest.approx(weights.sum() ** 2 / (weights**2).sum())


def test_bounds_are_kept_and_the_error_left_is_reported() -> None:
    frame = sample()
    skewed = {"region": {"n": 5.0, "s": 5.0, "w": 5.0, "e": 85.0}}
    result = rake(frame, skewed, lower=0.5, upper=2.0, max_iterations=50)
    assert not result.converged and result.largest_error > 0.01
    assert result.weights.min() >= 0.5 and result.weights.max() <= 2.0


def test_an_answer_without_a_target_or_a_target_without_answers_is_refused() -> None:
    frame = sample()
    with pytest.raises(WeightingError, match="region: no target for answer"):
        rake(frame, {"region": {"n": 1.0, "s": 1.0}})
    with pytest.raises(WeightingError, match="nobody answered x"):
        rake(frame, {"region": {"n": 1.0, "s": 1.0, "w": 1.0, "e": 1.0, "x": 1.0}})
