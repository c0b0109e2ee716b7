"""Which screen shows the flow's current position."""

from __future__ import annotations

from localdigital_tui.core.flow import InterviewFlow
from localdigital_tui.core.questionnaire import GridQuestion
from localdigital_tui.core.storage import CaptureStore
from localdigital_tui.tui.screens.grid import GridScreen
from localdigital_tui.tui.screens.interview import InterviewScreen
from localdigital_tui.tui.screens.question import QuestionScreen
from localdigital_tui.tui.screens.review import ReviewScreen


def screen_for(
    store: CaptureStore, flow: InterviewFlow, *, row: str | None = None
) -> InterviewScreen:
    """The review, a grid screen (focused on ``row`` if given), or a question screen."""
    question = flow.current
    if question is None:
        return ReviewScreen(store, flow)
    if isinstance(question, GridQuestion):
        return GridScreen(store, flow, question, focus_row=row)
    return QuestionScreen(store, flow, question, focus_row=row)
