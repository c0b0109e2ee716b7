"""An interview flow as plain data, and back: what a draft file holds of it.

The state is the record id, audience, start time, position (the question on
screen, None at the review), answers, timings, the language each answer was
given in, and the personal answers sealed before a resume (which the flow keeps
as they are, see :mod:`.draft`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire


def flow_state(flow: InterviewFlow) -> dict[str, Any]:
    """Everything needed to resume ``flow`` after a crash."""
    current = flow.current
    return {
        "record_id": flow.record_id,
        "audience": flow.audience,
        "started_at": flow.started_at.isoformat(),
        "position": current.code if current is not None else None,
        "answers": flow.answers,
        "timings": flow.timings,
        "languages": flow.languages,
    }


def flow_from_state(
    loaded: LoadedQuestionnaire,
    state: dict[str, Any],
    clock: Callable[[], float] = time.monotonic,
) -> InterviewFlow:
    """The flow ``state`` describes, at its position, in ``loaded``'s language."""
    flow = InterviewFlow(
        loaded,
        state["audience"],
        record_id=state["record_id"],
        started_at=datetime.fromisoformat(state["started_at"]),
        clock=clock,
    )
    answers, sealed = state["answers"], state.get("encrypted_answers") or {}
    for question in loaded.questionnaire.questions:
        if question.code in answers:
            flow.answer(question.code, answers[question.code])
    personal = {q.code for q in flow.asked if q.personal}
    flow.sealed = {code: text for code, text in sealed.items() if code in personal}
    if state.get("position"):
        flow.go_to(state["position"])
    else:
        flow.go_to_review()
    flow.timings = {str(c): float(t) for c, t in state.get("timings", {}).items()}
    flow.languages = {str(c): str(lang) for c, lang in (state.get("languages") or {}).items()}
    return flow
