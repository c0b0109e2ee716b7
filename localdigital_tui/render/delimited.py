"""CSV: the tables as printed (``csv``), and one line per cell (``tidy``).

``csv`` writes each table as a block (a title line, a heading line, its rows, its
notes, then a blank line), figures as bare numbers. ``tidy`` writes one line per
cell under exactly ``table,group,row,column,count,base,percent,value``: ``row`` and
``column`` are the labels as printed, a statistic puts its name in ``column`` and
its figure in ``value``, and ``group`` is ``council``, ``supplier`` or ``all`` (with a
``--by`` split: ``council:role=head_of_it``). Weighted tables add a last column,
``effective_base`` (six decimals), and their percent and value are weighted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from localdigital_tui.core.records.provenance import Provenance
from localdigital_tui.core.tables.rounding import half_up
from localdigital_tui.core.tables.table import Table
from localdigital_tui.render.figures import grid, number

TIDY_HEADER = ("table", "group", "row", "column", "count", "base", "percent", "value")


def render_csv(tables: Sequence[Table], provenance: Provenance | None = None) -> str:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    for table in tables:
        headers, rows = grid(table, human=False)
        out.writerow([table.heading, table.group])
        out.writerow(headers)
        out.writerows(rows)
        for note in table.notes:
            out.writerow([note])
        out.writerow([])
    return buffer.getvalue()


def _plain(value: int | Decimal | None) -> str:
    if value is None:
        return ""
    return number(value) if isinstance(value, Decimal) else str(value)


def _effective(value: Fraction | None) -> str:
    return "" if value is None else number(half_up(value, 6))


def render_tidy(tables: Sequence[Table], provenance: Provenance | None = None) -> str:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    weighted = any(table.weighted for table in tables)
    out.writerow(TIDY_HEADER + (("effective_base",) if weighted else ()))
    for table in tables:
        for row in table.rows:
            for cell, column in zip(row.cells, table.columns, strict=True):
                effective = (_effective(cell.effective_base),) if weighted else ()
                out.writerow(
                    (
                        table.id,
                        table.group_key(column.group),
                        row.label,
                        column.code if column.kind == "statistic" else column.label,
                        _plain(cell.count),
                        _plain(cell.base),
                        _plain(cell.percent),
                        _plain(cell.value),
                        *effective,
                    )
                )
    return buffer.getvalue()
