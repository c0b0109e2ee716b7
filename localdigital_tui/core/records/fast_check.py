"""A fast yes/maybe check of raw record lines, in front of the pydantic validator.

:class:`FastLineCheck` answers "certainly valid" or "don't know" for raw lines:
it decodes a line with the msgspec types of :mod:`.record_structs`, then checks
what those types leave open (the record id's shape, timestamps in UTC, the skip
rules). Only lines it cannot vouch for go to pydantic, which decides and words
every problem; so the verdict and the messages are those of the per-line
validator, only reached sooner for the common, valid line.

:meth:`FastLineCheck.doubtful_responses` does this for a list of lines at a time:
one decoder for complete lines of any audience, fed by ``map``; the checks after
decoding run once over a batch of lines; only a line that fails them is looked
at again on its own (:meth:`FastLineCheck.responses`, any status).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from operator import attrgetter
from typing import Any

import msgspec

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.questionnaire.skip_rules import skip_conditions
from localdigital_tui.core.records.structs import (
    attribute_name,
    complete_record_type,
    personal_struct,
    record_struct,
)

STATUSES = ("complete", "partial")
AUDIENCE = b'"audience":"'
STATUS = b'"status":"'
DECODE_ERRORS = (msgspec.DecodeError, msgspec.ValidationError)
BATCH = 32  # lines decoded before their checks run: their objects are still in cache

_RECORD_ID = attrgetter("record_id")
_STARTED_ZONE = attrgetter("started_at.tzinfo")
_SUBMITTED_ZONE = attrgetter("submitted_at.tzinfo")
_ANSWERS = attrgetter("answers")
_UTC_ONLY = frozenset({UTC})


class FastLineCheck:
    """``responses(raw)`` / ``personal(raw)``: True only for lines that are certainly valid;
    ``doubtful_responses(lines)`` / ``doubtful_personal(lines)``: which lines of a list are not.
    """

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
        self._complete = msgspec.json.Decoder(complete_record_type(loaded)).decode
        self._personal = msgspec.json.Decoder(personal_struct(loaded)).decode
        self._skip_rules = [
            (attribute_name(code), attribute_name(condition), allowed)
            for code, condition, allowed in skip_conditions(q.questions)
        ]

    def responses(self, raw: bytes) -> bool:
        return self.response(raw) is not None

    def response(self, raw: bytes) -> Any | None:
        """The decoded line if it is certainly valid (any status), else ``None``."""
        # Lines of a file are mostly of one kind: try the kind of the last good line,
        # else the decoder for the kind the line names. A wrong guess only means the
        # decoder refuses (its audience and status are literals it checks).
        try:
            record = self._likely(raw)
        except DECODE_ERRORS:
            decode = self._decoders.get((string_after(raw, AUDIENCE), string_after(raw, STATUS)))
            if decode is None:
                return None
            try:
                record = decode(raw)
            except DECODE_ERRORS:
                return None
            self._likely = decode
        submitted = record.submitted_at
        if (
            is_uuid4(record.record_id)
            and in_utc(record.started_at, submitted)
            and self._skips_ok([record.answers])
        ):
            return record
        return None

    def personal(self, raw: bytes) -> bool:
        return self._one_personal(raw) is not None

    def _one_personal(self, raw: bytes) -> Any | None:
        try:
            record = self._personal(raw)
        except DECODE_ERRORS:
            return None
        return record if is_uuid4(record.record_id) else None

    def doubtful_responses(self, lines: Sequence[bytes]) -> list[int]:
        """Indexes of the answers lines not certainly valid, in order."""
        return _nones(self.decoded_responses(lines))

    def doubtful_personal(self, lines: Sequence[bytes]) -> list[int]:
        """Indexes of the personal lines not certainly valid, in order."""
        return _nones(self._decoded(lines, self._personal, _ids_ok, self._one_personal))

    def decoded_responses(self, lines: Sequence[bytes]) -> list[Any | None]:
        """Each answers line decoded (a msgspec struct of :mod:`.structs`) when it is
        certainly valid, else ``None``, in order."""
        return self._decoded(lines, self._complete, self._complete_ok, self.response)

    def _decoded(
        self,
        lines: Sequence[bytes],
        decode: Callable[[bytes], Any],
        all_ok: Callable[[list[Any]], bool],
        one: Callable[[bytes], Any | None],
    ) -> list[Any | None]:
        found: list[Any | None] = []
        for start in range(0, len(lines), BATCH):
            batch = lines[start : start + BATCH]
            records: list[Any] = []
            undecoded: list[int] = []  # positions in the batch of lines the decoder refused
            rest = iter(batch)
            while True:
                try:
                    records.extend(map(decode, rest))  # keeps what it got before a failure
                    break
                except DECODE_ERRORS:
                    undecoded.append(len(records))
                    records.append(None)
            decoded = [record for record in records if record is not None]
            if decoded and not all_ok(decoded):
                undecoded = list(range(len(batch)))
            for index in undecoded:
                records[index] = one(bytes(batch[index]))
            found += records
        return found

    def _complete_ok(self, records: list[Any]) -> bool:
        """The checks after decoding, over complete lines (so both timestamps are there)."""
        zones = set(map(_STARTED_ZONE, records))
        zones.update(map(_SUBMITTED_ZONE, records))
        return zones <= _UTC_ONLY and _ids_ok(records) and self._skips_ok(records, _ANSWERS)

    def _skips_ok(self, items: list[Any], answers_of: Callable[[Any], Any] | None = None) -> bool:
        answers = items if answers_of is None else list(map(answers_of, items))
        for code, condition, allowed in self._skip_rules:
            for given in answers:
                if getattr(given, code, None) is not None and (
                    getattr(given, condition, None) not in allowed
                ):
                    return False
        return True


UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
TIMESTAMP = re.compile(
    r"([1-9][0-9]{3}-[0-9]{2}-[0-9]{2})T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,6})?Z"
)
_DAYS: dict[str, bool] = {}  # dates already checked (a file has few distinct days)


def _nones(found: list[Any | None]) -> list[int]:
    return [index for index, record in enumerate(found) if record is None]


def is_uuid4(text: str) -> bool:
    """``8-4-4-4-12`` lower-case hex, version 4, variant 8-b (the schema's pattern)."""
    return UUID4.fullmatch(text) is not None


def is_utc_timestamp(text: str) -> bool:
    """``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``, a real date and time (pydantic takes more forms)."""
    shape = TIMESTAMP.fullmatch(text)
    return shape is not None and is_real_day(shape.group(1))


def in_utc(started: datetime, submitted: datetime | None) -> bool:
    """Both timestamps (or the one) in UTC, as the record schema requires (msgspec's
    types only require a zone)."""
    return started.tzinfo is UTC and (submitted is None or submitted.tzinfo is UTC)


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


_HEX_AS_H = str.maketrans({**dict.fromkeys("0123456789abcdef", "h"), "h": "x"})
_UUID_SHAPE = "hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh\n"


def _ids_ok(records: list[Any]) -> bool:
    """Every ``record_id`` is a :func:`is_uuid4`, checked over all of them at once.

    Each id and a newline is one 37-character slot: with hex digits written as ``h``
    (and an ``h`` as ``x``) the text must be the shape repeated, so there are as many
    newlines as ids and each id has the 8-4-4-4-12 shape; the version digit of every
    slot (place 14) must be 4 and the variant digit (place 19) one of 8, 9, a, b.
    """
    text = "\n".join(map(_RECORD_ID, records)) + "\n"
    count = len(records)
    return (
        text.translate(_HEX_AS_H) == _UUID_SHAPE * count
        and text[14::37] == "4" * count
        and not text[19::37].strip("89ab")
    )
