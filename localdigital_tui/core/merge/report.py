"""What a merge did, per input file and in total.

For every file: ``lines = blank + quarantined + valid`` and
``valid = merged + duplicates + not_kept + partial_skipped``, where

* ``merged``: lines whose record is in an output and that were its first copy;
* ``duplicates``: lines identical (canonically) to a line read before them;
* ``not_kept``: the first copy of a version that lost a conflict;
* ``conflicts``: first copies of every version of a conflicted record id (kept
  or not), i.e. the lines this file put into the conflicts files;
* ``partial_skipped``: drafts left out (no ``--include-partial``).

Which copy of a duplicated line is "first" follows the order of the inputs;
the merged output does not depend on that order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

COUNT_FIELDS = (
    "lines",
    "blank",
    "valid",
    "merged",
    "duplicates",
    "conflicts",
    "not_kept",
    "partial_skipped",
    "quarantined",
)


@dataclass
class FileCounts:
    path: str
    kind: str = "-"
    lines: int = 0
    blank: int = 0
    valid: int = 0
    merged: int = 0
    duplicates: int = 0
    conflicts: int = 0
    not_kept: int = 0
    partial_skipped: int = 0
    quarantined: int = 0
    responses: int = 0
    personal: int = 0

    def settle_kind(self) -> None:
        """``responses``, ``personal``, ``mixed`` or ``-`` (no valid line), from what was read."""
        if self.responses and self.personal:
            self.kind = "mixed"
        elif self.responses or self.partial_skipped:
            self.kind = "responses"
        elif self.personal:
            self.kind = "personal"


@dataclass(frozen=True, slots=True)
class UnknownQuestionnaire:
    sha256: str
    lines: int
    first: str
    record_id: str | None


@dataclass
class MergeReport:
    files: list[FileCounts]
    outputs: dict[str, str]
    records: dict[str, int]
    conflicted_records: dict[str, int]
    quarantined: dict[str, int] = field(default_factory=dict)
    unknown_questionnaires: list[UnknownQuestionnaire] = field(default_factory=list)
    first_problem: str | None = None

    @property
    def totals(self) -> FileCounts:
        total = FileCounts("total")
        for counts in self.files:
            for name in COUNT_FIELDS:
                setattr(total, name, getattr(total, name) + getattr(counts, name))
        return total

    @property
    def clean(self) -> bool:
        """Nothing quarantined and no conflicts: exit status 0."""
        return self.totals.quarantined == 0 and not any(self.conflicted_records.values())

    def to_json(self) -> dict[str, Any]:
        def counts(c: FileCounts) -> dict[str, Any]:
            return {f.name: getattr(c, f.name) for f in fields(c) if f.name not in _INTERNAL}

        return {
            "clean": self.clean,
            "files": [counts(c) for c in self.files],
            "totals": {name: getattr(self.totals, name) for name in COUNT_FIELDS},
            "records": dict(self.records),
            "conflicted_records": dict(self.conflicted_records),
            "quarantined": dict(self.quarantined),
            "unknown_questionnaires": [asdict(u) for u in self.unknown_questionnaires],
            "first_problem": self.first_problem,
            "outputs": dict(self.outputs),
        }


_INTERNAL = {"responses", "personal"}
