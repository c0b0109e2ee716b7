"""Answers files (JSON Lines) to one Parquet file with a schema fixed by the questionnaire.

Every file converts to the same columns, whichever answers it happens to hold
(a file of suppliers has the council-only columns too, all null), so Parquet
files from different days or devices stack. Columns (docs/record-format.md,
"Parquet"): the envelope (``record_id`` ... ``status``, times as UTC
datetimes), one column per single-choice, text or number question named by its
code, one per grid row or numeric field named ``<question>__<row>``, and
``timings__<question>``. Personal questions have no column: the answers file
holds none, and personal files are refused.

The files are read in blocks of whole lines (64 MiB), each block written as a
Parquet part; the parts are then streamed into the one output file, so memory
holds one block whatever the number of records. The Parquet file is written
beside its final name, fsynced and renamed into place.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from localdigital_tui.core.files.durable import fsync_directory, make_folder
from localdigital_tui.core.files.outputs import refuse_overwriting
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    LoadedQuestionnaire,
    NumberQuestion,
    NumbersQuestion,
    Question,
    Questionnaire,
)
from localdigital_tui.core.records.input_files import JSONL_SUFFIXES, find_answers_files
from localdigital_tui.core.records.line_blocks import line_blocks
from localdigital_tui.errors import OutputFileError, RecordFileError

BLOCK_BYTES = 64 << 20  # JSON read per step; the Parquet is written from parts
TIMESTAMP = pl.Datetime("us", "UTC")
ENVELOPE: dict[str, pl.DataType] = {
    "record_id": pl.String(),
    "questionnaire_id": pl.String(),
    "questionnaire_version": pl.String(),
    "questionnaire_sha256": pl.String(),
    "audience": pl.String(),
    "interviewer": pl.String(),
    "device": pl.String(),
    "event": pl.String(),
    "started_at": TIMESTAMP,
    "submitted_at": TIMESTAMP,
    "status": pl.String(),
}


def flat_name(question: str, row: str = "") -> str:
    """``q8``, ``q5__flexible_working``: the same names the tables frame uses."""
    return f"{question}__{row}" if row else question


def _value_type(question: Question) -> pl.DataType:
    if isinstance(question, NumberQuestion | NumbersQuestion):
        return pl.Int64() if question.integer else pl.Float64()
    return pl.String()


def _answer_questions(questionnaire: Questionnaire) -> list[Question]:
    return [q for q in questionnaire.questions if not q.personal]


def parquet_schema(questionnaire: Questionnaire) -> dict[str, pl.DataType]:
    """Column name -> type of every converted file of this questionnaire, in order."""
    schema = dict(ENVELOPE)
    for q in _answer_questions(questionnaire):
        if isinstance(q, GridQuestion | NumbersQuestion):
            for row in q.rows:
                schema[flat_name(q.code, row.code)] = _value_type(q)
        else:
            schema[q.code] = _value_type(q)
    for q in questionnaire.questions:
        schema[f"timings__{q.code}"] = pl.Float64()
    return schema


def json_schema(questionnaire: Questionnaire) -> dict[str, pl.DataType]:
    """The nested schema the JSON Lines are read with (unknown keys are not read)."""
    answers: dict[str, pl.DataType] = {}
    for q in _answer_questions(questionnaire):
        if isinstance(q, GridQuestion | NumbersQuestion):
            answers[q.code] = pl.Struct({r.code: _value_type(q) for r in q.rows})
        else:
            answers[q.code] = _value_type(q)
    return {
        "record_id": pl.String(),
        "questionnaire": pl.Struct(
            {"id": pl.String(), "version": pl.String(), "sha256": pl.String()}
        ),
        "audience": pl.String(),
        "interviewer": pl.String(),
        "device": pl.String(),
        "event": pl.String(),
        "started_at": pl.String(),
        "submitted_at": pl.String(),
        "status": pl.String(),
        "answers": pl.Struct(answers),
        "timings": pl.Struct({q.code: pl.Float64() for q in questionnaire.questions}),
    }


def _timestamp(name: str) -> pl.Expr:
    text = pl.col(name).str.replace(r"[Zz]$", "+00:00")
    parsed = text.str.to_datetime("%Y-%m-%dT%H:%M:%S%.f%:z", time_unit="us", strict=False)
    return parsed.dt.convert_time_zone("UTC").alias(name)


def flatten(questionnaire: Questionnaire) -> list[pl.Expr]:
    """Expressions turning the nested records into the Parquet columns."""
    ref = pl.col("questionnaire")
    exprs = [
        pl.col("record_id"),
        ref.struct.field("id").alias("questionnaire_id"),
        ref.struct.field("version").alias("questionnaire_version"),
        ref.struct.field("sha256").alias("questionnaire_sha256"),
        *[pl.col(c) for c in ("audience", "interviewer", "device", "event")],
        _timestamp("started_at"),
        _timestamp("submitted_at"),
        pl.col("status"),
    ]
    answers = pl.col("answers")
    for q in _answer_questions(questionnaire):
        value = answers.struct.field(q.code)
        if isinstance(q, GridQuestion | NumbersQuestion):
            exprs += [value.struct.field(r.code).alias(flat_name(q.code, r.code)) for r in q.rows]
        else:
            exprs.append(value.alias(q.code))
    timings = pl.col("timings")
    exprs += [
        timings.struct.field(q.code).alias(f"timings__{q.code}") for q in questionnaire.questions
    ]
    return exprs


def flat_block(data: bytes, questionnaire: Questionnaire) -> pl.DataFrame:
    """A block of whole JSON Lines (validated) as the flat columns of :func:`parquet_schema`."""
    nested = json_schema(questionnaire)
    return pl.read_ndjson(io.BytesIO(data), schema=nested).select(flatten(questionnaire))


def answers_files(paths: Sequence[Path]) -> list[Path]:
    """Files as given; directories give their ``*.jsonl`` (not personal files), sorted."""
    return find_answers_files(
        paths, JSONL_SUFFIXES, kinds=".jsonl", refusal="personal data is never exported"
    )


def convert(
    files: Sequence[Path], output: Path, loaded: LoadedQuestionnaire, *, overwrite: bool = False
) -> int:
    """Write ``files`` (already validated) as one Parquet file; returns the record count.

    Each block of lines is decoded (only the questionnaire's keys) and written as a
    Parquet part in a temporary folder beside ``output``; the parts are then
    streamed into one file, fsynced and renamed into place. Memory holds one block.
    """
    refuse_overwriting(output, files)
    if output.exists() and not overwrite:
        raise OutputFileError(output, "already exists (use --force to replace it)")
    make_folder(output.parent)
    parts = output.with_name(f".{output.name}.{os.getpid()}.parts")
    temp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    q = loaded.questionnaire
    try:
        parts.mkdir()
        count = 0
        for path in files:
            for block in line_blocks(path, BLOCK_BYTES):
                data = block.read()
                if not data.strip():
                    continue
                frame = flat_block(data, q)
                frame.write_parquet(parts / f"{count:06d}.parquet", compression="zstd")
                count += 1
        if count == 0:
            pl.DataFrame(schema=parquet_schema(q)).write_parquet(parts / "empty.parquet")
        pl.scan_parquet(parts / "*.parquet").sink_parquet(temp, compression="zstd")
        with temp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, output)
    except (OSError, pl.exceptions.PolarsError) as exc:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise OutputFileError(output, exc.strerror or str(exc)) from exc
        raise RecordFileError(output, f"conversion failed ({exc})") from exc
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    fsync_directory(output.parent)
    records: int = pl.scan_parquet(output).select(pl.len()).collect().item()
    return records
