"""``localdigital export``: records to a labelled file for SPSS, Stata, Excel, R or polars.

:func:`export_records` reads the records once (:mod:`.records_frame`), lays out
the variables (:mod:`.codebook`) and writes the file (:mod:`.labelled_files`).
Personal answers are never in it; :func:`export_personal` writes them, only
when asked, to a file of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from localdigital_tui.core.export.codebook import Kind, Variable, codebook, variable_name
from localdigital_tui.core.export.labelled_files import ExportNotes, write_export
from localdigital_tui.core.export.records_frame import coded, read_records
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.provenance import provenance
from localdigital_tui.errors import ExportError


@dataclass(frozen=True)
class ExportReport:
    path: str
    records: int
    variables: int
    copies: int
    partial_left_out: int
    renamed: tuple[tuple[str, str], ...]  # (column, variable name) where a name was cut
    record_ids: tuple[str, ...]


def export_records(
    files: Sequence[Path],
    loaded: LoadedQuestionnaire,
    fmt: str,
    output: Path,
    include_partial: bool = False,
) -> ExportReport:
    q = loaded.questionnaire
    records = read_records(files, q, include_partial)
    if records.frame.height == 0:
        left = (
            f" ({records.partial_left_out} partial: --include-partial)"
            if records.partial_left_out
            else ""
        )
        raise ExportError(f"no records to export{left}")
    variables = codebook(q)
    source = provenance(q.id, q.version, loaded.sha256, files)
    notes = ExportNotes(
        f"{q.id} {q.version}", loaded.sha256, source.data_sha256, records.frame.height
    )
    write_export(
        fmt,
        output,
        coded(records.frame, q, variables),
        plain(records.frame, variables),
        variables,
        notes,
    )
    return ExportReport(
        str(output),
        records.frame.height,
        len(variables),
        records.copies,
        records.partial_left_out,
        tuple((v.source, v.name) for v in variables if v.source != v.name),
        tuple(records.frame["record_id"].to_list()),
    )


def plain(frame: pl.DataFrame, variables: Sequence[Variable]) -> pl.DataFrame:
    """The variables with the answers' own codes (``strongly_agree``), null where absent."""
    return frame.select(
        (
            pl.col(v.source).dt.replace_time_zone(None) if v.kind is Kind.TIME else pl.col(v.source)
        ).alias(v.name)
        for v in variables
    )


def export_personal(
    personal_file: Path,
    record_ids: Sequence[str],
    loaded: LoadedQuestionnaire,
    fmt: str,
    output: Path,
) -> int:
    """The personal answers of the exported records, to ``output`` (text columns)."""
    q = loaded.questionnaire
    codes = q.personal_codes()
    schema = {
        "record_id": pl.String(),
        "answers": pl.Struct({c: pl.String() for c in codes}),
        "encrypted_to": pl.String(),
    }
    frame = pl.read_ndjson(personal_file, schema=schema).filter(
        pl.col("record_id").is_in(list(record_ids))
    )
    encrypted = frame.filter(pl.col("encrypted_to").is_not_null())
    if encrypted.height:
        raise ExportError(
            f"{personal_file}: the personal answers of {encrypted.height} exported records are "
            f"encrypted (record {encrypted['record_id'][0]}, to {encrypted['encrypted_to'][0]}): "
            f"decrypt them first (localdigital decrypt {personal_file} --identity KEY -o FILE)"
        )
    frame = frame.select(
        pl.col("record_id"),
        *(pl.col("answers").struct.field(c).alias(variable_name(c)) for c in codes),
    )
    wanted = frame.filter(pl.col("record_id").is_in(list(record_ids))).unique(
        "record_id", keep="first", maintain_order=True
    )
    variables = [Variable("record_id", "record_id", "Record id", Kind.TEXT)] + [
        Variable(
            variable_name(c),
            variable_name(c),
            q.question(c).text_for(q.audience_codes()[0]),
            Kind.TEXT,
        )
        for c in codes
    ]
    notes = ExportNotes(f"{q.id} {q.version}", loaded.sha256, "personal data", wanted.height)
    filled = wanted.with_columns(pl.exclude("record_id").fill_null(""))
    write_export(fmt, output, filled, filled, variables, notes)
    return wanted.height
