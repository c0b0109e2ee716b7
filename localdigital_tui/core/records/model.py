"""The response record: one JSON object per line, and the personal record kept apart.

The generic :class:`ResponseRecord` checks the envelope (ids, times, status) and
the shape of answers. :mod:`.record_schema` compiles a questionnaire into a
stricter schema that also checks codes, choices, ranges, required rows and skip
rules, so that a whole line is validated by pydantic-core in one call.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
)

RECORD_KEYS = (
    "record_id",
    "questionnaire",
    "audience",
    "interviewer",
    "device",
    "event",
    "started_at",
    "submitted_at",
    "status",
    "answers",
    "timings",
)
OPTIONAL_RECORD_KEYS = ("languages",)  # after timings, only when they hold something

Status = Literal["complete", "partial"]
Scalar = StrictInt | StrictFloat | str
AnswerValue = Scalar | dict[str, StrictInt | StrictFloat | str]


def _utc(value: datetime) -> datetime:
    if value.utcoffset() != UTC.utcoffset(None):
        raise ValueError("timestamp must be in UTC (end it with Z or +00:00)")
    return value


def _date_and_time(value: object) -> object:
    """A timestamp is written as a date and time; pydantic alone would also take a
    number of seconds since 1970 (``12345``, or ``"12345"``) and make it a 1970 date."""
    if isinstance(value, datetime) or (isinstance(value, str) and _DATE_FIRST.match(value)):
        return value
    raise ValueError("expected a date and time such as 2013-06-24T09:15:02Z")


_DATE_FIRST = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
UtcTimestamp = Annotated[datetime, BeforeValidator(_date_and_time), AfterValidator(_utc)]
Uuid4Text = Annotated[
    str,
    Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"),
]
Sha256Text = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class QuestionnaireRef(BaseModel):
    """Which questionnaire a record answers: its id, version and the file's sha256."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    version: str
    sha256: Sha256Text


class ResponseRecord(BaseModel):
    """One interview as stored in the answers file organisers pass around."""

    model_config = ConfigDict(extra="forbid")

    record_id: Uuid4Text
    questionnaire: QuestionnaireRef
    audience: str
    interviewer: str
    device: str
    event: str | None = None
    started_at: UtcTimestamp
    submitted_at: UtcTimestamp | None = None
    status: Status
    answers: dict[str, AnswerValue]
    timings: dict[str, Annotated[float, Field(ge=0)]] = Field(default_factory=dict)
    # paradata: the language each answer was given in (questionnaires with languages only;
    # left out of the line when empty)
    languages: dict[str, str] = Field(default_factory=dict)


class PersonalRecord(BaseModel):
    """Personal and contact answers of one record, stored in a separate file."""

    model_config = ConfigDict(extra="forbid")

    record_id: Uuid4Text
    questionnaire: QuestionnaireRef
    answers: dict[str, str]


class EncryptedPersonalRecord(BaseModel):
    """A personal record whose answers are sealed, each on its own, to ``encrypted_to``
    (an age public key): see :mod:`localdigital_tui.core.encryption.sealed_answers`."""

    model_config = ConfigDict(extra="forbid")

    record_id: Uuid4Text
    questionnaire: QuestionnaireRef
    encrypted_to: str
    encrypted_answers: dict[str, str]


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def format_timestamp(value: datetime) -> str:
    """UTC ISO 8601 with a ``Z``: ``2013-06-24T09:15:02Z``."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def dump_line(record: ResponseRecord | PersonalRecord | EncryptedPersonalRecord) -> str:
    """The record as one JSON line (no newline), keys in the documented order
    (``languages`` only when it holds something)."""
    if isinstance(record, ResponseRecord) and not record.languages:
        return record.model_dump_json(exclude_none=False, exclude={"languages"})
    return record.model_dump_json(exclude_none=False)
