"""An XLSForm read back into the questionnaire, with every row it could not map.

The reverse of :mod:`.export`: the settings give the id, version and title; the
notes marked ``form_heading`` and ``introduction`` the heading and introduction;
the row marked ``audience_question`` the respondent type and its list the
audiences; each question row or group a question (an audience's wording,
``CODE-AUDIENCE``, is merged with the others into ``{audience: text}``); lists
no single-choice question uses are the scales. A form with no question that can
be mapped is an :class:`XLSFormError`. Its language columns are the questionnaire's
languages (:mod:`.form_languages`); an empty cell is a text not translated, and so
is a cell the row's ``localdigital_untranslated`` names (:mod:`.untranslated`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from localdigital_tui.core.questionnaire.loader import parse_languages
from localdigital_tui.core.questionnaire.model import Question, Questionnaire
from localdigital_tui.core.questionnaire.translated import ByLanguage
from localdigital_tui.core.questionnaire.writer import tree_yaml
from localdigital_tui.core.xlsform import columns as col
from localdigital_tui.core.xlsform.choice_lists import ChoiceList, choice_lists, scales_from
from localdigital_tui.core.xlsform.conditions import EarlierQuestions, read_condition
from localdigital_tui.core.xlsform.form_languages import (
    DEFAULT,
    FormLanguages,
    file_tree,
    in_default,
    read_languages,
)
from localdigital_tui.core.xlsform.import_questions import Part, PartReader
from localdigital_tui.core.xlsform.languages import language_code
from localdigital_tui.core.xlsform.merge_wordings import merge_wordings
from localdigital_tui.core.xlsform.survey_items import (
    NOT_QUESTIONS,
    QUESTION_TYPES,
    Item,
    Problems,
    row_text,
    survey_items,
)
from localdigital_tui.core.xlsform.untranslated import drop_copies
from localdigital_tui.core.xlsform.workbook import Sheet, read_workbook
from localdigital_tui.errors import Problem, QuestionnaireError, SheetProblem, XLSFormError

_QUESTION = TypeAdapter(Question)
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True, slots=True)
class ImportedForm:
    questionnaire: Questionnaire  # in the default language
    yaml_text: str
    problems: list[SheetProblem]
    translations: dict[str, Questionnaire]  # as LoadedQuestionnaire's (empty: no languages)
    gaps: dict[str, list[Problem]]  # language -> texts not translated (in yaml_text)


def import_form(path: Path) -> ImportedForm:
    """Read the XLSForm at ``path``; what cannot be mapped is in ``problems``."""
    sheets = read_workbook(path)
    problems = Problems(str(path))
    survey = sheets.get(col.SURVEY)
    if survey is None:
        problems.add(col.SURVEY, None, f"no survey sheet (sheets: {', '.join(sheets) or 'none'})")
        raise XLSFormError(path, problems.found, "not an XLSForm (no survey sheet)")
    languages = read_languages(sheets)
    drop_copies(sheets, languages, problems)
    lists = choice_lists(sheets.get(col.CHOICES), problems)
    data = _settings(sheets.get(col.SETTINGS), path, problems, languages)
    items = survey_items(sheets[col.SURVEY], problems)
    reader = _FormReader(lists, problems)
    data |= reader.read(items)
    if not data["questions"]:
        raise XLSFormError(path, problems.found, "no question in it could be mapped")
    try:
        Questionnaire.model_validate(in_default(data))
        tree = file_tree(data, languages, [a["code"] for a in data["audiences"]])
        if languages.declared:
            tree = {"languages": languages.codes, "default_language": languages.default} | tree
        text = tree_yaml(tree, f"Imported from {path.name} (an XLSForm).")
        parsed = parse_languages(text, str(path.with_suffix(".yaml")))
    except ValidationError as exc:
        found = [f"{_dotted(e['loc'])}: {e['msg']}" for e in exc.errors(include_url=False)]
        raise _invalid(path, problems, found) from None
    except QuestionnaireError as exc:
        found = [f"{p.location.field or 'questionnaire'}: {p.message}" for p in exc.problems]
        raise _invalid(path, problems, found) from None
    return ImportedForm(
        parsed.questionnaire, text, problems.found, parsed.translations, parsed.gaps
    )


def _dotted(path: tuple[int | str, ...]) -> str:
    return ".".join(map(str, path))


def _invalid(path: Path, problems: Problems, found: list[str]) -> XLSFormError:
    for message in found:
        problems.add(col.SURVEY, None, f"the questionnaire made of it: {message}")
    return XLSFormError(path, problems.found, "no valid questionnaire can be made of it")


def _settings(
    sheet: Sheet | None, path: Path, problems: Problems, languages: FormLanguages
) -> dict[str, Any]:
    row = sheet.rows[0].cells if sheet is not None and sheet.rows else {}
    number = sheet.rows[0].number if sheet is not None and sheet.rows else None
    form_id = row.get("form_id", "").strip()
    if not _ID.match(form_id):
        stem = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-_") or "form"
        problems.add(
            col.SETTINGS,
            number,
            f"form_id {form_id!r} is not a questionnaire id (lower"
            f" case letters, digits, - and _); {stem!r} is used",
            "form_id",
        )
        form_id = stem
    version, title = row.get("version", ""), row.get("form_title", "")
    titles = {DEFAULT: title if title.strip() else form_id}
    for header, text in row.items():
        column, sep, name = header.partition("::")
        code = language_code(name) if column == col.TITLE and sep else None
        if code is not None and code != languages.default and text.strip():
            titles[code] = text
    return {"id": form_id, "version": version if version.strip() else "1", "title": titles}


class _FormReader:
    def __init__(self, lists: dict[str, ChoiceList], problems: Problems) -> None:
        self.lists = lists
        self.problems = problems

    def report(self, item: Item, message: str, column: str | None = col.TYPE) -> None:
        self.problems.add(col.SURVEY, item.row.number, message, column)

    def read(self, items: list[Item]) -> dict[str, Any]:
        data: dict[str, Any] = {"introduction": {DEFAULT: ""}}
        marked = [i for i in items if i.role == col.AUDIENCE_QUESTION and i.kind == "select_one"]
        audience_list = self.lists.get(marked[0].argument) if marked else None
        if audience_list is None or not audience_list.choices:
            self.problems.add(
                col.SURVEY,
                marked[0].row.number if marked else None,
                "no respondent type: no select_one row of a known list is marked "
                "audience_question in column localdigital; every question is put"
                " to one audience, 'everyone'",
                col.ROLE,
            )
            data["audience_question"] = {
                "code": "respondent_type",
                "text": {DEFAULT: "Respondent type"},
            }
            data["audiences"] = [{"code": "everyone", "label": {DEFAULT: "Everyone"}}]
            audience_field, used = "respondent_type", set()
        else:
            audience_field, used = marked[0].name, {audience_list.name}
            data["audience_question"] = {
                "code": audience_field,
                "text": row_text(marked[0].row, "label"),
            }
            data["audiences"] = [
                {"code": c["code"], "label": c["label"]} for c in audience_list.choices
            ]
        audiences = [a["code"] for a in data["audiences"]]
        parts = self.parts(items, data, marked[:1])
        used |= {p.choice_list for p in parts if p.choice_list}
        data["scales"] = scales_from(self.lists, used, audiences, self.problems)
        earlier = EarlierQuestions(audience_field, audiences)
        data["questions"] = self.questions(parts, earlier, data["scales"])
        return data

    def parts(self, items: list[Item], data: dict[str, Any], audience: list[Item]) -> list[Part]:
        reader = PartReader(self.lists, [a["code"] for a in data["audiences"]], self.problems)
        parts: list[Part] = []
        heading: ByLanguage | None = None
        for item in items:
            if item in audience:
                continue
            if item.kind == "note":
                text = row_text(item.row, "label")
                if item.role == col.FORM_HEADING:
                    data["heading"] = text
                elif item.role == col.INTRODUCTION:
                    data["introduction"] = text
                elif item.role == col.HEADING:
                    heading = text
                else:
                    self.report(
                        item,
                        "not carried over: a note (the questionnaire keeps only "
                        "notes marked form_heading, introduction, heading or stem in "
                        "column localdigital)",
                    )
            elif item.kind in QUESTION_TYPES or item.kind == "begin group":
                part = reader.part(item)
                if part is not None:
                    part.heading, heading = heading, None
                    parts.append(part)
            elif item.kind in NOT_QUESTIONS:
                self.report(item, f"not carried over: a {item.kind} row holds no question")
            else:
                known = ", ".join([*QUESTION_TYPES, "note", "begin group", "end group"])
                self.report(
                    item,
                    f"unknown question type {item.row.get(col.TYPE)!r} (the "
                    f"questionnaire maps {known}); left out",
                )
        return parts

    def questions(
        self, parts: list[Part], earlier: EarlierQuestions, scales: dict[str, Any]
    ) -> list[dict[str, Any]]:
        questions: list[dict[str, Any]] = []
        at = 0
        while at < len(parts):
            first = parts[at]
            copies = [first]
            at += 1
            while first.variant and at < len(parts) and parts[at].code == first.code:
                copies.append(parts[at])
                at += 1
            question = self.question(copies, earlier, scales)
            if question is None:
                continue
            questions.append(question)
            for part in copies:
                earlier.fields[part.item.name] = first.code
            is_single = question["kind"] == "single_choice"
            earlier.choices[first.code] = (
                [c["code"] for c in question["choices"]] if is_single else None
            )
        return questions

    def question(
        self, copies: list[Part], earlier: EarlierQuestions, scales: dict[str, Any]
    ) -> dict[str, Any] | None:
        first = copies[0]
        if first.code in earlier.choices or first.code == earlier.audience_field:
            self.report(
                first.item,
                f"question {first.code!r} is in the form twice; the second is left out",
                col.NAME,
            )
            return None
        data, why = merge_wordings(copies, earlier.audiences)
        if data is None:
            self.report(first.item, f"question {first.code!r}: {why}; left out", col.NAME)
            return None
        conditions = [
            read_condition(
                p.item.row.get(col.RELEVANT), p.item.row.number, p.variant, earlier, self.problems
            )
            for p in copies
        ]
        if any(c != conditions[0] for c in conditions):
            self.report(
                first.item,
                "the audiences' wordings are not asked under the same "
                "conditions; the first one's are used",
                col.RELEVANT,
            )
        if conditions[0].audiences is not None:
            data["audiences"] = conditions[0].audiences
        if conditions[0].ask_if is not None:
            data["ask_if"] = conditions[0].ask_if
        if first.heading is not None:
            data["heading"] = first.heading
        if data["kind"] == "grid" and data["scale"] not in scales:
            self.report(
                first.item,
                f"grid {first.code!r}: its scale {data['scale']!r} could not be read; left out",
            )
            return None
        try:
            _QUESTION.validate_python(in_default(data))
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                where = ".".join(str(p) for p in error["loc"][1:])
                self.report(
                    first.item, f"question {first.code!r}: {where}: {error['msg']}; left out", None
                )
            return None
        return data
