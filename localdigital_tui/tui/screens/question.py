"""One question that is not a grid: a choice, free text, or one or more numbers."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Static, TextArea

from localdigital_tui.core.flow import InterviewFlow
from localdigital_tui.core.questionnaire import (
    NumberQuestion,
    NumbersQuestion,
    Question,
    SingleChoiceQuestion,
    TextQuestion,
)
from localdigital_tui.core.storage import CaptureStore
from localdigital_tui.errors import AnswerError
from localdigital_tui.tui.screens.interview import InterviewScreen
from localdigital_tui.tui.widgets.choice_list import ChoiceList
from localdigital_tui.tui.widgets.number_field import NumberField
from localdigital_tui.tui.widgets.progress_header import ProgressHeader

HINTS = {
    "single_choice": "Number key or arrows + Enter to choose and move on · Delete clears",
    "text": "Type the answer · Enter or ctrl+n for the next question",
    "multiline": "Type the answer (Enter starts a new line) · ctrl+n for the next question",
    "number": "Type a number · Enter for the next field or question",
}
UNIT_HINTS = {"percent": "0-100 %", "pounds": "£ whole pounds", "count": "number"}


class QuestionScreen(InterviewScreen):
    """Shows the question in the respondent's wording and the right input for its kind."""

    def __init__(
        self,
        store: CaptureStore,
        flow: InterviewFlow,
        question: Question,
        *,
        focus_row: str | None = None,
    ) -> None:
        super().__init__(store, flow)
        self.question = question
        self.focus_row = focus_row

    def compose(self) -> ComposeResult:
        question = self.question
        yield ProgressHeader(id="progress")
        with VerticalScroll(id="body"):
            if question.heading and question.heading != self.flow.text(question):
                yield Static(question.heading, classes="heading")
            yield Static(self.flow.text(question), id="question-text")
            if question.help:
                yield Static(question.help, classes="question-help")
            yield from self._answer_widgets()
        yield Static(self._hint(), id="hint")
        yield Footer()

    def _hint(self) -> str:
        question = self.question
        if isinstance(question, TextQuestion):
            return HINTS["multiline" if question.multiline else "text"]
        if isinstance(question, SingleChoiceQuestion):
            return HINTS["single_choice"]
        return HINTS["number"]

    def _answer_widgets(self) -> ComposeResult:
        question = self.question
        answer = self.flow.answers.get(question.code)
        audience = self.flow.audience
        if isinstance(question, SingleChoiceQuestion):
            choices = [(c.code, c.label_for(audience)) for c in question.choices]
            yield ChoiceList(choices, current=answer, id="choices")
        elif isinstance(question, TextQuestion):
            if question.multiline:
                yield TextArea(answer or "", id="text-answer", soft_wrap=True)
            else:
                yield Input(answer or "", id="text-answer")
            yield Static("", classes="field-error")
        elif isinstance(question, NumberQuestion):
            value = "" if answer is None else str(answer)
            yield NumberField(
                "Answer", row=None, value=value, unit=UNIT_HINTS[question.unit], id="number"
            )
        elif isinstance(question, NumbersQuestion):
            rows = answer or {}
            for row in question.rows:
                value = "" if row.code not in rows else str(rows[row.code])
                yield NumberField(
                    row.label_for(audience),
                    row=row.code,
                    value=value,
                    unit=UNIT_HINTS[question.unit],
                    id=f"row-{row.code}",
                )

    def on_mount(self) -> None:
        self._show_progress()
        fields = list(self.query(NumberField))
        if fields:
            chosen = next((f for f in fields if f.row == self.focus_row), fields[0])
            chosen.input.focus()
        elif isinstance(self.question, TextQuestion):
            self.query_one("#text-answer").focus()
        else:
            self.query_one(ChoiceList).focus()

    def _show_progress(self) -> None:
        rows = None
        if isinstance(self.question, NumbersQuestion):
            answered = len(self.flow.answers.get(self.question.code, {}))
            rows = (answered, len(self.question.rows), len(self.flow.missing(self.question)))
        self.progress.show_progress(
            audience=self.audience_label,
            number=self.question.number,
            position=self.flow.position + 1,
            total=self.flow.total,
            rows=rows,
        )

    # ----------------------------------------------------------- single choice
    @on(ChoiceList.Chosen)
    def choose(self, event: ChoiceList.Chosen) -> None:
        if self.leaving:
            return
        self.flow.answer(self.question.code, event.code)
        self.save()
        self.action_next()

    @on(ChoiceList.Cleared)
    def clear_choice(self) -> None:
        if self.leaving:
            return
        self.flow.clear(self.question.code)
        self.save()
        self.show_current()

    # -------------------------------------------------------------------- text
    @on(Input.Submitted, "#text-answer")
    def text_entered(self) -> None:
        self.action_next()

    def _typed_text(self) -> str:
        widget = self.query_one("#text-answer")
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    # ----------------------------------------------------------------- numbers
    @on(NumberField.Changed)
    def number_changed(self, event: NumberField.Changed) -> None:
        code = self.question.code
        text = event.text.strip()
        try:
            if event.row is not None:
                self.flow.answer_row(code, event.row, text or None)
            elif text:
                self.flow.answer(code, text)
            else:
                self.flow.clear(code)
        except AnswerError as error:
            # The flow keeps no stale earlier value: what is on screen is refused.
            if event.row is not None:
                self.flow.answer_row(code, event.row, None)
            else:
                self.flow.clear(code)
            event.field.show_error(error.reason)
        else:
            event.field.show_error(None)
        self._show_progress()

    @on(NumberField.Submitted)
    def number_submitted(self, event: NumberField.Submitted) -> None:
        fields = list(self.query(NumberField))
        index = fields.index(event.field)
        if event.field.error is None and index + 1 < len(fields):
            fields[index + 1].input.focus()
        else:
            self.action_next()

    # ------------------------------------------------------------------ commit
    def commit(self) -> bool:
        if isinstance(self.question, TextQuestion):
            error = self.query_one(".field-error", Static)
            try:
                self.flow.answer(self.question.code, self._typed_text())
            except AnswerError as refused:
                error.update(f"✗ {refused.reason}")
                return False
            error.update("")
            return True
        for field in self.query(NumberField):
            if field.error is not None:
                field.input.focus()
                self.notify(f"Fix or clear this value first: {field.error}", severity="error")
                return False
        return True
