"""A banner: one table with Total, then each answer to a profile question, as columns.

``tables --by role`` (without ``--by-tables``) lays every table out this way:
each column of the ordinary table becomes one column per banner group: Total
(everyone in the table's group), then each answer to the ``--by`` question in
questionnaire order, then "Not answered" when some gave none. Each answer's
column has a letter (A, B, ...); a percentage significantly higher (p < 0.05,
two-sided, as in ``--compare``) than the same figure in another answer's column
carries that column's letter (weighted: tested on the effective bases). Total
has no letter: it holds the others. With many columns some differences will be
"significant" by chance; the note says so.
Rows are in the Total table's order.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass, replace

from localdigital_tui.core.tables.compute import Options, group_rows, sort_rows
from localdigital_tui.core.tables.significance import letters
from localdigital_tui.core.tables.specs import TableSpec
from localdigital_tui.core.tables.table import Cell, Column, Row
from localdigital_tui.core.tables.view import GroupView

BANNER_NOTE = (
    "Letters: a percentage significantly higher (p < 0.05, two-sided) than the same figure "
    "in the column with that letter; two-proportion z-test, or Fisher's exact test where "
    "a base is under 30 or an expected count under 5. Each pair of columns is tested on "
    "its own: with many columns, expect some letters by chance."
)


@dataclass(frozen=True)
class BannerColumn:
    key: str  # the tidy output's group: council:role=head_of_it, or council for Total
    label: str  # Total, Head of IT, Not answered
    letter: str  # "" for Total
    view: GroupView


def banner_columns(
    group: str, by: str, splits: Sequence[tuple[str | None, str]], total: GroupView,
    views: Sequence[GroupView],
) -> list[BannerColumn]:  # fmt: skip
    """Total, then one column per ``(code, label)`` of the split, lettered A, B, ..."""
    found = [BannerColumn(group, "Total", "", total)]
    for (code, label), view, letter in zip(splits, views, string.ascii_uppercase, strict=False):
        found.append(BannerColumn(f"{group}:{by}={code or ''}", label, letter, view))
    return found


def _flagged(cells: list[Cell], banner: Sequence[BannerColumn]) -> list[Cell]:
    """``cells`` (one per banner column) with the letters of the columns each is above."""
    above = [""] * len(cells)
    for i in range(1, len(cells)):
        for j in range(i + 1, len(cells)):
            a, b = cells[i].tested_as(), cells[j].tested_as()
            if a is None or b is None:
                continue
            first, second = letters(*a, *b, banner[i].letter, banner[j].letter)
            above[i] += first
            above[j] += second
    return [
        replace(cell, higher_than="".join(sorted(found)))
        for cell, found in zip(cells, above, strict=True)
    ]


def banner_rows(
    spec: TableSpec, banner: Sequence[BannerColumn], group: str, options: Options
) -> tuple[list[Column], list[Row]]:
    """The banner's columns (each table column times each banner column) and rows."""
    built = [group_rows(spec, b.view, group, options) for b in banner]
    total_columns, total_rows = built[0]
    total_rows = sort_rows(spec, total_columns, total_rows, options.sort)
    by_code = [{row.code: row for row in rows} for _, rows in built]
    columns = [
        replace(c, group=b.key, label=c.label, letter=b.letter or "", group_label=b.label)
        for c in total_columns
        for b in banner
    ]
    made = []
    for row in total_rows:
        found_rows = [table.get(row.code) for table in by_code]
        cells: list[Cell] = []
        for index, column in enumerate(total_columns):
            found = [r.cells[index] if r is not None else Cell() for r in found_rows]
            cells += found if column.kind == "statistic" else _flagged(found, banner)
        bases = tuple(
            (b.key, (r.base_for(group) or 0) if r is not None else 0)
            for b, r in zip(banner, found_rows, strict=True)
        )
        effective = tuple(
            (b.key, effective_base)
            for b, r in zip(banner, found_rows, strict=True)
            if r is not None and (effective_base := r.effective_for(group)) is not None
        )
        made.append(replace(row, cells=tuple(cells), bases=bases, effective=effective))
    return columns, made
