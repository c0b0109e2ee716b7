"""Skip rules: which questions are asked, given the answers so far.

One place for the rule, used by the interview flow (what to ask next) and by
record validation (an answer to a skipped question is an error).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from localdigital_tui.core.questionnaire.model import Question


def is_asked(question: Question, audience: str, answers: Mapping[str, Any]) -> bool:
    """True when ``question`` is put to this audience given the earlier ``answers``."""
    if not question.applies_to(audience):
        return False
    condition = question.ask_if
    if condition is None:
        return True
    return answers.get(condition.question) in condition.in_


def skip_conditions(questions: Iterable[Question]) -> list[tuple[str, str, frozenset[str]]]:
    """``(question, earlier question, answers that ask it)`` for each skippable question.

    The flat form the validators check on their hot path, one tuple per rule.
    """
    return [
        (q.code, q.ask_if.question, frozenset(q.ask_if.in_))
        for q in questions
        if q.ask_if is not None
    ]


def describe_condition(question: Question) -> str:
    """``asked only when q10 is 'yes'`` (for messages and ``show``)."""
    condition = question.ask_if
    if condition is None:
        return "always asked"
    options = " or ".join(f"'{code}'" for code in condition.in_)
    return f"asked only when {condition.question} is {options}"
