"""The processes a merge runs in: they scan the chunks, then write the output's parts.

:class:`Workers` is a context manager over a process pool (or, for a small merge,
one in-process scanner): :meth:`Workers.scans` gives each chunk's scan in input
order, and calling it with output parts writes them side by side
(:mod:`.output_parts`). Leaving the context stops the processes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from multiprocessing.pool import Pool
from pathlib import Path
from types import TracebackType

from localdigital_tui.core.merge.chunk_scan import (
    ChunkScan,
    ChunkScanner,
    scan_in_worker,
    start_worker,
)
from localdigital_tui.core.merge.line_reader import Chunk
from localdigital_tui.core.merge.output_parts import OutputPart, write_part
from localdigital_tui.core.merge.spill import spill_path
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire


class Workers:
    """``jobs`` worker processes (none when ``jobs`` is 1), started on entering."""

    def __init__(
        self,
        jobs: int,
        questionnaires: Sequence[LoadedQuestionnaire],
        work_dir: Path,
        include_partial: bool,
    ) -> None:
        self.parts = jobs
        self._questionnaires = list(questionnaires)
        self._work_dir = work_dir
        self._include_partial = include_partial
        self._pool: Pool | None = None
        self._local: ChunkScanner | None = None

    def __enter__(self) -> Workers:
        if self.parts == 1:
            self._local = ChunkScanner(
                self._questionnaires, spill_path(self._work_dir, "local"), self._include_partial
            )
            return self
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._pool = context.Pool(
            self.parts,
            initializer=start_worker,
            initargs=(self._questionnaires, str(self._work_dir), self._include_partial),
        )
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._local is not None:
            self._local.close()
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()

    def scans(self, chunks: Sequence[Chunk]) -> Iterator[ChunkScan]:
        """Each chunk's scan, in the order of ``chunks``."""
        if self._local is not None:
            return map(self._local.scan, chunks)
        assert self._pool is not None, "use Workers as a context manager"
        return self._pool.imap(scan_in_worker, chunks)

    def __call__(self, parts: list[OutputPart]) -> list[int]:
        """Write output parts side by side; the bytes each one wrote."""
        if self._pool is None or len(parts) < 2:
            return [write_part(part) for part in parts]
        return self._pool.map(write_part, parts, chunksize=1)
