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
* Every text has a column per language (``label::Cymraeg (cy)``); where the text
  has no translation the cell holds the default language's text, and the row's
  ``localdigital_untranslated`` names such cells (:mod:`.languages`). The settings'
  ``default_language`` names the default language's column; the title's translations
  are in ``localdigital_title::Cymraeg (cy)`` (pyxform has no translated title).
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
)
from localdigital_tui.core.questionnaire.translated import Path, Texts
from localdigital_tui.core.xlsform import columns as col
from localdigital_tui.core.xlsform import languages as lang
from localdigital_tui.core.xlsform.expressions import (
    all_of,
    any_of,
    bounds_constraint,
    length_constraint,
    number_text,
)
from localdigital_tui.core.xlsform.workbook import Sheet, SheetRow, workbook_bytes
from localdigital_tui.errors import XLSFormExportError

Cells = dict[str, str]


def export_form(questionnaire: Questionnaire, texts: Texts | None = None) -> bytes:
    """The questionnaire as the bytes of an .xlsx XLSForm; ``texts``
    (:meth:`Texts.of_loaded`) gives its texts in every language."""
    return workbook_bytes(form_sheets(questionnaire, texts))


def form_sheets(questionnaire: Questionnaire, texts: Texts | None = None) -> list[Sheet]:
    texts = texts or Texts.of(questionnaire)
    exporter = _Exporter(questionnaire, texts)
    exporter.run()
    title = texts.cell(("title",), None)
    settings: Cells = {
        "form_title": questionnaire.title,
        "form_id": questionnaire.id,
        "version": questionnaire.version,
        "default_language": lang.language_name(texts.default),
        **{
            f"{col.TITLE}::{lang.language_name(c)}": t
            for c, t in title.items()
            if c != texts.default
        },
    }
    translated_title = [k for k in settings if k.startswith(f"{col.TITLE}::")]
    return [
        _sheet(col.SURVEY, col.survey_columns(texts.languages), exporter.survey),
        _sheet(col.CHOICES, col.choices_columns(texts.languages), exporter.choices),
        _sheet(col.SETTINGS, [*col.SETTINGS_COLUMNS, *translated_title], [settings]),
    ]


def _sheet(name: str, columns: list[str], rows: Sequence[Cells]) -> Sheet:
    return Sheet(name, columns, [SheetRow(i, col.marked(c)) for i, c in enumerate(rows, start=2)])


