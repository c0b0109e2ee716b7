"""Response records as one polars LAZY frame with a flat column per tabulated answer.

Inputs are answers files (JSON Lines) and Parquet files, or directories holding
them. Whatever the input, the frame has the same columns:

* ``audience`` and ``status`` from the record envelope;
* one column per single-choice question, named by its code (``role``, ``q8``);
* one column per grid row or numeric field, named ``<question>__<row>``
  (``q5__flexible_working``, ``q9__services_digital``);
* one column per single number question (``q10_amount``);
* ``record_id``, the questionnaire's sha256 the record names (``__sha256``) and the
  envelope's other strings, so that copies of a record are counted once and a
  record of another questionnaire is refused (:mod:`.aggregate`).

Only the columns the requested tables need are read: JSON Lines are scanned with a
schema naming just those answers (the reader skips the rest, free text included);
Parquet is projected. JSON Lines come in blocks of whole lines and Parquet in
slices of rows (:func:`record_batches`) so that memory stays bounded on files
of any size.
Parquet may hold the records either nested like the JSON (an ``answers`` struct
column) or flattened with the column names above.

Personal files are never read: a file whose name starts with ``personal`` is
refused when named and skipped when found in a directory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from localdigital_tui.core.export.parquet import flat_name
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Questionnaire,
    SingleChoiceQuestion,
)
from localdigital_tui.core.records.input_files import (
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    find_answers_files,
)
from localdigital_tui.core.records.line_blocks import LineBlock, line_blocks
from localdigital_tui.errors import RecordFileError, TableError

BATCH_BYTES = 32 << 20  # JSON Lines are read in blocks of about this many bytes
BATCH_ROWS = 20_000  # Parquet is read in slices of this many records (about 30 MiB of JSON)
AUDIENCE = "audience"
STATUS = "status"
RECORD_ID = "record_id"
SHA256 = "__sha256"  # the questionnaire's, as the record names it
ENVELOPE = ("interviewer", "device", "event", "started_at", "submitted_at")
"""What, besides the answers read, tells two copies of a record id apart."""


@dataclass(frozen=True)
class Wanted:
    """The answers a set of tables needs, by question code (grid rows: all of them)."""

    questions: tuple[str, ...]
    extra: tuple[str, ...] = field(default=())  # e.g. the ``--by`` question

    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.questions, *self.extra)))


@dataclass(frozen=True)
class FlatColumn:
    """One column of the flat frame and where it comes from in a record's answers."""

    name: str
    question: str
    row: str  # "" for a single-choice or single number question
    dtype: pl.DataType
    choices: tuple[str, ...]  # the codes a categorical answer may take; () for numbers

    @property
    def categorical(self) -> bool:
        return bool(self.choices)


def flat_columns(questionnaire: Questionnaire, wanted: Wanted) -> list[FlatColumn]:
    """The flat columns for the wanted questions, in questionnaire order."""
    columns: list[FlatColumn] = []
    codes = set(wanted.codes())
    for q in questionnaire.questions:
        if q.code not in codes:
            continue
        if q.personal:
            raise TableError(f"{q.code} is a personal question and is never tabulated")
        if isinstance(q, SingleChoiceQuestion):
            columns.append(FlatColumn(q.code, q.code, "", pl.String(), tuple(q.choice_codes())))
        elif isinstance(q, GridQuestion):
            scale = tuple(c.code for c in questionnaire.scale_of(q))
            columns += [
                FlatColumn(flat_name(q.code, r.code), q.code, r.code, pl.String(), scale)
                for r in q.rows
            ]
        elif isinstance(q, NumbersQuestion):
            dtype: pl.DataType = pl.Int64() if q.integer else pl.Float64()
            columns += [
                FlatColumn(flat_name(q.code, r.code), q.code, r.code, dtype, ()) for r in q.rows
            ]
        elif isinstance(q, NumberQuestion):
            dtype = pl.Int64() if q.integer else pl.Float64()
            columns.append(FlatColumn(q.code, q.code, "", dtype, ()))
        else:
            raise TableError(f"{q.code} is a {q.kind} question; only choices and numbers tabulate")
    return columns


def input_files(paths: Sequence[Path]) -> list[Path]:
    """The answers files to read: files as given, directories expanded (sorted)."""
    return find_answers_files(
        paths,
        (*JSONL_SUFFIXES, *PARQUET_SUFFIXES),
        kinds=".jsonl or .parquet",
        refusal="tables never read personal data",
    )


def _answers_schema(columns: Iterable[FlatColumn]) -> pl.Struct:
    """The ``answers`` struct restricted to the wanted answers."""
    fields: dict[str, pl.DataType] = {}
    rows: dict[str, dict[str, pl.DataType]] = {}
    for column in columns:
        if column.row:
            rows.setdefault(column.question, {})[column.row] = column.dtype
        else:
            fields[column.question] = column.dtype
    for question, row_types in rows.items():
        fields[question] = pl.Struct(row_types)
    return pl.Struct(fields)


def _record_time(column: pl.Expr, dtype: pl.Datetime) -> pl.Expr:
    """A Parquet timestamp as the record format writes it (``2013-06-24T09:15:02Z``, with
    ``.123456`` before the Z when it has microseconds), so a record read from Parquet is
    the same record as its JSON Lines line (:mod:`.copies`)."""
    utc = column.dt.replace_time_zone("UTC") if dtype.time_zone is None else column
    utc = utc.dt.convert_time_zone("UTC")
    whole = utc.dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    fraction = utc.dt.strftime("%Y-%m-%dT%H:%M:%S%.6fZ")
    return pl.when(utc.dt.microsecond() == 0).then(whole).otherwise(fraction)


