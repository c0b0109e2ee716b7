"""A grid question (Q5, Q6, Q7, Q8's statements, Q11): one table row per statement."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static

from localdigital_tui.core.flow import InterviewFlow
from localdigital_tui.core.questionnaire import GridQuestion
from localdigital_tui.core.storage import CaptureStore
from localdigital_tui.errors import AnswerError
from localdigital_tui.tui.screens.interview import InterviewScreen
from localdigital_tui.tui.widgets.grid_table import GridRow, GridTable
from localdigital_tui.tui.widgets.progress_header import ProgressHeader


def legend_text(scale: list[tuple[str, str]], width: int) -> str:
    """``1 Strongly Disagree  2 Disagree ...``, never breaking inside an item."""
    lines: list[str] = []
    for number, (_, label) in enumerate(scale, start=1):
        item = f"{number} {label}"
        if lines and len(lines[-1]) + 2 + len(item) <= width:
            lines[-1] += "  " + item
        else:
            lines.append(item)
    return "\n".join(lines)


class GridScreen(InterviewScreen):
    """Number keys answer the focused statement and move to the next one."""

    def __init__(
        self,
        store: CaptureStore,
        flow: InterviewFlow,
        question: GridQuestion,
        *,
        focus_row: str | None = None,
    ) -> None:
        super().__init__(store, flow)
        self.question = question
        self.focus_row = focus_row
        self.scale = [
            (c.code, c.label_for(flow.audience)) for c in flow.questionnaire.scale_of(question)
        ]

    def compose(self) -> ComposeResult:
        question = self.question
        audience = self.flow.audience
        yield ProgressHeader(id="progress")
        yield Static(self.flow.text(question), id="question-text")
        yield Static(legend_text(self.scale, self.app.size.width - 2), id="legend")
        rows = [GridRow(r.code, r.label_for(audience), r.required) for r in question.rows]
        answers = dict(self.flow.answers.get(question.code, {}))
        codes = [r.code for r in rows]
        if self.focus_row in codes:
            start_row = codes.index(self.focus_row)
        else:
            start_row = next((i for i, code in enumerate(codes) if code not in answers), 0)
        yield GridTable(
            rows,
            self.scale,
            answers,
            stem=question.stem or "Statement",
            start_row=start_row,
            id="grid",
        )
        yield Static("", id="statement")
        yield Static(
            f"1-{len(self.scale)} answer, go to next row · ↑↓ move · Del clears · "
            "Enter next question",
            id="hint",
        )
        yield Footer()

    @property
    def table(self) -> GridTable:
        return self.query_one(GridTable)

    def on_mount(self) -> None:
        self._show_progress()
        self.table.focus()

    def _show_progress(self) -> None:
        answered = len(self.flow.answers.get(self.question.code, {}))
        self.progress.show_progress(
            audience=self.audience_label,
            number=self.question.number,
            position=self.flow.position + 1,
            total=self.flow.total,
            rows=(answered, len(self.question.rows), len(self.flow.missing(self.question))),
        )

    def _show_statement(self) -> None:
        row = self.table.focused_row
        mark = "* " if row.required else ""
        self.query_one("#statement", Static).update(f"{mark}{row.label}")

    @on(DataTable.RowHighlighted)
    def row_highlighted(self) -> None:
        self._show_statement()

    @on(GridTable.RowAnswered)
    def row_answered(self, event: GridTable.RowAnswered) -> None:
        if self.leaving:
            return
        try:
            stored = self.flow.answer_row(self.question.code, event.row, event.choice)
        except AnswerError as refused:
            self.notify(refused.reason, severity="error")
            return
        self.save()
        self.table.show_answer(event.row, stored)
        self._show_progress()

    @on(GridTable.RowCleared)
    def row_cleared(self, event: GridTable.RowCleared) -> None:
        if self.leaving:
            return
        self.flow.answer_row(self.question.code, event.row, None)
        self.save()
        self.table.show_answer(event.row, None)
        self._show_progress()

    @on(GridTable.Done)
    def done(self) -> None:
        self.action_next()
