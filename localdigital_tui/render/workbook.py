"""An Excel workbook (``tables --format xlsx``): a contents sheet, then a sheet a table.

Each table's sheet has its heading and group, a header row (frozen, with the
row labels' column), one row per table row: percentages as numbers formatted
``0.0%`` (so they add and chart in Excel), statistics as numbers (pounds as
``£#,##0``), significance letters in a column of their own after each figure
that has any, the base(s) as whole numbers (weighted: the effective bases after
them, to one decimal), then the table's notes (base rule, low bases, nets,
weights). The contents sheet lists every table with a link to its sheet and,
when known, the data's and the questionnaire's sha256. Written with
xlsxwriter, in memory; the command writes the bytes atomically.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from localdigital_tui.core.records.provenance import Provenance
from localdigital_tui.core.tables.table import Cell, Column, Table
from localdigital_tui.render.figures import base_headings, heading

SHEET_NAME = 31  # Excel's longest sheet name


def _sheet_names(tables: Sequence[Table]) -> list[str]:
    names: list[str] = []
    for table in tables:
        base = re.sub(r"[\[\]:*?/\\']", "-", f"{table.id} {table.group}")[:SHEET_NAME]
        name, n = base, 2
        while name.lower() in (x.lower() for x in names):
            suffix = f" ({n})"
            name, n = base[: SHEET_NAME - len(suffix)] + suffix, n + 1
        names.append(name)
    return names


def _figure(cell: Cell, column: Column) -> float | None:
    if column.kind == "statistic":
        return None if cell.value is None else float(cell.value)
    return None if cell.percent is None else float(cell.percent / 100)  # 0.438, not 0.43799...


def render_xlsx(tables: Sequence[Table], provenance: Provenance | None = None) -> bytes:
    from xlsxwriter import Workbook

    buffer = io.BytesIO()
    book = Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    header = book.add_format({"bold": True, "text_wrap": True, "valign": "bottom"})
    formats: dict[str, Any] = {
        "percent": book.add_format({"num_format": "0.0%"}),
        "pounds": book.add_format({"num_format": "£#,##0"}),
        "count": book.add_format({"num_format": "General"}),
        "effective": book.add_format({"num_format": "0.0"}),
    }
    names = _sheet_names(tables)
    contents = book.add_worksheet("Contents")
    contents.write_row(0, 0, ["Table", "Group", "Title", "Sheet"], bold)
    for i, (table, name) in enumerate(zip(tables, names, strict=True), start=1):
        contents.write_row(i, 0, [table.id, table.group, table.heading])
        contents.write_url(i, 3, f"internal:'{name}'!A1", string=name)
    line = len(tables) + 2
    if provenance is not None:
        contents.write(line, 0, f"Data sha256: {provenance.data_sha256}")
        contents.write(line + 1, 0, f"Questionnaire sha256: {provenance.questionnaire_sha256}")
    contents.set_column(2, 2, 80)
    for table, name in zip(tables, names, strict=True):
        sheet = book.add_worksheet(name)
        sheet.write(0, 0, table.heading, bold)
        sheet.write(1, 0, f"({table.group})")
        lettered = [
            any(r.cells[j].higher_than for r in table.rows) for j in range(len(table.columns))
        ]
        headers = [""]
        for column, letters in zip(table.columns, lettered, strict=True):
            headers += [heading(column)] + (["Higher than"] if letters else [])
        headers += base_headings(table)
        sheet.write_row(3, 0, headers, header)
        for r, row in enumerate(table.rows, start=4):
            sheet.write(r, 0, row.label, wrap)
            c = 1
            for cell, column, letters in zip(row.cells, table.columns, lettered, strict=True):
                unit = "percent" if column.kind != "statistic" else cell.unit
                figure = _figure(cell, column)
                if figure is None:
                    sheet.write_blank(r, c, None)
                else:
                    sheet.write_number(r, c, figure, formats.get(unit, formats["count"]))
                c += 1
                if letters:
                    sheet.write(r, c, cell.higher_than)
                    c += 1
            if table.show_base:
                for group in table.groups:
                    base = row.base_for(group)
                    if base is not None:
                        sheet.write_number(r, c, base)
                    c += 1
            for group in table.groups if table.weighted else ():
                effective = row.effective_for(group)
                if effective is not None:
                    sheet.write_number(r, c, float(effective), formats["effective"])
                c += 1
        last = 4 + len(table.rows) + 1
        for k, note in enumerate(table.notes):
            sheet.write(last + k, 0, note)
        sheet.set_column(0, 0, 50)
        sheet.set_column(1, len(headers), 12)
        sheet.freeze_panes(4, 1)
    book.close()
    return buffer.getvalue()
