"""The languages of an XLSForm being imported, and its texts while they are read.

Columns are renamed first: the default language's (``settings.default_language``,
else English if the form has it, else its first language) become the plain
columns (``label``, which most XLSForms use when they have one language), every
other language's become ``label::CODE``. A text is then read as its languages:
``{"": default text, "cy": ...}`` (:data:`DEFAULT` is the default's key), only
the languages whose cells are not empty; the copies of a question worded per
audience are merged language by language (:func:`merge_texts`), and the texts
become the file's ``{en: ..., cy: ...}`` at the end (:func:`file_tree`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from localdigital_tui.core.questionnaire.languages import TEXT_KEYS
from localdigital_tui.core.questionnaire.translated import ByLanguage, file_text
from localdigital_tui.core.xlsform import columns as col
from localdigital_tui.core.xlsform.languages import TRANSLATED_COLUMNS, language_code
from localdigital_tui.core.xlsform.workbook import Sheet, SheetRow

DEFAULT = ""


@dataclass(frozen=True, slots=True)
class FormLanguages:
    default: str
    codes: list[str]  # in column order, the default among them

    @property
    def declared(self) -> bool:
        """Does the questionnaire declare languages? (Not for one that is English only.)"""
        return self.codes != ["en"]


def read_languages(sheets: dict[str, Sheet]) -> FormLanguages:
    """The form's languages; renames the language columns of its survey and choices."""
    settings = sheets.get(col.SETTINGS)
    first = settings.rows[0] if settings is not None and settings.rows else SheetRow(0, {})
    found: dict[str, None] = {}
    for sheet in (s for s in (sheets.get(col.SURVEY), sheets.get(col.CHOICES)) if s is not None):
        for header in sheet.columns:
            column, sep, name = header.partition("::")
            code = language_code(name) if sep and column in TRANSLATED_COLUMNS else None
            if code is not None and any(row.get(header) for row in sheet.rows):
                found[code] = None
    for header in first.cells:
        column, sep, name = header.partition("::")
        if column == col.TITLE and sep and (code := language_code(name)) is not None:
            found[code] = None
    default = language_code(first.get("default_language"))
    if default is None:
        default = "en" if "en" in found or not found else next(iter(found))
    codes = list(found) if default in found else [default, *found]
    for name in (col.SURVEY, col.CHOICES):
        if (found_sheet := sheets.get(name)) is not None:
            sheets[name] = _renamed(found_sheet, default)

    return FormLanguages(default, codes)


def _renamed(sheet: Sheet, default: str) -> Sheet:
    names: dict[str, str] = {}
    for header in sheet.columns:
        column, sep, name = header.partition("::")
        code = language_code(name) if sep and column in TRANSLATED_COLUMNS else None
        if code is not None:
            names[header] = column if code == default else f"{column}::{code}"
    rows = []
    for row in sheet.rows:
        cells: dict[str, str] = {}
        for header, text in row.cells.items():
            if header in names:
                cells[names[header]] = text  # a language's column wins over the plain one
            else:
                cells.setdefault(header, text)
        rows.append(SheetRow(row.number, cells))
    columns = list(dict.fromkeys(names.get(header, header) for header in sheet.columns))
    return Sheet(sheet.name, columns, rows)


def merge_texts(by_audience: Mapping[str, ByLanguage]) -> ByLanguage:
    """Each audience's text (in its languages) as one text: per language, one text if
    every audience reads the same, else ``{audience: text}`` (of those translated)."""
    merged: ByLanguage = {}
    for code in dict.fromkeys(code for texts in by_audience.values() for code in texts):
        given = {a: texts[code] for a, texts in by_audience.items() if code in texts}
        words = list(given.values())
        if len(given) == len(by_audience) and all(w == words[0] for w in words):
            merged[code] = words[0]
        else:
            merged[code] = {a: w for a, w in given.items() if isinstance(w, str)}
    return merged


def in_default(node: Any) -> Any:
    """A tree read from the form with every text in the default language only."""
    if isinstance(node, dict):
        return {k: v[DEFAULT] if k in TEXT_KEYS else in_default(v) for k, v in node.items()}
    if isinstance(node, list):
        return [in_default(v) for v in node]
    return node


def file_tree(node: Any, languages: FormLanguages, audiences: Sequence[str]) -> Any:
    """A tree read from the form as the questionnaire file holds it."""
    if isinstance(node, dict):
        return {
            k: _file_text(v, languages, audiences)
            if k in TEXT_KEYS
            else file_tree(v, languages, audiences)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [file_tree(v, languages, audiences) for v in node]
    return node


def _file_text(texts: ByLanguage, languages: FormLanguages, audiences: Sequence[str]) -> Any:
    coded = {languages.default if code == DEFAULT else code: t for code, t in texts.items()}
    return file_text(coded, languages.default, audiences)
