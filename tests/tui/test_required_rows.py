"""Leaving a grid with required rows unanswered asks first, in the questionnaire's words."""

from __future__ import annotations

import asyncio

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.tui.app import CaptureApp
from localdigital_tui.tui.screens.leave_question import LeaveQuestionDialog
from localdigital_tui.tui.screens.submit import SubmitDialog
from localdigital_tui.tui.views.grid import GridView
from tests.tui.conftest import current_view, shown


def test_go_back_or_leave_for_now(store: CaptureStore) -> None:
    async def run() -> tuple[str, str, str, str]:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "1", "1", "enter", "enter", "enter", "1")  # to Q5
            view = current_view(app)
            assert isinstance(view, GridView) and view.grid.code == "q5"
            await pilot.press("4", "enter")  # one row answered, then Enter: leave?
            assert isinstance(app.screen, LeaveQuestionDialog)
            message = shown(app, ".dialog-message")
            await pilot.press("n")  # go back
            await pilot.pause()
            back = current_view(app)
            assert isinstance(back, GridView) and back.grid.code == "q5"
            assert view.flow is not None
            first_missing = view.flow.missing(view.flow.current)[0].row or ""
            focused = back.table.focused_row.code
            await pilot.press("enter", "y")  # leave for now
            await pilot.pause()
            assert view.flow.current is not None
            return message, focused, first_missing, view.flow.current.code

    message, focused, first_missing, after = asyncio.run(run())
    assert message.startswith("13 required rows are unanswered: ")
    assert "Make the customer journey better for our citizens" in message  # labels
    assert "q5." not in message and "customer_journey" not in message  # never codes
    assert message.endswith("; and 10 more.\nLeave them for now (the review marks them), "
                            "or go back to answer them?")  # fmt: skip
    assert focused == first_missing  # back on the first unanswered required row
    assert after == "q5_other"  # moved on to the next question


def test_the_submit_question_says_what_is_left_empty(store: CaptureStore) -> None:
    flow = store.new_interview("council")
    flow.answer("council_type", "english_county")
    text = SubmitDialog(flow, "responses.jsonl").message
    assert "Council: 1 of " in text and "left empty" in text


def test_a_digit_out_of_the_scale_is_said_and_a_closed_answer_is_named(
    store: CaptureStore,
) -> None:
    async def run() -> tuple[list[str], list[str]]:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "1", "1", "enter", "enter", "enter", "1")  # to Q5
            await pilot.press("9")  # a five-point scale
            await pilot.pause()
            grid = [n.message for n in app._notifications]
            flow = app.screen.flow  # type: ignore[attr-defined]
            flow.answer("q10", "yes")
            flow.answer("q10_amount", 1500)
            flow.go_to("q10")
            await app.screen._show()  # type: ignore[attr-defined]
            await pilot.press("2")  # q10: no, which closes q10_amount
            await pilot.pause()
            later = [n.message for n in app._notifications]
            return grid, later

    grid, later = asyncio.run(run())
    assert "9 is not a choice here: 1-5" in grid
    assert any(m.startswith("Cleared, no longer asked: Q10") for m in later), later


def test_a_number_confirmed_with_enter_is_in_the_draft_at_once(store: CaptureStore) -> None:
    flow = store.new_interview("council")
    flow.answer("council_type", "english_county")
    flow.go_to("q9")
    store.save_draft(flow)

    async def run() -> None:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("down", "enter")  # resume the draft, at Q9
            await pilot.press("2", "5", "enter")  # the first field, confirmed
            await pilot.pause()

    asyncio.run(run())
    assert store.resume(flow.record_id).answers["q9"] == {"services_digital": 25}


def test_the_review_comes_back_to_the_answer_edited_and_m_finds_what_is_missing(
    store: CaptureStore,
) -> None:
    async def run() -> tuple[str | None, str | None, str | None]:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "2", "1", "ctrl+r")  # supplier, large; review
            review = app.screen.query_one("#review")
            review.highlighted = review.get_option_index("supplier_size")  # type: ignore[attr-defined]
            await pilot.press("enter", "2")  # change it to medium: on to the next question
            await pilot.press("ctrl+r")
            await pilot.pause()
            review = app.screen.query_one("#review")
            back_at = review.get_option_at_index(review.highlighted).id  # type: ignore[attr-defined]
            await pilot.press("m")
            first_missing = review.get_option_at_index(review.highlighted).id  # type: ignore[attr-defined]
            await pilot.press("m")
            second_missing = review.get_option_at_index(review.highlighted).id  # type: ignore[attr-defined]
            return back_at, first_missing, second_missing

    back_at, first_missing, second_missing = asyncio.run(run())
    assert back_at == "supplier_size"
    assert first_missing is not None and first_missing.startswith("q5:")
    assert second_missing is not None and second_missing != first_missing


def test_typed_ahead_digits_are_never_selected_and_replaced(store: CaptureStore) -> None:
    """A digit typed before the focus reaches the next field must stay: with Textual's
    select_on_focus, "40.5" typed fast into Q9's second field became "0.5"
    (benchmarks/capture_type_ahead.py at 20 ms a key found it)."""
    from textual.widgets import Input

    flow = store.new_interview("council")
    flow.answer("council_type", "english_county")
    flow.go_to("q9")
    store.save_draft(flow)

    async def run() -> list[bool]:
        app = CaptureApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("down", "enter")  # resume, at Q9
            return [field.select_on_focus for field in app.screen.query(Input)]

    selects = asyncio.run(run())
    assert len(selects) == 2 and not any(selects)
