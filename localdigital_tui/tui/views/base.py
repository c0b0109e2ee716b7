"""What every view of the interview screen offers it."""

from __future__ import annotations

from textual import events
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from localdigital_tui.core.questionnaire.model import Question


class InterviewView(Vertical):
    """The body of the interview screen for one step: the respondent type, a question, the review.

    The screen swaps views in place as the flow moves. A view shows, and says
    what a key means (:meth:`take_key`); the screen acts on that with the flow.
    """

    hint = ""
    """The key hint under the view ("" hides the line)."""

    question: Question | None = None
    """The question shown, if the view shows one."""

    class Entered(Message):
        """Enter on a typed answer: it is complete, move on."""

    def focus_target(self) -> Widget:
        """The widget to focus when the view is shown."""
        raise NotImplementedError

    def take_key(self, event: events.Key) -> Message | None:
        """The message ``event`` means to the screen, or None (the key is typed or a binding)."""
        return None
