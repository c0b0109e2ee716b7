"""The first question of every interview: council or supplier."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from localdigital_tui.core.storage import CaptureStore
from localdigital_tui.tui.screens.routing import screen_for
from localdigital_tui.tui.widgets.choice_list import ChoiceList


class AudienceScreen(Screen[None]):
    """Choosing the respondent type starts the interview (and its draft)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Start screen"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, store: CaptureStore) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        questionnaire = self.store.loaded.questionnaire
        yield Static("New interview", id="progress")
        yield Static(questionnaire.audience_question.text, id="question-text")
        choices = [(a.code, a.label) for a in questionnaire.audiences]
        yield ChoiceList(choices, id="choices")
        yield Static(
            "Number key or arrows + Enter to choose · the questions and their wording follow "
            "the respondent type",
            id="hint",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    @on(ChoiceList.Chosen)
    def chosen(self, event: ChoiceList.Chosen) -> None:
        if self.app.screen is not self:
            return  # typed ahead: the interview has already begun
        flow = self.store.new_interview(event.code)
        self.app.switch_screen(screen_for(self.store, flow))
