"""A grid's focused statement is always readable whole at 80x24 (it wraps)."""

from __future__ import annotations

import asyncio

from textual.widgets import Static

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.tui.app import CaptureApp
from localdigital_tui.tui.views.grid import GridView
from tests.tui.conftest import current_view


def test_the_whole_statement_of_a_long_row_is_shown_on_several_lines(
    store: CaptureStore,
) -> None:
    async def run() -> tuple[str, str, int, int]:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "1", "1")  # council, English county
            await pilot.press("enter", "enter", "enter", "1")  # Q1-Q3 empty, Q4 role
            view = current_view(app)
            assert isinstance(view, GridView)
            while len(view.table.focused_row.label) < 70:  # a statement the cell cuts
                await pilot.press("down")
            await pilot.pause()
            statement = app.screen.query_one("#statement", Static)
            return (
                view.table.focused_row.label,
                str(statement.content),
                statement.size.height,
                statement.size.width,
            )

    label, shown, height, width = asyncio.run(run())
    assert shown.endswith(label)  # "* " marks a required row
    assert height >= 2 and len(shown) > width  # wrapped, not cut


def test_the_focused_row_stays_in_view_whichever_row_and_screen_size(
    store: CaptureStore,
) -> None:
    """The statement line keeps one height for the whole grid, so moving the cursor never
    shrinks the table under it: every row, going down and coming back up, is in view."""

    async def run(size: tuple[int, int]) -> list[str]:
        app = CaptureApp(store)
        hidden: list[str] = []
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter", "1", "1", "enter", "enter", "enter", "1")  # to Q5
            view = current_view(app)
            assert isinstance(view, GridView)
            table = view.table
            heights = set()
            for key in ["down"] * (len(view.grid.rows) - 1) + ["up"] * (len(view.grid.rows) - 1):
                await pilot.press(key)
                await pilot.pause()
                heights.add(app.screen.query_one("#statement", Static).size.height)
                top = table.scroll_offset.y + 1  # the header row is fixed
                bottom = table.scroll_offset.y + table.scrollable_content_region.height - 1
                if not top <= table.cursor_row + 1 <= bottom:
                    hidden.append(f"{size}: row {table.cursor_row} not in {top}-{bottom}")
            assert len(heights) == 1, heights
        return hidden

    assert asyncio.run(run((80, 24))) == []
    assert asyncio.run(run((60, 20))) == []
