"""Giving the flow what is typed on screen: a text answer, numbers. The flow decides.

A refused value is not kept in the flow (no stale earlier value survives); its
reason is shown under the field it was typed in.
"""

from __future__ import annotations

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.errors import AnswerError
from localdigital_tui.tui.views.question import QuestionView
from localdigital_tui.tui.widgets.number_field import NumberField


def give_text(flow: InterviewFlow, view: QuestionView) -> bool:
    """The text typed for the view's question; False (the reason shown) if refused."""
    assert view.question is not None
    try:
        flow.answer(view.question.code, view.typed_text())
    except AnswerError as refused:
        view.show_text_error(refused.reason)
        return False
    view.show_text_error(None)
    return True


def give_number(flow: InterviewFlow, code: str, field: NumberField) -> str | None:
    """The number now in ``field`` for question ``code``; the reason it is refused, if it is."""
    text = field.input.value.strip()
    try:
        if field.row is not None:
            flow.answer_row(code, field.row, text or None)
        elif text:
            flow.answer(code, text)
        else:
            flow.clear(code)
    except AnswerError as error:
        if field.row is not None:
            flow.answer_row(code, field.row, None)
        else:
            flow.clear(code)
        field.show_error(error.reason)
        return error.reason
    field.show_error(None)
    return None


def refused_numbers(flow: InterviewFlow, view: QuestionView) -> list[NumberField]:
    """Give the flow every number on the view; the fields whose value it refused."""
    assert view.question is not None
    code = view.question.code
    return [f for f in view.number_fields() if give_number(flow, code, f) is not None]
