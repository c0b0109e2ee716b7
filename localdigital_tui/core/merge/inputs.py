"""Turn the merge command's INPUT arguments into a list of files.

An argument is a file (taken as it is, whatever its name), a directory
(searched recursively for ``*.jsonl``, skipping hidden files and directories),
or a glob pattern (``laptops/*/responses-*.jsonl``; ``**`` crosses directories).
The result keeps the order of the arguments, files found in a directory or by a
pattern in sorted order, and each file once even when two arguments name it.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from localdigital_tui.core.files.outputs import file_identity
from localdigital_tui.errors import MergeInputError

GLOB_CHARACTERS = frozenset("*?[")


def expand_inputs(arguments: Sequence[str | Path]) -> list[Path]:
    """Every file the arguments name, in order, each once.

    Raises :class:`MergeInputError` when an argument matches nothing or when no
    file is found at all.
    """
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for argument in arguments:
        matches = _expand_one(str(argument))
        if not matches:
            what = (
                "no *.jsonl files in this directory"
                if Path(argument).is_dir()
                else ("no such file, directory or matching files")
            )
            raise MergeInputError(f"{argument}: {what}")
        for path in matches:
            identity = file_identity(path)
            if identity not in seen:
                seen.add(identity)
                found.append(path)
    if not found:
        raise MergeInputError("no input files found (directories are searched for *.jsonl)")
    return found


def _expand_one(argument: str) -> list[Path]:
    path = Path(argument)
    if path.is_dir():
        return _jsonl_under(path)
    if path.exists():
        return [path]
    if not GLOB_CHARACTERS & set(argument):
        return []
    found: list[Path] = []
    for match in sorted(glob.glob(argument, recursive=True)):
        candidate = Path(match)
        found.extend(_jsonl_under(candidate) if candidate.is_dir() else [candidate])
    return [p for p in found if p.is_file()]


def _jsonl_under(directory: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root, name) for name in sorted(_visible_jsonl(files)))
    return found


def _visible_jsonl(names: Iterable[str]) -> Iterable[str]:
    return (n for n in names if n.endswith(".jsonl") and not n.startswith("."))
