"""Required questions and grid rows not answered yet, and how messages name them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from localdigital_tui.core.questionnaire.model import GridQuestion, Question


@dataclass(frozen=True, slots=True)
class MissingItem:
    """A required question or grid row with no answer."""

    question: str
    row: str | None
    label: str

    def __str__(self) -> str:
        return f"{self.question}.{self.row}" if self.row else self.question


def missing_items(
    questions: Sequence[Question], answers: Mapping[str, Any], audience: str
) -> list[MissingItem]:
    """The required ones of ``questions``, and required rows of their grids, that
    ``answers`` (code -> answer) leaves unanswered."""
    found = []
    for q in questions:
        answer = answers.get(q.code)
        if q.required and answer is None:
            found.append(MissingItem(q.code, None, q.text_for(audience)))
        if isinstance(q, GridQuestion):
            rows = answer or {}
            found += [
                MissingItem(q.code, r.code, r.label_for(audience))
                for r in q.rows
                if r.required and r.code not in rows
            ]
    return found


def describe_missing(items: list[MissingItem], shown: int = 3) -> str:
    """The missing answers in the questionnaire's words: 'Give equal access ..., and 2 more'."""
    labels = [item.label if len(item.label) <= 60 else item.label[:59] + "…" for item in items]
    text = "; ".join(labels[:shown])
    return text + (f"; and {len(items) - shown} more" if len(items) > shown else "")


def question_names(questions: Sequence[Question], audience: str) -> str:
    """``Q10 If yes, how much ...; Profile: type of organisation``: questions as they read."""
    return "; ".join(
        (f"Q{q.number} " if q.number else "") + q.text_for(audience) for q in questions
    )
