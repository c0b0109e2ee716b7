"""The review: every answer, each a jump to edit it; submit asks first."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Static

from localdigital_tui.errors import LocalDigitalError
from localdigital_tui.tui.screens.confirm import ConfirmDialog
from localdigital_tui.tui.screens.interview import InterviewScreen
from localdigital_tui.tui.widgets.progress_header import ProgressHeader
from localdigital_tui.tui.widgets.review_list import ReviewList


class ReviewScreen(InterviewScreen):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "submit", "Submit")]

    def compose(self) -> ComposeResult:
        yield ProgressHeader(id="progress")
        yield Static(
            "Review the answers. Enter on one to change it; ctrl+s (or the last line) submits.",
            id="question-text",
        )
        # border, padding, scrollbar and option padding take 8 cells
        yield ReviewList(self.flow, width=self.app.size.width - 8, id="review")
        yield Footer()

    def on_mount(self) -> None:
        self.progress.show_review(
            audience=self.audience_label, total=self.flow.total, missing=len(self.flow.missing())
        )
        self.query_one(ReviewList).focus()

    @on(ReviewList.Jump)
    def jump(self, event: ReviewList.Jump) -> None:
        if self.leaving:
            return
        self.flow.go_to(event.question)
        self.save()
        self.show_current(row=event.row)

    @on(ReviewList.SubmitRequested)
    def action_submit(self) -> None:
        missing = self.flow.missing()
        review = self.query_one(ReviewList)
        if missing:
            first = missing[0]
            review.highlighted = review.get_option_index(
                f"{first.question}:{first.row}" if first.row else first.question
            )
            self.notify(
                f"{len(missing)} required answers missing, marked !: "
                + ", ".join(map(str, missing[:4]))
                + (" ..." if len(missing) > 4 else ""),
                severity="error",
            )
            return
        answered = len(self.flow.answers)
        self.app.push_screen(
            ConfirmDialog(
                f"Submit this interview ({self.audience_label}, {answered} questions answered)?\n"
                f"It is added to {self.store.responses_path().name}.",
                confirm="Submit",
            ),
            self._submit_confirmed,
        )

    def _submit_confirmed(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        try:
            self.store.submit(self.flow)
        except (LocalDigitalError, OSError) as failed:
            self.notify(f"Could not submit, the draft is kept: {failed}", severity="error")
            return
        self.app.pop_screen()
        self.app.notify(
            f"Interview submitted ({self.store.submitted_today()} today). Ready for the next one."
        )
