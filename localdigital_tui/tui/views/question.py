"""One question that is not a grid: a choice, free text, or one or more numbers."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.questionnaire.model import (
    NumberQuestion,
    NumbersQuestion,
    Question,
    SingleChoiceQuestion,
    TextQuestion,
)
from localdigital_tui.tui.views.base import InterviewView
from localdigital_tui.tui.widgets.answer_area import AnswerArea
from localdigital_tui.tui.widgets.choice_list import ChoiceList
from localdigital_tui.tui.widgets.number_field import NumberField

HINTS = {
    "single_choice": "Number key or arrows + Enter to choose and move on · Delete clears",
    "text": "Type the answer · Enter or ctrl+n for the next question",
    "multiline": "Type the answer (Enter starts a new line) · ctrl+n for the next question",
    "number": "Type a number · Enter for the next field or question",
}
UNIT_HINTS = {"percent": "0-100 %", "pounds": "£ whole pounds", "count": "number"}


class QuestionView(InterviewView):
    """The question in the respondent's wording and the right input for its kind."""

    def __init__(
        self, flow: InterviewFlow, question: Question, *, focus_row: str | None = None
    ) -> None:
        super().__init__()
        self.flow = flow
        self.question = question
        self.focus_row = focus_row
        self.hint = self._hint()

    def compose(self) -> ComposeResult:
        question = self.question
        assert question is not None
        with VerticalScroll(id="body"):
            if question.heading and question.heading != self.flow.text(question):
                yield Static(question.heading, classes="heading")
            yield Static(self.flow.text(question), id="question-text")
            if question.help:
                yield Static(question.help, classes="question-help")
            yield from self._answer_widgets(question)

    def _hint(self) -> str:
        question = self.question
        if isinstance(question, TextQuestion):
            return HINTS["multiline" if question.multiline else "text"]
        if isinstance(question, SingleChoiceQuestion):
            return HINTS["single_choice"]
        return HINTS["number"]

    def _answer_widgets(self, question: Question) -> ComposeResult:
        answer = self.flow.answers.get(question.code)
        audience = self.flow.audience
        if isinstance(question, SingleChoiceQuestion):
            choices = [(c.code, c.label_for(audience)) for c in question.choices]
            yield ChoiceList(choices, current=answer, id="choices")
        elif isinstance(question, TextQuestion):
            field: Input | TextArea
            if question.multiline:
                field = AnswerArea(answer or "", id="text-answer", soft_wrap=True)
            else:
                field = Input(answer or "", id="text-answer", select_on_focus=False)
            field.cursor_blink = False  # always visible, and no redraws twice a second over SSH
            yield field
            yield Static("", classes="field-error")
        elif isinstance(question, NumberQuestion):
            value = "" if answer is None else str(answer)
            yield NumberField(
                "Answer", row=None, value=value, unit=UNIT_HINTS[question.unit], id="number"
            )
        elif isinstance(question, NumbersQuestion):
            rows = answer or {}
            for row in question.rows:
                stored = rows.get(row.code)
                yield NumberField(
                    row.label_for(audience),
                    row=row.code,
                    value="" if stored is None else str(stored),
                    unit=UNIT_HINTS[question.unit],
                    id=f"row-{row.code}",
                )

    # ------------------------------------------------------------------ focus
    def focus_target(self) -> Widget:
        fields = self.number_fields()
        if fields:
            return next((f for f in fields if f.row == self.focus_row), fields[0]).input
        if isinstance(self.question, TextQuestion):
            return self.query_one("#text-answer")
        return self.query_one(ChoiceList)

    # ------------------------------------------------------------------- keys
    def take_key(self, event: events.Key) -> Message | None:
        """Choices answer to number keys and Enter; typed answers move on with Enter.

        Characters typed into a field, and editing keys, are not handled here
        (the field takes them); nor is Enter in a multi-line answer (a new line).
        """
        if isinstance(self.question, SingleChoiceQuestion):
            return self.query_one(ChoiceList).take_key(event)
        if event.key != "enter":
            return None
        if isinstance(self.question, TextQuestion):
            return None if self.question.multiline else self.Entered()
        field = self.focused_field()
        return None if field is None else NumberField.Submitted(field)

    # ---------------------------------------------------------- what is typed
    def typed_text(self) -> str:
        widget = self.query_one("#text-answer")
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    def show_text_error(self, reason: str | None) -> None:
        self.query_one(".field-error", Static).update(f"✗ {reason}" if reason else "")

    def number_fields(self) -> list[NumberField]:
        return list(self.query(NumberField))

    def focused_field(self) -> NumberField | None:
        focused = self.screen.focused
        return next((f for f in self.number_fields() if f.input is focused), None)
