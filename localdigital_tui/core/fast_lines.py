"""A fast yes/maybe check of raw record lines, in front of the pydantic validator.

:class:`FastLineCheck` answers "certainly valid" (True) or "don't know" (False)
for one raw line: it decodes the line with the msgspec types of
:mod:`.record_structs` for the audience and status the line names, then applies
the skip rules. Only lines it cannot vouch for go to pydantic, which decides and
words every problem; so the verdict and the messages are those of the per-line
validator, only reached sooner for the common, valid line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import msgspec
from msgspec import UNSET

from localdigital_tui.core.questionnaire import LoadedQuestionnaire
from localdigital_tui.core.record_structs import personal_struct, record_struct
from localdigital_tui.core.skip_rules import skip_conditions

STATUSES = ("complete", "partial")
AUDIENCE = b'"audience":"'
STATUS = b'"status":"'
DECODE_ERRORS = (msgspec.DecodeError, msgspec.ValidationError)


class FastLineCheck:
    """``responses(raw)`` / ``personal(raw)``: True only for lines that are certainly valid."""

    def __init__(self, loaded: LoadedQuestionnaire) -> None:
        q = loaded.questionnaire
        self._decoders: dict[tuple[bytes, bytes], Callable[[bytes], Any]] = {
            (audience.encode(), status.encode()): msgspec.json.Decoder(
                record_struct(loaded, audience, status)
            ).decode
            for audience in q.audience_codes()
            for status in STATUSES
        }
        self._likely = next(iter(self._decoders.values()))  # the kind of the last good line
        self._personal = msgspec.json.Decoder(personal_struct(loaded)).decode
        self._skip_rules = skip_conditions(q.questions)

    def responses(self, raw: bytes) -> bool:
        # Lines of a file are mostly of one kind: try the kind of the last good line,
        # else the decoder for the kind the line names. A wrong guess only means the
        # decoder refuses (its audience and status are literals it checks).
        try:
            record = self._likely(raw)
        except DECODE_ERRORS:
            decode = self._decoders.get((string_after(raw, AUDIENCE), string_after(raw, STATUS)))
            if decode is None:
                return False
            try:
                record = decode(raw)
            except DECODE_ERRORS:
                return False
            self._likely = decode
        if not (is_uuid4(record.record_id) and times_ok(record.started_at, record.submitted_at)):
            return False
        answers = record.answers
        for code, condition, allowed in self._skip_rules:
            if getattr(answers, code, UNSET) is not UNSET and (
                getattr(answers, condition, UNSET) not in allowed
            ):
                return False
        return True

    def personal(self, raw: bytes) -> bool:
        try:
            record = self._personal(raw)
        except DECODE_ERRORS:
            return False
        return is_uuid4(record.record_id)


UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
TIMESTAMP = re.compile(
    r"([1-9][0-9]{3}-[0-9]{2}-[0-9]{2})T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,6})?Z"
)
TIMES = re.compile(TIMESTAMP.pattern + r"\|" + TIMESTAMP.pattern)
_DAYS: dict[str, bool] = {}  # dates already checked (a file has few distinct days)


def is_uuid4(text: str) -> bool:
    """``8-4-4-4-12`` lower-case hex, version 4, variant 8-b (the schema's pattern)."""
    return UUID4.fullmatch(text) is not None


def is_utc_timestamp(text: str) -> bool:
    """``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``, a real date and time (pydantic takes more forms)."""
    shape = TIMESTAMP.fullmatch(text)
    return shape is not None and is_real_day(shape.group(1))


def times_ok(started: str, submitted: str | None) -> bool:
    """Both timestamps (or the one) in the shape of :func:`is_utc_timestamp`, one regex call.

    Joined by ``|``, which no timestamp of that shape holds, so the pattern cannot
    match across the join.
    """
    shape = TIMES.fullmatch(f"{started}|{started if submitted is None else submitted}")
    return shape is not None and is_real_day(shape.group(1)) and is_real_day(shape.group(2))


def is_real_day(day: str) -> bool:
    """``YYYY-MM-DD`` is a day of the calendar (remembered: a file has few distinct days)."""
    known = _DAYS.get(day)
    if known is None:
        try:
            date.fromisoformat(day)
            known = True
        except ValueError:
            known = False
        if len(_DAYS) < 100_000:
            _DAYS[day] = known
    return known


def string_after(raw: bytes, key: bytes) -> bytes:
    """The text after the first ``"key":"`` up to the next quote (b"" if none)."""
    start = raw.find(key)
    if start < 0:
        return b""
    start += len(key)
    return raw[start : raw.find(b'"', start)]
