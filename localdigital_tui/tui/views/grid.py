"""A grid question (Q5, Q6, Q7, Q8's statements, Q11): one table row per statement."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.questionnaire.model import GridQuestion
from localdigital_tui.tui.views.base import InterviewView
from localdigital_tui.tui.widgets.grid_table import GridRow, GridTable

STATEMENT_LINES = 4


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


class GridView(InterviewView):
    """Number keys answer the focused statement and move to the next one."""

    def __init__(
        self, flow: InterviewFlow, question: GridQuestion, *, focus_row: str | None = None
    ) -> None:
        super().__init__()
        self.flow = flow
        self.question = question
        self.grid = question
        self.focus_row = focus_row
        self.scale = [
            (c.code, c.label_for(flow.audience)) for c in flow.questionnaire.scale_of(question)
        ]
        self.hint = (
            f"1-{len(self.scale)} answer, go to next row · ↑↓ move · Del clears · "
            "Enter next question"
        )

    def compose(self) -> ComposeResult:
        question = self.grid
        audience = self.flow.audience
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

    @property
    def table(self) -> GridTable:
        return self.query_one(GridTable)

    def on_mount(self) -> None:
        self._fit_statement()
        self.show_statement()

    def _fit_statement(self) -> None:
        """Give the statement line the height of this grid's longest statement, wrapped, so
        the table keeps its height (and the focused row stays in view) whichever row is
        focused; at most ``STATEMENT_LINES`` lines (then it scrolls)."""
        width = max(10, self.app.size.width - 2)  # the padding of #statement
        lines = max(
            len(Text(f"* {row.label_for(self.flow.audience)}").wrap(self.app.console, width))
            for row in self.grid.rows
        )
        statement = self.query_one("#statement", Static)
        statement.styles.height = min(lines, STATEMENT_LINES) + 1  # and the rule above it

    def focus_target(self) -> GridTable:
        return self.table

    def take_key(self, event: events.Key) -> Message | None:
        message = self.table.take_key(event)
        if message is not None:
            self.show_statement()
        return message

    def show_answer(self, row: str, choice: str | None) -> None:
        self.table.show_answer(row, choice)

    def show_statement(self) -> None:
        row = self.table.focused_row
        mark = "* " if row.required else ""
        self.query_one("#statement", Static).update(f"{mark}{row.label}")

    @on(DataTable.RowHighlighted)
    def row_highlighted(self) -> None:
        self.show_statement()
