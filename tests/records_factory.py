"""Build valid records for tests through the interview flow, the way front ends do."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.questionnaire.model import GridQuestion, LoadedQuestionnaire
from localdigital_tui.core.records.model import dump_line


def complete_flow(
    loaded: LoadedQuestionnaire, audience: str = "council", seed: int = 0
) -> InterviewFlow:
    flow = InterviewFlow(loaded, audience, started_at=datetime(2013, 6, 24, 9, 0, tzinfo=UTC))
    q5 = loaded.questionnaire.question("q5")
    assert isinstance(q5, GridQuestion)
    scale = [c.code for c in loaded.questionnaire.scale_of(q5)]
    for i, row in enumerate(q5.rows):
        flow.answer_row("q5", row.code, scale[(i + seed) % len(scale)])
    if audience == "council":
        flow.answer("council_type", "english_district")
        flow.answer("q10", "yes")
        flow.answer("q10_amount", 1500 + seed)
        flow.answer("q9", {"services_digital": 25, "transactions_digital": 40.5})
    else:
        flow.answer("supplier_size", "large")
    flow.answer("q1_name", "Test Respondent")
    return flow


def complete_line(
    loaded: LoadedQuestionnaire, audience: str = "council", seed: int = 0
) -> dict[str, Any]:
    record, _ = complete_flow(loaded, audience, seed).build_records(
        status="complete",
        interviewer="tester",
        device="laptop-1",
        submitted_at=datetime(2013, 6, 24, 9, 20, tzinfo=UTC),
    )
    data: dict[str, Any] = json.loads(dump_line(record))
    return data
