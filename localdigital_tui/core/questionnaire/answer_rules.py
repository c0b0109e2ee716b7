"""Is this answer acceptable for this question? One rule per kind of question.

Front ends hand over what the respondent gave (a choice code, typed text); these
functions return the value to store or raise :class:`AnswerError` with a reason
a fieldworker can read out ("enter a whole number of pounds").
"""

from __future__ import annotations

import math
from typing import Any

from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)
from localdigital_tui.errors import AnswerError

Number = int | float
UNIT_WORDS = {"percent": "a percentage", "pounds": "an amount in pounds", "count": "a number"}


def check_text(question: TextQuestion, value: Any) -> str | None:
    """Stripped text, or ``None`` when blank (a blank answer clears the question)."""
    if not isinstance(value, str):
        raise AnswerError(question.code, "expected text")
    text = value.strip()
    if len(text) > question.max_length:
        raise AnswerError(
            question.code, f"too long ({len(text)} characters, at most {question.max_length})"
        )
    return text or None


def check_choice(question: SingleChoiceQuestion, value: Any) -> str:
    codes = question.choice_codes()
    if value not in codes:
        raise AnswerError(
            question.code, f"'{value}' is not a choice; expected one of: {', '.join(codes)}"
        )
    return str(value)


def check_grid_row(
    questionnaire: Questionnaire, question: GridQuestion, row: str, value: Any
) -> str:
    if row not in {r.code for r in question.rows}:
        raise AnswerError(question.code, "unknown row", row)
    codes = [c.code for c in questionnaire.scale_of(question)]
    if value not in codes:
        raise AnswerError(
            question.code,
            f"'{value}' is not on the scale; expected one of: {', '.join(codes)}",
            row,
        )
    return str(value)


def parse_number(
    question: NumberQuestion | NumbersQuestion, value: Any, row: str | None = None
) -> Number:
    """A number from typed text or a number, within the question's bounds.

    Accepts what people type: ``1,500``, ``£1500``, ``24%``, surrounding spaces.
    """
    if isinstance(value, bool):
        raise AnswerError(question.code, "expected a number", row)
    if isinstance(value, str):
        text = value.strip().replace(",", "").removeprefix("£").removesuffix("%").strip()
        if not text:
            raise AnswerError(question.code, "enter a number", row)
        try:
            number: Number = int(text) if text.lstrip("+-").isdigit() else float(text)
        except ValueError as exc:
            raise AnswerError(question.code, f"'{value}' is not a number", row) from exc
    elif isinstance(value, int | float):
        number = value
    else:
        raise AnswerError(question.code, "expected a number", row)
    if isinstance(number, float) and not math.isfinite(number):
        raise AnswerError(question.code, "expected a finite number", row)
    if question.integer:
        if isinstance(number, float) and not number.is_integer():
            raise AnswerError(
                question.code, f"enter {UNIT_WORDS[question.unit]} as a whole number", row
            )
        number = int(number)
    if not question.min <= number <= question.max:
        raise AnswerError(
            question.code, f"must be between {question.min:,.0f} and {question.max:,.0f}", row
        )
    return number


def check_numbers_row(question: NumbersQuestion, row: str, value: Any) -> Number:
    if row not in {r.code for r in question.rows}:
        raise AnswerError(question.code, "unknown row", row)
    return parse_number(question, value, row)


def check_whole(questionnaire: Questionnaire, question: Question, value: Any) -> Any:
    """Check a whole answer (a grid or numbers answer is a mapping of rows)."""
    if isinstance(question, TextQuestion):
        return check_text(question, value)
    if isinstance(question, SingleChoiceQuestion):
        return check_choice(question, value)
    if isinstance(question, NumberQuestion):
        return parse_number(question, value)
    if not isinstance(value, dict):
        raise AnswerError(question.code, "expected a mapping of row code to answer")
    if isinstance(question, GridQuestion):
        return {row: check_grid_row(questionnaire, question, row, v) for row, v in value.items()}
    return {row: check_numbers_row(question, row, v) for row, v in value.items()}
