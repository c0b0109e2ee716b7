"""A capture store in a temporary directory, and helpers to read what the app shows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Static

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.tui.screens.interview import InterviewScreen
from localdigital_tui.tui.views.base import InterviewView

DAY = date(2013, 6, 24)


@pytest.fixture
def store(tmp_path: Path, loaded: LoadedQuestionnaire) -> CaptureStore:
    return CaptureStore(
        tmp_path / "capture",
        loaded,
        interviewer="ann",
        device="laptop-3",
        event="LocalGov Digital 2013",
        today=lambda: DAY,
        now=lambda: datetime(2013, 6, 24, 9, 15, tzinfo=UTC),
    )


def shown(app: App[object], selector: str) -> str:
    """The text of a Static on the current screen."""
    return str(app.screen.query_one(selector, Static).content)


def current_view(app: App[object]) -> InterviewView | None:
    """What the interview screen shows now (None when no interview is on top)."""
    screen = app.screen
    return screen.view if isinstance(screen, InterviewScreen) else None
