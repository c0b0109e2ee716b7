"""The two kinds of record line: answers ("responses") and personal data."""

from __future__ import annotations

from enum import Enum
from pathlib import Path


class FileKind(Enum):
    RESPONSES = "responses"
    PERSONAL = "personal"


def first_kind(path: str | Path) -> FileKind:
    """What a file is expected to hold, from its name; each line may still say otherwise."""
    return FileKind.PERSONAL if Path(path).name.startswith("personal") else FileKind.RESPONSES
