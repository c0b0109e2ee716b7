"""Leaving a question with required rows unanswered: leave them for now, or go back."""

from __future__ import annotations

from localdigital_tui.core.capture.missing import MissingItem, describe_missing
from localdigital_tui.tui.screens.confirm import ConfirmDialog


class LeaveQuestionDialog(ConfirmDialog):
    """As ODK asks: y leaves the rows for now (the review marks them), n goes back."""

    def __init__(self, missing: list[MissingItem]) -> None:
        count = f"{len(missing)} required {'row is' if len(missing) == 1 else 'rows are'}"
        super().__init__(
            f"{count} unanswered: {describe_missing(missing)}.\n"
            "Leave them for now (the review marks them), or go back to answer them?",
            confirm="Leave for now",
            cancel="Go back",
        )
