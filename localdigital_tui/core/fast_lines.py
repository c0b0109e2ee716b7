"""A fast yes/maybe check of raw record lines, in front of the pydantic validator.

:class:`FastLineCheck` answers "certainly valid" (True) or "don't know" (False)
for one raw line: it decodes the line with the msgspec types of
:mod:`.record_structs` for the audience and status the line names, then applies
the skip rules. Only lines it cannot vouch for go to pydantic, which decides and
words every problem; so the verdict and the messages are those of the per-line
validator, only reached sooner for the common, valid line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec
from msgspec import UNSET

from localdigital_tui.core.questionnaire import LoadedQuestionnaire
from localdigital_tui.core.record_structs import personal_struct, record_struct

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
        self._personal = msgspec.json.Decoder(personal_struct(loaded)).decode
        self._skip_rules = [
            (question.code, question.ask_if.question, frozenset(question.ask_if.in_))
            for question in q.questions
            if question.ask_if is not None
        ]

    def responses(self, raw: bytes) -> bool:
        # The decoder for the kind the line names; a wrong guess (the words inside a
        # text, say) only means the decoder refuses and the full validator decides.
        decode = self._decoders.get((_value(raw, AUDIENCE), _value(raw, STATUS)))
        if decode is None:
            return False
        try:
            record = decode(raw)
        except DECODE_ERRORS:
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
            self._personal(raw)
        except DECODE_ERRORS:
            return False
        return True


def _value(raw: bytes, key: bytes) -> bytes:
    """The text after the first ``"key":"`` up to the next quote (b"" if none)."""
    start = raw.find(key)
    if start < 0:
        return b""
    start += len(key)
    return raw[start : raw.find(b'"', start)]
