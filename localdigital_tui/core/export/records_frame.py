"""The records to export as one flat polars frame, and that frame with labelled codes.

Inputs are answers files, as ``convert`` and ``tables`` take them: JSON Lines
(validated by the caller first) and Parquet files written by ``convert``. Each
record id appears once: identical copies (a copied folder) are kept once, and
copies that differ are refused, pointing at ``localdigital merge``, as
``tables`` does. Only complete records are exported unless partial ones are
asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from localdigital_tui.core.export.codebook import NOT_ANSWERED, NOT_ASKED, Kind, Variable
from localdigital_tui.core.export.parquet import flat_block, parquet_schema
from localdigital_tui.core.questionnaire.model import Questionnaire
from localdigital_tui.core.records.input_files import PARQUET_SUFFIXES
from localdigital_tui.core.records.line_blocks import line_blocks
from localdigital_tui.errors import ExportError, RecordFileError

BLOCK_BYTES = 64 << 20
VERSION = "__version"  # a hash of every column of a record: copies differ when it does

Query = Callable[[pl.LazyFrame], pl.LazyFrame]


@dataclass(frozen=True)
class Records:
    frame: pl.DataFrame  # flat columns (docs/record-format.md, "Parquet")
    copies: int  # lines left out as identical copies of a record already read
    partial_left_out: int


def read_records(
    files: Sequence[Path],
    questionnaire: Questionnaire,
    include_partial: bool = False,
    columns: Sequence[str] | None = None,
) -> Records:
    """Every record of ``files`` once, as flat columns: all of them, or only
    ``columns`` after ``record_id`` and ``status`` (so a weighting of 3M records holds
    three columns, not a hundred). Copies of a record id are compared on every column
    either way: the files are read again for the ids that repeat, if any do."""
    schema = parquet_schema(questionnaire)
    keep = (
        list(schema) if columns is None else list(dict.fromkeys(["record_id", "status", *columns]))
    )
    chosen = {name: schema[name] for name in keep}
    parts = [_each_part(path, questionnaire, _typed(chosen)) for path in files]
    read = [part for part in parts if part is not None]
    whole = pl.concat([pl.DataFrame(schema=chosen), *read], how="vertical")
    repeated = whole.filter(pl.col("record_id").is_duplicated())["record_id"].unique()
    if repeated.len():
        _refuse_differing_copies(files, questionnaire, repeated)
    kept = whole.filter(pl.col("record_id").is_first_distinct())
    complete = kept if include_partial else kept.filter(pl.col("status") == "complete")
    return Records(complete, whole.height - kept.height, kept.height - complete.height)


def _typed(schema: dict[str, pl.DataType]) -> Query:
    return lambda lazy: lazy.select([pl.col(name).cast(dtype) for name, dtype in schema.items()])


def _refuse_differing_copies(
    files: Sequence[Path], questionnaire: Questionnaire, ids: pl.Series
) -> None:
    """ExportError when the records of a repeated id are not the same in every column
    (compared by a hash of the whole record)."""
    typed = _typed(parquet_schema(questionnaire))

    def versions(lazy: pl.LazyFrame) -> pl.LazyFrame:
        whole = typed(lazy.filter(pl.col("record_id").is_in(ids.implode())))
        return whole.select("record_id", pl.struct(pl.all()).hash().alias(VERSION))

    parts = [_each_part(path, questionnaire, versions) for path in files]
    found = pl.concat([part for part in parts if part is not None])
    counted = found.group_by("record_id").agg(pl.col(VERSION).n_unique().alias("n"))
    differing = counted.filter(pl.col("n") > 1)
    if differing.height:
        shown = ", ".join(sorted(differing["record_id"].to_list())[:3])
        raise ExportError(
            f"{differing.height} record id(s) have different versions in the inputs "
            f"({shown}); export cannot pick one: merge the inputs first (localdigital "
            "merge INPUTS -o merged/merged.jsonl) and export merged/merged.jsonl"
        )


def _each_part(path: Path, questionnaire: Questionnaire, query: Query) -> pl.DataFrame | None:
    """``query`` over the file's records (a Parquet file whole, streamed; JSON Lines
    block by block), collected and stacked; None for a file of blank lines."""
    try:
        if path.suffix in PARQUET_SUFFIXES:
            frame = pl.scan_parquet(path)
            names = frame.collect_schema().names()
            missing = [name for name in parquet_schema(questionnaire) if name not in names]
            if missing:
                raise RecordFileError(
                    path, f"not a Parquet file written by localdigital convert (no {missing[0]})"
                )
            return query(frame).collect(engine="streaming")
        found = []
        for block in line_blocks(path, BLOCK_BYTES):
            data = block.read()
            if data.strip():
                found.append(query(flat_block(data, questionnaire).lazy()).collect())
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise RecordFileError(path, f"cannot be read ({exc})") from exc
    return pl.concat(found, how="vertical") if found else None


def _asked(questionnaire: Questionnaire, code: str) -> pl.Expr:
    """True where the question was put to the respondent (audience and skip rule)."""
    q = questionnaire.question(code)
    audiences = [a for a in questionnaire.audience_codes() if q.applies_to(a)]
    asked = pl.col("audience").is_in(audiences)
    if q.ask_if is not None:
        asked = asked & pl.col(q.ask_if.question).is_in(q.ask_if.in_).fill_null(False)
    return asked


def coded(
    frame: pl.DataFrame, questionnaire: Questionnaire, variables: Sequence[Variable]
) -> pl.DataFrame:
    """One column per variable, named as in the file: choices as 1..k, the missing codes
    where a choice or number is absent, empty text, times as naive UTC."""
    exprs = []
    for v in variables:
        source = pl.col(v.source)
        if v.kind is Kind.TIME:
            exprs.append(source.dt.replace_time_zone(None).alias(v.name))
            continue
        if v.kind is Kind.TEXT:
            exprs.append(source.fill_null("").alias(v.name))
            continue
        dtype: pl.DataType = pl.Int32() if v.kind is Kind.CHOICE else pl.Int64()
        if v.kind is Kind.NUMBER and not v.integer:
            dtype = pl.Float64()
        if v.kind is Kind.CHOICE:
            mapping = {code: i for i, code in enumerate(v.codes, start=1)}
            value = source.replace_strict(mapping, default=None, return_dtype=dtype)
        else:
            value = source.cast(dtype)
        if v.question is not None:
            asked = _asked(questionnaire, v.question)
            value = value.fill_null(pl.when(asked).then(NOT_ANSWERED).otherwise(NOT_ASKED))
        exprs.append(value.cast(dtype).alias(v.name))
    return frame.select(exprs)
