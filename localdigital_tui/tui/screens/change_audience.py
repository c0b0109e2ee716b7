"""Changing the respondent type mid-interview: which answers go, which stay."""

from __future__ import annotations

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.missing import question_names
from localdigital_tui.tui.screens.confirm import ConfirmDialog


class ChangeAudienceDialog(ConfirmDialog):
    """y changes the respondent type (dropping the answers the new one is not asked)."""

    def __init__(self, flow: InterviewFlow, audience: str) -> None:
        q = flow.questionnaire
        label = next(a.label for a in q.audiences if a.code == audience)
        dropped = flow.dropped_by(audience)
        names = question_names(dropped, flow.audience)
        kept = "The answers to the questions both are asked are kept."
        message = f"Change the respondent type to {label}?\n"
        message += (
            f"These answers will be dropped: {names.rstrip('.')}.\n{kept}" if dropped else kept
        )
        super().__init__(message, confirm="Change", cancel="Keep")
