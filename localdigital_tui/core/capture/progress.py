"""How far an interview is, as both front ends show it: "question n of m"."""

from __future__ import annotations

from localdigital_tui.core.capture.flow import InterviewFlow


def place(flow: InterviewFlow) -> tuple[int, int]:
    """``(n, m)``: the current question's place among all the questions this audience may
    be asked, so that m stays put when a skip rule opens a question (Q10's amount)."""
    possible = flow.questionnaire.questions_for(flow.audience)
    current = flow.current
    n = possible.index(current) + 1 if current in possible else len(possible)
    return n, len(possible)
