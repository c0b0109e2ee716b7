"""The variables of a labelled export: names, labels, value labels, missing codes.

One variable per envelope field and per answer (a grid row or numeric field is
one variable, named ``<question>__<row>``), in questionnaire order. Names are
valid in SPSS and Stata: letters, digits and ``_``, starting with a letter, at
most 29 characters (Stata allows 32, but pyreadstat names each Stata value label
after its variable plus a counter, within the same 32); a longer name keeps its
first 24 characters and gets ``_`` and 4 hex digits of a hash of the full name
(the same name every time), and the command lists both. Personal questions have no variable.

Choices are stored as integers 1..k in questionnaire order, with value labels.
Two missing codes say why a value is absent: ``-1`` the question was not asked
(another audience's question, or a skip rule), ``-2`` it was asked and not
answered. Numbers use the same codes (no answer is negative); texts are empty.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from enum import Enum

from localdigital_tui.core.export.parquet import flat_name
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)

MAX_NAME = 29
NOT_ASKED = -1
NOT_ANSWERED = -2
MISSING_LABELS = {NOT_ASKED: "Not asked", NOT_ANSWERED: "Not answered"}
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


class Kind(Enum):
    CHOICE = "choice"  # integer codes with value labels
    NUMBER = "number"
    TEXT = "text"
    TIME = "time"  # a UTC date and time


@dataclass(frozen=True)
class Variable:
    name: str  # as written to the file
    source: str  # the flat column it comes from (q5__flexible_working)
    label: str
    kind: Kind
    question: str | None = None  # None for the envelope
    codes: tuple[str, ...] = ()  # the choice codes, stored as 1..k
    labels: tuple[str, ...] = ()  # their labels
    integer: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def value_labels(self) -> dict[int, str]:
        """Value labels, and the missing codes' for an answer (a choice or a number)."""
        values = {i: label for i, label in enumerate(self.labels, start=1)}
        if self.question is None or self.kind not in (Kind.CHOICE, Kind.NUMBER):
            return values  # the envelope is never missing
        return values | MISSING_LABELS


def variable_name(source: str) -> str:
    """``source`` as an SPSS and Stata name (see the module)."""
    if len(source) <= MAX_NAME and _NAME.fullmatch(source):
        return source
    cleaned = re.sub(r"[^A-Za-z0-9_]", "_", source)
    if not cleaned[:1].isalpha():
        cleaned = "v" + cleaned
    if len(cleaned) <= MAX_NAME:
        return cleaned
    tag = hashlib.sha1(source.encode()).hexdigest()[:4]
    return f"{cleaned[: MAX_NAME - 5]}_{tag}"


def codebook(questionnaire: Questionnaire) -> list[Variable]:
    """Every variable of an export of this questionnaire, envelope first."""
    audiences = [a.code for a in questionnaire.audiences]
    found = [
        Variable("record_id", "record_id", "Record id", Kind.TEXT),
        Variable(
            "audience",
            "audience",
            questionnaire.audience_question.text,
            Kind.CHOICE,
            codes=tuple(audiences),
            labels=tuple(a.label for a in questionnaire.audiences),
        ),
        Variable(
            "status",
            "status",
            "Interview status",
            Kind.CHOICE,
            codes=("complete", "partial"),
            labels=("Complete", "Partial (not submitted)"),
        ),
        Variable("interviewer", "interviewer", "Interviewer", Kind.TEXT),
        Variable("device", "device", "Device", Kind.TEXT),
        Variable("event", "event", "Event", Kind.TEXT),
        Variable("started_at", "started_at", "Started at (UTC)", Kind.TIME),
        Variable("submitted_at", "submitted_at", "Submitted at (UTC)", Kind.TIME),
    ]
    for q in questionnaire.questions:
        if not q.personal:
            found += _question_variables(questionnaire, q, audiences)
    names = [v.name for v in found]
    if len(set(names)) != len(names):
        raise ValueError(f"two variables share a name: {sorted(names)}")
    return found


def _worded(texts: dict[str, str], prefix: str = "") -> tuple[str, tuple[str, ...]]:
    """A label in the first audience's wording; another wording is noted after it."""
    first, *others = texts.items()
    notes = tuple(f"{who}: {text}" for who, text in others if text != first[1])
    label = prefix + first[1]
    if notes:
        label += " [" + "; ".join(notes) + "]"
    return label, notes


def _question_variables(
    questionnaire: Questionnaire, q: Question, audiences: list[str]
) -> list[Variable]:
    asked = [a for a in audiences if q.applies_to(a)]
    prefix = f"Q{q.number}: " if q.number else ""
    text, notes = _worded({a: q.text_for(a) for a in asked}, prefix)
    if isinstance(q, SingleChoiceQuestion):
        return [
            Variable(
                variable_name(q.code),
                q.code,
                text,
                Kind.CHOICE,
                q.code,
                tuple(q.choice_codes()),
                tuple(c.label_for(asked[0]) for c in q.choices),
                notes=notes,
            )
        ]
    if isinstance(q, GridQuestion | NumbersQuestion):
        found = []
        for row in q.rows:
            source = flat_name(q.code, row.code)
            label, row_notes = _worded({a: row.label_for(a) for a in asked}, prefix)
            if isinstance(q, GridQuestion):
                scale = questionnaire.scale_of(q)
                found.append(
                    Variable(
                        variable_name(source),
                        source,
                        label,
                        Kind.CHOICE,
                        q.code,
                        tuple(c.code for c in scale),
                        tuple(c.label_for(asked[0]) for c in scale),
                        notes=row_notes,
                    )
                )
            else:
                found.append(
                    Variable(
                        variable_name(source),
                        source,
                        label,
                        Kind.NUMBER,
                        q.code,
                        integer=q.integer,
                        notes=row_notes,
                    )
                )
        return found
    if isinstance(q, NumberQuestion):
        return [
            Variable(variable_name(q.code), q.code, text, Kind.NUMBER, q.code, integer=q.integer)
        ]
    assert isinstance(q, TextQuestion)
    return [Variable(variable_name(q.code), q.code, text, Kind.TEXT, q.code, notes=notes)]
