"""Ask one question of the interview flow through a prompter, by kind of question.

Single choice is a menu; a grid is one menu per row (required rows marked
``*``, optional ones may be skipped); text is typed (several lines where the
question allows); numbers are typed and checked by the flow's own answer rules,
so a refused value is re-asked with the reason. Every menu has "< Back" and
every typed answer accepts ``<`` to go back. ``save`` is called after every
answer, a grid row included, so a crash loses at most the answer being typed.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import partial
from typing import Literal

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.questionnaire import answer_rules
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Question,
    RowQuestion,
    SingleChoiceQuestion,
    TextQuestion,
)
from localdigital_tui.errors import AnswerError
from localdigital_tui.prompts.prompter import BACK, BACK_KEY, Option, Prompter, Validator


class Step(enum.Enum):
    DONE = "done"  # answered (or left blank): go on
    BACK = "back"  # go to the previous question


class Skip(enum.Enum):
    SKIP = "skip"


SKIP = Skip.SKIP
RowStart = Literal["first", "last", "unanswered"]
BACK_OPTION = Option("< Back", BACK)
UNIT_HINTS = {
    "percent": "a percentage, 0-100",
    "pounds": "pounds, whole number",
    "count": "a number",
}


def ask_question(
    prompter: Prompter,
    flow: InterviewFlow,
    question: Question,
    save: Callable[[], object],
    *,
    rows_from: RowStart = "first",
) -> Step:
    """Ask ``question`` and store the answer.

    ``rows_from`` says where a grid or numbers question starts: at its first row,
    its last (coming back from the next question), or its first unanswered row
    (resuming a draft, so the interviewer carries on where the crash struck).
    """
    if isinstance(question, SingleChoiceQuestion):
        return _single_choice(prompter, flow, question, save)
    if isinstance(question, GridQuestion):
        return _grid(prompter, flow, question, save, rows_from)
    if isinstance(question, TextQuestion):
        return _text(prompter, flow, question, save)
    if isinstance(question, NumberQuestion):
        return _number(prompter, flow, question, save)
    return _numbers(prompter, flow, question, save, rows_from)


def _single_choice(
    prompter: Prompter,
    flow: InterviewFlow,
    question: SingleChoiceQuestion,
    save: Callable[[], object],
) -> Step:
    options = [Option(c.label_for(flow.audience), c.code) for c in question.choices]
    if not question.required:
        options.append(Option("No answer", SKIP))
    options.append(BACK_OPTION)
    chosen = prompter.select(flow.text(question), options, default=flow.answers.get(question.code))
    if chosen is BACK:
        return Step.BACK
    if chosen is SKIP:
        flow.clear(question.code)
    else:
        flow.answer(question.code, chosen)
    save()
    return Step.DONE


def _grid(
    prompter: Prompter,
    flow: InterviewFlow,
    question: GridQuestion,
    save: Callable[[], object],
    rows_from: RowStart,
) -> Step:
    scale = [
        Option(c.label_for(flow.audience), c.code) for c in flow.questionnaire.scale_of(question)
    ]
    rows = question.rows
    prompter.say(flow.text(question))  # the question, in the respondent's wording
    if question.stem:
        prompter.say(question.stem)
    index = _first_row(flow, question, rows_from)
    while index < len(rows):
        row = rows[index]
        current = flow.answers.get(question.code, {})
        mark = " *" if row.required else ""
        message = f"[{index + 1}/{len(rows)}{mark}] {row.label_for(flow.audience)}"
        options = scale + ([] if row.required else [Option("Skip this row", SKIP)]) + [BACK_OPTION]
        chosen = prompter.select(message, options, default=current.get(row.code))
        if chosen is BACK:
            if index == 0:
                return Step.BACK
            index -= 1
            continue
        flow.answer_row(question.code, row.code, None if chosen is SKIP else chosen)
        save()
        index += 1
    return Step.DONE


def _first_row(flow: InterviewFlow, question: RowQuestion, rows_from: RowStart) -> int:
    if rows_from == "last":
        return len(question.rows) - 1
    if rows_from == "unanswered":
        answered = flow.answers.get(question.code, {})
        unanswered = [i for i, row in enumerate(question.rows) if row.code not in answered]
        return unanswered[0] if unanswered else 0
    return 0


def _typed(
    prompter: Prompter,
    message: str,
    *,
    default: str,
    check: Callable[[str], object],
    hint: str,
    multiline: bool = False,
    optional: bool = True,
) -> str | None:
    """Typed text that ``check`` accepts; ``None`` for "back"."""

    def validate(typed: str) -> str | None:
        if typed.strip() == BACK_KEY or (optional and not typed.strip()):
            return None
        try:
            check(typed)
        except AnswerError as exc:
            return exc.reason
        return None

    validator: Validator = validate
    typed = prompter.text(
        message, default=default, multiline=multiline, validate=validator, hint=hint
    )
    return None if typed.strip() == BACK_KEY else typed


def _text(
    prompter: Prompter, flow: InterviewFlow, question: TextQuestion, save: Callable[[], object]
) -> Step:
    typed = _typed(
        prompter,
        flow.text(question),
        default=str(flow.answers.get(question.code, "")),
        check=lambda text: answer_rules.check_text(question, text),
        hint=f"Enter alone for no answer; {BACK_KEY} goes back",
        multiline=question.multiline,
        optional=not question.required,
    )
    if typed is None:
        return Step.BACK
    flow.answer(question.code, typed)
    save()
    return Step.DONE


def _number(
    prompter: Prompter, flow: InterviewFlow, question: NumberQuestion, save: Callable[[], object]
) -> Step:
    current = flow.answers.get(question.code)
    typed = _typed(
        prompter,
        flow.text(question),
        default="" if current is None else str(current),
        check=lambda text: answer_rules.parse_number(question, text),
        hint=f"{UNIT_HINTS[question.unit]}; Enter alone for no answer; {BACK_KEY} goes back",
        optional=not question.required,
    )
    if typed is None:
        return Step.BACK
    flow.answer(question.code, typed if typed.strip() else None)
    save()
    return Step.DONE


def _numbers(
    prompter: Prompter,
    flow: InterviewFlow,
    question: NumbersQuestion,
    save: Callable[[], object],
    rows_from: RowStart,
) -> Step:
    rows = question.rows
    index = _first_row(flow, question, rows_from)
    while index < len(rows):
        row = rows[index]
        current = flow.answers.get(question.code, {}).get(row.code)
        typed = _typed(
            prompter,
            f"[{index + 1}/{len(rows)}] {row.label_for(flow.audience)}",
            default="" if current is None else str(current),
            check=partial(answer_rules.check_numbers_row, question, row.code),
            hint=f"{UNIT_HINTS[question.unit]}; Enter alone for no answer; {BACK_KEY} goes back",
        )
        if typed is None:
            if index == 0:
                return Step.BACK
            index -= 1
            continue
        flow.answer_row(question.code, row.code, typed if typed.strip() else None)
        save()
        index += 1
    return Step.DONE
