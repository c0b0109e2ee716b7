"""Typed errors that carry where the problem is.

Core code raises these; only the CLI turns them into messages and exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: importing pathlib costs `localdigital --help` ~5 ms
    from collections.abc import Sequence
    from pathlib import Path


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file: 1-based line and column, and a dotted field path."""

    file: str
    line: int | None = None
    column: int | None = None
    field: str = ""

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        where = ":".join(parts)
        return f"{where}: {self.field}" if self.field else where


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong at one place."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class LocalDigitalError(Exception):
    """Base of every error the CLI reports to a user."""


class QuestionnaireError(LocalDigitalError):
    """A questionnaire file could not be loaded; carries every problem found."""

    def __init__(self, path: Path | str, problems: Sequence[Problem]) -> None:
        self.path = str(path)
        self.problems = list(problems)
        count = len(self.problems)
        self.summary = f"{self.path}: invalid questionnaire ({count} problem{'s' * (count != 1)})"
        super().__init__(self.summary)


class TranslationError(QuestionnaireError):
    """A questionnaire cannot be shown in the language asked for: not declared, or texts
    without a translation (listed, each with its place in the file)."""

    def __init__(self, path: Path | str, problems: Sequence[Problem], summary: str) -> None:
        super().__init__(path, problems)
        self.summary = f"{self.path}: {summary}"
        self.args = (self.summary,)


class AnswerError(LocalDigitalError):
    """An answer given during an interview is not acceptable for its question."""

    def __init__(self, question: str, message: str, row: str | None = None) -> None:
        self.question = question
        self.row = row
        self.reason = message
        field = f"{question}.{row}" if row else question
        super().__init__(f"{field}: {message}")


class FlowError(LocalDigitalError):
    """The interview flow was asked to do something it cannot (e.g. go past the end)."""


class RecordFileError(LocalDigitalError):
    """A responses file cannot be read at all (missing, a directory, unreadable)."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = str(path)
        super().__init__(f"{self.path}: {message}")


class DraftError(LocalDigitalError):
    """A saved draft cannot be read, resumed or discarded."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = str(path)
        self.reason = message
        super().__init__(f"{self.path}: {message}")


class OutputLockedError(LocalDigitalError):
    """Another capture holds the output directory's lock; names that process."""

    def __init__(
        self,
        out_dir: Path | str,
        *,
        pid: int | None = None,
        host: str | None = None,
        interviewer: str | None = None,
        since: str | None = None,
    ) -> None:
        self.out_dir = str(out_dir)
        self.pid = pid
        self.host = host
        self.interviewer = interviewer
        self.since = since
        shown = self.out_dir.rstrip("/") + "/"
        if pid is None:
            who = "another capture"
        else:
            details = ", ".join(
                part
                for part in (
                    f"interviewer {interviewer}" if interviewer else "",
                    since and f"since {since}",
                )
                if part
            )
            who = f"capture pid {pid}" + (f" on {host}" if host else "")
            who += f" ({details})" if details else ""
        super().__init__(f"{shown} is in use by {who}; close that capture first")


class TableError(LocalDigitalError):
    """Tables cannot be made as asked: a table not asked of a group, unknown answer codes."""


class MergeInputError(LocalDigitalError):
    """Inputs or outputs of a merge are unusable: none found, or an output would overwrite
    an input. The merge command reports it as a usage error (exit status 2)."""


class OutputFileError(LocalDigitalError):
    """An output file cannot be written: it exists and may not be replaced, or the OS refused."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = str(path)
        super().__init__(f"{self.path}: {message}")


class ExportError(LocalDigitalError):
    """Records cannot be exported as asked: different versions of one record, no records."""


class WeightingError(LocalDigitalError):
    """Weights cannot be made as asked: a target file that cannot be read, an answer
    without a target, a target nobody can meet."""


@dataclass(frozen=True, slots=True)
class SheetLocation:
    """A place in a workbook: the file, a sheet, a 1-based row and a column header."""

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        if self.sheet is None:
            return self.file
        parts = [f"sheet {self.sheet}"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return f"{self.file}: {', '.join(parts)}"


@dataclass(frozen=True, slots=True)
class SheetProblem:
    """One thing in a workbook that cannot be mapped, and where it is."""

    location: SheetLocation
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class XLSFormError(LocalDigitalError):
    """An XLSForm cannot be read, or holds nothing usable; carries every problem found."""

    def __init__(self, path: Path | str, problems: Sequence[SheetProblem], summary: str) -> None:
        self.path = str(path)
        self.problems = list(problems)
        self.summary = f"{self.path}: {summary}"
        super().__init__(self.summary)


class XLSFormExportError(LocalDigitalError):
    """A questionnaire holds something an XLSForm cannot say; names the question."""


class ExpressionError(LocalDigitalError):
    """An XLSForm expression (relevant, constraint) is not one the import understands."""


class KeyFileError(LocalDigitalError):
    """A key file cannot be made or used: it exists already, or does not hold the age key
    (public recipient or private identity) that was asked for."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = str(path)
        super().__init__(f"{self.path}: {message}")


class DecryptionError(LocalDigitalError):
    """A personal line cannot be decrypted: encrypted to another key, damaged, or not what
    a personal line holds. Carries the file, line and field."""

    def __init__(self, path: Path | str, line: int, message: str, field: str = "") -> None:
        self.location = Location(str(path), line, field=field)
        self.reason = message
        super().__init__(f"{self.location}: {message}")
