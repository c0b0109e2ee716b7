"""The line at the top of every interview screen: who, where, how far."""

from __future__ import annotations

from textual.widgets import Static

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.progress import place
from localdigital_tui.core.questionnaire.model import GridQuestion, NumbersQuestion


class ProgressHeader(Static):
    """``Council · Q5 · question 6 of 21 · rows 3/15 answered, 11 required left``."""

    def show_progress(
        self,
        *,
        audience: str,
        number: str | None,
        position: int,
        total: int,
        rows: tuple[int, int, int] | None = None,
    ) -> None:
        """``rows`` is (answered, of, required still missing) for grids and numbers."""
        parts = [audience, f"Q{number}" if number else "Profile", f"question {position} of {total}"]
        if rows is not None:
            answered, of, required_left = rows
            text = f"rows {answered}/{of} answered"
            if required_left:
                text += f", {required_left} required left"
            parts.append(text)
        self.update(" · ".join(parts))

    def show_step(self, flow: InterviewFlow | None) -> None:
        """Where ``flow`` is: a question (and its rows), the review, or a new interview."""
        if flow is None:
            self.update("New interview")
            return
        audience = flow.audience.capitalize()
        question = flow.current
        if question is None:
            self.show_review(audience=audience, total=flow.total, missing=len(flow.missing()))
            return
        rows = None
        if isinstance(question, GridQuestion | NumbersQuestion):
            answered = len(flow.answers.get(question.code, {}))
            rows = (answered, len(question.rows), len(flow.missing(question)))
        self.show_progress(
            audience=audience,
            number=question.number,
            position=place(flow)[0],
            total=place(flow)[1],
            rows=rows,
        )

    def show_review(self, *, audience: str, total: int, missing: int) -> None:
        state = f"{missing} required answers missing" if missing else "ready to submit"
        self.update(f"{audience} · review · {total} questions · {state}")
