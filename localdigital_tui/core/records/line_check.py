"""Check one raw line against the questionnaire its record names, and canonicalise it.

The common case costs one ``validate_json`` call: the line is validated with
the adapter that accepted the previous line of its kind (files are almost always
of one questionnaire and one kind). Only when that fails is the line parsed a
second time, to learn what it is: its ``questionnaire.sha256`` picks the
questionnaire, its shape the kind (a personal line has only ``record_id``,
``questionnaire`` and ``answers``), and the line is validated again if either
differs. An unknown sha256 is reported as such, naming the record.

**Where a bad line goes.** A bad line may hold personal data, so it goes to the
answers quarantine only when it is plainly an answers record: a JSON object
whose fields are all record fields, with at least one that only answers records
have, and whose ``answers`` and ``timings`` name only questions of the
questionnaire that are not personal. Anything else (not JSON, not an object, a
personal line, an unknown field, an unknown or personal question code) is
quarantined with the personal outputs.

Lines are validated one per call. Validating many as one JSON array of lines
(``[line\\n,line\\n,...]``) was a fifth faster a line, but it is not sound: a line
cut between two members and the rest of that record on the next line join into
one valid object, and a third line holding two records makes the item count
match again, so three bad lines would pass as three good ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import from_json

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.canonical import (
    canonical_personal,
    canonical_response,
    field_values,
    record_time,
)
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.line_reader import MAX_LINE_BYTES, RawLine
from localdigital_tui.core.records.problems import describe
from localdigital_tui.core.records.schema import personal_adapter, record_adapter

_NOT_JSON = object()
RESPONSE_ONLY_KEYS = frozenset(
    ("audience", "status", "interviewer", "device", "started_at", "submitted_at", "event")
)
ANSWERS_RECORD_KEYS = RESPONSE_ONLY_KEYS | {
    "record_id", "questionnaire", "answers", "timings", "languages",
}  # fmt: skip
RECORD_KEYS = ANSWERS_RECORD_KEYS | {"encrypted_to", "encrypted_answers"}


@dataclass(frozen=True, slots=True)
class ValidLine:
    kind: FileKind
    record_id: str
    canonical: bytes
    partial: bool
    time: int


@dataclass(frozen=True, slots=True)
class BadLine:
    """Why a line was quarantined; ``kind`` is where it belongs (personal lines stay apart)."""

    kind: FileKind
    problems: list[tuple[str, str]]
    record_id: str | None = None
    unknown_sha256: str | None = None


class LineChecker:
    """Validates lines against any of the given questionnaires (the first is the default)."""

    def __init__(self, questionnaires: Sequence[LoadedQuestionnaire]) -> None:
        if not questionnaires:
            raise ValueError("at least one questionnaire is needed")
        self._adapters = {
            loaded.sha256: {
                FileKind.RESPONSES: record_adapter(loaded),
                FileKind.PERSONAL: personal_adapter(loaded),
            }
            for loaded in questionnaires
        }
        self.known = [(q.sha256, q.path) for q in questionnaires]
        self._codes = {loaded.sha256: _codes(loaded) for loaded in questionnaires}
        self._default_codes = self._codes[questionnaires[0].sha256]
        first = self._adapters[questionnaires[0].sha256]
        self._default = first
        self._last = dict(first)

    def check_line(self, raw: RawLine, kind: FileKind) -> ValidLine | BadLine:
        """Validate one line as read, expecting a line of ``kind``."""
        if raw.overlong:
            return overlong_line()
        return self.check(raw.body, kind, raw.ended)

    def check(self, body: bytes, kind: FileKind, ended: bool = True) -> ValidLine | BadLine:
        """Validate ``body`` (a line without its line end), expecting a line of ``kind``."""
        tried = self._last[kind]
        try:
            return _valid(kind, tried.validate_json(body))
        except ValidationError as exc:
            first_error = exc
        data = _parse(body)
        personal = FileKind.PERSONAL
        if data is _NOT_JSON:
            problems = _raw_problems(body, ended, describe(first_error))
            return BadLine(personal, problems, _record_id_in(body))
        if not isinstance(data, dict):
            return BadLine(personal, [("line", NOT_AN_OBJECT)])
        if not data.keys() & RECORD_KEYS:
            return BadLine(personal, [("line", NOT_A_RECORD)])
        kind = _kind_of(data)
        record_id = data.get("record_id") if isinstance(data.get("record_id"), str) else None
        sha = _sha_of(data)
        adapters = self._adapters.get(sha) if sha is not None else self._default
        home = personal if kind is personal else self._home(data, sha)
        if adapters is None:
            return BadLine(home, [self._unknown(sha)], record_id, unknown_sha256=sha)
        if adapters[kind] is tried:
            return BadLine(home, describe(first_error), record_id)
        try:
            valid = _valid(kind, adapters[kind].validate_json(body))
        except ValidationError as exc:
            return BadLine(home, describe(exc), record_id)
        self._last[kind] = adapters[kind]
        return valid

    def _home(self, data: dict[str, Any], sha: str | None) -> FileKind:
        """Where a bad line that looks like an answers record goes (see the module)."""
        answers_codes, all_codes = self._codes.get(sha or "", self._default_codes)
        answers, timings = data.get("answers", {}), data.get("timings", {})
        plain = (
            data.keys() <= ANSWERS_RECORD_KEYS
            and isinstance(answers, dict)
            and answers.keys() <= answers_codes
            and isinstance(timings, dict)
            and timings.keys() <= all_codes
        )
        return FileKind.RESPONSES if plain else FileKind.PERSONAL

    def _unknown(self, sha: str | None) -> tuple[str, str]:
        known = "; ".join(f"{digest} ({path})" for digest, path in self.known)
        return (
            "questionnaire.sha256",
            f"unknown questionnaire {sha}: pass its questionnaire file with --questionnaire "
            f"(known: {known})",
        )


NOT_AN_OBJECT = "not a JSON object (a record is one {...} per line)"
NOT_A_RECORD = (
    "not a record: none of a record's fields (record_id, questionnaire, answers, audience, "
    "status, ...)"
)


def overlong_line() -> BadLine:
    """A line too long to be a record cannot be read: it may hold anything, personal
    data too, so it goes with the personal outputs."""
    return BadLine(
        FileKind.PERSONAL, [("line", f"longer than {MAX_LINE_BYTES} bytes: not a record")]
    )


def _codes(loaded: LoadedQuestionnaire) -> tuple[frozenset[str], frozenset[str]]:
    """The codes of the questions that are not personal, and of all questions."""
    questions = loaded.questionnaire.questions
    return (
        frozenset(q.code for q in questions if not q.personal),
        frozenset(q.code for q in questions),
    )


def _valid(kind: FileKind, validated: Any) -> ValidLine:
    values = field_values(validated)
    if kind is FileKind.PERSONAL:
        return ValidLine(kind, values["record_id"], canonical_personal(values), False, 0)
    partial = values["status"] == "partial"
    canonical = canonical_response(values)
    return ValidLine(kind, values["record_id"], canonical, partial, record_time(values))


def _parse(body: bytes) -> Any:
    """The line as plain JSON values, or ``_NOT_JSON``."""
    try:
        return from_json(body)
    except ValueError:
        return _NOT_JSON


_RECORD_ID = re.compile(rb'"record_id"\s*:\s*"([0-9a-f-]{36})"')


def _record_id_in(body: bytes) -> str | None:
    """The record id of a line cut short or damaged, if it can still be read."""
    found = _RECORD_ID.search(body)
    return found.group(1).decode("ascii") if found else None


def _kind_of(data: dict[str, Any]) -> FileKind:
    return FileKind.RESPONSES if RESPONSE_ONLY_KEYS & data.keys() else FileKind.PERSONAL


def _sha_of(data: dict[str, Any]) -> str | None:
    reference = data.get("questionnaire")
    sha = reference.get("sha256") if isinstance(reference, dict) else None
    return sha if isinstance(sha, str) else None


def _raw_problems(
    body: bytes, ended: bool, problems: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Say what is wrong with a line that is not a JSON object in plain words."""
    if b"\x00" in body:
        return [("line", "contains NUL bytes (binary data, or a file damaged by a crash)")]
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = body[exc.start]
        where = f"invalid byte 0x{byte:02x} at byte {exc.start + 1}"
        return [("line", f"not UTF-8 text ({where}; saved in another encoding?)")]
    if not ended and any(message.startswith("not valid JSON") for _, message in problems):
        return [("line", f"truncated last line (no line end): {problems[0][1]}")]
    return problems
