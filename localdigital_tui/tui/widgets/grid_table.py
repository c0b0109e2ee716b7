"""A grid question as a table: one row per statement, number keys answer it.

Arrow keys move between statements (DataTable's own bindings); a number key
gives the focused statement that point of the scale and moves to the next one;
Delete (or 0) clears it; Enter asks for the next question. The screen asks
:meth:`GridTable.take_key` what a key means and acts on the answer at once. A ``*``
marks a required statement and an unanswered one says so in its answer cell,
so the gaps show at a glance (with or without colour).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import DataTable

MARK_WIDTH = 1
ANSWER_WIDTH = 22
# cell padding (1 each side) of three columns, plus the scrollbar
CHROME = 3 * 2 + 2


@dataclass(frozen=True, slots=True)
class GridRow:
    code: str
    label: str
    required: bool


class GridTable(DataTable[Text]):
    """Rows are statements; the answer column shows the chosen point of the scale."""

    class RowAnswered(Message):
        """The focused statement got the scale point ``choice``."""

        def __init__(self, table: GridTable, row: str, choice: str) -> None:
            super().__init__()
            self.table = table
            self.row = row
            self.choice = choice

        @property
        def control(self) -> GridTable:
            return self.table

    class RowCleared(Message):
        """The focused statement's answer was withdrawn."""

        def __init__(self, table: GridTable, row: str) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> GridTable:
            return self.table

    class Done(Message):
        """Enter was pressed: the interviewer wants the next question."""

        def __init__(self, table: GridTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> GridTable:
            return self.table

    def __init__(
        self,
        rows: Sequence[GridRow],
        scale: Sequence[tuple[str, str]],
        answers: dict[str, str],
        *,
        stem: str,
        start_row: int = 0,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.grid_rows = list(rows)
        self.scale = list(scale)
        self.answers = dict(answers)
        self.stem = stem
        self.start_row = start_row
        self._built_for_width = -1

    @property
    def focused_row(self) -> GridRow:
        return self.grid_rows[self.cursor_row]

    def on_mount(self) -> None:
        # Built now, from the width the layout will give (the screen's, less the
        # margins), so that a key typed ahead finds its rows; rebuilt on a resize.
        self._build(self.app.size.width - 2)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._built_for_width:
            self._build(event.size.width)

    def _build(self, width: int) -> None:
        cursor = self.cursor_row if self._built_for_width >= 0 else self.start_row
        self._built_for_width = width
        self.clear(columns=True)
        statement_width = max(20, width - MARK_WIDTH - ANSWER_WIDTH - CHROME)
        self.add_column(" ", width=MARK_WIDTH, key="mark")
        self.add_column(self.stem, width=statement_width, key="statement")
        self.add_column("Answer", width=ANSWER_WIDTH, key="answer")
        for row in self.grid_rows:
            self.add_row(
                Text("*" if row.required else " "),
                Text(row.label, no_wrap=True, overflow="ellipsis"),
                self._answer_cell(row),
                key=row.code,
            )
        self.move_cursor(row=max(0, min(cursor, len(self.grid_rows) - 1)))

    def _answer_cell(self, row: GridRow) -> Text:
        choice = self.answers.get(row.code)
        if choice is None:
            if row.required:
                return Text("! required, unanswered", style="bold")
            return Text("- unanswered", style="dim")
        index = [code for code, _ in self.scale].index(choice)
        return Text(f"{index + 1} {self.scale[index][1]}")

    def show_answer(self, row: str, choice: str | None) -> None:
        """Show the answer the flow stored for ``row`` (``None``: unanswered)."""
        if choice is None:
            self.answers.pop(row, None)
        else:
            self.answers[row] = choice
        if self._built_for_width >= 0:
            grid_row = next(r for r in self.grid_rows if r.code == row)
            self.update_cell(row, "answer", self._answer_cell(grid_row))

    def take_key(self, event: events.Key) -> Message | None:
        """What ``event`` means here: a row answered or cleared, Enter for "done", or nothing."""
        character = event.character
        if character and character.isdigit() and character != "0":
            index = int(character) - 1
            if index >= len(self.scale):  # said, not ignored: the key was meant for something
                self.notify(
                    f"{character} is not a choice here: 1-{len(self.scale)}", severity="warning"
                )
                return None
            row = self.focused_row.code
            if self.cursor_row < len(self.grid_rows) - 1:
                self.move_cursor(row=self.cursor_row + 1)
            return self.RowAnswered(self, row, self.scale[index][0])
        if event.key in ("0", "delete", "backspace"):
            return self.RowCleared(self, self.focused_row.code)
        if event.key == "enter":
            return self.Done(self)
        return None

    def action_select_cursor(self) -> None:
        self.post_message(self.Done(self))
