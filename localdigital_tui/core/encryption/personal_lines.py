"""Personal lines encrypted at rest: sealing a record's line, and decrypting a file of them.

An encrypted personal line keeps in the clear what merge needs to find, de-duplicate
and check it (``record_id``, ``questionnaire``) and who can read it
(``encrypted_to``, the age public key), and holds each personal answer sealed on
its own (``encrypted_answers``, see :mod:`.sealed_answers`)::

    {"record_id": "5b0e...", "questionnaire": {...}, "encrypted_to": "age1...",
     "encrypted_answers": {"q1_name": "YWdlLWVuY3J5cHRpb24ub3Jn...", ...}}

:func:`decrypt_personal_file` turns such lines back into plain ones, each checked
by the line checker merge uses and written in the canonical form merge writes;
plain lines pass through (checked too), so a file mixing both decrypts whole. A
line of ``personal-conflicts.jsonl`` (one version of a record merge found in more
than one version) keeps its place and notes, its ``record`` decrypted, so the
organiser can see whether the versions' answers differ.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.line_check import BadLine, LineChecker
from localdigital_tui.core.records.line_reader import plan_chunks, read_lines
from localdigital_tui.core.records.model import EncryptedPersonalRecord, PersonalRecord
from localdigital_tui.errors import Location, Problem, RecordFileError

if TYPE_CHECKING:
    from localdigital_tui.core.encryption.sealed_answers import AnswerOpener, AnswerSealer
    from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire


def sealed_personal_record(
    personal: PersonalRecord, sealer: AnswerSealer, kept: dict[str, str]
) -> EncryptedPersonalRecord:
    """``personal`` with its answers sealed, beside the ``kept`` sealed answers (given
    before a resume, unreadable here) that no new answer replaced."""
    sealed = {**kept, **sealer.seal_all(personal.record_id, personal.answers)}
    return EncryptedPersonalRecord(
        record_id=personal.record_id,
        questionnaire=personal.questionnaire,
        encrypted_to=sealer.public_key,
        encrypted_answers=sealed,
    )


@dataclass
class DecryptedFile:
    """The plain lines of one personal file, in its order, and every line that failed."""

    path: str
    lines: list[bytes] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    decrypted: int = 0  # encrypted lines opened
    plain: int = 0  # lines that were plain already
    blank: int = 0


def decrypt_personal_file(
    path: Path,
    opener: AnswerOpener,
    questionnaires: Sequence[LoadedQuestionnaire],
    key_name: str = "the private key",
) -> DecryptedFile:
    """Every line of ``path`` decrypted (or passed through, if plain) and checked."""
    checker = LineChecker(questionnaires)
    result = DecryptedFile(str(path))
    try:
        chunks = plan_chunks([path], chunk_bytes=sys.maxsize)
    except OSError as exc:
        raise RecordFileError(path, exc.strerror or str(exc)) from exc
    for chunk in chunks:
        for raw in read_lines(chunk):
            if raw.blank:
                result.blank += 1
                continue
            try:
                line, was_encrypted = _plain_line(checker, raw.body, opener, key_name)
            except _LineProblem as problem:
                where = Location(str(path), raw.number, field=problem.field)
                result.problems.append(Problem(where, problem.message))
                continue
            result.lines.append(line)
            if was_encrypted:
                result.decrypted += 1
            else:
                result.plain += 1
    return result


class _LineProblem(Exception):
    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message


def _checked(checker: LineChecker, body: bytes) -> bytes:
    """The canonical bytes of a valid personal line, or the line's first problem."""
    found = checker.check(body, FileKind.PERSONAL)
    if isinstance(found, BadLine):
        raise _LineProblem(*found.problems[0])
    if found.kind is not FileKind.PERSONAL:
        raise _LineProblem("line", "an answers line, not a personal line")
    return found.canonical


CONFLICT_KEYS = frozenset(("record_id", "kept", "reason", "file", "line", "copies", "record"))


def _plain_line(
    checker: LineChecker, body: bytes, opener: AnswerOpener, key_name: str
) -> tuple[bytes, bool]:
    """A personal line, or a line of a merge's personal conflicts, decrypted."""
    try:
        outer = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        outer = None
    if not (isinstance(outer, dict) and outer.keys() == CONFLICT_KEYS):
        return _plain_record(checker, body, opener, key_name)
    record = json.dumps(outer.pop("record"), ensure_ascii=False).encode("utf-8")
    try:
        plain, was_encrypted = _plain_record(checker, record, opener, key_name)
    except _LineProblem as problem:
        raise _LineProblem(f"record.{problem.field}", problem.message) from None
    head = json.dumps(outer, ensure_ascii=False).encode("utf-8")
    return head[:-1] + b', "record": ' + plain + b"}", was_encrypted


def _plain_record(
    checker: LineChecker, body: bytes, opener: AnswerOpener, key_name: str
) -> tuple[bytes, bool]:
    canonical = _checked(checker, body)
    data: dict[str, Any] = json.loads(canonical)
    if "encrypted_answers" not in data:
        return canonical, False
    if data["encrypted_to"] != opener.public_key:
        raise _LineProblem(
            "encrypted_to",
            f"encrypted to {data['encrypted_to']}, not to {key_name} "
            f"(the private key of {opener.public_key})",
        )
    answers = {}
    for code, sealed in data["encrypted_answers"].items():
        try:
            answers[code] = opener.open(data["record_id"], code, sealed)
        except ValueError as exc:
            raise _LineProblem(f"encrypted_answers.{code}", str(exc)) from None
    plain = {"record_id": data["record_id"], "questionnaire": data["questionnaire"]}
    plain["answers"] = answers
    return _checked(checker, json.dumps(plain, ensure_ascii=False).encode("utf-8")), True
