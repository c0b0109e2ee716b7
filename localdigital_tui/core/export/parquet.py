"""Answers files (JSON Lines) to one Parquet file with a schema fixed by the questionnaire.

Every file converts to the same columns, whichever answers it happens to hold
(a file of suppliers has the council-only columns too, all null), so Parquet
files from different days or devices stack. Columns (docs/record-format.md,
"Parquet"): the envelope (``record_id`` ... ``status``, times as UTC
datetimes), one column per single-choice, text or number question named by its
code, one per grid row or numeric field named ``<question>__<row>``, and
``timings__<question>``. Personal questions have no column: the answers file
holds none, and personal files are refused.

Answers written by ``convert`` (:func:`converted_schema`) are polars Enums in
questionnaire order (single choices, grid rows, ``audience``, ``status``): stored
as dictionary-encoded strings, so every Parquet reader sees the codes, and polars
reads them back as small integers. :mod:`.convert` writes the files.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
)
from localdigital_tui.core.records.input_files import JSONL_SUFFIXES, find_answers_files

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


def converted_schema(questionnaire: Questionnaire) -> dict[str, pl.DataType]:
    """:func:`parquet_schema` with codes as Enums (choices in questionnaire order): the
    columns of a file written by ``convert``."""
    schema = parquet_schema(questionnaire)
    schema["audience"] = pl.Enum(questionnaire.audience_codes())
    schema["status"] = pl.Enum(["complete", "partial"])
    for q in _answer_questions(questionnaire):
        if isinstance(q, SingleChoiceQuestion):
            schema[q.code] = pl.Enum(q.choice_codes())
        elif isinstance(q, GridQuestion):
            scale = pl.Enum([c.code for c in questionnaire.scale_of(q)])
            for row in q.rows:
                schema[flat_name(q.code, row.code)] = scale
    return schema


def json_schema(questionnaire: Questionnaire, typed: bool = False) -> dict[str, pl.DataType]:
    """The nested schema the JSON Lines are read with (unknown keys are not read);
    ``typed``: codes read straight into the Enums of :func:`converted_schema` (for
    validated lines: a code the questionnaire lacks is a polars error)."""
    flat = converted_schema(questionnaire) if typed else parquet_schema(questionnaire)
    answers: dict[str, pl.DataType] = {}
    for q in _answer_questions(questionnaire):
        if isinstance(q, GridQuestion | NumbersQuestion):
            answers[q.code] = pl.Struct({r.code: flat[flat_name(q.code, r.code)] for r in q.rows})
        else:
            answers[q.code] = flat[q.code]
    return {
        "record_id": pl.String(),
        "questionnaire": pl.Struct(
            {"id": pl.String(), "version": pl.String(), "sha256": pl.String()}
        ),
        "audience": flat["audience"],
        "interviewer": pl.String(),
        "device": pl.String(),
        "event": pl.String(),
        "started_at": pl.String(),
        "submitted_at": pl.String(),
        "status": flat["status"],
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


def flat_block(data: bytes, questionnaire: Questionnaire, typed: bool = False) -> pl.DataFrame:
    """A block of whole JSON Lines (validated) as the flat columns of :func:`parquet_schema`
    (``typed``: of :func:`converted_schema`)."""
    nested = json_schema(questionnaire, typed)
    return pl.read_ndjson(io.BytesIO(data), schema=nested).select(flatten(questionnaire))


def answers_files(paths: Sequence[Path]) -> list[Path]:
    """Files as given; directories give their ``*.jsonl`` (not personal files), sorted."""
    return find_answers_files(
        paths, JSONL_SUFFIXES, kinds=".jsonl", refusal="personal data is never exported"
    )
