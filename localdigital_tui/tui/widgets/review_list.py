"""The review: every question asked and its answer; each entry jumps to edit it."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from localdigital_tui.core.flow import InterviewFlow, MissingItem
from localdigital_tui.core.questionnaire import (
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Question,
    SingleChoiceQuestion,
)

SUBMIT = "__submit__"
UNITS = {"percent": "{:g}%", "pounds": "£{:,}", "count": "{:g}"}


def format_number(question: NumberQuestion | NumbersQuestion, value: Any) -> str:
    return UNITS[question.unit].format(value)


def answer_summary(flow: InterviewFlow, question: Question) -> str:
    """The answer as the respondent would recognise it, or ``(no answer)``."""
    answer = flow.answers.get(question.code)
    if answer is None:
        return "(no answer)"
    if isinstance(question, SingleChoiceQuestion):
        labels = {c.code: c.label_for(flow.audience) for c in question.choices}
        return labels[answer]
    if isinstance(question, NumberQuestion):
        return format_number(question, answer)
    if isinstance(question, GridQuestion | NumbersQuestion):
        return f"{len(answer)} of {len(question.rows)} rows answered"
    return " ".join(str(answer).split())


def row_answer(flow: InterviewFlow, question: GridQuestion | NumbersQuestion, row: str) -> str:
    value = flow.answers.get(question.code, {}).get(row)
    if value is None:
        return "(no answer)"
    if isinstance(question, NumbersQuestion):
        return format_number(question, value)
    labels = {c.code: c.label for c in flow.questionnaire.scale_of(question)}
    return str(labels[value])


def entry(label: str, answer: str, *, indent: int, flag: str) -> RenderableType:
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(max_width=34, no_wrap=True, overflow="ellipsis", justify="right")
    grid.add_row(flag, Text(" " * indent + label), Text(answer))
    return grid


def review_options(flow: InterviewFlow, missing: list[MissingItem]) -> list[Option]:
    missing_keys = {(m.question, m.row) for m in missing}
    options = []
    for question in flow.asked:
        number = f"Q{question.number}" if question.number else "Profile"
        flag = "!" if (question.code, None) in missing_keys else " "
        rows = question.rows if isinstance(question, GridQuestion | NumbersQuestion) else []
        if any((question.code, r.code) in missing_keys for r in rows):
            flag = "!"
        summary = answer_summary(flow, question)
        label = f"{number} {flow.text(question)}"
        options.append(Option(entry(label, summary, indent=0, flag=flag), id=question.code))
        for row in rows:
            assert isinstance(question, GridQuestion | NumbersQuestion)
            row_flag = "!" if (question.code, row.code) in missing_keys else " "
            options.append(
                Option(
                    entry(
                        row.label_for(flow.audience),
                        row_answer(flow, question, row.code),
                        indent=3,
                        flag=row_flag,
                    ),
                    id=f"{question.code}:{row.code}",
                )
            )
    if missing:
        text = f"Cannot submit yet: {len(missing)} required answers missing (marked !)"
    else:
        text = "Submit this interview"
    options.append(Option(Text(f"▶ {text}", style="bold"), id=SUBMIT))
    return options


class ReviewList(OptionList):
    """One entry per question and per grid or numbers row, then "Submit"."""

    class Jump(Message):
        """Edit this question (and focus this row of it, if given)."""

        def __init__(self, review: ReviewList, question: str, row: str | None) -> None:
            super().__init__()
            self.review = review
            self.question = question
            self.row = row

        @property
        def control(self) -> ReviewList:
            return self.review

    class SubmitRequested(Message):
        """The interviewer chose "Submit"."""

        def __init__(self, review: ReviewList) -> None:
            super().__init__()
            self.review = review

        @property
        def control(self) -> ReviewList:
            return self.review

    def __init__(self, flow: InterviewFlow, *, id: str | None = None) -> None:
        missing = flow.missing()
        super().__init__(*review_options(flow, missing), id=id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id == SUBMIT:
            self.post_message(self.SubmitRequested(self))
        elif event.option_id is not None:
            question, _, row = event.option_id.partition(":")
            self.post_message(self.Jump(self, question, row or None))
