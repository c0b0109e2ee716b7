"""The survey sheet as items: single rows and groups of rows, with every problem noted.

Also the little readers every part of the import shares: a row's text in the
questionnaire's languages, a yes/no cell, and the list of problems found so far.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from localdigital_tui.core.questionnaire.translated import ByLanguage
from localdigital_tui.core.xlsform import columns as col
from localdigital_tui.core.xlsform.languages import TRANSLATED_COLUMNS, is_code
from localdigital_tui.core.xlsform.workbook import Sheet, SheetRow
from localdigital_tui.errors import SheetLocation, SheetProblem

CODE = re.compile(r"^[a-z][a-z0-9_]*$")
TRUE_CELLS = {"yes", "true", "true()", "1", "y"}
FALSE_CELLS = {"", "no", "false", "false()", "0", "n"}
QUESTION_TYPES = ("text", "integer", "decimal", "select_one")
# Types that hold no question: form metadata ODK records by itself, and helpers.
NOT_QUESTIONS = {
    "start",
    "end",
    "today",
    "deviceid",
    "phonenumber",
    "username",
    "email",
    "audit",
    "simserial",
    "subscriberid",
    "calculate",
    "hidden",
    "start-geopoint",
    "background-audio",
}


class Problems:
    """What the import could not map, each with its sheet, row and column."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[SheetProblem] = []

    def add(
        self, sheet: str | None, row: int | None, message: str, column: str | None = None
    ) -> None:
        self.found.append(SheetProblem(SheetLocation(self.file, sheet, row, column), message))


def row_text(row: SheetRow, column: str) -> ByLanguage:
    """A row's text in each language that gives it: ``{"": default text, "cy": ...}``
    (columns renamed by :func:`.form_languages.read_languages`)."""
    texts: ByLanguage = {"": row.get(column)}
    prefix = f"{column}::"
    for header, text in row.cells.items():
        if header.startswith(prefix) and text and is_code(header[len(prefix) :]):
            texts[header[len(prefix) :]] = text
    return texts


def row_type(row: SheetRow) -> tuple[str, str]:
    """``("select_one", "agree5")`` from ``select_one agree5``; words of a type are
    lower case and '_' and ' ' alike (``begin_group`` is ``begin group``)."""
    words = row.get(col.TYPE).split()
    if not words:
        return "", ""
    kind = words[0].lower()
    if kind in {"begin", "end"} and len(words) > 1:
        return f"{kind} {words[1].lower()}", " ".join(words[2:])
    return kind.replace("begin_", "begin ").replace("end_", "end "), " ".join(words[1:])


def is_true(row: SheetRow, column: str, problems: Problems, sheet: str) -> bool:
    value = row.get(column).strip().lower()
    if value in TRUE_CELLS:
        return True
    if value not in FALSE_CELLS:
        problems.add(sheet, row.number, f"expected yes or no (got {value!r}); read as no", column)
    return False


@dataclass(slots=True)
class Item:
    """One row of the survey, or a group with the rows inside it."""

    row: SheetRow
    kind: str
    argument: str
    members: list[Item] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.row.get(col.NAME).strip()

    @property
    def role(self) -> str:
        return self.row.get(col.ROLE).strip().lower()


def survey_items(sheet: Sheet, problems: Problems) -> list[Item]:
    """Top-level items in order; a group nested in a group, a repeat and a group never
    closed are reported (the nested one and the repeat are left out)."""
    _check_columns(sheet, problems)
    items: list[Item] = []
    open_group: Item | None = None
    skipping = 0  # depth inside something left out
    for row in sheet.rows:
        kind, argument = row_type(row)
        if not kind:
            problems.add(col.SURVEY, row.number, "a row without a type; left out", col.TYPE)
            continue
        if kind in {"begin group", "begin repeat"}:
            if skipping or open_group is not None or kind == "begin repeat":
                what = "a repeat" if kind == "begin repeat" else "a group inside a group"
                if not skipping:
                    problems.add(
                        col.SURVEY,
                        row.number,
                        f"{what} cannot be mapped; left out with everything in it",
                        col.TYPE,
                    )
                skipping += 1
                continue
            open_group = Item(row, kind, argument)
            items.append(open_group)
        elif kind in {"end group", "end repeat"}:
            if skipping:
                skipping -= 1
            elif open_group is None:
                problems.add(col.SURVEY, row.number, f"'{kind}' with no group open", col.TYPE)
            else:
                open_group = None
        elif not skipping:
            (open_group.members if open_group is not None else items).append(
                Item(row, kind, argument)
            )
    if open_group is not None:
        problems.add(
            col.SURVEY,
            open_group.row.number,
            "group never ended ('end group' missing); it is read to the end of the sheet",
            col.TYPE,
        )
    return items


def _check_columns(sheet: Sheet, problems: Problems) -> None:
    for header in sheet.columns:
        column, sep, language = header.partition("::")
        if not header or header in col.KNOWN_SURVEY_COLUMNS:
            continue
        if sep and column in TRANSLATED_COLUMNS and is_code(language):
            continue
        if sep and column in TRANSLATED_COLUMNS:
            why = "a language is read from a column named like label::English (en)"
        else:
            why = "the questionnaire has no place for it"
        if any(row.get(header) for row in sheet.rows):
            problems.add(col.SURVEY, 1, f"not carried over: {why}", header)
