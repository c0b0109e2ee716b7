"""The grid and review screens at 80x24, compared with the accepted screenshots.

Update after a deliberate change with ``pytest tests/tui --snapshot-update`` and
look at the new SVGs under ``tests/tui/__snapshots__/`` before committing them.
"""

from __future__ import annotations

from collections.abc import Callable

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.core.questionnaire.model import GridQuestion
from localdigital_tui.tui.app import CaptureApp
from tests.records_factory import complete_flow

SnapCompare = Callable[..., bool]
RESUME_THE_DRAFT = ("down", "enter")


def test_grid_screen_shows_required_and_unanswered_rows(
    store: CaptureStore, snap_compare: SnapCompare
) -> None:
    flow = store.new_interview("council")
    for row, choice in [("better_for_less", "agree"), ("customer_journey", "strongly_agree")]:
        flow.answer_row("q5", row, choice)
    flow.go_to("q5")
    store.save_draft(flow)
    # Resume lands on the first unanswered row; one more answer moves the cursor on.
    assert snap_compare(CaptureApp(store), press=[*RESUME_THE_DRAFT, "3"])


def test_review_screen_lists_answers_and_what_is_missing(
    store: CaptureStore, snap_compare: SnapCompare
) -> None:
    flow = complete_flow(store.loaded, "council")
    q5 = store.loaded.questionnaire.question("q5")
    assert isinstance(q5, GridQuestion)
    flow.answer_row("q5", q5.rows[0].code, None)  # one required row left open
    flow.answer("q5_other", "Survive!")
    flow.go_to_review()
    store.save_draft(flow)
    assert snap_compare(CaptureApp(store), press=RESUME_THE_DRAFT)
