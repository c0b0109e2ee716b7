"""The one table object every output format renders.

A :class:`Table` is what the report prints, plus what it leaves out: each cell
carries its count and base next to its rounded percentage, or a statistic's value,
and the exact unrounded figure, so a renderer never computes and a checker can
re-round at any precision. In a weighted table the percentage and statistics are
weighted while count and base stay unweighted counts, and each row and cell also
carries its effective base. Text, markdown, CSV, tidy CSV, JSON, LaTeX and HTML are
all drawn from this object (see :mod:`localdigital_tui.render`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

LOW_BASE = 30  # bases under this are flagged


@dataclass(frozen=True)
class Column:
    """A column: a scale point, a net, a statistic, or the percent of a choice table."""

    code: str  # choice code, net code, statistic name, or "percent"
    label: str  # the heading as the report prints it (statistics: their name)
    group: str  # council, supplier or all; in a comparison each column has its own
    kind: str  # "choice", "net", "statistic" or "percent"
    letter: str = ""  # the column's letter in a comparison (A, B)
    parts: tuple[str, ...] = ()  # a net: the choices it adds up
    group_label: str = ""  # how a banner column's group is headed (Total, Head of IT)


@dataclass(frozen=True)
class Cell:
    count: int | None = None
    base: int | None = None
    percent: Decimal | None = None  # 100 * count / base, half-up to one decimal
    value: Decimal | None = None  # a statistic at the report's precision
    exact: Fraction | None = None  # the unrounded percentage or statistic
    unit: str = "percent"  # "percent", "pounds" or "count": how a value is shown
    higher_than: str = ""  # letters of the columns this figure is significantly above
    effective_base: Fraction | None = None  # weighted tables: (sum w)^2 / sum w^2 of the base

    def tested_as(self) -> tuple[int, int] | None:
        """(successes, trials) for a significance test: the count and base, or, weighted,
        the weighted share of the effective base, both rounded to whole numbers."""
        if self.count is None or not self.base:
            return None
        if self.effective_base is None:
            return self.count, self.base
        if self.exact is None or self.effective_base < 1:
            return None
        trials = round(self.effective_base)
        return round(self.exact * trials / 100), trials


@dataclass(frozen=True)
class Row:
    code: str  # grid row code, choice code (choice tables) or net code
    label: str
    cells: tuple[Cell, ...]
    bases: tuple[tuple[str, int], ...]  # (group, base) for each group shown
    parts: tuple[str, ...] = ()  # a net row: the choices it adds up
    effective: tuple[tuple[str, Fraction], ...] = ()  # weighted: (group, effective base)

    @property
    def is_net(self) -> bool:
        return bool(self.parts)

    def base_for(self, group: str) -> int | None:
        return dict(self.bases).get(group)

    def effective_for(self, group: str) -> Fraction | None:
        return dict(self.effective).get(group)


@dataclass(frozen=True)
class Split:
    """The slice of respondents a ``--by`` table is about."""

    question: str
    code: str | None  # None: did not answer the splitting question
    label: str


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    question: str
    group: str  # council, supplier, all, or "council v supplier" for a comparison
    base_rule: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    split: Split | None = None
    show_base: bool = True  # statistics tables show n instead
    groups: tuple[str, ...] = field(default=())  # groups with a base column, in order
    group_labels: tuple[str, ...] = field(default=())  # their headings, when not the groups

    @property
    def heading(self) -> str:
        """``5.1 Do you agree ...`` plus the split, if any."""
        suffix = f" [{self.split.question}: {self.split.label}]" if self.split else ""
        return f"{self.id} {self.title}{suffix}"

    def group_key(self, group: str) -> str:
        """The ``group`` field of tidy output: ``council``, or ``council:role=head_of_it``."""
        if self.split is None:
            return group
        return f"{group}:{self.split.question}={self.split.code or ''}"

    def column_index(self, code: str, group: str | None = None) -> int:
        for i, column in enumerate(self.columns):
            if column.code == code and (group is None or column.group == group):
                return i
        raise KeyError(code)

    def row(self, code: str) -> Row:
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)

    def cell(self, row: str, column: str, group: str | None = None) -> Cell:
        return self.row(row).cells[self.column_index(column, group)]

    @property
    def weighted(self) -> bool:
        """Are the figures weighted (each row has effective bases)?"""
        return any(row.effective for row in self.rows)

    def has_low_base(self) -> bool:
        return any(0 < base < LOW_BASE for row in self.rows for _, base in row.bases)
