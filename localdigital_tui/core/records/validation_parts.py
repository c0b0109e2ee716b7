"""Validate one big file in parts, in parallel processes.

The file is cut at line starts into one byte range per worker. Each worker is a
forked copy of this process (so it starts at once, with the validator already
built, and no script needs a ``__main__`` guard; the workers run only pydantic
and msgspec code) and validates its range with
:meth:`RecordValidator.validate_range`, numbering lines from 1. The parent adds
each range's line offset, so the summary is exactly what one process would have
produced, problems in line order.
"""

from __future__ import annotations

import itertools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from localdigital_tui.errors import Location, Problem, RecordFileError

if TYPE_CHECKING:
    from localdigital_tui.core.records.validation import (
        FileKind,
        RecordValidator,
        ValidationSummary,
    )

_WORKER_VALIDATOR: list[RecordValidator] = []  # set in the parent before forking


def line_starts(path: Path, parts: int) -> list[int]:
    """Byte offsets cutting ``path`` into ``parts`` ranges, each at the start of a line."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            cuts = [0]
            for i in range(1, parts):
                handle.seek(max(size * i // parts, cuts[-1]))
                if handle.tell() > 0:
                    handle.readline()  # finish the line the cut fell in
                cuts.append(min(handle.tell(), size))
    except OSError as exc:
        raise RecordFileError(path, exc.strerror or str(exc)) from exc
    cuts.append(size)
    return cuts


def _validate_part(
    path: str, kind_name: str, start: int, stop: int
) -> tuple[ValidationSummary, int]:
    from localdigital_tui.core.records.validation import FileKind

    return _WORKER_VALIDATOR[0].validate_range(Path(path), FileKind(kind_name), start, stop)


def validate_in_parts(
    validator: RecordValidator, path: Path, kind: FileKind, workers: int
) -> ValidationSummary:
    """The summary of ``path`` validated by ``workers`` processes."""
    from localdigital_tui.core.records.validation import ValidationSummary

    cuts = line_starts(path, workers)
    ranges = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    _WORKER_VALIDATOR[:] = [validator]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=len(ranges), mp_context=context) as pool:
            futures = [pool.submit(_validate_part, str(path), kind.value, a, b) for a, b in ranges]
            results = [f.result() for f in futures]
    finally:
        _WORKER_VALIDATOR.clear()
    summary = ValidationSummary(str(path), kind)
    offset = 0
    for part, lines in results:
        summary.good += part.good
        summary.bad += part.bad
        summary.blank += part.blank
        summary.problems += [
            Problem(
                Location(str(path), (p.location.line or 0) + offset, field=p.location.field),
                p.message,
            )
            for p in part.problems
        ]
        offset += lines
    return summary
