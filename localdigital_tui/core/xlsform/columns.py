"""The columns of the three sheets, and the questionnaire's own columns among them.

XLSForm tools ignore a column they do not know (pyxform does, silently), so what
the questionnaire holds and XLSForm has no column for travels in columns named
``localdigital_*``: the role of a note row, the question's number, the personal
and profile marks, a number's unit, and (on the survey and the choices, when there
is more than one language) which cells of the row copy the default language's text
for want of a translation (:mod:`.untranslated`).
"""

from __future__ import annotations

from localdigital_tui.core.xlsform.languages import translated, untranslated_cell

SURVEY = "survey"
CHOICES = "choices"
SETTINGS = "settings"

TYPE = "type"
NAME = "name"
LIST_NAME = "list_name"
REQUIRED = "required"
RELEVANT = "relevant"
CONSTRAINT = "constraint"
APPEARANCE = "appearance"

ROLE = "localdigital"
NUMBER = "localdigital_number"
PERSONAL = "localdigital_personal"
PROFILE = "localdigital_profile"
UNIT = "localdigital_unit"
OWN_COLUMNS = (ROLE, NUMBER, PERSONAL, PROFILE, UNIT)
UNTRANSLATED = "localdigital_untranslated"

# The roles a row can have in the ROLE column.
AUDIENCE_QUESTION = "audience_question"
FORM_HEADING = "form_heading"
INTRODUCTION = "introduction"
HEADING = "heading"
STEM = "stem"

# An audience's own wording of a question is the question once more, named
# CODE-AUDIENCE (a code has no '-'), asked of that audience only.
VARIANT_MARK = "-"

YES = "yes"


def survey_columns(languages: list[str]) -> list[str]:
    return [
        TYPE,
        NAME,
        *translated("label", languages),
        *translated("hint", languages),
        REQUIRED,
        RELEVANT,
        CONSTRAINT,
        *translated("constraint_message", languages),
        APPEARANCE,
        *OWN_COLUMNS,
        *_marks(languages),
    ]


def choices_columns(languages: list[str]) -> list[str]:
    return [LIST_NAME, NAME, *translated("label", languages), *_marks(languages)]


def marked(cells: dict[str, str]) -> dict[str, str]:
    """A row's cells, its UNTRANSLATED cell naming those that copy the default's text."""
    copies = untranslated_cell(cells)
    return cells | {UNTRANSLATED: copies} if copies else cells


def _marks(languages: list[str]) -> list[str]:
    """The column naming the copies of the default's text: none with one language."""
    return [UNTRANSLATED] if len(languages) > 1 else []


TITLE = "localdigital_title"  # the title in another language, in the settings
SETTINGS_COLUMNS = ["form_title", "form_id", "version", "default_language"]

# Columns the import reads or may safely leave behind (they carry nothing of the
# questionnaire's): a value in any other column is reported as not carried over.
KNOWN_SURVEY_COLUMNS = {
    TYPE,
    NAME,
    REQUIRED,
    RELEVANT,
    CONSTRAINT,
    APPEARANCE,
    *OWN_COLUMNS,
    UNTRANSLATED,
    "label",
    "hint",
    "constraint_message",
    "required_message",
}
