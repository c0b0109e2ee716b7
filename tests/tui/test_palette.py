"""The command palette (ctrl+o) and the interviewer's day on the start screen."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from textual.command import CommandPalette
from textual.pilot import Pilot

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.tui.app import CaptureApp
from localdigital_tui.tui.screens.confirm import ConfirmDialog
from localdigital_tui.tui.screens.interview import InterviewScreen
from localdigital_tui.tui.screens.start import StartScreen
from localdigital_tui.tui.views.grid import GridView
from localdigital_tui.tui.views.review import ReviewView
from localdigital_tui.tui.widgets.grid_table import GridTable
from tests.tui.conftest import current_view, shown


async def command(pilot: Pilot[Any], search: str) -> None:
    """Open the palette, type ``search``, take the best match."""
    await pilot.press("ctrl+o")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*["space" if c == " " else c for c in search])
    await pilot.pause(0.3)  # the palette searches in a worker
    await pilot.press("enter")
    await pilot.pause(0.1)


def interview(app: CaptureApp) -> InterviewScreen:
    screen = next(s for s in app.screen_stack if isinstance(s, InterviewScreen))
    return screen


def test_the_palette_jumps_to_a_question_the_next_missing_answer_and_the_review(
    store: CaptureStore,
) -> None:
    async def run() -> None:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await command(pilot, "New interview")
            await pilot.press("1")  # council; now at the profile
            await command(pilot, "Q8")  # Go to Q8: ... Digital Strategy
            flow = interview(app).flow
            assert flow is not None and flow.current is not None
            assert flow.current.code == "q8"
            await command(pilot, "next missing")  # Q5's first required row, after Q8: wraps
            view = current_view(app)
            assert isinstance(view, GridView) and view.grid.code == "q5"
            first_required = next(r.code for r in view.grid.rows if r.required)
            assert app.screen.query_one(GridTable).focused_row.code == first_required
            await command(pilot, "review")
            assert isinstance(current_view(app), ReviewView)
            await command(pilot, "submit")  # required answers missing: the review says so
            assert isinstance(current_view(app), ReviewView)
            assert not isinstance(app.screen, ConfirmDialog)
            await pilot.press("ctrl+p")  # Back still goes back: the palette is on ctrl+o
            assert not isinstance(app.screen, CommandPalette)
            assert not isinstance(current_view(app), ReviewView)

    asyncio.run(run())


def test_the_start_screen_shows_the_interviewers_day_and_the_palette_quits(
    store: CaptureStore,
) -> None:
    today = store.responses_path()
    today.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        {"interviewer": "ann", "started_at": "2013-06-24T09:00:00Z",
         "submitted_at": "2013-06-24T09:12:00Z"},
        {"interviewer": "ann", "started_at": "2013-06-24T10:00:00Z",
         "submitted_at": "2013-06-24T10:20:00Z"},
        {"interviewer": "bob", "started_at": "2013-06-24T10:00:00Z",
         "submitted_at": "2013-06-24T11:00:00Z"},
    ]  # fmt: skip
    today.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")

    async def run() -> str | None:
        app = CaptureApp(store)
        async with app.run_test(size=(60, 20)) as pilot:
            assert isinstance(app.screen, StartScreen)
            assert "Your day         2 interviews, median 16 min" in shown(app, "#session")
            await command(pilot, "quit")
        return app.return_value

    assert asyncio.run(run()) is None
