"""Merge many JSON Lines files of records into one, losing nothing and counting nothing twice.

1. Refuse outputs that are inputs; cut the inputs into chunks at line ends.
2. Scan the chunks, in worker processes when there is enough to do: validate
   each line against the questionnaire it names, spill canonical valid lines to
   a temporary directory beside the output, send back small entries and the bad
   lines. Results are consumed in input order, so "first seen" is well defined.
3. Feed the entries to one :class:`RecordIndex` per kind (answers, personal):
   duplicates are counted, conflicts resolved by the keep rule. Bad lines are
   streamed to the quarantine files as they come.
4. Write the conflicts, then the kept records sorted by (time, record id), read
   back from the spill files by the worker processes, each writing its part of
   the output in place (:mod:`.output_parts`); publish every output atomically.
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from localdigital_tui.core.merge.line_reader import DEFAULT_CHUNK_BYTES, Chunk, plan_chunks
from localdigital_tui.core.merge.merge_state import MergeState, PartWriter
from localdigital_tui.core.merge.outputs import MergeOutputs
from localdigital_tui.core.merge.report import MergeReport
from localdigital_tui.core.merge.workers import Workers
from localdigital_tui.core.merge.writer import check_outputs, publish_all
from localdigital_tui.core.parallel.cores import usable_cores
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.validation import FileKind
from localdigital_tui.errors import RecordFileError

PARALLEL_MIN_BYTES = 8 * 1024 * 1024

Progress = Callable[[int], None]


@dataclass(frozen=True)
class MergeOptions:
    include_partial: bool = False
    jobs: int | None = None
    """Worker processes; ``None`` picks one per CPU for inputs over 8 MiB, else none."""
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
    try:
        chunks = plan_chunks(inputs, options.chunk_bytes)
    except OSError as exc:
        raise RecordFileError(exc.filename or "input", exc.strerror or str(exc)) from exc
    check_outputs(outputs.all(), inputs)
    for folder in {path.parent for path in outputs.all()}:
        folder.mkdir(parents=True, exist_ok=True)
    work_dir = Path(tempfile.mkdtemp(prefix=".merge-", dir=outputs.merged.parent))
    try:
        state = MergeState(inputs, outputs)
        workers = Workers(_jobs(options, chunks), questionnaires, work_dir, options.include_partial)
        try:
            with workers:
                importing: threading.Thread | None = None
                for scan in workers.scans(chunks):
                    if importing is None:
                        importing = _import_in_background("polars")
                    if scan.failure is not None:
                        raise RecordFileError(scan.chunk.path, scan.failure)
                    state.consume(scan)
                    if progress is not None:
                        progress(scan.chunk.size)
                return _finish(state, outputs, workers)
        finally:
            state.close()
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def _import_in_background(module: str) -> threading.Thread:
    """Import ``module`` (polars, ~0.5 s, needed to sort at the end) while the workers
    scan and this process mostly waits. Started only once the pool exists: forking
    while another thread imports could leave a worker with a held import lock."""
    thread = threading.Thread(target=importlib.import_module, args=(module,), daemon=True)
    thread.start()
    return thread


def _finish(state: MergeState, outputs: MergeOutputs, write: PartWriter) -> MergeReport:
    written = {"quarantine": state.quarantine[FileKind.RESPONSES]}
    written["conflicts"] = state.write_conflicts(FileKind.RESPONSES, outputs.conflicts)
    written["merged"] = state.write_kept(FileKind.RESPONSES, outputs.merged, write)
    if state.personal_seen:
        written["personal_quarantine"] = state.quarantine[FileKind.PERSONAL]
        written["personal_conflicts"] = state.write_conflicts(
            FileKind.PERSONAL, outputs.personal_conflicts
        )
        written["personal"] = state.write_kept(FileKind.PERSONAL, outputs.personal, write)
    publish_all(list(written.values()))
    return state.report({role: str(staged.target) for role, staged in written.items()})


def _jobs(options: MergeOptions, chunks: Sequence[Chunk]) -> int:
    if options.jobs is not None:
        return max(1, min(options.jobs, len(chunks)))
    if sum(chunk.size for chunk in chunks) < PARALLEL_MIN_BYTES:
        return 1
    return max(1, min(usable_cores(), len(chunks)))
