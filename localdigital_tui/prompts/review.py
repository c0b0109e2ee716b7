"""The plain review screen: every question asked, its answer in words, what is missing."""

from __future__ import annotations

from typing import Any

from localdigital_tui.core.capture.flow import SEALED_ANSWER, InterviewFlow
from localdigital_tui.core.capture.progress import place
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Question,
    SingleChoiceQuestion,
)

NO_ANSWER = "(no answer)"


def question_label(flow: InterviewFlow, question: Question) -> str:
    """``Q5`` for a numbered question, ``Profile`` for the others."""
    return f"Q{question.number}" if question.number else "Profile"


def heading_line(flow: InterviewFlow, question: Question) -> str:
    """What precedes each question: its number and how far the interview is."""
    n, m = place(flow)
    return f"{question_label(flow, question)} - question {n} of {m}" + (
        " (personal: kept apart from the answers)" if question.personal else ""
    )


def format_number(question: NumberQuestion | NumbersQuestion, value: Any) -> str:
    if question.unit == "pounds":
        return f"£{value:,}"
    if question.unit == "percent":
        return f"{value:g}%"
    return f"{value:g}"


def answer_lines(flow: InterviewFlow, question: Question) -> list[str]:
    """The answer in words: one line, or one line per row of a grid or numbers question."""
    value = flow.answers.get(question.code)
    audience = flow.audience
    if isinstance(question, GridQuestion):
        scale = {c.code: c.label_for(audience) for c in flow.questionnaire.scale_of(question)}
        rows = value or {}
        return [
            f"{row.label_for(audience)}{' *' if row.required else ''}: "
            + (scale[rows[row.code]] if row.code in rows else NO_ANSWER)
            for row in question.rows
        ]
    if isinstance(question, NumbersQuestion):
        rows = value or {}
        return [
            f"{row.label_for(audience)}: "
            + (format_number(question, rows[row.code]) if row.code in rows else NO_ANSWER)
            for row in question.rows
        ]
    if value is None:
        return [SEALED_ANSWER if question.code in flow.sealed else NO_ANSWER]
    if isinstance(question, SingleChoiceQuestion):
        labels = {c.code: c.label_for(audience) for c in question.choices}
        return [labels[value]]
    if isinstance(question, NumberQuestion):
        return [format_number(question, value)]
    return str(value).splitlines() or [NO_ANSWER]


def short_answer(flow: InterviewFlow, question: Question) -> str:
    """One line for a menu: the answer, or how many rows are answered."""
    value = flow.answers.get(question.code)
    if isinstance(question, GridQuestion | NumbersQuestion):
        return f"{len(value or {})} of {len(question.rows)} rows answered"
    line = answer_lines(flow, question)[0]
    return line if len(line) <= 40 else line[:37] + "..."


def review_lines(flow: InterviewFlow) -> list[str]:
    """The whole review as text: each question, its answer, then anything still missing."""
    lines = [f"Review: {flow.total} questions asked of this {flow.audience} respondent", ""]
    for question in flow.asked:
        lines.append(f"{question_label(flow, question)}. {flow.text(question)}")
        lines += [f"    {line}" for line in answer_lines(flow, question)]
    missing = flow.missing()
    lines.append("")
    if missing:
        lines.append(f"Still needed before submitting ({len(missing)}):")
        for item in missing:
            question = flow.questionnaire.question(item.question)
            lines.append(f"    {question_label(flow, question)}: {item.label}")
    else:
        lines.append("Every required answer is given.")
    return lines
