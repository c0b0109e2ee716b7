"""Validate JSON Lines files of records against a questionnaire, line by line.

Each raw line goes straight to ``TypeAdapter.validate_json`` (no ``json.loads``
and dict walking in Python), and every failure becomes a :class:`Problem` with
file, line, field and what was wrong. A bad line never stops the lines after it.

Files are validated fast: a line first meets :class:`~.fast_lines.FastLineCheck`
(msgspec, several times quicker), which can only vouch for a line; any line it
does not vouch for is validated here, so verdicts and messages are the per-line
validator's. A large file is split into parts validated in parallel processes
(:mod:`.validation_parts`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from localdigital_tui.core.parallel.cores import usable_cores
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.fast_check import FastLineCheck
from localdigital_tui.core.records.lines import BOM, line_views
from localdigital_tui.core.records.schema import personal_adapter, record_adapter
from localdigital_tui.errors import Location, Problem, RecordFileError

STATUS_TAGS = frozenset({"complete", "partial"})
PARALLEL_FROM_BYTES = 64 << 20  # smaller files are validated in this process


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
        self._fast: FastLineCheck | None = None

    def check_line(
        self, raw: bytes | str, kind: FileKind = FileKind.RESPONSES
    ) -> list[tuple[str, str]]:
        """``[(field, problem), ...]`` for one line; empty when the line is valid."""
        # Compiled (once per process) on first use: a file whose lines all pass the
        # fast check never needs it.
        build = record_adapter if kind is FileKind.RESPONSES else personal_adapter
        adapter = build(self.loaded)
        try:
            adapter.validate_json(raw)
        except ValidationError as exc:
            return describe(exc)
        return []

    def validate_file(
        self, path: Path | str, kind: FileKind | None = None, *, workers: int | None = None
    ) -> ValidationSummary:
        """Every line of one file; ``workers`` processes (default: one per CPU for big files)."""
        path = Path(path)
        kind = kind or sniff_kind(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise RecordFileError(path, exc.strerror or str(exc)) from exc
        count = workers if workers is not None else default_workers(size)
        if count > 1:
            from localdigital_tui.core.records.validation_parts import validate_in_parts

            return validate_in_parts(self, path, kind, count)
        return self.validate_range(path, kind)[0]

    def validate_range(
        self, path: Path, kind: FileKind, start: int = 0, stop: int | None = None
    ) -> tuple[ValidationSummary, int]:
        """The lines starting in bytes ``start`` .. ``stop``, numbered from 1; and their count."""
        if self._fast is None:
            self._fast = FastLineCheck(self.loaded)
        doubtful = (
            self._fast.doubtful_responses
            if kind is FileKind.RESPONSES
            else self._fast.doubtful_personal
        )
        summary = ValidationSummary(str(path), kind)
        lines = 0
        for block in line_views(path, start, stop):
            # The fast check over a whole block (a trailing CR is JSON whitespace to
            # it); only the lines it does not vouch for are looked at one by one.
            unsure = doubtful(block)
            summary.good += len(block) - len(unsure)
            for index in unsure:
                self._settle(summary, path, kind, lines + index + 1, bytes(block[index]))
            lines += len(block)
        return summary, lines

    def _settle(
        self, summary: ValidationSummary, path: Path, kind: FileKind, number: int, raw: bytes
    ) -> None:
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            summary.blank += 1
            return
        found = self.check_line(raw, kind)
        if not found:
            summary.good += 1
            return
        summary.bad += 1
        summary.problems += [
            Problem(Location(str(path), number, field=where), message) for where, message in found
        ]


def default_workers(size: int) -> int:
    if size < PARALLEL_FROM_BYTES:
        return 1
    return usable_cores()


def iter_lines(path: Path, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, bytes]]:
    """``(line number, raw bytes)`` with the line end (LF or CRLF) and a leading BOM removed.

    ``start`` and ``stop`` (byte offsets; ``start`` at the beginning of a line)
    give the lines that begin in that range, numbered from 1.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise RecordFileError(path, exc.strerror or str(exc)) from exc
    with handle:
        handle.seek(start)
        position = start
        for number, raw in enumerate(handle, start=1):
            if stop is not None and position >= stop:
                break
            position += len(raw)
            if number == 1 and start == 0 and raw.startswith(BOM):
                raw = raw[len(BOM) :]
            yield number, raw.rstrip(b"\r\n")


def line_blocks(
    path: Path, start: int = 0, stop: int | None = None, size: int = 8 << 20
) -> Iterator[list[bytes]]:
    """The lines beginning in bytes ``start`` .. ``stop``, in lists of about ``size`` bytes.

    Lines lose their LF but keep a CR; a BOM is removed from the file's first line.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise RecordFileError(path, exc.strerror or str(exc)) from exc
    with handle:
        handle.seek(start)
        left = None if stop is None else stop - start
        rest = b""
        first = start == 0
        while True:
            chunk = handle.read(size if left is None else min(size, left))
            if left is not None:
                left -= len(chunk)
            if not chunk:
                break
            if first:
                chunk = chunk.removeprefix(BOM) if len(chunk) >= len(BOM) else chunk
                first = False
            lines = chunk.split(b"\n")  # no copy of the block: only the short ends are joined
            lines[0] = rest + lines[0]
            rest = lines.pop()
            if lines:
                yield lines
        if rest:
            yield [rest]


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


def describe(exc: ValidationError) -> list[tuple[str, str]]:
    """pydantic errors -> ``(field path, readable problem)``, union tags removed.

    Records are picked by ``audience`` then ``status``; pydantic puts those tags
    (``council``, ``complete``) at the front of an error's path, before the first
    real field of the line.
    """
    found = []
    for error in exc.errors(include_url=False):
        loc = [str(part) for part in error["loc"]]
        if error["type"] in {"union_tag_invalid", "union_tag_not_found"}:
            loc = [str(error["ctx"]["discriminator"]).strip("'")]
        else:
            loc = _without_tags(loc)
        where = ".".join(loc)
        found.append((where or "line", _message(error, loc)))
    return found


def _without_tags(loc: list[str]) -> list[str]:
    """Drop the leading ``audience``/``status`` tags of a record variant's error path."""
    for index, part in enumerate(loc[:2]):
        if part in STATUS_TAGS:
            return loc[index + 1 :]
    return loc


def _message(error: Any, loc: list[str]) -> str:
    kind = error["type"]
    if kind == "union_tag_invalid":
        ctx = error["ctx"]
        return f"expected one of {ctx['expected_tags']} (got '{ctx['tag']}')"
    if kind == "union_tag_not_found":
        return "required field is missing"
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
