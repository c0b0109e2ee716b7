"""Scan one chunk of an input file: the work a merge does per line, in one process.

Each valid line's canonical bytes are appended to this process's spill file and
only a small entry goes back (record id, a 16-byte digest of the canonical
bytes, draft or not, its time, line number, where it sits in the spill file);
bad lines come back whole, for the quarantine. The parent never sees the bytes
of a good line until it writes the kept ones out. The same code runs in worker
processes or in the calling one (:func:`start_scanner`, :func:`scan_chunk`, run
by :class:`~localdigital_tui.core.parallel.pool.WorkerPool`).
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from xxhash import xxh3_128_digest

from localdigital_tui.core.merge.fast_canonical import FastLines
from localdigital_tui.core.merge.spill import spill_path
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind, first_kind
from localdigital_tui.core.records.line_check import BadLine, LineChecker
from localdigital_tui.core.records.line_reader import (
    Chunk,
    RawLine,
    read_lines,
)

DIGEST_BYTES = 16
BATCH_LINES = 256
SPILL_BUFFER = 1024 * 1024


# The digest of a record's canonical bytes, which tells its versions apart within one
# merge: 128-bit XXH3. Not a defence against crafted collisions (the inputs are the
# organiser's own files); chosen over blake2b as it costs 0.3 µs a line rather than 4.
# An alias, not a wrapper: the scan calls it for every line.
digest_of = xxh3_128_digest


@dataclass
class Entries:
    """The valid lines of one kind in one chunk, as columns."""

    record_ids: list[str] = field(default_factory=list)
    digests: bytearray = field(default_factory=bytearray)
    partial: bytearray = field(default_factory=bytearray)
    times: array[int] = field(default_factory=lambda: array("q"))
    lines: array[int] = field(default_factory=lambda: array("I"))
    offsets: array[int] = field(default_factory=lambda: array("Q"))
    lengths: array[int] = field(default_factory=lambda: array("I"))

    def __len__(self) -> int:
        return len(self.record_ids)


@dataclass(frozen=True, slots=True)
class QuarantinedLine:
    line: int
    body: bytes
    size: int  # the line's length: more than len(body) if it was cut (over MAX_LINE_BYTES)
    bad: BadLine


@dataclass
class ChunkScan:
    """What one chunk held; line numbers count from 1 within the chunk."""

    chunk: Chunk
    spill: str
    lines: int = 0
    blank: int = 0
    partial_skipped: int = 0
    entries: dict[FileKind, Entries] = field(
        default_factory=lambda: {FileKind.RESPONSES: Entries(), FileKind.PERSONAL: Entries()}
    )
    quarantined: list[QuarantinedLine] = field(default_factory=list)
    failure: str | None = None


class ChunkScanner:
    """Scans chunks, appending canonical lines to one spill file (opened per chunk)."""

    def __init__(
        self,
        questionnaires: Sequence[LoadedQuestionnaire],
        spill_path: Path,
        include_partial: bool,
    ) -> None:
        self._questionnaires = questionnaires
        self._checker: LineChecker | None = None
        self.fast = FastLines(questionnaires)
        self.include_partial = include_partial
        self.spill_path = spill_path
        self._spill: BinaryIO | None = None
        self._offset = 0

    @property
    def checker(self) -> LineChecker:
        """pydantic's validators, compiled (~0.4 s) only when a line first needs them:
        a file of lines the fast path vouches for never does."""
        if self._checker is None:
            self._checker = LineChecker(self._questionnaires)
        return self._checker

    def scan(self, chunk: Chunk) -> ChunkScan:
        """The chunk's lines, checked; its valid lines' canonical bytes are in the
        spill file (flushed) when this returns."""
        scan = ChunkScan(chunk, str(self.spill_path))
        try:
            with self.spill_path.open("ab", buffering=SPILL_BUFFER) as spill:
                self._spill, self._offset = spill, spill.seek(0, os.SEEK_END)
                self._scan_lines(chunk, scan)
        except OSError as exc:
            scan.failure = f"{exc.filename or chunk.path}: {exc.strerror or exc}"
        finally:
            self._spill = None
        return scan

    def _scan_lines(self, chunk: Chunk, scan: ChunkScan) -> None:
        """Each line the fast path vouches for goes straight into the entries and the
        spill; the others wait in ``pending`` and are settled (by pydantic, in batches)
        before the next vouched line is added, so entries stay in line order."""
        kind = first_kind(chunk.path)
        check = self.fast.checker(kind)
        skip_partial = not self.include_partial
        pending: list[RawLine] = []
        for raw in read_lines(chunk):
            scan.lines += 1
            found = None if raw.overlong else check(raw.body)
            if found is None:
                if raw.blank:
                    scan.blank += 1
                    continue
                pending.append(raw)
                if len(pending) < BATCH_LINES:
                    continue
            if pending:
                settled = self._check(pending, kind, scan)
                pending = []
                if found is None:  # else the vouched line, of ``kind``, is the latest
                    kind, check = settled, self.fast.checker(settled)
            if found is None:
                continue
            record_id, canonical, partial, time = found
            if partial and skip_partial:
                scan.partial_skipped += 1
            else:
                self._add(scan.entries[kind], record_id, canonical, partial, time, raw.number)
        if pending:
            self._check(pending, kind, scan)

    def _check(self, lines: list[RawLine], kind: FileKind, scan: ChunkScan) -> FileKind:
        """pydantic's verdict on each line the fast path could not vouch for (see
        :mod:`.line_check` for why one by one), in line order. Returns the kind of the
        last valid line (the next line is most likely of the same kind)."""
        for raw in lines:
            result = self.checker.check_line(raw, kind)
            if isinstance(result, BadLine):
                scan.quarantined.append(QuarantinedLine(raw.number, raw.body, raw.size, result))
                continue
            kind = result.kind
            if result.partial and not self.include_partial:
                scan.partial_skipped += 1
                continue
            self._add(
                scan.entries[kind],
                result.record_id,
                result.canonical,
                result.partial,
                result.time,
                raw.number,
            )
        return kind

    def _add(
        self,
        entries: Entries,
        record_id: str,
        canonical: bytes,
        partial: bool,
        time: int,
        number: int,
    ) -> None:
        entries.record_ids.append(record_id)
        entries.digests += digest_of(canonical)
        entries.partial.append(partial)
        entries.times.append(time)
        entries.lines.append(number)
        entries.offsets.append(self._offset)
        entries.lengths.append(len(canonical))
        self._offset += len(canonical) + 1
        assert self._spill is not None, "lines are added while a chunk is scanned"
        self._spill.write(canonical)
        self._spill.write(b"\n")


_worker: ChunkScanner | None = None


def start_scanner(
    questionnaires: Sequence[LoadedQuestionnaire], spill_dir: str, include_partial: bool
) -> None:
    """Set up this process's scanner, with its own spill file (run once per worker)."""
    global _worker
    path = spill_path(Path(spill_dir), str(os.getpid()))
    _worker = ChunkScanner(questionnaires, path, include_partial)


def scan_chunk(chunk: Chunk) -> ChunkScan:
    """Scan ``chunk`` with this process's scanner (:func:`start_scanner` first)."""
    assert _worker is not None, "start_scanner() runs first in each process"
    return _worker.scan(chunk)
