"""The interview flow: order, skip rules, answers, back/forward, missing items, records."""

from __future__ import annotations

import pytest

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.flow_state import flow_from_state, flow_state
from localdigital_tui.core.questionnaire.model import GridQuestion, LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.validation import RecordValidator
from localdigital_tui.errors import AnswerError, FlowError


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def answer_required_q5(flow: InterviewFlow, value: str = "agree") -> None:
    q5 = flow.questionnaire.question("q5")
    assert isinstance(q5, GridQuestion)
    for row in q5.rows:
        if row.required:
            flow.answer_row("q5", row.code, value)


def test_audience_decides_the_questions_and_their_wording(loaded: LoadedQuestionnaire) -> None:
    council = InterviewFlow(loaded, "council")
    supplier = InterviewFlow(loaded, "supplier")
    council_codes = [q.code for q in council.asked]
    supplier_codes = [q.code for q in supplier.asked]
    assert "role" in council_codes and "role" not in supplier_codes
    assert "supplier_size" in supplier_codes and "council_type" not in supplier_codes
    assert "q9" not in supplier_codes
    q7 = loaded.questionnaire.question("q7")
    assert council.text(q7) == "Who is leading on Digital within your organisation?"
    assert "front line public service organisations" in supplier.text(q7)


def test_unknown_audience_is_refused(loaded: LoadedQuestionnaire) -> None:
    with pytest.raises(FlowError, match="unknown audience 'citizen'"):
        InterviewFlow(loaded, "citizen")


def test_q10_amount_is_asked_only_after_yes(loaded: LoadedQuestionnaire) -> None:
    flow = InterviewFlow(loaded, "council")
    assert "q10_amount" not in [q.code for q in flow.asked]
    flow.answer("q10", "yes")
    assert "q10_amount" in [q.code for q in flow.asked]
    flow.answer("q10_amount", "£1,500")
    assert flow.answers["q10_amount"] == 1500
    flow.answer("q10", "no")
    assert "q10_amount" not in [q.code for q in flow.asked]
    assert "q10_amount" not in flow.answers, "a skipped question's answer is dropped"
    with pytest.raises(FlowError, match="not asked"):
        flow.answer("q10_amount", 10)


def test_next_and_back_walk_the_asked_questions(loaded: LoadedQuestionnaire) -> None:
    flow = InterviewFlow(loaded, "council")
    order = [q.code for q in flow.asked]
    seen = [flow.current.code if flow.current else None]
    while not flow.at_review:
        flow.next()
        seen.append(flow.current.code if flow.current else None)
    assert seen == [*order, None]
    with pytest.raises(FlowError):
        flow.next()
    flow.back()
    assert flow.current is not None and flow.current.code == order[-1]
    flow.go_to(order[0])
    with pytest.raises(FlowError):
        flow.back()


def test_answering_yes_to_q10_inserts_the_amount_after_it(loaded: LoadedQuestionnaire) -> None:
    flow = InterviewFlow(loaded, "council")
    flow.go_to("q10")
    flow.answer("q10", "yes")
    assert flow.next() is not None and flow.current is not None
    assert flow.current.code == "q10_amount"


def test_bad_answers_are_refused_with_a_reason(loaded: LoadedQuestionnaire) -> None:
    flow = InterviewFlow(loaded, "council")
    with pytest.raises(AnswerError, match="between 0 and 100"):
        flow.answer_row("q9", "services_digital", "101")
    with pytest.raises(AnswerError, match="not a number"):
        flow.answer_row("q9", "services_digital", "lots")
    flow.answer("q10", "yes")
    with pytest.raises(AnswerError, match="whole number"):
        flow.answer("q10_amount", "12.50")
    with pytest.raises(AnswerError, match="not on the scale"):
        flow.answer_row("q5", "better_for_less", "love_it")
    with pytest.raises(AnswerError, match="unknown row"):
        flow.answer_row("q5", "no_such_row", "agree")
    with pytest.raises(AnswerError, match="not a choice"):
        flow.answer("q8", "maybe")
    assert "q9" not in flow.answers and "q5" not in flow.answers


