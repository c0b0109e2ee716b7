"""Hand-written XLSForms for the tests, written with openpyxl (not the export's writer)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

LABEL = "label::English (en)"
Rows = Sequence[dict[str, str]]

AUDIENCE_ROW = {
    "type": "select_one who",
    "name": "respondent_type",
    LABEL: "Who are you?",
    "localdigital": "audience_question",
}
AUDIENCE_CHOICES = [
    {"list_name": "who", "name": "council", LABEL: "Council"},
    {"list_name": "who", "name": "supplier", LABEL: "Supplier"},
]


def write_form(
    path: Path,
    survey: Rows,
    choices: Rows = (),
    settings: dict[str, str] | None = None,
) -> Path:
    """An .xlsx with a survey, a choices and a settings sheet, columns as the rows use them."""
    book = Workbook()
    book.remove(book.active)
    settings = settings or {"form_id": "hand_made", "version": "1", "form_title": "Hand made"}
    for name, rows in (("survey", survey), ("choices", choices), ("settings", [settings])):
        sheet = book.create_sheet(name)
        columns = list(dict.fromkeys(key for row in rows for key in row)) or ["type", "name"]
        sheet.append(columns)
        for row in rows:
            sheet.append([row.get(column) or None for column in columns])
    book.save(path)
    return path
