"""The record schema compiled a second time, as msgspec types, for validating in bulk.

pydantic (:mod:`.record_schema`) validates one line in ~40 µs, most of it spent
building Python objects; msgspec decodes and checks the same line in C several
times faster. It is used as a *fast path* only: the types here accept a subset of
what the pydantic schema accepts (a line either passes both or is handed to the
pydantic validator, which alone writes problem messages), so speed never changes
a verdict or a message. Where the schemas could differ the types here are the
stricter: numbers must be JSON numbers (pydantic would also take ``"25"``), and
timing keys must be question codes. The record id and the timestamps are plain
string here; :mod:`.fast_lines` checks its shape afterwards (msgspec's ``pattern``
check costs more than the whole rest of the line). Timestamps are datetimes that
must carry a zone: msgspec reads them in C, in a subset of the forms pydantic
reads (``T``, ``t`` or a space; any number of fraction digits; ``Z``, ``z`` or an
offset), and :mod:`.fast_lines` then requires the zone to be UTC. Fields are
declared in the order capture writes them, so msgspec finds each key at once.
"""

from __future__ import annotations

import keyword
import math
from datetime import datetime
from typing import Annotated, Any, Literal, Union

import msgspec
from msgspec import Meta

from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    LoadedQuestionnaire,
    NumberQuestion,
    NumbersQuestion,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)
from localdigital_tui.core.records.schema import is_schema_required

Seconds = Annotated[float, Meta(ge=0)]
Timestamp = Annotated[datetime, Meta(tz=True)]  # UTC is checked after decoding


def _literal(codes: list[str]) -> Any:
    return Literal[tuple(codes)]


def attribute_name(code: str) -> str:
    """The struct attribute holding the JSON key ``code`` (a keyword gets a prefix)."""
    return code if code.isidentifier() and not keyword.iskeyword(code) else f"field_{code}"


def _field(code: str, annotation: Any, required: bool) -> tuple[str, Any, Any]:
    """A struct field for a JSON key (renamed when the key is not a Python name)."""
    default = msgspec.field(name=code) if required else msgspec.field(default=None, name=code)
    return (attribute_name(code), annotation, default)


def _struct(name: str, fields: list[tuple[str, Any, Any]], **options: Any) -> Any:
    """A decoded line holds only strings, numbers and other structs, so it can form no
    reference cycle: ``gc=False`` spares the garbage collector ~15% of decode time.
    An optional key that is absent reads as ``None`` (its type refuses an explicit
    ``null``), and ``omit_defaults`` leaves it out again when merge encodes the struct."""
    return msgspec.defstruct(
        name,
        fields,
        forbid_unknown_fields=True,
        kw_only=True,
        gc=False,
        omit_defaults=True,
        **options,
    )


def _number(question: NumberQuestion | NumbersQuestion) -> Any:
    if question.integer:
        return Annotated[int, Meta(ge=math.ceil(question.min), le=math.floor(question.max))]
    return Annotated[float, Meta(ge=question.min, le=question.max)]


def answer_type(questionnaire: Questionnaire, question: Question, complete: bool) -> Any:
    """The msgspec type of one question's answer (mirrors ``record_schema.answer_type``)."""
    if isinstance(question, TextQuestion):
        return Annotated[str, Meta(min_length=1, max_length=question.max_length)]
    if isinstance(question, SingleChoiceQuestion):
        return _literal(question.choice_codes())
    if isinstance(question, GridQuestion):
        scale = _literal([c.code for c in questionnaire.scale_of(question)])
        rows = [_field(r.code, scale, complete and r.required) for r in question.rows]
        return _struct(f"{question.code}_{'complete' if complete else 'partial'}", rows)
    if isinstance(question, NumberQuestion):
        return _number(question)
    number = _number(question)
    return _struct(question.code, [_field(r.code, number, False) for r in question.rows])


def answers_struct(
    questionnaire: Questionnaire, audience: str, *, personal: bool, complete: bool
) -> Any:
    questions = [q for q in questionnaire.questions_for(audience) if q.personal == personal]
    fields = [
        _field(q.code, answer_type(questionnaire, q, complete), is_schema_required(q, complete))
        for q in questions
    ]
    kind = "personal" if personal else ("complete" if complete else "partial")
    return _struct(f"Answers_{audience}_{kind}", fields)


def _ref(loaded: LoadedQuestionnaire) -> Any:
    q = loaded.questionnaire
    return _struct(
        "QuestionnaireRef",
        [
            ("id", _literal([q.id]), msgspec.field()),
            ("version", _literal([q.version]), msgspec.field()),
            ("sha256", _literal([loaded.sha256]), msgspec.field()),
        ],
    )


def record_struct(
    loaded: LoadedQuestionnaire, audience: str, status: str, *, tagged: bool = False
) -> Any:
    """One answers line of this audience and status.

    ``tagged``: for a union of audiences (:func:`complete_record_type`), the
    ``audience`` key is the struct's tag instead of a field.
    """
    q = loaded.questionnaire
    complete = status == "complete"
    answers = answers_struct(q, audience, personal=False, complete=complete)
    submitted: Any = Timestamp if complete else Timestamp | None
    timings = _struct(
        "Timings",
        [(x.code, Seconds, msgspec.field(default=None)) for x in q.questions],
    )
    fields = [
        ("record_id", str, msgspec.field()),
        ("questionnaire", _ref(loaded), msgspec.field()),
        ("audience", _literal([audience]), msgspec.field()),
        ("interviewer", str, msgspec.field()),
        ("device", str, msgspec.field()),
        ("event", str | None, msgspec.field(default=None)),
        ("started_at", Timestamp, msgspec.field()),
        (
            "submitted_at",
            submitted,
            msgspec.field() if complete else msgspec.field(default=None),
        ),
        ("status", _literal([status]), msgspec.field()),
        ("answers", answers, msgspec.field()),
        ("timings", timings, msgspec.field(default=None)),
    ]
    if not tagged:
        return _struct(f"Record_{audience}_{status}", fields)
    return _struct(
        f"Record_{audience}_{status}",
        [f for f in fields if f[0] != "audience"],
        tag_field="audience",
        tag=audience,
    )


def complete_record_type(loaded: LoadedQuestionnaire) -> Any:
    """A complete answers line of any audience: one decoder for a file that mixes them.

    A union of structs tagged by ``audience`` (msgspec requires the tag in a union).
    With one audience, its plain struct: a lone tagged struct would not require the tag.
    """
    audiences = loaded.questionnaire.audience_codes()
    if len(audiences) == 1:
        return record_struct(loaded, audiences[0], "complete")
    return Union[  # noqa: UP007 - a union built at run time
        tuple(record_struct(loaded, a, "complete", tagged=True) for a in audiences)
    ]


def personal_struct(loaded: LoadedQuestionnaire) -> Any:
    """One personal line (the personal answers of any audience)."""
    q = loaded.questionnaire
    fields = [_field(x.code, answer_type(q, x, False), False) for x in q.questions if x.personal]
    return _struct(
        "PersonalLine",
        [
            ("record_id", str, msgspec.field()),
            ("questionnaire", _ref(loaded), msgspec.field()),
            ("answers", _struct("PersonalAnswers", fields), msgspec.field()),
        ],
    )
