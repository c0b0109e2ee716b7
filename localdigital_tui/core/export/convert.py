"""``convert``: answers files (JSON Lines) to Parquet, validated and written in one pass.

The inputs are cut into chunks of whole lines (:func:`~..records.line_reader.plan_chunks`);
each chunk is validated by validate's own checker and, when every line is valid,
written as one Parquet part from the lines as validation decoded them
(:mod:`.convert_task`, :mod:`.decoded_frame`; with ``--no-validate`` polars reads
the JSON). From ``PARALLEL_FROM_BYTES`` of input the chunks go to the
package's worker pool, one process per core, polars on one thread each; results
come back in input order, so the problems are listed as ``validate`` lists them.

If any line is bad nothing is written (the parts are removed) and the caller gets
every file's validation summary. Otherwise the parts become the output:

* ``-o FILE.parquet``: one file, the parts streamed into it in order, in row
  groups of ``ROW_GROUP_ROWS`` (polars, DuckDB and Spark read row groups in
  parallel), written beside its name, fsynced and renamed into place; its
  metadata (``UNIQUE_IDS``) says whether every record id is there once;
* ``-o FOLDER`` (no ``.parquet`` suffix): a dataset, the folder of parts
  (``part-000000.parquet`` ...), one schema, that ``scan_parquet(FOLDER)``,
  DuckDB's ``read_parquet('FOLDER/*.parquet')`` and Spark's ``read.parquet(FOLDER)``
  read as one table; the folder is staged beside its name and renamed into place.

Answer columns are Enums in questionnaire order (:func:`.parquet.converted_schema`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from localdigital_tui.core.export.convert_task import ChunkDone, ChunkTask, convert_chunk
from localdigital_tui.core.export.convert_task import start_converter as _start
from localdigital_tui.core.export.parquet import converted_schema
from localdigital_tui.core.files.durable import fsync_directory, make_folder
from localdigital_tui.core.files.outputs import refuse_overwriting
from localdigital_tui.core.parallel.pool import WorkerPool, jobs_for
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.input_files import PARQUET_SUFFIXES
from localdigital_tui.core.records.line_reader import Chunk, plan_chunks
from localdigital_tui.core.records.validation import (
    PARQUET_FILE,
    PARQUET_MAGIC,
    ValidationSummary,
)
from localdigital_tui.errors import OutputFileError, RecordFileError

CHUNK_BYTES = 32 << 20  # ~14,000 records: a chunk validated and written at a time
ROW_GROUP_ROWS = 131_072  # rows per row group in the one-file output
PARALLEL_FROM_BYTES = 64 << 20  # less input than this: one process is as fast
UNIQUE_IDS = "localdigital.record_ids"  # Parquet metadata: "unique" when no id repeats

Progress = Callable[[int], None]  # told the bytes of each chunk done


@dataclass
class Converted:
    """What a conversion did: records written (0 when a bad line stopped it) and, when
    the inputs were validated, each file's validation summary."""

    records: int = 0
    summaries: list[ValidationSummary] = field(default_factory=list)
    written: bool = False

    @property
    def bad(self) -> int:
        return sum(summary.bad for summary in self.summaries)


def convert(
    files: Sequence[Path],
    output: Path,
    loaded: LoadedQuestionnaire,
    *,
    overwrite: bool = False,
    validate: bool = True,
    jobs: int | None = None,
    chunk_bytes: int = CHUNK_BYTES,
    row_group_rows: int = ROW_GROUP_ROWS,
    progress: Progress | None = None,
) -> Converted:
    """Validate ``files`` (unless ``validate`` is off) and write them to ``output``."""
    dataset = output.suffix not in PARQUET_SUFFIXES
    if dataset:
        _refuse_folder(output, files)
    else:
        refuse_overwriting(output, files)
    if output.exists() and not overwrite:
        raise OutputFileError(output, "already exists (use --force to replace it)")
    try:
        if validate:
            for path in files:
                with path.open("rb") as handle:
                    if handle.read(len(PARQUET_MAGIC)) == PARQUET_MAGIC:
                        raise RecordFileError(path, PARQUET_FILE)
        chunks = plan_chunks(files, chunk_bytes)
        make_folder(output.parent)
    except OSError as exc:
        raise OutputFileError(output, exc.strerror or str(exc)) from exc
    stage = output.with_name(f".{output.name}.{os.getpid()}.parts")
    result = Converted(summaries=[ValidationSummary(str(p)) for p in files] if validate else [])
    try:
        stage.mkdir()
        parts = _write_parts(
            chunks, stage, loaded, validate, jobs, row_group_rows, result, progress
        )
        if result.bad:
            return result
        if not parts:
            parts = [stage / "part-000000.parquet"]
            pl.DataFrame(schema=converted_schema(loaded.questionnaire)).write_parquet(parts[0])
        if dataset:
            _publish_folder(stage, output)
        else:
            _write_one_file(parts, output, row_group_rows)
    except OSError as exc:
        raise OutputFileError(output, exc.strerror or str(exc)) from exc
    except pl.exceptions.PolarsError as exc:
        raise RecordFileError(output, f"conversion failed ({exc})") from exc
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    result.written = True
    return result


