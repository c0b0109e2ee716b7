"""Keys typed ahead, faster than the screens change, still answer the questions they were meant for.

A fieldworker who knows the survey types the next answer before the screen for it
shows. Here every key of a whole council interview is queued at once, with no
pause for any screen, and the record written must be the one the keys mean.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from textual import events
from textual.pilot import Pilot

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.core.questionnaire.model import GridQuestion, LoadedQuestionnaire
from localdigital_tui.tui.app import CaptureApp
from localdigital_tui.tui.screens.start import StartScreen
from tests.tui.conftest import shown

NAMED = {
    "enter": "\r",
    "space": " ",
    "full_stop": ".",
    "ctrl+n": None,
    "ctrl+s": None,
    "down": None,
}


def key_event(key: str) -> events.Key:
    return events.Key(key, NAMED[key]) if key in NAMED else events.Key(key, key)


def text_keys(text: str) -> list[str]:
    names = {" ": "space", ".": "full_stop"}
    return [names.get(c, c) for c in text]


def type_ahead(app: CaptureApp, keys: list[str]) -> None:
    """Queue every key at once, as a terminal delivers a burst; nothing waits for a screen."""
    for key in keys:
        app.post_message(key_event(key))


async def settle(pilot: Pilot[Any], done: Callable[[], bool], rounds: int = 200) -> None:
    """Let the app work through the queued keys, until ``done`` or it has long been idle."""
    for _ in range(rounds):
        if done():
            return
        await pilot.pause(0.02)


def grid_keys(
    loaded: LoadedQuestionnaire, code: str, points: list[int]
) -> tuple[list[str], dict[str, str]]:
    """Keys answering a grid's rows with these points of its scale, and the answers they mean."""
    question = loaded.questionnaire.question(code)
    assert isinstance(question, GridQuestion)
    scale = [c.code for c in loaded.questionnaire.scale_of(question)]
    rows = [r.code for r in question.rows]
    return [str(p) for p in points], {
        row: scale[p - 1] for row, p in zip(rows, points, strict=False)
    }


def council_keys(loaded: LoadedQuestionnaire) -> tuple[list[str], dict[str, Any], dict[str, Any]]:
    """Every key of one council interview, start screen to "submitted", and what they mean."""
    q5_keys, q5 = grid_keys(loaded, "q5", [4, 2, 5, 1, 3] * 3)
    q6_keys, q6 = grid_keys(loaded, "q6", [3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1])
    q7_keys, q7 = grid_keys(loaded, "q7", [1, 2, 3])
    q8s_keys, q8s = grid_keys(loaded, "q8_statements", [5, 4, 3])
    q11_keys, q11 = grid_keys(loaded, "q11", [2, 3, 1, 2])
    keys = [
        "enter",  # new interview
        "1",  # council
        "2",  # English district
        *text_keys("Ada Lee"),
        "enter",
        *text_keys("CIO"),
        "enter",
        *text_keys("Leeds CC"),
        "enter",
        "5",  # role: digital practitioner
        *q5_keys,
        "enter",
        *text_keys("Survive"),
        "ctrl+n",
        *q6_keys,
        "enter",
        "ctrl+n",  # q6_other blank
        *q7_keys,
        "enter",
        *text_keys("Chief"),
        "ctrl+n",
        "1",  # q8 yes
        *q8s_keys,
        "enter",
        *text_keys("15"),
        "enter",
        *text_keys("40.5"),
        "enter",
        "1",  # q10 yes
        *text_keys("1500"),
        "enter",
        *q11_keys,
        "enter",
        *text_keys("Money"),
        "ctrl+n",
        "1",  # report copy: yes
        "2",  # prize draw: no
        "ctrl+s",
        "y",
    ]
    answers = {
        "council_type": "english_district",
        "role": "digital_practitioner",
        "q5": q5,
        "q5_other": "Survive",
        "q6": q6,
        "q7": q7,
        "q7_other": "Chief",
        "q8": "yes",
        "q8_statements": q8s,
        "q9": {"services_digital": 15, "transactions_digital": 40.5},
        "q10": "yes",
        "q10_amount": 1500,
        "q11": q11,
        "q11_other": "Money",
    }
    personal = {
        "q1_name": "Ada Lee",
        "q2_job_title": "CIO",
        "q3_organisation": "Leeds CC",
        "q12_report_copy": "yes",
        "q12_prize_draw": "no",
    }
    return keys, answers, personal


def what_was_written(store: CaptureStore) -> tuple[dict[str, Any], dict[str, Any]]:
    """The submitted answers and personal answers, or a draft's answers if never submitted."""
    if store.responses_path().exists():
        record = json.loads(store.responses_path().read_text(encoding="utf-8"))
        personal = json.loads(store.personal_path().read_text(encoding="utf-8"))
        return record["answers"], personal["answers"]
    drafts = sorted(store.drafts_dir.glob("*.json"))
    if drafts:
        return json.loads(drafts[0].read_text(encoding="utf-8"))["answers"], {}
    return {}, {}


async def type_the_interview_ahead(store: CaptureStore, keys: list[str]) -> bool:
    app = CaptureApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, keys)
        await settle(
            pilot,
            lambda: isinstance(app.screen, StartScreen) and store.responses_path().exists(),
        )
        return isinstance(app.screen, StartScreen)


def test_a_whole_interview_typed_ahead_lands_every_answer_on_its_question(
    store: CaptureStore, loaded: LoadedQuestionnaire
) -> None:
    keys, answers, personal = council_keys(loaded)
    back_at_start = asyncio.run(type_the_interview_ahead(store, keys))
    written, written_personal = what_was_written(store)
    assert written == answers
    assert written_personal == personal
    assert back_at_start, "the submit confirmation was typed ahead too"
    assert list(store.drafts_dir.glob("*.json")) == []


async def leave_and_resume_ahead(store: CaptureStore, keys: list[str]) -> str:
    app = CaptureApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, keys)

        def resumed_and_left_again() -> bool:
            drafts = store.list_drafts()
            return (
                isinstance(app.screen, StartScreen)
                and len(drafts) == 1
                and drafts[0].position == "q3_organisation"
            )

        await settle(pilot, resumed_and_left_again)
        return str(shown(app, "#session"))


def test_dialogs_and_the_start_screen_take_keys_typed_ahead_in_order(
    store: CaptureStore,
) -> None:
    """Quit to the start screen, resume the draft and go on, all typed before any screen shows."""
    keys = [
        "enter",  # new interview
        "2",  # supplier
        "3",  # small
        *text_keys("Sam"),
        "enter",
        "ctrl+q",
        "s",  # the quit dialog: back to the start screen, the draft kept
        "down",
        "enter",  # the draft, now listed under "New interview"
        *text_keys("CTO"),
        "enter",
        "ctrl+q",
        "s",
    ]
    session = asyncio.run(leave_and_resume_ahead(store, keys))
    assert "Submitted today  0" in session
    drafts = store.list_drafts()
    assert len(drafts) == 1, "the draft was resumed, not a second interview begun"
    flow = store.resume(drafts[0].record_id)
    assert flow.answers == {"supplier_size": "small", "q1_name": "Sam", "q2_job_title": "CTO"}
