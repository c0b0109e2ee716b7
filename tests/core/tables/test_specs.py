"""The table definitions agree with the questionnaire and never name personal data."""

from __future__ import annotations

from localdigital_tui.commands import tables as command
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    LoadedQuestionnaire,
    NumberQuestion,
    NumbersQuestion,
    SingleChoiceQuestion,
)
from localdigital_tui.core.tables.specs import TABLE_IDS, TABLES, Layout

REPORT_TABLES = {"4.role", "4.supplier_size", "5.1", "5.2", "5.3", "5.4", "5.4b", "5.5", "5.6"}
REPORT_TABLES |= {"5.6b", "5.6c"}


def test_the_eleven_report_tables_are_all_defined() -> None:
    assert set(TABLE_IDS) >= REPORT_TABLES
    assert len(TABLE_IDS) == len(set(TABLE_IDS)) == 12  # plus 4.council_type
    assert command.TABLE_IDS == TABLE_IDS  # the CLI's copy (it may not import core)


def test_no_table_names_a_personal_question(loaded: LoadedQuestionnaire) -> None:
    personal = set(loaded.questionnaire.personal_codes())
    assert personal == {
        "q1_name",
        "q2_job_title",
        "q3_organisation",
        "q12_report_copy",
        "q12_prize_draw",
    }
    for spec in TABLES:
        assert spec.question not in personal


def test_rows_columns_and_nets_are_codes_of_the_questionnaire(loaded: LoadedQuestionnaire) -> None:
    q = loaded.questionnaire
    for spec in TABLES:
        question = q.question(spec.question)
        if spec.layout is Layout.GRID:
            assert isinstance(question, GridQuestion)
            rows = {r.code for r in question.rows}
            choices = {c.code for c in q.scale_of(question)}
            assert set(spec.report_rows) == rows, spec.id  # every row, as printed
        elif spec.layout is Layout.CHOICE:
            assert isinstance(question, SingleChoiceQuestion)
            rows = choices = set(question.choice_codes())
            assert set(spec.report_rows) == rows, spec.id
        else:
            assert isinstance(question, NumbersQuestion | NumberQuestion)
            rows = (
                {r.code for r in question.rows} if isinstance(question, NumbersQuestion) else {""}
            )
            choices = set()
            assert set(spec.report_rows) == rows, spec.id
        assert spec.sort_by is None or spec.sort_by in choices
        for net in spec.nets:
            assert set(net.choices) <= choices, (spec.id, net.code)


def test_printed_titles_come_from_the_questionnaire(loaded: LoadedQuestionnaire) -> None:
    q = loaded.questionnaire
    titles = {s.id: s.title or q.question(s.question).text_for("council") for s in TABLES}
    assert titles["5.3"] == "Who is leading on Digital within your organisation?"
    assert titles["5.6c"].startswith("What do you think is holding back 'Digital'")
