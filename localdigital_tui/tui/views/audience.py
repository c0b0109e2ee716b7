"""The first step of every interview: the introduction to read out, then council or supplier.

The questionnaire's heading (its anonymity statement) and introduction come first,
in a box of their own that scrolls (PageUp/PageDown, or the mouse) so the question
and its choices stay on screen at 80x24.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from localdigital_tui.core.questionnaire.model import Questionnaire
from localdigital_tui.tui.views.base import InterviewView
from localdigital_tui.tui.widgets.choice_list import ChoiceList


class AudienceView(InterviewView):
    """Choosing the respondent type starts the interview (and its draft)."""

    hint = (
        "Read out the introduction (PgUp/PgDn scroll it) · number key or arrows + Enter "
        "to choose the respondent type"
    )

    def __init__(self, questionnaire: Questionnaire) -> None:
        super().__init__()
        self.questionnaire = questionnaire

    def compose(self) -> ComposeResult:
        q = self.questionnaire
        with VerticalScroll(id="introduction"):
            if q.heading:
                yield Static(q.heading, classes="heading")
            yield Static(q.introduction.strip(), classes="introduction-text")
        yield Static(q.audience_question.text, id="question-text")
        choices = [(a.code, a.label) for a in self.questionnaire.audiences]
        yield ChoiceList(choices, id="choices")

    def focus_target(self) -> ChoiceList:
        return self.query_one(ChoiceList)

    def take_key(self, event: events.Key) -> Message | None:
        intro = self.query_one("#introduction", VerticalScroll)
        if event.key == "pagedown":
            intro.scroll_page_down(animate=False)
            return None
        if event.key == "pageup":
            intro.scroll_page_up(animate=False)
            return None
        return self.query_one(ChoiceList).take_key(event)
