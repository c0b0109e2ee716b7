"""The review: every question asked and its answer; each entry jumps to edit it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from localdigital_tui.core.capture.flow import SEALED_ANSWER, InterviewFlow
from localdigital_tui.core.capture.missing import MissingItem
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Question,
    SingleChoiceQuestion,
)

SUBMIT = "__submit__"
AUDIENCE = "__audience__"  # the respondent type: Enter on it offers to change it
ANSWER_WIDTH = 30
UNITS = {"percent": "{:g}%", "pounds": "£{:,}", "count": "{:g}"}


def format_number(question: NumberQuestion | NumbersQuestion, value: Any) -> str:
    return UNITS[question.unit].format(value)


def answer_summary(flow: InterviewFlow, question: Question) -> str:
    """The answer as the respondent would recognise it, or ``(no answer)``."""
    answer = flow.answers.get(question.code)
    if answer is None:
        return SEALED_ANSWER if question.code in flow.sealed else "(no answer)"
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


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, on one line."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def entry(label: str, answer: str, *, width: int, indent: int, flag: bool) -> Text:
    """``! Q5 Do you agree ...      14 of 15 rows answered``: one line, ``width`` wide."""
    answer = fit(answer, min(ANSWER_WIDTH, width // 2))
    label_width = max(8, width - len(answer) - indent - 3)
    line = Text("! " if flag else "  ", style="bold")
    line.append(" " * indent + fit(label, label_width).ljust(label_width) + " ")
    line.append(answer.rjust(width - line.cell_len), style="bold" if flag else "")
    return line


def review_options(flow: InterviewFlow, missing: list[MissingItem], width: int) -> list[Option]:
    missing_keys = {(m.question, m.row) for m in missing}
    q = flow.questionnaire
    who = next(a.label for a in q.audiences if a.code == flow.audience)
    type_line = entry(q.audience_question.text, who, width=width, indent=0, flag=False)
    options = [Option(type_line, id=AUDIENCE)]
    for question in flow.asked:
        rows = question.rows if isinstance(question, GridQuestion | NumbersQuestion) else []
        flag = (question.code, None) in missing_keys or any(
            (question.code, r.code) in missing_keys for r in rows
        )
        text = flow.text(question)
        label = f"Q{question.number} {text}" if question.number else text
        summary = answer_summary(flow, question)
        options.append(
            Option(entry(label, summary, width=width, indent=0, flag=flag), id=question.code)
        )
        for row in rows:
            assert isinstance(question, GridQuestion | NumbersQuestion)
            line = entry(
                row.label_for(flow.audience),
                row_answer(flow, question, row.code),
                width=width,
                indent=3,
                flag=(question.code, row.code) in missing_keys,
            )
            options.append(Option(line, id=f"{question.code}:{row.code}"))
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

    def __init__(self, flow: InterviewFlow, *, width: int, id: str | None = None) -> None:
        """``width``: cells available for each line."""
        super().__init__(*review_options(flow, flow.missing(), width), id=id)

    def take_key(self, event: events.Key) -> Message | None:
        """Enter: a jump to the highlighted answer, or the submit request; other keys: nothing."""
        option = self.highlighted_option
        if event.key != "enter" or option is None or option.id is None:
            return None
        return self._message_for(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self._message_for(event.option_id))

    def _message_for(self, option_id: str) -> Message:
        if option_id == SUBMIT:
            return self.SubmitRequested(self)
        question, _, row = option_id.partition(":")
        return self.Jump(self, question, row or None)
