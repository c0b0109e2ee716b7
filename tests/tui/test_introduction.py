"""Every interview starts with the questionnaire's introduction, to read out."""

from __future__ import annotations

import asyncio

from textual.containers import VerticalScroll
from textual.widgets import Static

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.prompts.interview import introduction_text
from localdigital_tui.tui.app import CaptureApp
from localdigital_tui.tui.views.audience import AudienceView
from tests.tui.conftest import current_view, shown


def test_the_introduction_and_the_anonymity_statement_come_first(store: CaptureStore) -> None:
    q = store.loaded.questionnaire

    async def run() -> tuple[str, str, float, float]:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")  # New interview
            assert isinstance(current_view(app), AudienceView)
            intro = app.screen.query_one("#introduction", VerticalScroll)
            texts = [str(w.content) for w in intro.query(Static)]
            before = intro.scroll_y
            await pilot.press("pagedown")
            await pilot.pause()
            question = shown(app, "#question-text")
            return texts[0] + "\n" + texts[1], question, before, intro.scroll_y

    text, question, before, after = asyncio.run(run())
    assert text.startswith("ALL ANSWERS ANONYMOUS")
    assert "There are many definitions of what 'Digital' is" in text
    assert question == q.audience_question.text  # still on screen below it
    assert after > before  # PageDown scrolls the introduction, not the choices


def test_plain_prompts_print_it_before_the_respondent_type(store: CaptureStore) -> None:
    text = introduction_text(store.loaded.questionnaire)
    assert text.startswith("ALL ANSWERS ANONYMOUS - OPEN TILL 14:30 2ND JULY\n\n")
    assert max(map(len, text.splitlines())) <= 78 and "Helen Olsen" in text


def test_the_help_covers_the_start_screen_and_fits_its_box() -> None:
    import re

    from localdigital_tui.tui.screens.help import KEYS

    lines = [re.sub(r"\[/?b\]", "", line) for line in KEYS.splitlines()]
    assert max(map(len, lines)) <= 64  # the help box's width at 80 columns: no wrapping
    assert "Start screen" in lines and any("m             the next missing" in x for x in lines)
