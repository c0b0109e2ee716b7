"""Council and supplier side by side, with significance letters and low-base flags.

Each column of the single-group table becomes two: council (letter A) and supplier
(letter B). A percentage significantly higher than the other group's (p < 0.05,
two-sided; see :mod:`.significance`) carries the other column's letter; weighted,
the test is on the effective base. Rows are in the council table's order.
"""

from __future__ import annotations

from dataclasses import replace

from localdigital_tui.core.tables.compute import Options, group_rows, sort_rows
from localdigital_tui.core.tables.significance import letters
from localdigital_tui.core.tables.specs import TableSpec
from localdigital_tui.core.tables.table import Cell, Column, Row
from localdigital_tui.core.tables.view import GroupView

LETTERS = {"council": "A", "supplier": "B"}
COMPARE_NOTE = (
    "Letters: a percentage significantly higher (p < 0.05, two-sided) than the same "
    "figure in the column with that letter (A council, B supplier); two-proportion "
    "z-test, or Fisher's exact test where a base is under 30 or an expected count under 5."
)


def _flag(a: Cell, b: Cell) -> tuple[Cell, Cell]:
    first_sample, second_sample = a.tested_as(), b.tested_as()
    if first_sample is None or second_sample is None:
        return a, b
    first, second = letters(*first_sample, *second_sample, LETTERS["council"], LETTERS["supplier"])
    return replace(a, higher_than=first), replace(b, higher_than=second)


def compare_rows(
    spec: TableSpec, views: dict[str, GroupView], options: Options
) -> tuple[list[Column], list[Row]]:
    """The comparison's columns (A, B interleaved) and rows (in the council order)."""
    council_columns, council_rows = group_rows(spec, views["council"], "council", options)
    council_rows = sort_rows(spec, council_columns, council_rows, options.sort)
    supplier_columns, supplier_rows = group_rows(spec, views["supplier"], "supplier", options)
    supplier_by_code = {row.code: row for row in supplier_rows}
    columns = []
    for c, s in zip(council_columns, supplier_columns, strict=True):
        columns += [replace(c, letter="A"), replace(s, letter="B")]
    rows = []
    for row in council_rows:
        other = supplier_by_code[row.code]
        cells: list[Cell] = []
        for a, b in zip(row.cells, other.cells, strict=True):
            cells.extend(_flag(a, b))
        rows.append(
            replace(
                row,
                cells=tuple(cells),
                bases=row.bases + other.bases,
                effective=row.effective + other.effective,
            )
        )
    return columns, rows
