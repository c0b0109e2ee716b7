"""The line at the top of every interview screen: who, where, how far."""

from __future__ import annotations

from textual.widgets import Static


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

    def show_new(self) -> None:
        self.update("New interview")

    def show_review(self, *, audience: str, total: int, missing: int) -> None:
        state = f"{missing} required answers missing" if missing else "ready to submit"
        self.update(f"{audience} · review · {total} questions · {state}")
