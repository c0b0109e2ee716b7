"""Validate JSON Lines files of records against a questionnaire, line by line.

``validate`` gives every line the verdict ``merge`` gives it: lines are read by
the same reader (:mod:`.line_reader`: LF or CRLF, a byte order mark at the
start of any line, a last line without its line end, a line too long to be a
record) and whatever the fast check cannot vouch for goes to the same
:class:`~.line_check.LineChecker`, which checks a line as the kind it is
(answers or personal) against the questionnaire it names. So a file may hold
both kinds, as ``merge`` accepts, and the problems are worded as in merge's
quarantine.

The fast check (:class:`~.fast_check.FastLineCheck`, msgspec) can only vouch
for a line pydantic would accept; it runs over batches of lines of the kind
the last valid line had. A big file is cut into chunks at line ends, validated
in worker processes (:class:`~localdigital_tui.core.parallel.pool.WorkerPool`)
and put back together in line order, so the summary is the one a single
process gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from localdigital_tui.core.parallel.pool import WorkerPool, jobs_for
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.fast_check import FastLineCheck
from localdigital_tui.core.records.kinds import FileKind, first_kind
from localdigital_tui.core.records.line_check import BadLine, LineChecker
from localdigital_tui.core.records.line_reader import (
    DEFAULT_CHUNK_BYTES,
    Chunk,
    RawLine,
    plain_batches,
    plan_chunks,
    read_lines,
)
from localdigital_tui.core.records.problems import describe
from localdigital_tui.core.records.schema import personal_adapter, record_adapter
from localdigital_tui.errors import Location, Problem, RecordFileError

PARALLEL_FROM_BYTES = 64 << 20  # smaller files are validated in this process
BATCH_LINES = 1024  # lines given to the fast check at once
PARQUET_MAGIC = b"PAR1"
PARQUET_FILE = (
    "a Parquet file, not JSON Lines: records are checked as the .jsonl files they were "
    "captured in (convert checks them before it writes Parquet)"
)


@dataclass
class ValidationSummary:
    """Counts for one file; ``problems`` holds every problem found, in line order."""

    path: str
    responses: int = 0
    personal: int = 0
    bad: int = 0
    blank: int = 0
    lines: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def good(self) -> int:
        return self.responses + self.personal

    @property
    def kind(self) -> FileKind | None:
        """The kind of its valid lines when there is one (``None``: none, or both)."""
        if self.personal and not self.responses:
            return FileKind.PERSONAL
        if self.responses and not self.personal:
            return FileKind.RESPONSES
        return None

    def describe_good(self) -> str:
        """``N valid responses lines``, ``N valid lines (a responses, b personal)``..."""
        if self.kind is not None:
            return f"{self.good} valid {self.kind.value} lines"
        if self.good:
            return f"{self.good} valid lines ({self.responses} responses, {self.personal} personal)"
        return "0 valid lines"

    def add(self, part: ValidationSummary) -> None:
        """Append the summary of the next chunk (its lines numbered from 1)."""
        base = self.lines
        self.responses += part.responses
        self.personal += part.personal
        self.bad += part.bad
        self.blank += part.blank
        self.lines += part.lines
        self.problems += [
            Problem(
                Location(self.path, (p.location.line or 0) + base, field=p.location.field),
                p.message,
            )
            for p in part.problems
        ]


class RecordValidator:
    """Validates response and personal lines of one questionnaire."""

    def __init__(self, loaded: LoadedQuestionnaire) -> None:
        self.loaded = loaded

    def check_line(
        self, raw: bytes | str, kind: FileKind = FileKind.RESPONSES
    ) -> list[tuple[str, str]]:
        """``[(field, problem), ...]`` for one line of ``kind``; empty when it is valid."""
        build = record_adapter if kind is FileKind.RESPONSES else personal_adapter
        try:
            build(self.loaded).validate_json(raw)
        except ValidationError as exc:
            return describe(exc)
        return []

    def validate_file(
        self,
        path: Path | str,
        expect: FileKind | None = None,
        *,
        workers: int | None = None,
        chunk_bytes: int = DEFAULT_CHUNK_BYTES,
        progress: Callable[[int], None] | None = None,
    ) -> ValidationSummary:
        """Every line of one file. With ``expect``, a valid line of the other kind is a
        bad line. ``workers`` processes (default: one per CPU for big files). ``progress``
        is told the bytes of each chunk done."""
        path = Path(path)
        try:
            with path.open("rb") as handle:
                if handle.read(len(PARQUET_MAGIC)) == PARQUET_MAGIC:
                    raise RecordFileError(path, PARQUET_FILE)
            chunks = plan_chunks([path], chunk_bytes)
        except OSError as exc:
            raise RecordFileError(path, exc.strerror or str(exc)) from exc
        size = sum(chunk.size for chunk in chunks)
        jobs = jobs_for(workers, len(chunks), worth_it=size >= PARALLEL_FROM_BYTES)
        summary = ValidationSummary(str(path))
        with WorkerPool(jobs, start_validator, (self.loaded, expect)) as pool:
            for chunk, part in zip(chunks, pool.in_order(validate_chunk, chunks), strict=True):
                summary.add(part)
                if progress is not None:
                    progress(chunk.size)
        return summary


class ChunkValidator:
    """Validates chunks of files; the pydantic validators are compiled on first need."""

    def __init__(self, loaded: LoadedQuestionnaire, expect: FileKind | None) -> None:
        self.loaded = loaded
        self.expect = expect
        self.fast = FastLineCheck(loaded)
        self._checker: LineChecker | None = None

    @property
    def checker(self) -> LineChecker:
        if self._checker is None:
            self._checker = LineChecker([self.loaded])
        return self._checker

    def validate(self, chunk: Chunk, decoded: list[Any] | None = None) -> ValidationSummary:
        """The chunk's summary. Given ``decoded``, every valid answers line is added to
        it in order: the line as the fast check decoded it (a struct of
        :mod:`.structs`) or, for a line only pydantic vouched for, its canonical
        bytes (:mod:`.canonical`)."""
        kind = self.expect or first_kind(chunk.path)
        if kind is FileKind.RESPONSES:
            valid = self._all_valid(chunk, decoded)
            if valid is not None:
                return ValidationSummary(chunk.path, responses=valid, lines=valid)
        part = ValidationSummary(chunk.path)
        batch: list[RawLine] = []
        try:
            for raw in read_lines(chunk):
                batch.append(raw)
                if len(batch) == BATCH_LINES:
                    kind = self._settle(batch, kind, part, decoded)
                    batch = []
        except OSError as exc:
            raise RecordFileError(chunk.path, exc.strerror or str(exc)) from exc
        self._settle(batch, kind, part, decoded)
        return part

    def _all_valid(self, chunk: Chunk, decoded: list[Any] | None) -> int | None:
        """How many lines the chunk has, when each is a plain line
        (:func:`~.line_reader.plain_batches`) the fast check vouches for (then added
        to ``decoded``, if given); else None, and the chunk is read line by line.
        Most chunks are all valid records: this spares them a :class:`RawLine` and a
        verdict each. Only ``convert`` and ``tables`` keep the decoded lines."""
        kept: list[Any] = []
        count = 0
        try:
            for lines in plain_batches(chunk):
                found = None if lines is None else self.fast.decoded_responses(lines)
                if found is None or None in found:
                    return None
                count += len(found)
                if decoded is not None:
                    kept += found
        except OSError as exc:
            raise RecordFileError(chunk.path, exc.strerror or str(exc)) from exc
        if decoded is not None:
            decoded += kept
        return count

    def _settle(
        self,
        batch: list[RawLine],
        kind: FileKind,
        part: ValidationSummary,
        decoded: list[Any] | None,
    ) -> FileKind:
        """Count a batch of lines; returns the kind of its last valid line."""
        bodies = [raw.body for raw in batch]
        if kind is FileKind.RESPONSES:
            records = self.fast.decoded_responses(bodies)
        else:
            unsure = set(self.fast.doubtful_personal(bodies))
            records = [None if index in unsure else True for index in range(len(batch))]
        vouched = kind  # the kind the fast check vouched for
        for raw, record in zip(batch, records, strict=True):
            part.lines += 1
            if record is not None and not raw.overlong:
                self._count(part, vouched)
                kind = vouched
                if decoded is not None and vouched is FileKind.RESPONSES:
                    decoded.append(record)
                continue
            if raw.blank:
                part.blank += 1
                continue
            result = self.checker.check_line(raw, kind)
            if isinstance(result, BadLine):
                self._bad(part, raw, result.problems)
            elif self.expect is not None and result.kind is not self.expect:
                self._bad(part, raw, [("line", _wrong_kind(self.expect))])
            else:
                kind = result.kind
                self._count(part, kind)
                if decoded is not None and kind is FileKind.RESPONSES:
                    decoded.append(result.canonical)
        return kind

    @staticmethod
    def _count(part: ValidationSummary, kind: FileKind) -> None:
        if kind is FileKind.RESPONSES:
            part.responses += 1
        else:
            part.personal += 1

    @staticmethod
    def _bad(part: ValidationSummary, raw: RawLine, problems: list[tuple[str, str]]) -> None:
        part.bad += 1
        part.problems += [
            Problem(Location(part.path, raw.number, field=where), message)
            for where, message in problems
        ]


def _wrong_kind(expected: FileKind) -> str:
    if expected is FileKind.RESPONSES:
        return "a personal line (name, job title, ...) where only answers records belong"
    return "an answers record where only personal lines belong"


_worker: ChunkValidator | None = None


def start_validator(loaded: LoadedQuestionnaire, expect: FileKind | None) -> None:
    """Set up this process's validator (run once per worker)."""
    global _worker
    _worker = ChunkValidator(loaded, expect)


def validate_chunk(chunk: Chunk) -> ValidationSummary:
    """Validate ``chunk`` with this process's validator (:func:`start_validator` first)."""
    assert _worker is not None, "start_validator() runs first in each process"
    return _worker.validate(chunk)
