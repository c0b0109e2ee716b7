"""The foundation's compiled schemas for one questionnaire, compiled once per process.

``record_adapter`` and ``personal_adapter`` are compiled once per process per
questionnaire file (by sha256); compiling takes a few tenths of a second.

Lines are validated one per call. Validating a chunk as one JSON array of its
lines (``[line\\n,line\\n,...]``) was a fifth faster a line, but it is not sound:
a line cut between two members and the rest of that record on the next line
join into one valid object, and a third line holding two records makes the
item count match again, so three bad lines would pass as three good ones.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from localdigital_tui.core.questionnaire import LoadedQuestionnaire
from localdigital_tui.core.record_schema import personal_adapter, record_adapter
from localdigital_tui.core.record_validation import FileKind

_COMPILED: dict[str, dict[FileKind, TypeAdapter[Any]]] = {}


def compiled(loaded: LoadedQuestionnaire) -> dict[FileKind, TypeAdapter[Any]]:
    """Both kinds of line of a questionnaire, compiled once per process."""
    found = _COMPILED.get(loaded.sha256)
    if found is None:
        found = {
            FileKind.RESPONSES: record_adapter(loaded),
            FileKind.PERSONAL: personal_adapter(loaded),
        }
        _COMPILED[loaded.sha256] = found
    return found
