"""Weighted rows: weighted figures beside unweighted bases and the effective base.

A weighted table is built three times over the same group: over counts, over sums
of weights and over sums of squared weights (three layers of
:class:`~.totals.Aggregates`, each viewed as if it held counts). The rows line up
(same codes, same order), and are put together cell by cell:

* percentages, means and the like come from the sums of weights: a weighted
  percentage is ``100 * sum w (answered this) / sum w (base)``, rounded half-up;
* counts and bases stay the unweighted counts (what was asked and answered);
* the effective base of a row or cell is Kish's ``n_eff = (sum w)^2 / sum w^2``
  over its base, which significance tests use in place of the base
  (:meth:`~.table.Cell.tested_as`).

With every weight 1 the weighted figures and effective bases equal the unweighted.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from localdigital_tui.core.tables.table import Cell, Row
from localdigital_tui.core.weighting.weights_file import MICROS

WEIGHTED_NOTE = (
    "Weighted by {source}: percentages and statistics are weighted; each base is the "
    "unweighted number of respondents, with the effective base n_eff = (sum w)^2 / sum w^2 "
    "beside it; significance tests use the effective base."
)


def effective_base(weights: int | None, squares: int | None) -> Fraction | None:
    """Kish's effective base from sums of weights and of squared weights (millionths)."""
    if weights is None or not squares:
        return None
    return Fraction(weights * weights, squares * MICROS)


def _cell(plain: Cell, weighted: Cell, squared: Cell) -> Cell:
    if plain.unit == "count":  # a statistic that counts respondents: n, n above 1000
        return plain
    return replace(
        plain,
        percent=weighted.percent,
        value=weighted.value,
        exact=weighted.exact,
        effective_base=effective_base(weighted.base, squared.base),
    )


def weigh_rows(plain: list[Row], weighted: list[Row], squared: list[Row]) -> list[Row]:
    """``plain`` rows with the weighted figures and the effective bases put in."""
    rows = []
    for p, w, s in zip(plain, weighted, squared, strict=True):
        assert p.code == w.code == s.code, "the layers' rows line up"
        cells = tuple(_cell(*trio) for trio in zip(p.cells, w.cells, s.cells, strict=True))
        effective = tuple(
            (group, found)
            for (group, base), (_, squares) in zip(w.bases, s.bases, strict=True)
            if (found := effective_base(base, squares)) is not None
        )
        rows.append(replace(p, cells=cells, effective=effective))
    return rows
