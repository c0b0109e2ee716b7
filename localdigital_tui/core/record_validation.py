"""Validate JSON Lines files of records against a questionnaire, line by line.

Each raw line goes straight to ``TypeAdapter.validate_json`` (no ``json.loads``
and dict walking in Python), and every failure becomes a :class:`Problem` with
file, line, field and what was wrong. A bad line never stops the lines after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from localdigital_tui.core.questionnaire import LoadedQuestionnaire
from localdigital_tui.core.record_schema import personal_adapter, record_adapter
from localdigital_tui.errors import Location, Problem, RecordFileError

BOM = b"\xef\xbb\xbf"


class FileKind(Enum):
    RESPONSES = "responses"
    PERSONAL = "personal"


@dataclass
class ValidationSummary:
    """Counts for one file; ``problems`` holds every problem found, in line order."""

    path: str
    kind: FileKind
    good: int = 0
    bad: int = 0
    blank: int = 0
    problems: list[Problem] = field(default_factory=list)


class RecordValidator:
    """Validates response and personal lines of one questionnaire."""

    def __init__(self, loaded: LoadedQuestionnaire) -> None:
        self.loaded = loaded
        self._adapters: dict[FileKind, TypeAdapter[Any]] = {
            FileKind.RESPONSES: record_adapter(loaded),
            FileKind.PERSONAL: personal_adapter(loaded),
        }

    def check_line(
        self, raw: bytes | str, kind: FileKind = FileKind.RESPONSES
    ) -> list[tuple[str, str]]:
        """``[(field, problem), ...]`` for one line; empty when the line is valid."""
        try:
            self._adapters[kind].validate_json(raw)
        except ValidationError as exc:
            return describe(exc)
        return []

    def validate_file(self, path: Path | str, kind: FileKind | None = None) -> ValidationSummary:
        path = Path(path)
        kind = kind or sniff_kind(path)
        summary = ValidationSummary(str(path), kind)
        for number, raw in iter_lines(path):
            if not raw.strip():
                summary.blank += 1
                continue
            found = self.check_line(raw, kind)
            if found:
                summary.bad += 1
                summary.problems += [
                    Problem(Location(str(path), number, field=where), message)
                    for where, message in found
                ]
            else:
                summary.good += 1
        return summary


def iter_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """``(line number, raw bytes)`` with the line end (LF or CRLF) and a leading BOM removed."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise RecordFileError(path, exc.strerror or str(exc)) from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(BOM):
                raw = raw[len(BOM) :]
            yield number, raw.rstrip(b"\r\n")


def sniff_kind(path: Path, lines_to_read: int = 20) -> FileKind:
    """Responses or personal file? Answers lines carry ``audience`` and ``status``.

    A name containing ``personal`` decides; otherwise the first lines are read,
    so a first line cut short by a crash does not mislead the guess.
    """
    if "personal" in path.name.lower():
        return FileKind.PERSONAL
    seen = 0
    for _, raw in iter_lines(path):
        if not raw.strip():
            continue
        if b'"audience":' in raw or b'"status":' in raw:
            return FileKind.RESPONSES
        seen += 1
        if seen >= lines_to_read:
            break
    return FileKind.PERSONAL if seen else FileKind.RESPONSES


_TAG_SEPARATOR = "/"


def describe(exc: ValidationError) -> list[tuple[str, str]]:
    """pydantic errors -> ``(field path, readable problem)``, union tags removed."""
    found = []
    for error in exc.errors(include_url=False):
        loc = [str(part) for part in error["loc"]]
        if loc and _TAG_SEPARATOR in loc[0]:
            loc = loc[1:]
        where = ".".join(loc)
        found.append((where or "line", _message(error, loc)))
    return found


def _message(error: Any, loc: list[str]) -> str:
    kind = error["type"]
    if kind == "json_invalid":
        return f"not valid JSON ({error['ctx'].get('error', error['msg'])})"
    if kind == "missing":
        if len(loc) >= 2 and loc[0] == "answers":
            return "required answer is missing"
        return "required field is missing"
    if kind == "extra_forbidden":
        if len(loc) == 2 and loc[0] == "answers":
            return (
                "not a question this respondent is asked in this file "
                "(unknown, personal, or for another audience)"
            )
        if len(loc) == 3 and loc[0] == "answers":
            return f"unknown row of {loc[1]}"
        return "unknown field"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    shown = repr(error.get("input"))
    if len(shown) > 40:
        shown = shown[:37] + "..."
    msg = str(error["msg"])
    return f"{msg[0].lower()}{msg[1:]} (got {shown})"
