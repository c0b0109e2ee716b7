"""The first step of every interview: council or supplier."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from localdigital_tui.core.questionnaire.model import Questionnaire
from localdigital_tui.tui.views.base import InterviewView
from localdigital_tui.tui.widgets.choice_list import ChoiceList


class AudienceView(InterviewView):
    """Choosing the respondent type starts the interview (and its draft)."""

    hint = (
        "Number key or arrows + Enter to choose · the questions and their wording follow "
        "the respondent type"
    )

    def __init__(self, questionnaire: Questionnaire) -> None:
        super().__init__()
        self.questionnaire = questionnaire

    def compose(self) -> ComposeResult:
        yield Static(self.questionnaire.audience_question.text, id="question-text")
        choices = [(a.code, a.label) for a in self.questionnaire.audiences]
        yield ChoiceList(choices, id="choices")

    def focus_target(self) -> ChoiceList:
        return self.query_one(ChoiceList)

    def take_key(self, event: events.Key) -> Message | None:
        return self.query_one(ChoiceList).take_key(event)
