"""The ``localdigital_untranslated`` column read back: the cells that copy the default text.

Where a text has no translation the export writes the default language's text in
that language's cell (so ODK shows it, not the "-" pyxform puts in an empty cell)
and names such cells in the row's ``localdigital_untranslated`` column (survey and
choices sheets): their headers, space-separated, ``label::Cymraeg (cy) hint::Cymraeg
(cy)``. Each name starts at a ``COLUMN::``, so the space in a language's name does
not split it; any name a language column may have will do (``label::cy``,
``hint::Welsh``). The import drops the named cells before it reads the texts, so
each reads as not translated, as an empty cell does (in a form without the column,
written by hand or by other tools, only an empty cell does).

A name that is not a language column of one of the form's languages (other than
the default), or that names a cell the row does not have, is reported with its
sheet, row and column and ignored. A named cell whose text is not the default's
(translated since the export, the mark left behind) is reported and read as a
translation: a translator's words are not thrown away.
"""

from __future__ import annotations

import re

from localdigital_tui.core.xlsform import columns as col
from localdigital_tui.core.xlsform.form_languages import FormLanguages
from localdigital_tui.core.xlsform.languages import (
    TRANSLATED_COLUMNS,
    language_code,
    language_name,
)
from localdigital_tui.core.xlsform.survey_items import Problems
from localdigital_tui.core.xlsform.workbook import Sheet, SheetRow

_NEXT_NAME = re.compile(r"\s+(?=[^\s:]+::)")


def drop_copies(sheets: dict[str, Sheet], languages: FormLanguages, problems: Problems) -> None:
    """Leave out of the survey and choices rows (their language columns renamed by
    :func:`.form_languages.read_languages`) the cells their marks name."""
    for name in (col.SURVEY, col.CHOICES):
        sheet = sheets.get(name)
        if sheet is not None and col.UNTRANSLATED in sheet.columns:
            sheet.rows = [_dropped(row, name, languages, problems) for row in sheet.rows]


def marked_names(cell: str) -> list[str]:
    """The names in a ``localdigital_untranslated`` cell, each ``COLUMN::LANGUAGE``."""
    return _NEXT_NAME.split(cell.strip()) if cell.strip() else []


def _dropped(row: SheetRow, sheet: str, languages: FormLanguages, problems: Problems) -> SheetRow:
    copies: set[str] = set()
    for name in marked_names(row.get(col.UNTRANSLATED)):
        header, why = _header(name, languages)
        if header is not None and header not in row.cells:
            header, why = None, f"{name!r}: the row has no text in that column"
        if header is None:
            problems.add(sheet, row.number, f"{why}; the name is ignored", col.UNTRANSLATED)
        elif row.cells[header] != row.get(header.partition("::")[0]):
            problems.add(
                sheet,
                row.number,
                f"{name!r} holds a text that is not the default language's, so it is not a "
                "copy of it; read as a translation (take it out of this column)",
                col.UNTRANSLATED,
            )
        else:
            copies.add(header)
    if not copies:
        return row
    return SheetRow(row.number, {h: t for h, t in row.cells.items() if h not in copies})


def _header(name: str, languages: FormLanguages) -> tuple[str | None, str]:
    """The renamed header (``label::cy``) of a name, or ``(None, why not)``."""
    column, sep, language = name.partition("::")
    column = column.strip().lower()
    if not sep or column not in TRANSLATED_COLUMNS:
        kinds = ", ".join(f"{c}::" for c in TRANSLATED_COLUMNS)
        return None, f"{name!r} is not a language column ({kinds} and a language)"
    code = language_code(language)
    if code == languages.default:
        return None, f"{name!r} is the default language's own column"
    if code is None or code not in languages.codes:
        others = [language_name(c) for c in languages.codes if c != languages.default]
        known = ", ".join(others) if others else "none but the default"
        return None, f"{name!r}: {language.strip()!r} is not one of the form's languages ({known})"
    return f"{column}::{code}", ""