def test_missing_lists_required_rows_until_answered(loaded: LoadedQuestionnaire) -> None:
    flow = InterviewFlow(loaded, "council")
    missing = flow.missing()
    assert len(missing) == 14 and all(m.question == "q5" for m in missing)
    assert "accountability" not in [m.row for m in missing]
    answer_required_q5(flow)
    assert flow.missing() == []
    flow.answer_row("q5", "local_economy", None)
    assert [str(m) for m in flow.missing()] == ["q5.local_economy"]


def test_complete_record_needs_required_rows(loaded: LoadedQuestionnaire) -> None:
    flow = InterviewFlow(loaded, "council")
    with pytest.raises(FlowError, match=r"q5\.better_for_less"):
        flow.build_records(status="complete", interviewer="ann", device="laptop-1")
    record, _ = flow.build_records(status="partial", interviewer="ann", device="laptop-1")
    assert record.status == "partial" and record.submitted_at is None


def test_record_keeps_personal_answers_apart(loaded: LoadedQuestionnaire) -> None:
    flow = InterviewFlow(loaded, "supplier")
    flow.answer("supplier_size", "micro")
    flow.answer("q1_name", "Ada Example")
    flow.answer("q12_prize_draw", "yes")
    answer_required_q5(flow, "strongly_agree")
    flow.answer("q7_other", "  A mix of these people.  ")
    record, personal = flow.build_records(status="complete", interviewer="ann", device="laptop-1")
    assert record.audience == "supplier"
    assert "q1_name" not in record.answers and "q12_prize_draw" not in record.answers
    assert record.answers["q7_other"] == "A mix of these people."
    assert personal.answers == {"q1_name": "Ada Example", "q12_prize_draw": "yes"}
    assert personal.record_id == record.record_id
    assert record.questionnaire.sha256 == loaded.sha256
    validator = RecordValidator(loaded)
    assert validator.check_line(record.model_dump_json()) == []
    assert validator.check_line(personal.model_dump_json(), FileKind.PERSONAL) == []


def test_timings_add_up_time_on_each_question(loaded: LoadedQuestionnaire) -> None:
    clock = FakeClock()
    flow = InterviewFlow(loaded, "council", clock=clock)
    first = flow.current
    assert first is not None
    clock.now = 4.0
    flow.next()
    clock.now = 10.0
    flow.back()
    clock.now = 11.5
    flow.next()
    assert flow.timings[first.code] == pytest.approx(5.5)
    second = flow.asked[1].code
    assert flow.timings[second] == pytest.approx(6.0)


def test_draft_round_trip_resumes_where_it_stopped(loaded: LoadedQuestionnaire) -> None:
    flow = InterviewFlow(loaded, "council")
    flow.answer("council_type", "london_borough")
    answer_required_q5(flow)
    flow.answer("q10", "yes")
    flow.answer("q10_amount", 2500)
    flow.go_to("q7")
    resumed = flow_from_state(loaded, flow_state(flow))
    assert resumed.answers == flow.answers
    assert resumed.record_id == flow.record_id
    assert resumed.current is not None and resumed.current.code == "q7"


def test_changing_the_respondent_type_keeps_shared_answers_and_drops_the_others(
    loaded: LoadedQuestionnaire,
) -> None:
    flow = InterviewFlow(loaded, "council")
    flow.answer("council_type", "english_county")
    flow.answer("q8", "yes")
    flow.answer_row("q5", "flexible_working", "agree")
    flow.next()
    flow.next()
    assert [q.code for q in flow.dropped_by("supplier")] == ["council_type"]
    dropped = flow.change_audience("supplier")
    assert [q.code for q in dropped] == ["council_type"]
    assert flow.audience == "supplier" and flow.position == 0
    assert flow.answers == {"q8": "yes", "q5": {"flexible_working": "agree"}}
    assert flow.text(loaded.questionnaire.question("q8")).startswith("Have the front line")
    with pytest.raises(FlowError, match="unknown audience"):
        flow.change_audience("martian")
