"""Required questions and grid rows not answered yet, and how messages name them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from localdigital_tui.core.questionnaire.model import Question


@dataclass(frozen=True, slots=True)
class MissingItem:
    """A required question or grid row with no answer."""

    question: str
    row: str | None
    label: str

    def __str__(self) -> str:
        return f"{self.question}.{self.row}" if self.row else self.question


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