class _Exporter:
    def __init__(self, questionnaire: Questionnaire, texts: Texts) -> None:
        self.q = questionnaire
        self.t = texts
        self.survey: list[Cells] = []
        self.choices: list[Cells] = []
        self.list_names: set[str] = set()
        self.fields: dict[str, list[str]] = {}  # question code -> its field names
        self.audience_field = questionnaire.audience_question.code
        self.scale_lists: dict[str, dict[str | None, str]] = {}
        self.notes: list[str] = []  # names of the notes outside groups

    def texts(self, label: Path, audience: str | None = None, hint: Path | None = None) -> Cells:
        """The label (and hint) cells of the texts at these paths, in every language."""
        hints = self.cells("hint", self.t.cell(hint, audience)) if hint is not None else {}
        return self.cells("label", self.t.cell(label, audience)) | hints

    def cells(self, column: str, texts: dict[str, str]) -> Cells:
        return lang.language_columns(column, texts, self.t.languages, self.t.default)

    def message(self, text: str) -> Cells:
        """A constraint message the export makes up (in the default language, so copied)."""
        return self.cells("constraint_message", {self.t.default: text})

    def run(self) -> None:
        for scale, choices in self.q.scales.items():
            at: Path = ("scales", scale)
            worded = self.per_audience([(*at, k, "label") for k in range(len(choices))])
            self.scale_lists[scale] = {
                audience: self.add_list(
                    scale + (f"-{audience}" if audience else ""), at, choices, audience
                )
                for audience in (self.q.audience_codes() if worded else [None])
            }
        audiences = [Choice(code=a.code, label=a.label) for a in self.q.audiences]
        audience_list = self.add_list(self.audience_field, ("audiences",), audiences, None)
        if self.q.heading:
            self.note("form-heading", ("heading",), col.FORM_HEADING)
        if self.q.introduction:
            self.note("form-introduction", ("introduction",), col.INTRODUCTION)
        self.survey.append(
            {
                col.TYPE: f"select_one {audience_list}",
                col.NAME: self.audience_field,
                **self.texts(("audience_question", "text")),
                col.REQUIRED: col.YES,
                col.ROLE: col.AUDIENCE_QUESTION,
            }
        )
        for index, question in enumerate(self.q.questions):
            self.question(("questions", index), question)
        # Only top-level names can meet (a group's members are named inside the group).
        top = [self.audience_field, *self.notes, *(n for ns in self.fields.values() for n in ns)]
        clashes = sorted({n for n in top if top.count(n) > 1})
        if clashes:
            raise XLSFormExportError(
                f"questionnaire {self.q.id}: XLSForm names {', '.join(clashes)} would be used "
                "twice (an audience code that is also a suffix such as 'heading'?)"
            )

    def per_audience(self, paths: Iterable[Path]) -> bool:
        return any(self.t.per_audience(path) for path in paths)

    def add_list(
        self, wanted: str, at: Path, choices: Sequence[Choice], audience: str | None
    ) -> str:
        """A list of the choices at ``at`` (a scale, a question's choices, the audiences),
        in ``audience``'s words."""
        name = wanted
        while name in self.list_names:
            name += "_choices"
        self.list_names.add(name)
        for k, choice in enumerate(choices):
            self.choices.append(
                {
                    col.LIST_NAME: name,
                    col.NAME: choice.code,
                    **self.texts((*at, k, "label"), audience),
                }
            )
        return name

    def note(self, name: str, at: Path, role: str, relevant: str = "") -> None:
        self.notes.append(name)
        cells = {col.TYPE: "note", col.NAME: name, **self.texts(at), col.ROLE: role}
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

    def question(self, at: Path, question: Question) -> None:
        conditions = self.conditions(question)
        if question.heading:
            self.note(f"{question.code}-heading", (*at, "heading"), col.HEADING, all_of(conditions))
        audiences: list[str | None] = list(self.q.audience_codes())
        if not self.per_audience(_wording_paths(at, question, self.q)):
            audiences = [None]
        self.fields[question.code] = []
        lists = self.choice_lists(at, question, audiences)
        for audience in audiences:
            name = question.code + (f"{col.VARIANT_MARK}{audience}" if audience else "")
            self.fields[question.code].append(name)
            tests = ([any_of([self.audience_field], [audience])] if audience else []) + conditions
            cells: Cells = {col.NAME: name, col.RELEVANT: all_of(tests)}
            cells |= _question_marks(question)
            choice_list = lists.get(audience) or lists.get(None)
            self.one_wording(at, question, audience, cells, choice_list)

    def choice_lists(
        self, at: Path, question: Question, audiences: list[str | None]
    ) -> dict[str | None, str]:
        if not isinstance(question, SingleChoiceQuestion):
            return {}
        at, choices = (*at, "choices"), question.choices
        if not self.per_audience((*at, k, "label") for k in range(len(choices))):
            return {None: self.add_list(question.code, at, choices, None)}
        return {a: self.add_list(f"{question.code}-{a}", at, choices, a) for a in audiences}

    def one_wording(
        self,
        at: Path,
        question: Question,
        audience: str | None,
        cells: Cells,
        choice_list: str | None,
    ) -> None:
        help_at = (*at, "help") if question.help else None
        cells |= self.texts((*at, "text"), audience, help_at)
        if question.required:
            cells[col.REQUIRED] = col.YES
        if isinstance(question, TextQuestion):
            cells |= {col.TYPE: "text", col.CONSTRAINT: length_constraint(question.max_length)}
            cells |= self.message(f"at most {question.max_length} characters")
            if question.multiline:
                cells[col.APPEARANCE] = "multiline"
            self.survey.append(cells)
        elif isinstance(question, SingleChoiceQuestion):
            self.survey.append(cells | {col.TYPE: f"select_one {choice_list}"})
        elif isinstance(question, NumberQuestion):
            self.survey.append(cells | self.number_cells(question))
        elif isinstance(question, GridQuestion):
            lists = self.scale_lists[question.scale]
            scale_list = lists.get(audience) or lists[None]
            self.group(cells, (*at, "stem") if question.stem else None)
            for k, row in enumerate(question.rows):
                self.survey.append(
                    {
                        col.TYPE: f"select_one {scale_list}",
                        col.NAME: row.code,
                        **self.texts((*at, "rows", k, "label"), audience),
                        **({col.REQUIRED: col.YES} if row.required else {}),
                    }
                )
            self.survey.append({col.TYPE: "end group"})
        else:
            self.group(cells | {col.UNIT: question.unit})
            for k, row in enumerate(question.rows):
                self.survey.append(
                    {
                        col.NAME: row.code,
                        **self.texts((*at, "rows", k, "label"), audience),
                        **self.number_cells(question),
                        **({col.REQUIRED: col.YES} if row.required else {}),
                    }
                )
            self.survey.append({col.TYPE: "end group"})

    def group(self, cells: Cells, stem: Path | None = None) -> None:
        self.survey.append(cells | {col.TYPE: "begin group", col.APPEARANCE: "field-list"})
        if stem is not None:
            self.survey.append(
                {col.TYPE: "note", col.NAME: "stem-note", **self.texts(stem), col.ROLE: col.STEM}
            )

    def number_cells(self, question: NumberQuestion | NumbersQuestion) -> Cells:
        low, high = number_text(question.min), number_text(question.max)
        cells = {
            col.TYPE: "integer" if question.integer else "decimal",
            col.CONSTRAINT: bounds_constraint(question.min, question.max),
            **self.message(f"must be between {low} and {high}"),
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


def _wording_paths(at: Path, question: Question, questionnaire: Questionnaire) -> list[Path]:
    """Where the texts are that make a question worded per audience if one of them is."""
    found: list[Path] = [(*at, "text")]
    if isinstance(question, SingleChoiceQuestion):
        found += [(*at, "choices", k, "label") for k in range(len(question.choices))]
    if isinstance(question, GridQuestion | NumbersQuestion):
        found += [(*at, "rows", k, "label") for k in range(len(question.rows))]
    if isinstance(question, GridQuestion):
        scale = questionnaire.scales.get(question.scale, [])
        found += [("scales", question.scale, k, "label") for k in range(len(scale))]
    return found
