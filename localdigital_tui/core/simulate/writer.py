"""Write simulated records to answers files and personal files, durably.

One output file (``-o responses.jsonl``, personal answers beside it in
``personal.jsonl``) or K files in a directory (``responses-0001.jsonl`` ...
with ``personal-0001.jsonl`` ...). Records are made in batches of a bounded
size, so memory does not grow with N; each file is written to a temporary file
in the same directory, fsynced and renamed into place, so a crash never leaves
a half-written file under the final name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

import polars as pl

from localdigital_tui.core.files.durable import fsync_directory, make_folder
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.simulate.lines import (
    PART_SEPARATOR,
    PERSONAL_PARTS,
    RESPONSE_PARTS,
    LinePlan,
)
from localdigital_tui.core.simulate.profile import REPORT_PROFILE, Profile
from localdigital_tui.errors import OutputFileError

BATCH = 100_000
WRITE_BUFFER = 1 << 20
# Each batch is one pass of column-wise stages: polars' in-memory engine runs a
# stage's expressions side by side and costs ~20% less CPU here than streaming.
ENGINE: Literal["in-memory"] = "in-memory"


@dataclass(frozen=True)
class OutputFile:
    """One answers file, its personal file (or None) and how many records go in it."""

    responses: Path
    personal: Path | None
    records: int
    first: int  # number of its first record in the whole simulation


def personal_path_for(path: Path) -> Path:
    """``responses.jsonl`` -> ``personal.jsonl``; ``sim.jsonl`` -> ``personal-sim.jsonl``."""
    if "responses" in path.name:
        return path.with_name(path.name.replace("responses", "personal", 1))
    return path.with_name(f"personal-{path.name}")


def split(total: int, parts: int) -> list[int]:
    """``total`` records over ``parts`` files, sizes differing by at most one."""
    size, extra = divmod(total, parts)
    return [size + (1 if i < extra else 0) for i in range(parts)]


def plan_outputs(
    path: Path, records: int, files: int | None, *, personal: bool = True
) -> list[OutputFile]:
    """Where the records go: ``path`` itself, or ``files`` numbered files inside it."""
    if records < 0:
        raise ValueError("the number of records cannot be negative")
    if files is None and not path.is_dir():
        return [OutputFile(path, personal_path_for(path) if personal else None, records, 0)]
    count = files or 1
    if count < 1:
        raise ValueError("--files must be at least 1")
    outputs, first = [], 0
    for i, size in enumerate(split(records, count), start=1):
        answers = path / f"responses-{i:04d}.jsonl"
        outputs.append(
            OutputFile(answers, personal_path_for(answers) if personal else None, size, first)
        )
        first += size
    return outputs


def _file_mode() -> int:
    """rw for everyone the umask allows, as ``open`` would create the file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def replacing(path: Path, *, sync: bool = True) -> Iterator[BinaryIO]:
    """A file written under a temporary name that becomes ``path`` (fsynced) when the
    block ends; removed if the block raises.

    ``sync=False`` skips the fsyncs (scratch data for benchmarks): the rename still
    makes the file appear whole, but a power cut may lose it.
    """
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb", buffering=WRITE_BUFFER) as handle:
            os.fchmod(fd, _file_mode())
            yield handle
            handle.flush()
            if sync:
                os.fsync(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    if sync:
        fsync_directory(path.parent)


def simulate(
    loaded: LoadedQuestionnaire,
    records: int,
    path: Path,
    *,
    files: int | None = None,
    seed: int = 0,
    partial_rate: float = 0.0,
    personal: bool = True,
    overwrite: bool = False,
    profile: Profile = REPORT_PROFILE,
    batch: int = BATCH,
    sync: bool = True,
    progress: Callable[[int], None] | None = None,
) -> list[OutputFile]:
    """Write ``records`` simulated records; returns the files written.

    Directories are created as needed; existing files are an error unless
    ``overwrite``. ``sync=False`` skips fsync (see :func:`replacing`). ``progress`` is
    told the records of each batch written.
    """
    make_folder(path if files is not None else path.parent)
    outputs = plan_outputs(path, records, files, personal=personal)
    targets = [p for o in outputs for p in (o.responses, o.personal) if p is not None]
    if not overwrite:
        existing = [p for p in targets if p.exists()]
        if existing:
            raise OutputFileError(existing[0], "already exists (use --force to replace it)")
    plan = LinePlan(loaded, profile, seed, partial_rate)
    for output in outputs:
        _write(plan, output, batch, sync, progress)
    return outputs


def _write(
    plan: LinePlan,
    output: OutputFile,
    batch: int,
    sync: bool,
    progress: Callable[[int], None] | None,
) -> None:
    """Batches made by polars while the previous batch is written (one at a time, in order)."""
    try:
        with contextlib.ExitStack() as stack:
            answers = stack.enter_context(replacing(output.responses, sync=sync))
            personal = None
            if output.personal is not None:
                personal = stack.enter_context(replacing(output.personal, sync=sync))
            writer = stack.enter_context(ThreadPoolExecutor(max_workers=1))
            pending: Future[None] | None = None
            stop = output.first + output.records
            for start in range(output.first, stop, batch):
                frame = plan.frame(start, min(start + batch, stop)).collect(engine=ENGINE)
                if pending is not None:
                    pending.result()
                pending = writer.submit(_write_batch, frame, answers, personal)
                if progress is not None:
                    progress(frame.height)
            if pending is not None:
                pending.result()
    except OSError as exc:
        raise OutputFileError(exc.filename or output.responses, exc.strerror or str(exc)) from exc


def _write_batch(frame: pl.DataFrame, answers: BinaryIO, personal: BinaryIO | None) -> None:
    """Each line's parts joined by the commas between them (see :mod:`.lines`)."""
    for parts, target in [(RESPONSE_PARTS, answers), (PERSONAL_PARTS, personal)]:
        if target is not None:
            frame.select(parts).write_csv(
                target,
                include_header=False,
                separator=PART_SEPARATOR,
                quote_style="never",
            )
