"""How far an interview is, as both front ends show it: "question n of m", what is next
missing."""

from __future__ import annotations

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.missing import MissingItem


def place(flow: InterviewFlow) -> tuple[int, int]:
    """``(n, m)``: the current question's place among all the questions this audience may
    be asked, so that m stays put when a skip rule opens a question (Q10's amount)."""
    possible = flow.questionnaire.questions_for(flow.audience)
    current = flow.current
    n = possible.index(current) + 1 if current in possible else len(possible)
    return n, len(possible)


def next_missing(flow: InterviewFlow) -> MissingItem | None:
    """The first required answer still missing after the question on screen (wrapping to
    the first question); ``None`` when nothing required is missing."""
    missing = flow.missing()
    if not missing:
        return None
    codes = [q.code for q in flow.asked]
    here = flow.position
    later = [m for m in missing if m.question in codes and codes.index(m.question) > here]
    return (later or missing)[0]
