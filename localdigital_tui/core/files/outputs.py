"""Outputs are never inputs: the one check every command that writes a file makes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from localdigital_tui.errors import OutputFileError


def file_identity(path: Path) -> tuple[int, int]:
    """(device, inode): the same file under two names (a link, ``./a`` and ``a``) is equal."""
    status = path.stat()
    return status.st_dev, status.st_ino


def refuse_overwriting(output: Path, inputs: Sequence[Path]) -> None:
    """Refuse an output that is a folder, or that is one of ``inputs`` under any name."""
    if output.is_dir():
        raise OutputFileError(output, "is a folder; name an output file")
    if not output.exists():
        return
    mine = file_identity(output)
    for path in inputs:
        if path.exists() and file_identity(path) == mine:
            raise OutputFileError(
                output, f"is also an input ({path}); inputs are never replaced: write elsewhere"
            )
