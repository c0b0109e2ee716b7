"""What every screen of an interview shares: the flow, the store, and moving on.

Subclasses show one question (or the review) and say, through :meth:`commit`,
whether what is typed on screen is acceptable to the flow. Moving next, back or
to the review commits, saves the draft, moves the flow, and shows the screen for
the flow's new position.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from localdigital_tui.core.flow import InterviewFlow
from localdigital_tui.core.storage import CaptureStore
from localdigital_tui.tui.widgets.progress_header import ProgressHeader


class InterviewScreen(Screen[None]):
    """A screen of one interview in progress."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next"),
        Binding("ctrl+p", "back", "Back"),
        Binding("ctrl+r", "review", "Review"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, store: CaptureStore, flow: InterviewFlow) -> None:
        super().__init__()
        self.store = store
        self.flow = flow
        # Set once this screen hands over to the next: keys still queued for it
        # must not answer or move the flow a second time.
        self.leaving = False

    @property
    def audience_label(self) -> str:
        for audience in self.flow.questionnaire.audiences:
            if audience.code == self.flow.audience:
                return audience.code.capitalize()
        return self.flow.audience

    @property
    def progress(self) -> ProgressHeader:
        return self.query_one(ProgressHeader)

    # ------------------------------------------------------------ subclasses
    def commit(self) -> bool:
        """Hand what is typed on screen to the flow; False (with the reason shown) if refused."""
        return True

    # -------------------------------------------------------------- moving on
    def save(self) -> None:
        self.store.save_draft(self.flow)

    def keep_draft(self) -> None:
        """Before quitting: keep whatever the flow accepts of what is on screen."""
        self.commit()
        self.save()

    def show_current(self, row: str | None = None) -> None:
        from localdigital_tui.tui.screens.routing import screen_for

        self.leaving = True
        self.app.switch_screen(screen_for(self.store, self.flow, row=row))

    def action_next(self) -> None:
        if self.leaving:
            return
        if self.flow.at_review or not self.commit():
            return
        self.flow.next()
        self.save()
        self.show_current()

    def action_back(self) -> None:
        if self.leaving:
            return
        if self.flow.position == 0:
            self.notify("This is the first question.", severity="warning")
            return
        if not self.commit():
            return
        self.flow.back()
        self.save()
        self.show_current()

    def action_review(self) -> None:
        if self.leaving:
            return
        if self.flow.at_review or not self.commit():
            return
        self.flow.go_to_review()
        self.save()
        self.show_current()
