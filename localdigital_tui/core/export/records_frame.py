"""The records to export as one flat polars frame, and that frame with labelled codes.

Inputs are answers files, as ``convert`` and ``tables`` take them: JSON Lines
(validated by the caller first) and Parquet files written by ``convert``. Each
record id appears once: identical copies (a copied folder) are kept once, and
copies that differ are refused, pointing at ``localdigital merge``, as
``tables`` does. Only complete records are exported unless partial ones are
asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
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


@dataclass(frozen=True)
class Records:
    frame: pl.DataFrame  # flat columns (docs/record-format.md, "Parquet")
    copies: int  # lines left out as identical copies of a record already read
    partial_left_out: int


def read_records(
    files: Sequence[Path], questionnaire: Questionnaire, include_partial: bool = False
) -> Records:
    """Every record of ``files`` once, as flat columns."""
    schema = parquet_schema(questionnaire)
    parts = [_read_file(path, questionnaire, schema) for path in files]
    whole = pl.concat(parts, how="vertical") if parts else pl.DataFrame(schema=schema)
    named = whole.filter(pl.col("record_id").is_duplicated())
    if named.height:
        versions = named.group_by("record_id").agg(pl.struct(pl.all()).n_unique().alias("n"))
        differing = versions.filter(pl.col("n") > 1)
        if differing.height:
            shown = ", ".join(sorted(differing["record_id"].to_list())[:3])
            raise ExportError(
                f"{differing.height} record id(s) have different versions in the inputs "
                f"({shown}); export cannot pick one: merge the inputs first (localdigital "
                "merge INPUTS -o merged/merged.jsonl) and export merged/merged.jsonl"
            )
    kept = whole.filter(pl.col("record_id").is_first_distinct())
    complete = kept if include_partial else kept.filter(pl.col("status") == "complete")
    return Records(complete, whole.height - kept.height, kept.height - complete.height)


def _read_file(
    path: Path, questionnaire: Questionnaire, schema: dict[str, pl.DataType]
) -> pl.DataFrame:
    try:
        if path.suffix in PARQUET_SUFFIXES:
            frame = pl.read_parquet(path)
            missing = [name for name in schema if name not in frame.columns]
            if missing:
                raise RecordFileError(
                    path, f"not a Parquet file written by localdigital convert (no {missing[0]})"
                )
            return frame.select([pl.col(n).cast(t) for n, t in schema.items()])
        blocks = []
        for block in line_blocks(path, BLOCK_BYTES):
            data = block.read()
            if data.strip():
                blocks.append(flat_block(data, questionnaire))
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise RecordFileError(path, f"cannot be read ({exc})") from exc
    if not blocks:
        return pl.DataFrame(schema=schema)
    return pl.concat(blocks, how="vertical").select([pl.col(n).cast(t) for n, t in schema.items()])


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
