"""The questions the interview screen puts to the interviewer, in a box of their own.

Leaving a question with required rows unanswered (leave for now, or go back),
changing the respondent type (which answers are dropped), and submitting.
:class:`InterviewQuestions` is the base of
:class:`~localdigital_tui.tui.screens.interview.InterviewScreen`, which supplies
the steps it calls (``_show``, ``_move``, ``_commit``, ``save``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.screen import Screen

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.errors import LocalDigitalError
from localdigital_tui.tui.screens.change_audience import ChangeAudienceDialog
from localdigital_tui.tui.screens.leave_question import LeaveQuestionDialog
from localdigital_tui.tui.screens.submit import SubmitDialog, missing_message
from localdigital_tui.tui.views.audience import AudienceView
from localdigital_tui.tui.views.base import InterviewView
from localdigital_tui.tui.views.review import ReviewView


class InterviewQuestions(Screen[None]):
    store: CaptureStore
    flow: InterviewFlow | None
    view: InterviewView | None
    _first_row: str | None
    _changing = False  # the respondent type is on screen to be changed

    async def _show(self, row: str | None = None, view: InterviewView | None = None) -> None:
        raise NotImplementedError

    async def _move(self, step: Callable[[], object], *, row: str | None = None) -> None:
        raise NotImplementedError

    def _commit(self) -> bool:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def submitted(self, today: int) -> None:
        raise NotImplementedError

    async def _forward(self) -> None:
        """To the next question; leaving required rows unanswered asks first (as ODK)."""
        assert self.flow is not None
        if not self._commit():
            return
        missing = self.flow.missing(self.flow.current) if self.flow.current else []
        if not missing:
            await self._move(self.flow.next)
            return
        self.save()
        self._first_row = missing[0].row
        await self.app.push_screen(LeaveQuestionDialog(missing), self._leave_answered)

    def _leave_answered(self, leave: bool | None) -> None:
        if leave and self.flow is not None:
            self.call_later(self._move, self.flow.next)
        else:  # back to the first unanswered required row
            self.call_later(self._show, self._first_row)

    async def _show_audience(self) -> None:
        """The respondent type again, to change it (Back from the first question, or the
        review's first entry)."""
        if not self._commit():
            return
        self.save()
        self._changing = True
        await self._show(view=AudienceView(self.store.loaded.questionnaire))

    async def _audience_chosen(self, code: str) -> None:
        changing, self._changing = self._changing, False
        if self.flow is None:
            self.flow = self.store.new_interview(code)
        elif changing and code != self.flow.audience:
            dialog = ChangeAudienceDialog(self.flow, code)
            await self.app.push_screen(dialog, partial(self._audience_answered, code))
            return
        await self._show()

    def _audience_answered(self, code: str, change: bool | None) -> None:
        if change and self.flow is not None:
            self.flow.change_audience(code)
            self.save()
        self.call_later(self._show)

    async def _submit(self) -> None:
        flow, view = self.flow, self.view
        if flow is None or not flow.at_review or not isinstance(view, ReviewView):
            return
        missing = flow.missing()
        if missing:
            view.point_at(missing[0].question, missing[0].row)
            self.notify(missing_message(missing), severity="error")
            return
        dialog = SubmitDialog(flow, self.store.responses_path().name)
        await self.app.push_screen(dialog, self._submit_confirmed)

    def _submit_confirmed(self, confirmed: bool | None) -> None:
        if not confirmed or self.flow is None:
            return
        try:
            self.store.submit(self.flow)
        except (LocalDigitalError, OSError) as failed:
            self.notify(f"Could not submit, the draft is kept: {failed}", severity="error")
            return
        self.submitted(self.store.submitted_today())
