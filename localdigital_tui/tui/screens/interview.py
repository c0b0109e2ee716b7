"""The one screen of an interview, from the respondent type to the review and submit.

Its body is a view of the current step (:mod:`localdigital_tui.tui.views`),
swapped in place when the flow moves. A key (:mod:`localdigital_tui.tui.key_routing`)
or a click means a message from the view; the screen gives it to the flow, saves the
draft and shows the next view before the next key is read, so typing ahead is safe.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.missing import question_names
from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.core.questionnaire.model import TextQuestion
from localdigital_tui.errors import AnswerError
from localdigital_tui.tui.key_routing import TakesKeys
from localdigital_tui.tui.screens.interview_jumps import InterviewJumps
from localdigital_tui.tui.screens.routing import view_for
from localdigital_tui.tui.typed_answers import give_number, give_text, refused_numbers
from localdigital_tui.tui.views.base import InterviewView
from localdigital_tui.tui.views.grid import GridView
from localdigital_tui.tui.views.question import QuestionView
from localdigital_tui.tui.views.review import ReviewView
from localdigital_tui.tui.widgets.choice_list import ChoiceList
from localdigital_tui.tui.widgets.grid_table import GridTable
from localdigital_tui.tui.widgets.keys_line import KeysLine
from localdigital_tui.tui.widgets.number_field import NumberField
from localdigital_tui.tui.widgets.progress_header import ProgressHeader
from localdigital_tui.tui.widgets.review_list import AUDIENCE, ReviewList


class InterviewScreen(TakesKeys, InterviewJumps):
    """One interview in progress (``flow`` is None until the respondent type is chosen)."""

    class Submitted(Message):
        """An interview was submitted; ``today`` counts this output's submits today."""

        def __init__(self, today: int) -> None:
            super().__init__()
            self.today = today

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next"),
        Binding("ctrl+p", "back", "Back"),
        Binding("ctrl+r", "review", "Review"),
        Binding("f1", "app.help", "Help"),
        Binding("ctrl+s", "submit", "Submit"),
        Binding("f2", "switch_language", "Language"),
        Binding("escape", "leave", "Start screen"),
    ]

    def __init__(
        self, store: CaptureStore, flow: InterviewFlow | None = None, *, row: str | None = None
    ) -> None:
        """A new interview (no ``flow``) or a resumed one, shown at its position (and ``row``)."""
        super().__init__()
        self.store = store
        self.flow = flow
        self.view: InterviewView | None = None
        self._first_row = row
        self._edited: str | None = None  # the question last opened from the review
        # Keys and clicks both move the flow and swap the view; one at a time.
        self._busy = asyncio.Lock()

    def compose(self) -> ComposeResult:
        yield ProgressHeader(id="progress")
        yield Vertical(id="step")
        yield Static("", id="hint")
        yield KeysLine()

    async def on_mount(self) -> None:
        await self._show(self._first_row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        flow = self.flow
        if action == "leave":
            return flow is None
        if action == "submit":
            return flow is not None and flow.at_review
        if action == "switch_language":
            return len(self.store.loaded.questionnaire.languages) > 1
        if action in ("next", "review"):  # nothing comes after the review
            return flow is not None and not flow.at_review
        if action == "back":
            return flow is not None
        return True

    async def take_key(self, event: events.Key) -> bool:
        meaning = self.view.take_key(event) if self.view is not None else None
        if meaning is None:
            return False
        async with self._busy:
            await self._act(meaning)
        return True

    @on(ChoiceList.Chosen)
    @on(ChoiceList.Cleared)
    @on(GridTable.Done)
    @on(ReviewList.Jump)
    @on(ReviewList.SubmitRequested)
    async def clicked(self, message: Message) -> None:
        """The same messages, posted by a widget after a mouse click."""
        async with self._busy:
            if self._is_current(message.control):
                await self._act(message)

    @on(NumberField.Changed)
    async def number_changed(self, event: NumberField.Changed) -> None:
        async with self._busy:
            if self._is_current(event.field) and self.flow and self.flow.current:
                give_number(self.flow, self.flow.current.code, event.field)
                self.header.show_step(self.flow)

    def _is_current(self, node: DOMNode | None) -> bool:
        """Is ``node`` part of the view shown now (not of one already swapped out)?"""
        return isinstance(node, Widget) and self.view is not None and self.view in node.ancestors

    async def _act(self, message: Message) -> None:
        """Do what a key or a click meant, on the step now shown."""
        flow = self.flow
        if isinstance(message, ChoiceList.Chosen) and (flow is None or self._changing):
            await self._audience_chosen(message.code)
        elif isinstance(message, ChoiceList.Chosen):
            assert flow is not None and flow.current is not None
            before = set(flow.answers)
            flow.answer(flow.current.code, message.code)
            if dropped := sorted(before - set(flow.answers)):  # a skip rule closed them
                closed = [flow.questionnaire.question(code) for code in dropped]
                self.notify(f"Cleared, no longer asked: {question_names(closed, flow.audience)}")
            self.save()
            await self._move(flow.next)
        elif flow is None:
            return
        elif isinstance(message, ChoiceList.Cleared):
            assert flow.current is not None
            flow.clear(flow.current.code)
            self.save()
            await self._show()
        elif isinstance(message, GridTable.RowAnswered | GridTable.RowCleared):
            choice = message.choice if isinstance(message, GridTable.RowAnswered) else None
            self._answer_row(message.row, choice)
        elif isinstance(message, GridTable.Done | InterviewView.Entered):
            await self._forward()
        elif isinstance(message, NumberField.Submitted):
            await self._number_entered(message.field)
        elif isinstance(message, ReviewList.Jump) and message.question == AUDIENCE:
            await self._show_audience()
        elif isinstance(message, ReviewList.Jump):
            self._edited = message.question  # the review comes back to it
            await self._move(lambda: flow.go_to(message.question), row=message.row)
        elif isinstance(message, ReviewList.SubmitRequested):
            await self._submit()

    async def action_next(self) -> None:
        async with self._busy:
            if self.flow is not None and not self.flow.at_review:
                await self._forward()

    async def action_back(self) -> None:
        async with self._busy:
            if self.flow is None:
                return
            if self.flow.position == 0 and not self._changing:
                await self._show_audience()  # to change the respondent type
            elif self.flow.position > 0:
                await self._move(self.flow.back)

    async def action_review(self) -> None:
        await self.review_now()

    async def action_submit(self) -> None:
        async with self._busy:
            await self._submit()

    def action_leave(self) -> None:
        if self.flow is None:
            self.app.pop_screen()

    def save(self) -> None:
        if self.flow is not None:
            self.store.save_draft(self.flow)

    def keep_draft(self) -> None:
        """Before quitting: keep whatever the flow accepts of what is on screen."""
        self._commit()
        self.save()

    async def _move(self, step: Callable[[], object], *, row: str | None = None) -> None:
        """Hand what is typed to the flow; if accepted, take ``step`` and show where it led."""
        if not self._commit():
            return
        step()
        self.save()
        await self._show(row)

    async def _show(self, row: str | None = None, view: InterviewView | None = None) -> None:
        """Swap ``view`` (default: the flow's current step's) in; focus it at once."""
        view = view or view_for(self.store.loaded.questionnaire, self.flow, row=row)
        step = self.query_one("#step", Vertical)
        with self.app.batch_update():
            await step.remove_children()
            await step.mount(view)
            self.view = view
            self.set_focus(view.focus_target())
            if isinstance(view, ReviewView) and self._edited:
                view.point_at(self._edited, None)
                self._edited = None
            hint = self.query_one("#hint", Static)
            hint.update(view.hint)
            hint.display = bool(view.hint)
            self.header.show_step(self.flow)
        self.refresh_bindings()

    @property
    def header(self) -> ProgressHeader:
        return self.query_one(ProgressHeader)

    def _answer_row(self, row: str, choice: str | None) -> None:
        view = self.view
        assert self.flow is not None and isinstance(view, GridView)
        try:
            stored = self.flow.answer_row(view.grid.code, row, choice)
        except AnswerError as refused:
            self.notify(refused.reason, severity="error")
            return
        self.save()
        view.show_answer(row, stored)
        self.header.show_step(self.flow)

    async def _number_entered(self, field: NumberField) -> None:
        """Enter in a number: on to the next field, or (after the last) the next question."""
        assert isinstance(self.view, QuestionView) and self.flow is not None
        fields = self.view.number_fields()
        index = fields.index(field)
        question = self.flow.current
        assert question is not None
        if give_number(self.flow, question.code, field) is None and index + 1 < len(fields):
            self.save()  # the value confirmed with Enter is in the draft at once
            self.set_focus(fields[index + 1].input)
        else:
            await self._move(self.flow.next)

    def _commit(self) -> bool:
        """Hand what is typed on screen to the flow; False (with the reason shown) if refused."""
        view = self.view
        if not isinstance(view, QuestionView) or self.flow is None:
            return True
        if isinstance(view.question, TextQuestion):
            return give_text(self.flow, view)
        wrong = refused_numbers(self.flow, view)
        if wrong:
            self.set_focus(wrong[0].input)
            self.notify(f"Fix or clear this value first: {wrong[0].error}", severity="error")
            self.header.show_step(self.flow)
            return False
        return True

    def submitted(self, today: int) -> None:
        self.post_message(self.Submitted(today))
