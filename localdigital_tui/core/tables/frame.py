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
schema naming just those answers (the reader skips the rest, free text included),
unless every line of a block is certainly valid (:mod:`.decoded_blocks` then builds
the same columns from the decoded lines); Parquet is projected. JSON Lines come in
blocks of whole lines; all Parquet inputs are one lazy frame
(:func:`record_batches`). Parquet may hold the records nested like the JSON (an
``answers`` struct column) or flat, with the names above.

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
from localdigital_tui.core.tables.record_times import record_time, written_time
from localdigital_tui.errors import RecordFileError, TableError

BATCH_BYTES = 32 << 20  # JSON Lines are read in blocks of about this many bytes
AUDIENCE = "audience"
STATUS = "status"
RECORD_ID = "record_id"
SHA256 = "__sha256"  # the questionnaire's, as the record names it
FILE = "__file"  # which Parquet input a record came from (its index)
UNIQUE_IDS = "localdigital.record_ids"  # convert's Parquet metadata: "unique", no id twice
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


def _record_exprs(schema: Mapping[str, pl.DataType]) -> list[pl.Expr]:
    """audience, status, record_id, the questionnaire's sha256 and the envelope, as strings
    or Enums (null where the file has no such column)."""

    def string(name: str) -> pl.Expr:
        dtype = schema.get(name)
        if dtype is None:
            return pl.lit(None, pl.String).alias(name)
        if isinstance(dtype, pl.Datetime):
            return record_time(pl.col(name), dtype).alias(name)
        if isinstance(dtype, pl.Enum):  # convert's audience and status
            return pl.col(name)
        return pl.col(name).cast(pl.String).alias(name)

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
    """The lazy flat frame over every Parquet input (``__file``: each record's file)."""

    frame: pl.LazyFrame
    sources: tuple[str, ...]
    engine: str = "polars"  # or "spark": the same cells computed by Spark (:mod:`.spark`)
    ids_unique: bool = False  # the one input, and convert found no record id twice in it

    @property
    def source(self) -> str:
        return self.sources[0] if len(self.sources) == 1 else f"{len(self.sources)} Parquet files"

    @property
    def lines(self) -> str:
        return "all rows"


def jsonl_frame(data: bytes, columns: Sequence[FlatColumn]) -> pl.LazyFrame:
    """The flat frame over JSON Lines held in ``data`` (only the wanted answers are read)."""
    answers = _answers_schema(columns)
    reference = pl.Struct({"sha256": pl.String()})
    schema: dict[str, pl.DataType] = {
        name: pl.String() for name in (AUDIENCE, STATUS, RECORD_ID, *ENVELOPE)
    }
    schema |= {"questionnaire": reference, "answers": answers}
    flat = pl.scan_ndjson(data, schema=schema).select(_nested_select(columns, answers, schema))
    return flat.with_columns(written_time("started_at"), written_time("submitted_at"))


def _says_ids_unique(path: Path) -> bool:
    """convert wrote this file and found every record id in it once (its metadata)."""
    try:
        return pl.read_parquet_metadata(path).get(UNIQUE_IDS) == "unique"
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise RecordFileError(path, f"not a readable Parquet file ({exc})") from exc


def parquet_frame(path: Path, columns: Sequence[FlatColumn], index: int = 0) -> pl.LazyFrame:
    """The flat frame over one Parquet file (nothing read but its schema). Enum columns
    (written by convert) stay Enums, so answers are counted as small integers."""
    try:
        schema = pl.read_parquet_schema(path)
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
            found = schema.get(c.name)
            if found is None:
                exprs.append(pl.lit(None, dtype=c.dtype).alias(c.name))
            elif c.categorical and isinstance(found, pl.Enum):
                exprs.append(pl.col(c.name))
            else:
                exprs.append(pl.col(c.name).cast(c.dtype).alias(c.name))
    exprs.append(pl.lit(index, pl.Int64).alias(FILE))
    return pl.scan_parquet(path).select(exprs)


def record_batches(
    files: Sequence[Path],
    questionnaire: Questionnaire,
    wanted: Wanted,
    batch_bytes: int | None = None,
    engine: str = "polars",
) -> Iterator[Batch | LineBlock]:
    """The parts of all ``files``: JSON Lines in blocks of lines, every Parquet file in
    one lazy frame (the first part, if any).

    Nothing is read here: a JSON Lines block is read when it is tabulated (by
    :func:`jsonl_frame`), the Parquet when its lazy frame is collected, by one
    grouped query on the streaming engine (:mod:`.cells`), which reads only the
    columns it needs, row group by row group, on all cores. JSON Lines come in
    blocks of about ``batch_bytes`` (default: the module's ``BATCH_BYTES``, looked
    up at call time) so that memory stays bounded whatever the file's size (the
    polars reader maps a whole file into memory). With ``engine`` ``spark`` only
    Parquet is read, by Spark.
    """
    if not files:
        raise RecordFileError("<no input>", "no answers files given")
    columns = flat_columns(questionnaire, wanted)
    parquet = [p for p in files if p.suffix in PARQUET_SUFFIXES]
    if engine == "spark" and len(parquet) < len(files):
        other = next(p for p in files if p.suffix not in PARQUET_SUFFIXES)
        raise RecordFileError(
            other,
            "the spark engine reads Parquet: convert the answers first (localdigital convert)",
        )
    if parquet:
        frames = [parquet_frame(path, columns, i) for i, path in enumerate(parquet)]
        whole = pl.concat(frames, how="vertical_relaxed") if len(frames) > 1 else frames[0]
        unique = len(files) == 1 and _says_ids_unique(parquet[0])
        yield Batch(whole, tuple(str(p) for p in parquet), engine, unique)
    for path in files:
        if path.suffix not in PARQUET_SUFFIXES:
            yield from line_blocks(path, batch_bytes or BATCH_BYTES)
