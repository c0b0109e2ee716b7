"""Which view shows the interview's current step."""

from __future__ import annotations

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.questionnaire.model import GridQuestion, Questionnaire
from localdigital_tui.tui.views.audience import AudienceView
from localdigital_tui.tui.views.base import InterviewView
from localdigital_tui.tui.views.grid import GridView
from localdigital_tui.tui.views.question import QuestionView
from localdigital_tui.tui.views.review import ReviewView


def view_for(
    questionnaire: Questionnaire, flow: InterviewFlow | None, *, row: str | None = None
) -> InterviewView:
    """The respondent type (no flow yet), the review, a grid (focused on ``row``), a question."""
    if flow is None:
        return AudienceView(questionnaire)
    question = flow.current
    if question is None:
        return ReviewView(flow)
    if isinstance(question, GridQuestion):
        return GridView(flow, question, focus_row=row)
    return QuestionView(flow, question, focus_row=row)