def _refuse_folder(output: Path, files: Sequence[Path]) -> None:
    """A dataset folder may replace only a dataset folder, and never hold an input."""
    if output.exists() and not output.is_dir():
        raise OutputFileError(output, "is a file; a dataset is a folder (or name FILE.parquet)")
    if output.is_dir() and any(p.name[:5] != "part-" for p in output.iterdir()):
        raise OutputFileError(output, "is a folder that is not a converted dataset")
    inside = [p for p in files if p.resolve().is_relative_to(output.resolve())]
    if inside:
        raise OutputFileError(output, f"holds an input ({inside[0]}); name another folder")


def _write_parts(
    chunks: list[Chunk],
    stage: Path,
    loaded: LoadedQuestionnaire,
    validate: bool,
    jobs: int | None,
    row_group_rows: int,
    result: Converted,
    progress: Progress | None,
) -> list[Path]:
    """Every chunk validated and written as a part (in order); the parts written."""
    tasks = [
        ChunkTask(c, str(stage / f"part-{c.index:06d}.parquet"), row_group_rows) for c in chunks
    ]
    size = sum(c.size for c in chunks)
    count = jobs_for(jobs, len(tasks), worth_it=size >= PARALLEL_FROM_BYTES)
    written: list[Path] = []
    with WorkerPool(count, _start, (loaded, validate, count > 1)) as pool:
        for task, done in zip(tasks, pool.in_order(convert_chunk, tasks), strict=True):
            _take(result, task.chunk, done)
            if done.rows:
                written.append(Path(task.part))
            if progress is not None:
                progress(task.chunk.size)
    return written


def _take(result: Converted, chunk: Chunk, done: ChunkDone) -> None:
    if done.summary is not None:
        result.summaries[chunk.file_index].add(done.summary)
    if done.unreadable:
        raise RecordFileError(
            chunk.path,
            f"bytes {chunk.start}-{chunk.end}: cannot be converted ({done.unreadable}); "
            f"'localdigital validate {chunk.path}' shows the bad line",
        )
    result.records += done.rows


def _write_one_file(parts: list[Path], output: Path, row_group_rows: int) -> None:
    """The parts streamed into one file; its metadata says when no record id repeats
    (``tables`` then need not read the ids to find copies)."""
    temp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    ids = pl.col("record_id")
    whole = pl.scan_parquet(parts)
    unique = whole.select((ids.n_unique() == pl.len()) & (ids.null_count() == 0)).collect()
    metadata = {UNIQUE_IDS: "unique"} if unique.item() else None
    try:
        whole.sink_parquet(
            temp, compression="zstd", row_group_size=row_group_rows, metadata=metadata
        )
        with temp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, output)
    finally:
        temp.unlink(missing_ok=True)
    fsync_directory(output.parent)


def _publish_folder(stage: Path, output: Path) -> None:
    """The staged folder of parts renamed into place (an old one removed after)."""
    fsync_directory(stage)
    old = output.with_name(f".{output.name}.{os.getpid()}.old")
    if output.exists():
        os.replace(output, old)
    os.replace(stage, output)
    fsync_directory(output.parent)
    shutil.rmtree(old, ignore_errors=True)
