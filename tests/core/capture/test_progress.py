"""'question n of m' as both front ends show it."""

from __future__ import annotations

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.progress import place
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire


def test_question_n_of_m_keeps_m_when_a_skip_rule_opens_a_question(
    loaded: LoadedQuestionnaire,
) -> None:
    flow = InterviewFlow(loaded, "council")
    flow.go_to("q10")
    before = place(flow)
    flow.answer("q10", "yes")  # opens q10_amount
    assert place(flow)[1] == before[1] == len(loaded.questionnaire.questions_for("council"))
    flow.next()
    assert place(flow) == (before[0] + 1, before[1])
