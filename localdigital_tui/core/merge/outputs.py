"""Where a merge writes: the merged file, quarantine, conflicts and their personal twins."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class MergeOutputs:
    """Where a merge writes. Personal data goes only to the three ``personal*`` files."""

    merged: Path
    quarantine: Path
    conflicts: Path
    personal: Path
    personal_quarantine: Path
    personal_conflicts: Path

    @classmethod
    def beside(
        cls,
        merged: Path,
        *,
        personal: Path | None = None,
        quarantine: Path | None = None,
        conflicts: Path | None = None,
    ) -> MergeOutputs:
        """Defaults: ``quarantine.jsonl``, ``conflicts.jsonl``, ``personal.jsonl`` beside
        ``merged``, and ``<personal>-quarantine.jsonl``, ``<personal>-conflicts.jsonl``."""
        folder = merged.parent
        personal = personal or folder / "personal.jsonl"
        return cls(
            merged=merged,
            quarantine=quarantine or folder / "quarantine.jsonl",
            conflicts=conflicts or folder / "conflicts.jsonl",
            personal=personal,
            personal_quarantine=personal.with_name(f"{personal.stem}-quarantine.jsonl"),
            personal_conflicts=personal.with_name(f"{personal.stem}-conflicts.jsonl"),
        )

    def all(self) -> list[Path]:
        return [
            self.merged,
            self.quarantine,
            self.conflicts,
            self.personal,
            self.personal_quarantine,
            self.personal_conflicts,
        ]
