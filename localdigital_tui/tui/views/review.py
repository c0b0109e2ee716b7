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
    """Enter on an answer jumps to it; m highlights the next missing answer; Enter on the
    last line (or ctrl+s) submits."""

    def __init__(self, flow: InterviewFlow) -> None:
        super().__init__()
        self.flow = flow

    def compose(self) -> ComposeResult:
        yield Static(
            "Review the answers. Enter on one to change it; m: the next missing one; "
            "ctrl+s (or the last line) submits.",
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
        if event.key == "m":
            self.next_missing()
            return None
        return self.review.take_key(event)

    def next_missing(self) -> None:
        """Highlight the next entry marked missing after the highlighted one (wrapping)."""
        keys = [f"{m.question}:{m.row}" if m.row else m.question for m in self.flow.missing()]
        places = sorted(self.review.get_option_index(key) for key in keys)
        if not places:
            self.notify("Nothing required is missing.")
            return
        here = self.review.highlighted if self.review.highlighted is not None else -1
        self.review.highlighted = next((p for p in places if p > here), places[0])

    def point_at(self, question: str, row: str | None) -> None:
        """Highlight the entry of this question (or of this row of it)."""
        self.review.highlighted = self.review.get_option_index(
            f"{question}:{row}" if row else question
        )
