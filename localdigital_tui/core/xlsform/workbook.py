"""XLSForm workbooks as plain rows: written with xlsxwriter, read with openpyxl.

A sheet is its column headers and its rows, each row a mapping header -> text
with the row's number in the spreadsheet (the header is row 1), so that every
problem found later can say where it is.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from localdigital_tui.errors import SheetLocation, SheetProblem, XLSFormError


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass(slots=True)
class Sheet:
    name: str
    columns: list[str]
    rows: list[SheetRow] = field(default_factory=list)


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """An .xlsx file of these sheets, every cell a string, the header row bold and frozen."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    bold = book.add_format({"bold": True})
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    for sheet in sheets:
        page = book.add_worksheet(sheet.name)
        page.freeze_panes(1, 0)
        for column, header in enumerate(sheet.columns):
            page.write_string(0, column, header, bold)
            page.set_column(column, column, 60 if header.startswith("label") else 18)
        for row in sheet.rows:
            for column, header in enumerate(sheet.columns):
                text = row.cells.get(header, "")
                if text:
                    page.write_string(row.number - 1, column, text, wrapped)
    book.close()
    return buffer.getvalue()


def cell_text(value: Any) -> str:
    """A cell as the text a person typed: 5 for 5.0, yes for TRUE, '' for empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def header_name(value: Any) -> str:
    """A column header as XLSForm reads it: spaces trimmed, the part before '::' lower case."""
    text = cell_text(value).strip()
    column, sep, language = text.partition("::")
    return column.strip().lower() + (sep + language.strip() if sep else "")


def read_workbook(path: Path) -> dict[str, Sheet]:
    """Every sheet of an .xlsx file by lower-cased name. A file that is not an .xlsx
    workbook is an :class:`XLSFormError` saying so (a missing file is an ``OSError``)."""
    try:
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException
    except ModuleNotFoundError:
        message = "reading an .xlsx needs openpyxl: pip install 'localdigital[xlsform]'"
        raise XLSFormError(path, [], message) from None
    data = path.read_bytes()
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError) as exc:
        kind = "an old .xls file" if data[:4] == b"\xd0\xcf\x11\xe0" else "not an .xlsx workbook"
        problem = SheetProblem(
            SheetLocation(str(path)),
            f"cannot be read: {kind} ({type(exc).__name__}: {exc}); save it as .xlsx",
        )
        raise XLSFormError(path, [problem], "not an XLSForm workbook") from None
    sheets: dict[str, Sheet] = {}
    try:
        for page in book.worksheets:
            rows = list(page.iter_rows(values_only=True))
            columns = [header_name(value) for value in rows[0]] if rows else []
            sheet = Sheet(page.title.strip().lower(), columns)
            for number, values in enumerate(rows[1:], start=2):
                cells = {
                    header: text
                    for header, value in zip(columns, values, strict=False)
                    if header and (text := cell_text(value).strip("\r"))
                }
                if any(text.strip() for text in cells.values()):
                    sheet.rows.append(SheetRow(number, cells))
            sheets.setdefault(sheet.name, sheet)
    finally:
        book.close()
    return sheets
