"""Submitting an interview: what it holds, asked once more before it is added."""

from __future__ import annotations

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.missing import MissingItem, describe_missing
from localdigital_tui.tui.screens.confirm import ConfirmDialog


class SubmitDialog(ConfirmDialog):
    """Says how many questions were answered and how many are left empty."""

    def __init__(self, flow: InterviewFlow, file_name: str) -> None:
        asked = len(flow.asked)
        answered = sum(flow.is_answered(q.code) for q in flow.asked)
        empty = f", {asked - answered} left empty" if answered < asked else ""
        super().__init__(
            f"Submit this interview ({flow.audience.capitalize()}: {answered} of {asked} "
            f"questions answered{empty})?\nIt is added to {file_name}.",
            confirm="Submit",
        )


def missing_message(missing: list[MissingItem]) -> str:
    """Why an interview cannot be submitted yet, in the questionnaire's words."""
    return f"{len(missing)} required answers missing, marked !: {describe_missing(missing)}"