def _record_exprs(schema: Mapping[str, pl.DataType]) -> list[pl.Expr]:
    """audience, status, record_id, the questionnaire's sha256 and the envelope, as strings
    (null where the file has no such column)."""

    def string(name: str) -> pl.Expr:
        dtype = schema.get(name)
        if isinstance(dtype, pl.Datetime):
            return _record_time(pl.col(name), dtype).alias(name)
        found = pl.col(name).cast(pl.String) if dtype is not None else pl.lit(None, pl.String)
        return found.alias(name)

    reference = schema.get("questionnaire")
    if isinstance(reference, pl.Struct) and "sha256" in {f.name for f in reference.fields}:
        sha = pl.col("questionnaire").struct.field("sha256").cast(pl.String)
    else:
        sha = string("questionnaire_sha256")
    return [
        string(AUDIENCE),
        string(STATUS),
        string(RECORD_ID),
        sha.alias(SHA256),
        *(string(name) for name in ENVELOPE),
    ]


def _nested_select(
    columns: Sequence[FlatColumn], answers: pl.Struct, schema: Mapping[str, pl.DataType]
) -> list[pl.Expr]:
    """Flatten an ``answers`` struct column; answers missing from ``answers`` become null."""
    present = {f.name: f.dtype for f in answers.fields}
    exprs = _record_exprs(schema)
    for c in columns:
        source = pl.col("answers").struct.field(c.question)
        dtype = present.get(c.question)
        if dtype is None:
            expr = pl.lit(None, dtype=c.dtype)
        elif c.row:
            rows = {f.name for f in dtype.fields} if isinstance(dtype, pl.Struct) else set()
            expr = source.struct.field(c.row) if c.row in rows else pl.lit(None, dtype=c.dtype)
        else:
            expr = source
        exprs.append(expr.cast(c.dtype).alias(c.name))
    return exprs


@dataclass(frozen=True)
class Batch:
    """A lazy flat frame over a slice of a Parquet file, and where that slice is."""

    frame: pl.LazyFrame
    source: str  # the file
    lines: str  # "rows 1-20000"


def jsonl_frame(data: bytes, columns: Sequence[FlatColumn]) -> pl.LazyFrame:
    """The flat frame over JSON Lines held in ``data`` (only the wanted answers are read)."""
    answers = _answers_schema(columns)
    reference = pl.Struct({"sha256": pl.String()})
    schema: dict[str, pl.DataType] = {
        name: pl.String() for name in (AUDIENCE, STATUS, RECORD_ID, *ENVELOPE)
    }
    schema |= {"questionnaire": reference, "answers": answers}
    return pl.scan_ndjson(data, schema=schema).select(_nested_select(columns, answers, schema))


def _parquet_batches(path: Path, columns: Sequence[FlatColumn], rows: int) -> Iterator[Batch]:
    """The flat frame over ``path`` in slices of ``rows`` records (row count from metadata)."""
    try:
        schema = pl.read_parquet_schema(path)
        height = pl.scan_parquet(path).select(pl.len()).collect().item()
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise RecordFileError(path, f"not a readable Parquet file ({exc})") from exc
    for key in (AUDIENCE, STATUS):
        if key not in schema:
            raise RecordFileError(path, f"no '{key}' column: not an answers file")
    answers = schema.get("answers")
    if isinstance(answers, pl.Struct):
        exprs = _nested_select(columns, answers, schema)
    else:
        exprs = _record_exprs(schema)
        for c in columns:
            source = pl.col(c.name) if c.name in schema else pl.lit(None, dtype=c.dtype)
            exprs.append(source.cast(c.dtype).alias(c.name))
    if rows < 1:
        raise ValueError(f"batch_rows must be at least 1, not {rows}")
    whole = pl.scan_parquet(path)
    for start in range(0, max(height, 1), rows):  # an empty file still gives one batch
        frame = whole.slice(start, rows).select(exprs)
        yield Batch(
            frame, str(path), f"rows {start + 1}-{max(start + 1, min(start + rows, height))}"
        )


def record_batches(
    files: Sequence[Path],
    questionnaire: Questionnaire,
    wanted: Wanted,
    batch_bytes: int | None = None,
    batch_rows: int | None = None,
) -> Iterator[Batch | LineBlock]:
    """The parts of all ``files``: JSON Lines in blocks of lines, Parquet in slices.

    Nothing is read here: a JSON Lines block is read when it is tabulated (by
    :func:`jsonl_frame`), a Parquet slice when its lazy frame is collected. JSON
    Lines come in blocks of about ``batch_bytes`` so that memory stays bounded
    whatever the file's size (the polars reader maps a whole file into memory);
    Parquet in slices of ``batch_rows`` records (polars reads only the row groups a
    slice touches), because one query over a whole Parquet file holds its columns
    in memory even on the streaming engine.
    ``batch_bytes`` and ``batch_rows`` default to the module's ``BATCH_BYTES`` and
    ``BATCH_ROWS``, looked up at call time.
    """
    if not files:
        raise RecordFileError("<no input>", "no answers files given")
    columns = flat_columns(questionnaire, wanted)
    for path in files:
        if path.suffix in PARQUET_SUFFIXES:
            yield from _parquet_batches(path, columns, batch_rows or BATCH_ROWS)
        else:
            yield from line_blocks(path, batch_bytes or BATCH_BYTES)
