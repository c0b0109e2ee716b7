"""The review: every answer, each a jump to edit it, and the submit line."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.tui.views.base import InterviewView
from localdigital_tui.tui.widgets.review_list import ReviewList


class ReviewView(InterviewView):
    """Enter on an answer jumps to it; Enter on the last line (or ctrl+s) submits."""

    def __init__(self, flow: InterviewFlow) -> None:
        super().__init__()
        self.flow = flow

    def compose(self) -> ComposeResult:
        yield Static(
            "Review the answers. Enter on one to change it; ctrl+s (or the last line) submits.",
            id="question-text",
        )
        # border, padding, scrollbar and option padding take 8 cells
        yield ReviewList(self.flow, width=self.app.size.width - 8, id="review")

    @property
    def review(self) -> ReviewList:
        return self.query_one(ReviewList)

    def focus_target(self) -> ReviewList:
        return self.review

    def take_key(self, event: events.Key) -> Message | None:
        return self.review.take_key(event)

    def point_at(self, question: str, row: str | None) -> None:
        """Highlight the entry of this question (or of this row of it)."""
        self.review.highlighted = self.review.get_option_index(
            f"{question}:{row}" if row else question
        )
