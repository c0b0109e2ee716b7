"""Which files hold answers: files as given, directories searched, personal files refused.

Every command that reads answers (convert, tables) expands its inputs here, so a
personal file can never slip into a table or an export by one path or another.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from localdigital_tui.errors import RecordFileError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)


def is_personal_file(path: Path) -> bool:
    """Personal files are named ``personal*``: ``personal.jsonl``, ``personal-laptop-3-….jsonl``."""
    return path.name.lower().startswith("personal")


def find_answers_files(
    paths: Sequence[Path], suffixes: Sequence[str], *, kinds: str, refusal: str
) -> list[Path]:
    """Files as given, directories expanded to their answers files (recursive), all in path
    order, as merge reads them: nothing downstream depends on the order they were given in.

    ``kinds`` names the accepted files in messages (``.jsonl or .parquet``);
    ``refusal`` ends the message given for a personal file named on the command
    line (in a directory they are passed over silently).
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix in suffixes and not is_personal_file(p)
            )
            if not found:
                raise RecordFileError(path, f"no {kinds} answers files in this directory")
            files += found
        elif path.is_file():
            if is_personal_file(path):
                raise RecordFileError(path, f"a personal file: {refusal}")
            if path.suffix not in suffixes:
                raise RecordFileError(path, f"expected a {kinds} answers file")
            files.append(path)
        else:
            raise RecordFileError(path, "no such file or directory")
    return sorted(files, key=str)
