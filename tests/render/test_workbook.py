"""``tables --format xlsx``: a workbook openpyxl opens, a sheet for every table."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from localdigital_tui.cli import cli
from localdigital_tui.core.tables.specs import TABLE_IDS


def test_every_table_is_a_sheet_with_numbers_formats_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "tables.xlsx"
    result = CliRunner().invoke(cli, ["tables", "-f", "xlsx", "-o", str(path)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Contents"
    assert [name.split()[0] for name in book.sheetnames[1:]] == list(TABLE_IDS)
    sheet = book[next(n for n in book.sheetnames if n.startswith("5.4 "))]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("5.4 Has your organisation created a Digital Strategy")
    assert rows[3] == (None, "Percent", "Base")
    assert rows[4] == ("Yes", 0.355, 166)
    assert sheet["B5"].number_format == "0.0%" and sheet.freeze_panes == "B5"
    assert any(str(r[0]).startswith("Base: council respondents") for r in rows if r[0])
    contents = list(book["Contents"].iter_rows(values_only=True))
    assert any(str(r[0]).startswith("Data sha256: ") for r in contents if r[0])


def test_a_workbook_needs_an_output_file() -> None:
    result = CliRunner().invoke(cli, ["tables", "-f", "xlsx"])
    assert result.exit_code == 2 and "give -o FILE.xlsx" in result.output
