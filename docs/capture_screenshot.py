"""Write docs/capture.svg: the Q5 grid of a council interview at 80x24.

Run from the repository root after a visible change to the capture app:

    python docs/capture_screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.core.questionnaire.bundled import questionnaire_path
from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.tui.app import CaptureApp

DOCS = Path(__file__).resolve().parent


async def screenshot(out: Path) -> Path:
    store = CaptureStore(
        out,
        load_questionnaire(questionnaire_path()),
        interviewer="ann",
        device="laptop-3",
        event="LocalGov Digital 2013",
        today=lambda: date(2013, 6, 24),
        now=lambda: datetime(2013, 6, 24, 9, 15, tzinfo=UTC),
    )
    app = CaptureApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "1", "2")  # new interview, council, English district
        for text in ["Ada Lee", "Web Manager", "Leeds City Council"]:
            await pilot.press(*["space" if c == " " else c for c in text], "enter")
        await pilot.press("5", "4", "5", "4", "3")  # role, then four rows of Q5
        return Path(app.save_screenshot("capture.svg", str(DOCS)))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        print(asyncio.run(screenshot(Path(tmp))))
