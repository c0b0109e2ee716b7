"""Hand-written XLSForms: what maps becomes the questionnaire, what does not is listed
with its sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    TextQuestion,
)
from localdigital_tui.core.xlsform.import_form import ImportedForm, import_form
from localdigital_tui.errors import XLSFormError
from tests.xlsform_forms import AUDIENCE_CHOICES, AUDIENCE_ROW, LABEL, write_form

COLOURS = [
    {"list_name": "colour", "name": "red", LABEL: "Red"},
    {"list_name": "colour", "name": "blue", LABEL: "Blue"},
]
AGREE = [
    {"list_name": "agree", "name": "agree", LABEL: "Agree"},
    {"list_name": "agree", "name": "disagree", LABEL: "Disagree"},
]


def imported(tmp_path: Path, survey: list[dict[str, str]], choices: list[dict[str, str]] = (),
             **settings: str) -> ImportedForm:  # type: ignore[assignment]  # fmt: skip
    form = write_form(tmp_path / "form.xlsx", survey, [*AUDIENCE_CHOICES, *choices],
                      settings or None)  # fmt: skip
    return import_form(form)


def messages(form: ImportedForm) -> list[str]:
    return [str(p) for p in form.problems]


def test_a_hand_written_form_maps_to_a_questionnaire(tmp_path: Path) -> None:
    form = imported(tmp_path, [
        AUDIENCE_ROW,
        {"type": "select_one colour", "name": "colour", LABEL: "Favourite colour?",
         "required": "yes"},
        {"type": "integer", "name": "age", LABEL: "Age?", "constraint": ". >= 16 and . <= 99",
         "relevant": "${colour} = 'red' and ${respondent_type} = 'council'"},
        {"type": "text", "name": "why", "label": "Why?", "appearance": "multiline",
         "hint": "A sentence or two"},
        {"type": "begin_group", "name": "views", LABEL: "Your views"},
        {"type": "select_one agree", "name": "fast", LABEL: "It is fast", "required": "TRUE"},
        {"type": "select_one agree", "name": "cheap", LABEL: "It is cheap"},
        {"type": "end_group"},
    ], COLOURS + AGREE, form_id="hand_made", version="3", form_title="Hand made")  # fmt: skip
    assert messages(form) == []
    q = form.questionnaire
    assert (q.id, q.version, q.title) == ("hand_made", "3", "Hand made")
    assert [a.code for a in q.audiences] == ["council", "supplier"]
    colour, age, why, views = q.questions
    assert isinstance(colour, SingleChoiceQuestion) and colour.required
    assert colour.choice_codes() == ["red", "blue"]
    assert isinstance(age, NumberQuestion) and age.integer and (age.min, age.max) == (16, 99)
    assert age.audiences == ["council"]
    assert age.ask_if is not None and (age.ask_if.question, age.ask_if.in_) == ("colour", ["red"])
    assert isinstance(why, TextQuestion) and why.multiline and why.help == "A sentence or two"
    assert isinstance(views, GridQuestion) and views.scale == "agree"
    assert [(r.code, r.required) for r in views.rows] == [("fast", True), ("cheap", False)]
    assert "agree" in q.scales and "colour" not in q.scales


def test_an_unknown_type_is_listed_with_its_row_and_left_out(tmp_path: Path) -> None:
    form = imported(tmp_path, [
        AUDIENCE_ROW,
        {"type": "geopoint", "name": "where", LABEL: "Where are you?"},
        {"type": "text", "name": "why", LABEL: "Why?"},
    ])  # fmt: skip
    (problem,) = form.problems
    assert (problem.location.sheet, problem.location.row, problem.location.column) == (
        "survey",
        3,
        "type",
    )
    assert "unknown question type 'geopoint'" in problem.message
    assert str(problem).startswith(f"{tmp_path / 'form.xlsx'}: sheet survey, row 3, column type:")
    assert [x.code for x in form.questionnaire.questions] == ["why"]


def test_a_missing_list_is_listed_and_the_question_left_out(tmp_path: Path) -> None:
    form = imported(tmp_path, [
        AUDIENCE_ROW,
        {"type": "text", "name": "why", LABEL: "Why?"},
        {"type": "select_one colours", "name": "colour", LABEL: "Colour?"},
    ], COLOURS)  # fmt: skip
    assert messages(form) == [
        f"{tmp_path / 'form.xlsx'}: sheet survey, row 4, column type: list 'colours' is not on "
        "the choices sheet; question left out"
    ]
    assert [x.code for x in form.questionnaire.questions] == ["why"]


@pytest.mark.parametrize(
    ("relevant", "words"),
    [
        ("${colour} > 'red'", "cannot read \"> 'red'\""),
        ("${nobody} = 'x'", "${nobody} is not an earlier question"),
        ("${colour} = 'green'", "'green' is not a choice of colour"),
        ("${why} = 'x'", "${why} is not a single-choice question"),
        ("${respondent_type} = 'martian'", "'martian' is not a respondent type"),
        ("${colour} = 'red' or ${colour} = 'blue' and ${why} = 'x'", "must be in brackets"),
        ("${colour} = 'red' and", "expected more at the end"),
    ],
)
def test_a_relevant_that_cannot_be_mapped_is_listed_and_left_out(
    tmp_path: Path, relevant: str, words: str
) -> None:
    form = imported(tmp_path, [
        AUDIENCE_ROW,
        {"type": "select_one colour", "name": "colour", LABEL: "Colour?"},
        {"type": "text", "name": "why", LABEL: "Why?"},
        {"type": "text", "name": "more", LABEL: "More?", "relevant": relevant},
    ], COLOURS)  # fmt: skip
    (problem,) = form.problems
    assert (problem.location.row, problem.location.column) == (5, "relevant")
    assert words in problem.message and "left out" in problem.message
    more = form.questionnaire.question("more")
    assert more.ask_if is None and more.audiences is None


def test_other_unmappable_rows_each_say_where_they_are(tmp_path: Path) -> None:
    form = imported(tmp_path, [
        AUDIENCE_ROW,
        {"type": "start", "name": "started"},
        {"type": "note", "name": "hello", LABEL: "Hello"},
        {"type": "text", "name": "Bad Name", LABEL: "?"},
        {"type": "integer", "name": "count", LABEL: "How many?"},
        {"type": "text", "name": "why", LABEL: "Why?", "calculation": "1 + 1"},
        {"type": "text", "name": "why", LABEL: "Why again?"},
        {"type": "begin repeat", "name": "people"},
        {"type": "text", "name": "person", LABEL: "Name?"},
        {"type": "end repeat"},
        {"type": "text", "name": "q8-council", LABEL: "Council only wording"},
    ], [{"list_name": "colour", "name": "Red!", LABEL: "Red"}])  # fmt: skip
    found = {(p.location.sheet, p.location.row, p.location.column): p.message
             for p in form.problems}  # fmt: skip
    assert "a start row holds no question" in found["survey", 3, "type"]
    assert "a note" in found["survey", 4, "type"]
    assert "'Bad Name' is not a question code" in found["survey", 5, "name"]
    assert "a number needs its bounds" in found["survey", 6, "constraint"]
    assert "the questionnaire has no place for it" in found["survey", 1, "calculation"]
    assert "is in the form twice" in found["survey", 8, "name"]
    assert "a repeat cannot be mapped" in found["survey", 9, "type"]
    assert "no wording for supplier" in found["survey", 12, "name"]
    assert "'Red!' is not a code" in found["choices", 4, "name"]
    assert [q.code for q in form.questionnaire.questions] == ["why"]


def test_a_form_without_a_respondent_type_is_put_to_one_audience(tmp_path: Path) -> None:
    path = write_form(tmp_path / "plain.xlsx", [{"type": "text", "name": "why", "label": "Why?"}])
    form = import_form(path)
    (problem,) = form.problems
    assert "no respondent type" in problem.message and problem.location.column == "localdigital"
    assert [a.code for a in form.questionnaire.audiences] == ["everyone"]


def test_language_columns_are_the_questionnaires_languages(tmp_path: Path) -> None:
    form = imported(tmp_path, [
        {**AUDIENCE_ROW, "label::Cymraeg (cy)": "Pwy ydych chi?"},
        {"type": "text", "name": "why", LABEL: "Why?", "label::Cymraeg (cy)": "Pam?",
         "hint::English (en)": "A line", "hint::Cymraeg (cy)": "Llinell"},
        {"type": "text", "name": "more", LABEL: "More?"},
        {"type": "text", "name": "same", LABEL: "OK?", "label::Cymraeg (cy)": "OK?"},
    ], form_id="hand_made", version="1", form_title="Hand made",
       default_language="English (en)")  # fmt: skip
    assert messages(form) == []
    q = form.questionnaire
    assert (q.languages, q.default_language) == (["en", "cy"], "en")
    welsh = form.translations["cy"]
    assert welsh.question("why").text == "Pam?" and welsh.question("why").help == "Llinell"
    assert welsh.audience_question.text == "Pwy ydych chi?"
    assert welsh.question("more").text == "More?"  # not translated: the default's text
    # No localdigital_untranslated column: a filled cell is a translation, even the same text.
    assert welsh.question("same").text == "OK?"
    assert "questions[2].text" not in {p.location.field for p in form.gaps["cy"]}
    assert "text:\n      en: Why?\n      cy: Pam?\n" in form.yaml_text
    # Not translated: 'More?', the title, the two audiences and the (empty) introduction.
    assert len(form.gaps["cy"]) == 5


def test_a_language_column_without_a_code_is_reported(tmp_path: Path) -> None:
    form = imported(tmp_path, [
        AUDIENCE_ROW,
        {"type": "text", "name": "why", LABEL: "Why?", "label::Old Norse": "Hví?"},
    ])  # fmt: skip
    (problem,) = form.problems
    assert problem.location.column == "label::Old Norse" and "not carried over" in problem.message
    assert form.questionnaire.question("why").text == "Why?" and form.translations == {}


def test_a_form_with_nothing_usable_is_an_error_listing_everything(tmp_path: Path) -> None:
    path = write_form(tmp_path / "form.xlsx", [
        AUDIENCE_ROW, {"type": "geopoint", "name": "where", LABEL: "Where?"},
    ], AUDIENCE_CHOICES)  # fmt: skip
    with pytest.raises(XLSFormError) as caught:
        import_form(path)
    assert caught.value.summary == f"{path}: no question in it could be mapped"
    assert [p.location.row for p in caught.value.problems] == [3]


def test_a_workbook_without_a_survey_sheet_or_not_a_workbook_is_an_error(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "answers"
    book.save(tmp_path / "other.xlsx")
    with pytest.raises(XLSFormError, match="no survey sheet") as caught:
        import_form(tmp_path / "other.xlsx")
    assert "sheets: answers" in str(caught.value.problems[0])
    (tmp_path / "text.xlsx").write_text("type,name\ntext,why\n")
    with pytest.raises(XLSFormError, match="not an XLSForm workbook") as caught:
        import_form(tmp_path / "text.xlsx")
    assert "not an .xlsx workbook" in str(caught.value.problems[0])


CY = "label::Cymraeg (cy)"
MARK = "localdigital_untranslated"


def test_a_cell_named_untranslated_is_read_as_not_translated(tmp_path: Path) -> None:
    form = imported(tmp_path, [
        {**AUDIENCE_ROW, CY: "Pwy ydych chi?"},
        {"type": "text", "name": "why", LABEL: "Why?", CY: "Why?", "hint::English (en)": "A line",
         "hint::Cymraeg (cy)": "Llinell", MARK: "label::Cymraeg (cy)"},
        {"type": "text", "name": "more", LABEL: "More?", CY: "More?", "hint::English (en)": "Hm",
         "hint::Cymraeg (cy)": "Hm", MARK: "label::Cymraeg (cy)   hint::cy"},
        {"type": "text", "name": "same", LABEL: "OK?", CY: "OK?"},  # translated the same
    ], [{"list_name": "colour", "name": "red", LABEL: "Red", CY: "Red", MARK: CY},
        {"list_name": "colour", "name": "blue", LABEL: "Blue", CY: "Glas"}],
       form_id="hand_made", version="1", form_title="Hand made")  # fmt: skip
    assert messages(form) == []
    welsh = form.translations["cy"]
    assert welsh.question("why").text == "Why?" and welsh.question("why").help == "Llinell"
    assert welsh.question("more").help == "Hm" and welsh.question("same").text == "OK?"
    gaps = {p.location.field for p in form.gaps["cy"]}
    assert {"questions[0].text", "questions[1].text", "questions[1].help"} <= gaps
    assert "questions[2].text" not in gaps and "questions[0].help" not in gaps
    assert "scales.colour[0].label" in gaps and "scales.colour[1].label" not in gaps
    assert "text:\n      en: Why?\n      cy: Why?" not in form.yaml_text


def test_a_mark_that_names_no_copy_is_a_located_warning(tmp_path: Path) -> None:
    form = imported(
        tmp_path,
        [
            {**AUDIENCE_ROW, CY: "Pwy ydych chi?"},
            {"type": "text", "name": "a", LABEL: "A?", CY: "A?", MARK: "label::Français (fr)"},
            {
                "type": "text",
                "name": "b",
                LABEL: "B?",
                CY: "B?",
                MARK: "label::cy hint::Cymraeg (cy)",
            },
            {"type": "text", "name": "c", LABEL: "C?", CY: "C?", MARK: "label::English (en)"},
            {"type": "text", "name": "d", LABEL: "D?", CY: "D?", MARK: "yes"},
            {"type": "text", "name": "e", LABEL: "E?", CY: "Beth?", MARK: CY},
        ],
        [{"list_name": "colour", "name": "red", LABEL: "Red", CY: "Coch", MARK: "name::cy"}],
    )
    found = {(p.location.sheet, p.location.row, p.location.column): p.message
             for p in form.problems}  # fmt: skip
    assert set(found) == {("survey", row, MARK) for row in (3, 4, 5, 6, 7)} | {("choices", 4, MARK)}
    assert (
        "'Français (fr)' is not one of the form's languages (Cymraeg (cy))"
        in found["survey", 3, MARK]
    )
    assert "'hint::Cymraeg (cy)': the row has no text in that column" in found["survey", 4, MARK]
    assert "the default language's own column" in found["survey", 5, MARK]
    assert "'yes' is not a language column" in found["survey", 6, MARK]
    assert "read as a translation" in found["survey", 7, MARK]
    assert "'name::cy' is not a language column" in found["choices", 4, MARK]
    assert str(form.problems[0]).startswith(
        f"{tmp_path / 'form.xlsx'}: sheet survey, row 3, column {MARK}:"
    )
    # The import goes on: an ignored name leaves the cell as it is (here, translated).
    welsh = form.translations["cy"]
    assert [welsh.question(c).text for c in "acde"] == ["A?", "C?", "D?", "Beth?"]
    gaps = {p.location.field for p in form.gaps["cy"]}  # b's label::cy was a good name
    assert "questions[1].text" in gaps and "questions[0].text" not in gaps
    assert welsh.question("b").text == "B?"  # a gap: the default's text
