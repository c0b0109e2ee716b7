"""The questionnaire as an XLSForm: the survey, choices and settings sheets.

* The respondent type comes first, a ``select_one`` of the audiences; ``audiences``
  and ``ask_if`` become ``relevant`` (``${respondent_type} = 'council'``,
  ``${q10} = 'yes'``); required questions and grid rows are ``required``; number
  bounds and text lengths are ``constraint``.
* A grid is a ``field-list`` group with one ``select_one SCALE`` per statement (its
  stem a note at the top); a ``numbers`` question is a group of number fields.
* A question worded for each audience (any of its texts, statements or choices a
  ``{council: ..., supplier: ...}`` mapping) is written once per audience, named
  ``CODE-AUDIENCE`` and relevant to that audience only, in that audience's words.
* The heading and introduction are notes; a question's heading is a note before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from localdigital_tui.core.questionnaire.model import (
    Choice,
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
    Wording,
)
from localdigital_tui.core.xlsform import columns as col
from localdigital_tui.core.xlsform.expressions import (
    all_of,
    any_of,
    bounds_constraint,
    length_constraint,
    number_text,
)
from localdigital_tui.core.xlsform.languages import ENGLISH, language_columns
from localdigital_tui.core.xlsform.workbook import Sheet, SheetRow, workbook_bytes
from localdigital_tui.errors import XLSFormExportError

Cells = dict[str, str]


def export_form(questionnaire: Questionnaire) -> bytes:
    """The questionnaire as the bytes of an .xlsx XLSForm."""
    return workbook_bytes(form_sheets(questionnaire))


def form_sheets(questionnaire: Questionnaire) -> list[Sheet]:
    exporter = _Exporter(questionnaire)
    exporter.run()
    settings: Cells = {
        "form_title": questionnaire.title,
        "form_id": questionnaire.id,
        "version": questionnaire.version,
        "default_language": ENGLISH,
    }
    return [
        _sheet(col.SURVEY, col.SURVEY_COLUMNS, exporter.survey),
        _sheet(col.CHOICES, col.CHOICES_COLUMNS, exporter.choices),
        _sheet(col.SETTINGS, col.SETTINGS_COLUMNS, [settings]),
    ]


def _sheet(name: str, columns: list[str], rows: Sequence[Cells]) -> Sheet:
    return Sheet(name, columns, [SheetRow(i, cells) for i, cells in enumerate(rows, start=2)])


def _word(wording: Wording, audience: str | None) -> str:
    if isinstance(wording, str):
        return wording
    assert audience is not None, "a question worded per audience is written per audience"
    return wording[audience]


def _texts(label: str, hint: str | None = None) -> Cells:
    cells = language_columns("label", label)
    if hint:
        cells |= language_columns("hint", hint)
    return cells


class _Exporter:
    def __init__(self, questionnaire: Questionnaire) -> None:
        self.q = questionnaire
        self.survey: list[Cells] = []
        self.choices: list[Cells] = []
        self.list_names: set[str] = set()
        self.fields: dict[str, list[str]] = {}  # question code -> its field names
        self.audience_field = questionnaire.audience_question.code
        self.scale_lists: dict[str, dict[str | None, str]] = {}
        self.notes: list[str] = []  # names of the notes outside groups

    def run(self) -> None:
        for scale, choices in self.q.scales.items():
            worded = _worded_per_audience(c.label for c in choices)
            self.scale_lists[scale] = {
                audience: self.add_list(
                    scale + (f"-{audience}" if audience else ""), choices, audience
                )
                for audience in (self.q.audience_codes() if worded else [None])
            }
        audiences = [Choice(code=a.code, label=a.label) for a in self.q.audiences]
        audience_list = self.add_list(self.audience_field, audiences, None)
        if self.q.heading:
            self.note("form-heading", self.q.heading, col.FORM_HEADING)
        if self.q.introduction:
            self.note("form-introduction", self.q.introduction, col.INTRODUCTION)
        self.survey.append(
            {
                col.TYPE: f"select_one {audience_list}",
                col.NAME: self.audience_field,
                **_texts(self.q.audience_question.text),
                col.REQUIRED: col.YES,
                col.ROLE: col.AUDIENCE_QUESTION,
            }
        )
        for question in self.q.questions:
            self.question(question)
        # Only top-level names can meet (a group's members are named inside the group).
        top = [self.audience_field, *self.notes, *(n for ns in self.fields.values() for n in ns)]
        clashes = sorted({n for n in top if top.count(n) > 1})
        if clashes:
            raise XLSFormExportError(
                f"questionnaire {self.q.id}: XLSForm names {', '.join(clashes)} would be used "
                "twice (an audience code that is also a suffix such as 'heading'?)"
            )

    def add_list(self, wanted: str, choices: Sequence[Choice], audience: str | None) -> str:
        name = wanted
        while name in self.list_names:
            name += "_choices"
        self.list_names.add(name)
        for choice in choices:
            self.choices.append(
                {
                    col.LIST_NAME: name,
                    col.NAME: choice.code,
                    **_texts(_word(choice.label, audience)),
                }
            )
        return name

    def note(self, name: str, text: str, role: str, relevant: str = "") -> None:
        self.notes.append(name)
        cells = {col.TYPE: "note", col.NAME: name, **_texts(text), col.ROLE: role}
        if relevant:
            cells[col.RELEVANT] = relevant
        self.survey.append(cells)

    def conditions(self, question: Question) -> list[str]:
        tests = []
        if question.audiences is not None:
            tests.append(any_of([self.audience_field], question.audiences))
        if question.ask_if is not None:
            tests.append(any_of(self.fields[question.ask_if.question], question.ask_if.in_))
        return tests

    def question(self, question: Question) -> None:
        conditions = self.conditions(question)
        if question.heading:
            self.note(f"{question.code}-heading", question.heading, col.HEADING, all_of(conditions))
        audiences: list[str | None] = list(self.q.audience_codes())
        if not _worded_per_audience(_wordings(question, self.q)):
            audiences = [None]
        self.fields[question.code] = []
        lists = self.choice_lists(question, audiences)
        for audience in audiences:
            name = question.code + (f"{col.VARIANT_MARK}{audience}" if audience else "")
            self.fields[question.code].append(name)
            tests = ([any_of([self.audience_field], [audience])] if audience else []) + conditions
            cells: Cells = {col.NAME: name, col.RELEVANT: all_of(tests)}
            cells |= _question_marks(question)
            self.one_wording(question, audience, cells, lists.get(audience) or lists.get(None))

    def choice_lists(
        self, question: Question, audiences: list[str | None]
    ) -> dict[str | None, str]:
        if not isinstance(question, SingleChoiceQuestion):
            return {}
        if not _worded_per_audience(c.label for c in question.choices):
            return {None: self.add_list(question.code, question.choices, None)}
        return {a: self.add_list(f"{question.code}-{a}", question.choices, a) for a in audiences}

    def one_wording(
        self, question: Question, audience: str | None, cells: Cells, choice_list: str | None
    ) -> None:
        text = _word(question.text, audience)
        cells |= _texts(text, question.help)
        if question.required:
            cells[col.REQUIRED] = col.YES
        if isinstance(question, TextQuestion):
            cells |= {col.TYPE: "text", col.CONSTRAINT: length_constraint(question.max_length)}
            cells |= language_columns(
                "constraint_message", f"at most {question.max_length} characters"
            )
            if question.multiline:
                cells[col.APPEARANCE] = "multiline"
            self.survey.append(cells)
        elif isinstance(question, SingleChoiceQuestion):
            self.survey.append(cells | {col.TYPE: f"select_one {choice_list}"})
        elif isinstance(question, NumberQuestion):
            self.survey.append(cells | _number_cells(question))
        elif isinstance(question, GridQuestion):
            lists = self.scale_lists[question.scale]
            scale_list = lists.get(audience) or lists[None]
            self.group(cells, question.stem)
            for row in question.rows:
                self.survey.append(
                    {
                        col.TYPE: f"select_one {scale_list}",
                        col.NAME: row.code,
                        **_texts(_word(row.label, audience)),
                        **({col.REQUIRED: col.YES} if row.required else {}),
                    }
                )
            self.survey.append({col.TYPE: "end group"})
        else:
            self.group(cells | {col.UNIT: question.unit})
            for row in question.rows:
                self.survey.append(
                    {
                        col.NAME: row.code,
                        **_texts(_word(row.label, audience)),
                        **_number_cells(question),
                        **({col.REQUIRED: col.YES} if row.required else {}),
                    }
                )
            self.survey.append({col.TYPE: "end group"})

    def group(self, cells: Cells, stem: str | None = None) -> None:
        self.survey.append(cells | {col.TYPE: "begin group", col.APPEARANCE: "field-list"})
        if stem:
            self.survey.append(
                {col.TYPE: "note", col.NAME: "stem-note", **_texts(stem), col.ROLE: col.STEM}
            )


def _number_cells(question: NumberQuestion | NumbersQuestion) -> Cells:
    low, high = number_text(question.min), number_text(question.max)
    cells = {
        col.TYPE: "integer" if question.integer else "decimal",
        col.CONSTRAINT: bounds_constraint(question.min, question.max),
        **language_columns("constraint_message", f"must be between {low} and {high}"),
    }
    if isinstance(question, NumberQuestion):
        cells[col.UNIT] = question.unit
    return cells


def _question_marks(question: Question) -> Cells:
    cells: Cells = {}
    if question.number is not None:
        cells[col.NUMBER] = question.number
    if question.personal:
        cells[col.PERSONAL] = col.YES
    if question.profile:
        cells[col.PROFILE] = col.YES
    return cells


def _wordings(question: Question, questionnaire: Questionnaire) -> list[Wording]:
    found: list[Wording] = [question.text]
    if isinstance(question, SingleChoiceQuestion):
        found += [c.label for c in question.choices]
    if isinstance(question, GridQuestion | NumbersQuestion):
        found += [r.label for r in question.rows]
    if isinstance(question, GridQuestion):
        found += [c.label for c in questionnaire.scales.get(question.scale, [])]
    return found


def _worded_per_audience(wordings: Iterable[Wording]) -> bool:
    return any(isinstance(w, dict) for w in wordings)
