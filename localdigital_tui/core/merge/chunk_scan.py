"""Scan one chunk of an input file: the work a merge does per line, in one process.

Each valid line's canonical bytes are appended to this process's spill file and
only a small entry goes back (record id, a 16-byte digest of the canonical
bytes, draft or not, its time, line number, where it sits in the spill file);
bad lines come back whole, for the quarantine. The parent never sees the bytes
of a good line until it writes the kept ones out. The same code runs in worker
processes (:func:`start_worker`, :func:`scan_in_worker`) or in the calling one.
"""

from __future__ import annotations

import os
import signal
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xxhash import xxh3_128_digest

from localdigital_tui.core.merge.fast_canonical import FastLines
from localdigital_tui.core.merge.line_check import BadLine, LineChecker, ValidLine
from localdigital_tui.core.merge.line_reader import (
    MAX_LINE_BYTES,
    Chunk,
    RawLine,
    read_lines,
    read_whole,
)
from localdigital_tui.core.merge.spill import spill_path
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.validation import FileKind

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


def first_kind(path: str) -> FileKind:
    """What a file is expected to hold, from its name; each line may still say otherwise."""
    name = Path(path).name
    return FileKind.PERSONAL if name.startswith("personal") else FileKind.RESPONSES


class ChunkScanner:
    """Scans chunks, appending canonical lines to one spill file."""

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
        self._spill = spill_path.open("ab", buffering=SPILL_BUFFER)
        self._offset = self._spill.seek(0, os.SEEK_END)
        self._buffer = bytearray()  # chunks are read into it, one after the other

    def close(self) -> None:
        self._spill.close()

    @property
    def checker(self) -> LineChecker:
        """pydantic's validators, compiled (~0.4 s) only when a line first needs them:
        a file of lines the fast path vouches for never does."""
        if self._checker is None:
            self._checker = LineChecker(self._questionnaires)
        return self._checker

    def scan(self, chunk: Chunk) -> ChunkScan:
        scan = ChunkScan(chunk, str(self.spill_path))
        try:
            self._scan_lines(chunk, scan)
        except OSError as exc:
            scan.failure = exc.strerror or str(exc)
        self._spill.flush()
        return scan

    def _scan_lines(self, chunk: Chunk, scan: ChunkScan) -> None:
        kind = first_kind(chunk.path)
        whole = read_whole(chunk, self._buffer)
        if whole is not None:
            self._scan_whole(*whole, kind, scan)
            return
        pending: list[RawLine] = []
        for raw in read_lines(chunk):
            scan.lines += 1
            if raw.blank:
                scan.blank += 1
                continue
            pending.append(raw)
            if len(pending) == BATCH_LINES:
                kind = self._check(pending, kind, scan)
                pending = []
        if pending:
            self._check(pending, kind, scan)

    def _scan_whole(
        self, data: bytes | bytearray, size: int, ended: bool, kind: FileKind, scan: ChunkScan
    ) -> None:
        """The common path, one tight loop over the first ``size`` bytes of ``data`` (a
        chunk read whole): lines are decoded from slices of the buffer (no copy per
        line); each line the fast path vouches for goes straight into the entries and
        the spill; the others wait in ``pending`` and are settled by pydantic (in
        batches) before the next vouched line, so entries and spill stay in line order."""
        check = self.fast.checker(kind)
        entries = scan.entries[kind]
        record_ids, digests, partials = entries.record_ids, entries.digests, entries.partial
        times, numbers, offsets, lengths = (
            entries.times,
            entries.lines,
            entries.offsets,
            entries.lengths,
        )
        write = self._spill.write
        skip_partial = not self.include_partial
        pending: list[RawLine] = []
        find = data.find
        start = number = 0
        with memoryview(data) as view:
            while start < size:
                end = find(b"\n", start, size)
                if end < 0:
                    end = size
                body = view[start:end]
                number += 1
                start = end + 1
                found = None if len(body) >= MAX_LINE_BYTES else check(body)
                if found is None:
                    raw = bytes(body)
                    if not raw or raw.isspace():
                        scan.blank += 1
                        continue
                    overlong = len(raw) >= MAX_LINE_BYTES  # not a record: cut, as read_lines does
                    line_ended = ended or start < size
                    pending.append(RawLine(number, raw[:MAX_LINE_BYTES], line_ended, overlong))
                    if len(pending) < BATCH_LINES:
                        continue
                if pending:
                    self._check(pending, kind, scan, fast_tried=True)
                    pending = []
                if found is None:
                    continue
                record_id, canonical, partial, time = found
                if partial and skip_partial:
                    scan.partial_skipped += 1
                    continue
                length = len(canonical)
                record_ids.append(record_id)
                digests += digest_of(canonical)
                partials.append(partial)
                times.append(time)
                numbers.append(number)
                offsets.append(self._offset)
                lengths.append(length)
                self._offset += length + 1
                write(canonical)
                write(b"\n")
        scan.lines += number
        if pending:
            self._check(pending, kind, scan, fast_tried=True)

    def _check(
        self, lines: list[RawLine], kind: FileKind, scan: ChunkScan, fast_tried: bool = False
    ) -> FileKind:
        """Check a batch of lines: the fast path vouches for most (unless it was
        ``fast_tried`` already); pydantic checks the rest. Lines are kept in line
        order. Returns the kind of the last line checked by pydantic (the next line is
        most likely of the same kind)."""
        fast = self.fast.check
        results: list[ValidLine | BadLine | None] = [
            None if raw.overlong or fast_tried else fast(raw.body, kind) for raw in lines
        ]
        slow = [raw for raw, result in zip(lines, results, strict=True) if result is None]
        if slow:
            checked, kind = self._check_slow(slow, kind)
            settled = iter(checked)
            results = [next(settled) if result is None else result for result in results]
        for raw, result in zip(lines, results, strict=True):
            if isinstance(result, BadLine):
                scan.quarantined.append(QuarantinedLine(raw.number, raw.body, result))
            elif result is None:
                raise AssertionError("every line is settled by the fast or the slow path")
            elif result.partial and not self.include_partial:
                scan.partial_skipped += 1
            else:
                self._add(scan.entries[result.kind], result, raw.number)
        return kind

    def _check_slow(
        self, lines: list[RawLine], kind: FileKind
    ) -> tuple[list[ValidLine | BadLine], FileKind]:
        """pydantic's verdict on each line (see :mod:`.line_check` for why one by one)."""
        results: list[ValidLine | BadLine] = []
        for raw in lines:
            result = (
                _overlong(kind) if raw.overlong else self.checker.check(raw.body, kind, raw.ended)
            )
            kind = result.kind
            results.append(result)
        return results, kind

    def _add(self, entries: Entries, line: ValidLine, number: int) -> None:
        entries.record_ids.append(line.record_id)
        entries.digests += digest_of(line.canonical)
        entries.partial.append(line.partial)
        entries.times.append(line.time)
        entries.lines.append(number)
        entries.offsets.append(self._offset)
        entries.lengths.append(len(line.canonical))
        self._offset += len(line.canonical) + 1
        self._spill.write(line.canonical + b"\n")


def _overlong(kind: FileKind) -> BadLine:
    return BadLine(kind, [("line", f"longer than {MAX_LINE_BYTES} bytes: not a record")])


_worker: ChunkScanner | None = None


def start_worker(
    questionnaires: Sequence[LoadedQuestionnaire], spill_dir: str, include_partial: bool
) -> None:
    """Pool initializer: one scanner (and one spill file) per worker process.

    Workers ignore Ctrl-C: the parent gets it, stops them and removes every
    temporary file (otherwise each worker would print its own traceback)."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    path = spill_path(Path(spill_dir), str(os.getpid()))
    _worker = ChunkScanner(questionnaires, path, include_partial)


def scan_in_worker(chunk: Chunk) -> ChunkScan:
    assert _worker is not None, "start_worker() runs first in each worker"
    return _worker.scan(chunk)
