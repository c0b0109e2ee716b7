"""The parent's side of a merge: counts, indexes, quarantine files, and the final writes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from localdigital_tui.core.merge.chunk_scan import ChunkScan, QuarantinedLine
from localdigital_tui.core.merge.dedupe import RecordIndex
from localdigital_tui.core.merge.quarantine import conflict_line, quarantine_line
from localdigital_tui.core.merge.report import FileCounts, MergeReport, UnknownQuestionnaire
from localdigital_tui.core.merge.spill import SpillFiles
from localdigital_tui.core.merge.writer import StagedFile
from localdigital_tui.core.records.kinds import FileKind

if TYPE_CHECKING:
    from localdigital_tui.core.merge.outputs import MergeOutputs


class MergeState:
    """Everything a merge accumulates while chunks come in, in input order."""

    def __init__(self, inputs: Sequence[Path], outputs: MergeOutputs) -> None:
        self.inputs = [str(path) for path in inputs]
        self.counts = [FileCounts(path) for path in self.inputs]
        self.spills = SpillFiles()
        self.indexes = {kind: RecordIndex(self.spills.read) for kind in FileKind}
        self._staged: list[StagedFile] = []
        self.quarantine = {
            FileKind.RESPONSES: self.stage(outputs.quarantine),
            FileKind.PERSONAL: self.stage(outputs.personal_quarantine),
        }
        self._line_base = [0] * len(self.inputs)
        self._unknown: dict[str, _Tally] = {}
        self.first_problem: str | None = None
        self.personal_seen = False
        self.quarantined: Counter[str] = Counter({kind.value: 0 for kind in FileKind})

    def stage(self, path: Path) -> StagedFile:
        staged = StagedFile(path)
        self._staged.append(staged)
        return staged

    def consume(self, scan: ChunkScan) -> None:
        file = scan.chunk.file_index
        counts = self.counts[file]
        base = self._line_base[file]
        self._line_base[file] += scan.lines
        counts.lines += scan.lines
        counts.blank += scan.blank
        counts.partial_skipped += scan.partial_skipped
        counts.valid += scan.partial_skipped
        for quarantined in scan.quarantined:
            self._quarantine(counts, base, quarantined)
        spill = self.spills.number_of(scan.spill)
        for kind, entries in scan.entries.items():
            if not len(entries):
                continue
            counts.valid += len(entries)
            if kind is FileKind.PERSONAL:
                counts.personal += len(entries)
                self.personal_seen = True
            else:
                counts.responses += len(entries)
            counts.duplicates += self.indexes[kind].add(entries, spill, file, base)

    def _quarantine(self, counts: FileCounts, base: int, line: QuarantinedLine) -> None:
        bad = line.bad
        number = base + line.line
        counts.quarantined += 1
        self.quarantined[bad.kind.value] += 1
        if bad.kind is FileKind.PERSONAL:
            self.personal_seen = True
        self.quarantine[bad.kind].write(
            quarantine_line(counts.path, number, line.body, bad.problems, bad.record_id, line.size)
        )
        where = f"{counts.path}:{number}"
        if self.first_problem is None:
            field, problem = bad.problems[0]
            self.first_problem = f"{where}: {field}: {problem}"
        if bad.unknown_sha256 is not None:
            tally = self._unknown.setdefault(bad.unknown_sha256, _Tally(0, where, bad.record_id))
            tally.lines += 1

    def write_conflicts(self, kind: FileKind, path: Path) -> StagedFile:
        """Stage every version of each conflicted record of ``kind``; count them per file."""
        target = self.stage(path)
        index = self.indexes[kind]
        for found in index.conflicts():
            version = found.version
            counts = self.counts[version.file]
            counts.conflicts += 1
            if not found.kept:
                counts.not_kept += 1
            target.write(
                conflict_line(
                    found.record_id,
                    found.kept,
                    found.reason,
                    counts.path,
                    version.line,
                    version.copies,
                    index.canonical(version),
                )
            )
        return target

    def write_kept(self, kind: FileKind, path: Path) -> StagedFile:
        """Stage the kept records of ``kind`` in output order; count them per file.

        The records are copied from the spill files in output order."""
        target = self.stage(path)
        index = self.indexes[kind]
        for file, merged in index.merged_per_file().items():
            self.counts[file].merged += merged
        for data in self.spills.copy_out(*index.kept_in_order()):
            target.write(data)
        return target

    def report(self, outputs: dict[str, str]) -> MergeReport:
        for counts in self.counts:
            counts.settle_kind()
        unknown = [
            UnknownQuestionnaire(sha, tally.lines, tally.first, tally.record_id)
            for sha, tally in self._unknown.items()
        ]
        return MergeReport(
            files=self.counts,
            outputs=outputs,
            records={kind.value: len(index) for kind, index in self.indexes.items()},
            conflicted_records={kind.value: idx.conflicted for kind, idx in self.indexes.items()},
            quarantined=dict(self.quarantined),
            unknown_questionnaires=unknown,
            first_problem=self.first_problem,
        )

    def close(self) -> None:
        """Release spill files; remove the temporary files of outputs not published."""
        self.spills.close()
        for staged in self._staged:
            staged.discard()


@dataclass
class _Tally:
    lines: int
    first: str
    record_id: str | None
