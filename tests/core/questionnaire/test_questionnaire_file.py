"""questionnaire.yaml holds the whole of Appendix I, in order, with both wordings."""

from __future__ import annotations

from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    LoadedQuestionnaire,
    NumberQuestion,
    NumbersQuestion,
    SingleChoiceQuestion,
    TextQuestion,
)


def grid(loaded: LoadedQuestionnaire, code: str) -> GridQuestion:
    question = loaded.questionnaire.question(code)
    assert isinstance(question, GridQuestion)
    return question


def test_grid_row_counts_match_appendix_one(loaded: LoadedQuestionnaire) -> None:
    counts = {
        code: len(grid(loaded, code).rows) for code in ("q5", "q6", "q7", "q8_statements", "q11")
    }
    assert counts == {"q5": 15, "q6": 11, "q7": 11, "q8_statements": 3, "q11": 15}


def test_q5_rows_in_questionnaire_order_with_asterisks(loaded: LoadedQuestionnaire) -> None:
    rows = grid(loaded, "q5").rows
    assert rows[0].label_for("council") == "Help my organisation to deliver 'better for less'"
    assert rows[-1].label_for("council") == "Help to regenerate our local economy"
    required = {r.code: r.required for r in rows}
    assert sum(required.values()) == 14
    assert [c for c, r in required.items() if not r] == ["accountability"]


def test_scales_carry_the_printed_labels(loaded: LoadedQuestionnaire) -> None:
    q = loaded.questionnaire
    assert [c.label_for("council") for c in q.scale_of(grid(loaded, "q5"))] == [
        "Strongly Disagree",
        "Disagree",
        "Neutral / Don't Know",
        "Agree",
        "Strongly Agree",
    ]
    assert [c.code for c in q.scale_of(grid(loaded, "q6"))] == [
        "not_important",
        "neutral",
        "important",
    ]
    assert [c.code for c in q.scale_of(grid(loaded, "q7"))] == ["yes", "no", "dont_know"]
    assert grid(loaded, "q11").scale == grid(loaded, "q7").scale == "yes_no_dont_know"


def test_free_text_follow_ups(loaded: LoadedQuestionnaire) -> None:
    q = loaded.questionnaire
    for code in ("q5_other", "q6_other", "q7_other", "q11_other"):
        question = q.question(code)
        assert isinstance(question, TextQuestion) and question.multiline
    assert q.question("q11_other").text_for("council") == (
        "What else, if anything, do you feel is holding back digital progress?"
    )


def test_q8_options_and_statements(loaded: LoadedQuestionnaire) -> None:
    q8 = loaded.questionnaire.question("q8")
    assert isinstance(q8, SingleChoiceQuestion)
    assert [c.label_for("council") for c in q8.choices] == [
        "Yes",
        "No, but we intend to create a digital strategy",
        "No, and we have no intention of creating a digital strategy",
    ]
    assert len(grid(loaded, "q8_statements").rows) == 3


def test_q9_percentages_and_q10_amount_only_after_yes(loaded: LoadedQuestionnaire) -> None:
    q = loaded.questionnaire
    q9 = q.question("q9")
    assert isinstance(q9, NumbersQuestion)
    assert (q9.min, q9.max, q9.unit, len(q9.rows)) == (0, 100, "percent", 2)
    amount = q.question("q10_amount")
    assert isinstance(amount, NumberQuestion) and amount.integer and amount.unit == "pounds"
    assert amount.ask_if is not None
    assert (amount.ask_if.question, amount.ask_if.in_) == ("q10", ["yes"])


def test_personal_and_profile_questions(loaded: LoadedQuestionnaire) -> None:
    q = loaded.questionnaire
    assert q.personal_codes() == [
        "q1_name",
        "q2_job_title",
        "q3_organisation",
        "q12_report_copy",
        "q12_prize_draw",
    ]
    role = q.question("role")
    assert isinstance(role, SingleChoiceQuestion) and len(role.choices) == 7
    council_type = q.question("council_type")
    assert isinstance(council_type, SingleChoiceQuestion) and len(council_type.choices) == 8
    size = q.question("supplier_size")
    assert isinstance(size, SingleChoiceQuestion)
    assert [c.code for c in size.choices] == ["large", "medium", "small", "micro"]
    assert size.audiences == ["supplier"] and role.audiences == ["council"]


def test_both_wordings_exist_and_the_supplier_one_is_from_outside(
    loaded: LoadedQuestionnaire,
) -> None:
    q = loaded.questionnaire
    assert q.audience_codes() == ["council", "supplier"]
    ready = grid(loaded, "q8_statements").rows[2]
    assert (
        ready.label_for("council")
        == "My organisation is ready to embrace the opportunities that digital brings"
    )
    assert ready.label_for("supplier") == (
        "Do you think that front line public services are ready to embrace the opportunities "
        "that digital can bring?"
    )
    assert "front line public services" in q.question("q11").text_for("supplier")
    assert "your organisation" in q.question("q11").text_for("council")


def test_every_code_is_unique_within_its_scope(loaded: LoadedQuestionnaire) -> None:
    codes = [question.code for question in loaded.questionnaire.questions]
    assert len(codes) == len(set(codes))
