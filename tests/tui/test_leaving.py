"""Leaving mid-interview keeps the draft; the start screen offers it and resumes it."""

from __future__ import annotations

import asyncio

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.tui.app import CaptureApp
from localdigital_tui.tui.screens.quit import QuitDialog
from localdigital_tui.tui.screens.start import StartScreen
from localdigital_tui.tui.views.grid import GridView
from localdigital_tui.tui.widgets.grid_table import GridTable
from tests.tui.conftest import current_view, shown


async def start_and_quit(store: CaptureStore) -> str | None:
    app = CaptureApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "1", "3")  # council, English unitary
        await pilot.press("A", "n", "n")  # name typed, not yet confirmed with Enter
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, QuitDialog)
        assert "The draft is kept" in shown(app, ".dialog-message")
        await pilot.press("q")
    return app.return_value


async def resume_first_draft(store: CaptureStore) -> tuple[str, str]:
    app = CaptureApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("down", "enter")  # the draft, below "New interview"
        name = shown(app, "#question-text")
        await pilot.press("enter", "enter", "enter", "1")  # to Q5 (role: elected member)
        assert isinstance(current_view(app), GridView)
        await pilot.press("4", "ctrl+q", "s")  # one row, then back to the start screen
        assert isinstance(app.screen, StartScreen)
        draft_entry = str(app.screen.query_one("#start-menu").get_option_at_index(1).prompt)  # type: ignore[attr-defined]
        await pilot.press("down", "enter")
        assert isinstance(current_view(app), GridView)
        table = app.screen.query_one(GridTable)
        focused = table.focused_row.code
        await pilot.press("ctrl+q", "c")  # cancel: stays in the interview
        assert isinstance(current_view(app), GridView)
    return name, f"{draft_entry} | focused {focused}"


def test_quitting_mid_interview_keeps_the_draft_and_the_start_screen_resumes_it(
    store: CaptureStore,
) -> None:
    note = asyncio.run(start_and_quit(store))
    assert note is not None and "the draft is kept" in note

    drafts = store.list_drafts()
    assert len(drafts) == 1
    assert drafts[0].position == "q1_name"
    flow = store.resume(drafts[0].record_id)
    assert flow.answers == {"council_type": "english_unitary", "q1_name": "Ann"}

    name, entry = asyncio.run(resume_first_draft(store))
    assert name == "Please enter your name:"
    assert "Resume: Ann · council" in entry and "by ann" in entry and "at Q5" in entry
    assert "focused customer_journey" in entry, "resumes at the first unanswered row"
    flow = store.resume(drafts[0].record_id)
    assert flow.answers["q5"] == {"better_for_less": "agree"}
    assert flow.answers["role"] == "elected_member"


async def discard_first_draft(store: CaptureStore) -> None:
    app = CaptureApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "delete", "y")


def test_delete_on_the_start_screen_sets_a_draft_aside(store: CaptureStore) -> None:
    flow = store.new_interview("supplier")
    asyncio.run(discard_first_draft(store))
    assert store.list_drafts() == []
    assert (store.drafts_dir / "discarded" / f"{flow.record_id}.json").exists()
