"""How a cell, a base and a heading read, shared by the formats that draw a grid.

``human`` figures are as the report prints them (``48.3%``, ``£1,064,567``);
plain ones are bare numbers for spreadsheets (``48.3``, ``1064567``). Significance
letters follow a figure after a space; a base under 30 carries ``*``. A weighted
table has an effective base column after each base column.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from localdigital_tui.core.tables.rounding import half_up
from localdigital_tui.core.tables.table import LOW_BASE, Cell, Column, Table

EMPTY = "-"


def number(value: Decimal) -> str:
    return format(value, "f")


def cell_text(cell: Cell, column: Column, human: bool = True) -> str:
    if column.kind == "statistic":
        if cell.value is None:
            return EMPTY
        if human and cell.unit == "pounds":
            text = f"£{cell.value:,f}"
        elif human and column.code == "pct_of_group":
            text = f"{number(cell.value)}%"
        else:
            text = number(cell.value)
    elif cell.percent is None:
        text = EMPTY
    else:
        text = number(cell.percent) + ("%" if human else "")
    return f"{text} {cell.higher_than}" if cell.higher_than else text


def base_text(base: int | None) -> str:
    if base is None:
        return EMPTY
    return f"{base}*" if 0 < base < LOW_BASE else str(base)


def heading(column: Column, separator: str = " ") -> str:
    """A column heading; in a comparison, with the group and its letter."""
    label = column.label
    if column.group_label:  # a banner column; a choice table's one figure needs no name
        letter = f" ({column.letter})" if column.letter else ""
        if column.kind == "percent":
            return f"{column.group_label}{letter}"
        return f"{label}{separator}{column.group_label}{letter}"
    if not column.letter:
        return label
    return f"{label}{separator}{column.group} ({column.letter})"


def effective_text(value: Fraction | None) -> str:
    """An effective base, to one decimal (``130.7``)."""
    return EMPTY if value is None else number(half_up(value, 1))


def base_headings(table: Table) -> list[str]:
    """The base columns' headings, then (weighted) the effective bases'."""
    labels = table.group_labels or table.groups
    bases = [] if not table.show_base else ["Base"] if len(labels) == 1 else [
        f"Base {label}" for label in labels
    ]  # fmt: skip
    if not table.weighted:
        return bases
    return bases + (["Eff. base"] if len(labels) == 1 else [f"Eff. base {g}" for g in labels])


def grid(
    table: Table, human: bool = True, separator: str = " "
) -> tuple[list[str], list[list[str]]]:
    """Headings and rows of strings: label, one figure per column, the base(s)."""
    headers = ["", *(heading(c, separator) for c in table.columns), *base_headings(table)]
    rows = []
    for row in table.rows:
        figures = [
            cell_text(cell, col, human) for cell, col in zip(row.cells, table.columns, strict=True)
        ]
        bases = [base_text(row.base_for(g)) for g in table.groups] if table.show_base else []
        if table.weighted:
            bases += [effective_text(row.effective_for(g)) for g in table.groups]
        rows.append([row.label, *figures, *bases])
    return headers, rows
