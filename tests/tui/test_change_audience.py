"""The respondent type can be changed: Back from the first question, or from the review."""

from __future__ import annotations

import asyncio

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.tui.app import CaptureApp
from localdigital_tui.tui.screens.change_audience import ChangeAudienceDialog
from localdigital_tui.tui.views.audience import AudienceView
from tests.tui.conftest import current_view, shown


def test_back_from_the_first_question_changes_the_type_dropping_only_council_answers(
    store: CaptureStore,
) -> None:
    async def run() -> tuple[str, str, dict[str, object], str]:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "1", "1")  # council, English county
            await pilot.press("ctrl+p", "ctrl+p")  # back to Q1... and to the type
            assert isinstance(current_view(app), AudienceView)
            await pilot.press("2")  # supplier
            assert isinstance(app.screen, ChangeAudienceDialog)
            message = shown(app, ".dialog-message")
            await pilot.press("y")
            await pilot.pause()
            screen = app.screen
            flow = screen.flow  # type: ignore[attr-defined]
            first = shown(app, "#question-text")
            return message, flow.audience, dict(flow.answers), first

    message, audience, answers, first = asyncio.run(run())
    assert message.startswith("Change the respondent type to Supplier to local public services?")
    assert "These answers will be dropped: Profile: type of organisation." in message
    assert audience == "supplier" and "council_type" not in answers
    assert first == "Profile: size of your organisation"  # the supplier's first question


def test_the_review_lists_the_type_and_keeping_it_changes_nothing(store: CaptureStore) -> None:
    async def run() -> tuple[str, str]:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "2", "1", "ctrl+r")  # supplier, large; review
            first_entry = str(
                app.screen.query_one("#review").get_option_at_index(0).prompt  # type: ignore[attr-defined]
            )
            await pilot.press("home", "enter")  # the respondent type entry
            assert isinstance(current_view(app), AudienceView)
            await pilot.press("1", "n")  # council? no: keep
            await pilot.pause()
            return first_entry, app.screen.flow.audience  # type: ignore[attr-defined]

    first_entry, audience = asyncio.run(run())
    assert "Respondent type" in first_entry and "Supplier to local public" in first_entry
    assert audience == "supplier"
