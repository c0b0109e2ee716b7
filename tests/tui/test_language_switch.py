"""F2 switches the capture app to the questionnaire's next language, mid-interview."""

from __future__ import annotations

import asyncio
import json

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.tui.app import CaptureApp
from localdigital_tui.tui.views.grid import GridView
from tests.tui.conftest import current_view, shown


def test_f2_shows_the_next_language_and_the_draft_notes_each_answers_language(
    store: CaptureStore,
) -> None:
    async def run() -> tuple[str, str, str, str]:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")  # a new interview: the introduction, in English
            english = shown(app, "#question-text")
            await pilot.press("f2")
            welsh = shown(app, "#question-text")
            await pilot.press("1", "7")  # council, Welsh unitary: answered in Welsh
            await pilot.press("enter", "enter", "enter", "1")  # Q1-Q3 blank, Q4 role
            await pilot.press("f2")  # back to English for Q5
            assert isinstance(current_view(app), GridView)
            await pilot.press("4")
            q5 = shown(app, "#question-text")
            await pilot.press("ctrl+o", "Q", "6")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.1)
            await pilot.press("f2")  # Q6 in Welsh
            q6 = shown(app, "#question-text")
            await pilot.press("3")
        return english, welsh, q5, q6

    english, welsh, q5, q6 = asyncio.run(run())
    assert english.startswith("Respondent type") and welsh.startswith("Math o ymatebydd")
    assert q5.startswith("Do you agree") and q6.startswith("A yw'r canlynol")
    draft = json.loads(next(store.drafts_dir.glob("*.json")).read_text(encoding="utf-8"))
    assert draft["languages"] == {"council_type": "cy", "role": "cy", "q5": "en", "q6": "cy"}
