"""Merge many JSON Lines files of records into one, losing nothing and counting nothing twice.

1. Put the inputs in path order (so nothing below depends on the order they were
   given in), refuse outputs that are inputs, cut the inputs into chunks at line
   ends.
2. Scan the chunks (:mod:`.chunk_scan`), in worker processes when there is
   enough to do (:class:`~localdigital_tui.core.parallel.pool.WorkerPool`):
   validate each line against the questionnaire it names, spill canonical valid
   lines to a temporary directory beside the output, send back small entries
   and the bad lines. Results are consumed in input order, so "first seen" is
   well defined and the output does not depend on the number of processes.
3. Feed the entries to one :class:`RecordIndex` per kind (answers, personal):
   duplicates are counted, conflicts resolved by the keep rule. Bad lines are
   streamed to the quarantine files as they come.
4. Write the conflicts, then the kept records sorted by (time, record id), each
   read back from its spill file; publish every output atomically.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from localdigital_tui.core.files.durable import make_folder
from localdigital_tui.core.merge.chunk_scan import scan_chunk, start_scanner
from localdigital_tui.core.merge.merge_state import MergeState
from localdigital_tui.core.merge.outputs import MergeOutputs
from localdigital_tui.core.merge.report import MergeReport
from localdigital_tui.core.merge.writer import check_outputs, publish_all
from localdigital_tui.core.parallel.pool import WorkerPool, jobs_for
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.line_reader import DEFAULT_CHUNK_BYTES, Chunk, plan_chunks
from localdigital_tui.errors import RecordFileError

PARALLEL_MIN_BYTES = 64 * 1024 * 1024  # less input: starting workers costs more than it saves

Progress = Callable[[int], None]


@dataclass(frozen=True)
class MergeOptions:
    include_partial: bool = False
    jobs: int | None = None
    """Worker processes; ``None`` picks one per CPU for inputs over 64 MiB, else none."""
    chunk_bytes: int = DEFAULT_CHUNK_BYTES


def merge(
    inputs: Sequence[Path],
    questionnaires: Sequence[LoadedQuestionnaire],
    outputs: MergeOutputs,
    options: MergeOptions | None = None,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge ``inputs`` into ``outputs``; the report says what happened to every line."""
    options = options or MergeOptions()
    inputs = sorted(inputs, key=str)
    try:
        chunks = plan_chunks(inputs, options.chunk_bytes)
    except OSError as exc:
        raise RecordFileError(exc.filename or "input", exc.strerror or str(exc)) from exc
    check_outputs(outputs.all(), inputs)
    for folder in {path.parent for path in outputs.all()}:
        make_folder(folder)
    work_dir = Path(tempfile.mkdtemp(prefix=".merge-", dir=outputs.merged.parent))
    try:
        state = MergeState(inputs, outputs)
        try:
            setup = (list(questionnaires), str(work_dir), options.include_partial)
            with WorkerPool(_jobs(options, chunks), start_scanner, setup) as pool:
                for scan in pool.in_order(scan_chunk, chunks):
                    if scan.failure is not None:
                        raise RecordFileError(scan.chunk.path, scan.failure)
                    state.consume(scan)
                    if progress is not None:
                        progress(scan.chunk.size)
            return _finish(state, outputs)
        finally:
            state.close()
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def _finish(state: MergeState, outputs: MergeOutputs) -> MergeReport:
    written = {"quarantine": state.quarantine[FileKind.RESPONSES]}
    written["conflicts"] = state.write_conflicts(FileKind.RESPONSES, outputs.conflicts)
    written["merged"] = state.write_kept(FileKind.RESPONSES, outputs.merged)
    if state.personal_seen:
        written["personal_quarantine"] = state.quarantine[FileKind.PERSONAL]
        written["personal_conflicts"] = state.write_conflicts(
            FileKind.PERSONAL, outputs.personal_conflicts
        )
        written["personal"] = state.write_kept(FileKind.PERSONAL, outputs.personal)
    publish_all(list(written.values()))
    return state.report({role: str(staged.target) for role, staged in written.items()})


def _jobs(options: MergeOptions, chunks: Sequence[Chunk]) -> int:
    size = sum(chunk.size for chunk in chunks)
    return jobs_for(options.jobs, len(chunks), worth_it=size >= PARALLEL_MIN_BYTES)
