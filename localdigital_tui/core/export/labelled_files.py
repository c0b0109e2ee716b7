"""Write an export: SPSS (.sav), Stata (.dta), Excel (.xlsx), CSV or Parquet.

``.sav`` and ``.dta`` hold integer codes with value labels, variable labels and
the two missing codes (:mod:`.codebook`); SPSS declares them as user-missing
values, Stata has no user-missing integers, so there they are labelled values
("Not asked", "Not answered") to recode (``mvdecode _all, mv(-1=.a \\ -2=.b)``).
Stata allows 80 characters in a variable label and in the file label: longer
labels are cut there with "...". The questionnaire's sha256 and the data's are
in the SPSS file's notes and file label, the Stata file label (both digests, cut
to 32 hex digits each) and the notes sheet of ``.xlsx``.

``.csv``, ``.xlsx`` and ``.parquet`` hold the answers' codes as in the records
(``strongly_agree``), empty where absent; ``.xlsx`` adds a variables sheet
(name, label, values, missing codes) and a notes sheet; Parquet types each
choice column as an Enum in questionnaire order.

Every file is written under a temporary name beside the output, fsynced and
renamed into place.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from localdigital_tui.core.export.codebook import MISSING_LABELS, Kind, Variable
from localdigital_tui.core.files.durable import fsync_directory

FORMATS = ("sav", "dta", "xlsx", "csv", "parquet")
STATA_LABEL = 80


@dataclass(frozen=True)
class ExportNotes:
    questionnaire: str  # id and version
    questionnaire_sha256: str
    data_sha256: str
    records: int

    def lines(self) -> list[str]:
        """At most 80 characters each (an SPSS document line)."""
        return [
            f"localdigital export of {self.records} records",
            f"questionnaire: {self.questionnaire}"[:80],
            "questionnaire sha256:",
            self.questionnaire_sha256,
            "data sha256:",
            self.data_sha256,
            "missing codes: " + "; ".join(f"{k} = {v}" for k, v in MISSING_LABELS.items()),
        ]


def write_export(
    fmt: str,
    path: Path,
    coded: pl.DataFrame,
    plain: pl.DataFrame,
    variables: Sequence[Variable],
    notes: ExportNotes,
) -> None:
    """``coded`` (integer codes) goes to .sav/.dta, ``plain`` (answer codes) elsewhere."""
    writers: dict[str, Callable[[Path], None]] = {
        "sav": lambda temp: _sav(coded, variables, notes, temp),
        "dta": lambda temp: _dta(coded, variables, notes, temp),
        "xlsx": lambda temp: _xlsx(plain, variables, notes, temp),
        "csv": lambda temp: plain.write_csv(temp),
        "parquet": lambda temp: _typed(plain, variables).write_parquet(temp),
    }
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        writers[fmt](temp)
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    fsync_directory(path.parent)


def _labels(variables: Sequence[Variable]) -> dict[str, dict[int | float, str]]:
    labels: dict[str, dict[int | float, str]] = {}
    for v in variables:
        if v.value_labels:
            labels[v.name] = {code: text for code, text in v.value_labels.items()}
    return labels


def _sav(
    coded: pl.DataFrame, variables: Sequence[Variable], notes: ExportNotes, temp: Path
) -> None:
    import pyreadstat

    pyreadstat.write_sav(
        coded,
        temp,
        file_label=f"{notes.questionnaire} sha256 {notes.questionnaire_sha256[:16]}",
        column_labels={v.name: v.label for v in variables},
        note=notes.lines(),
        variable_value_labels=_labels(variables),
        missing_ranges={
            v.name: list(MISSING_LABELS)
            for v in variables
            if v.kind in (Kind.CHOICE, Kind.NUMBER) and v.question is not None
        },
        variable_measure={v.name: _measure(v) for v in variables},
    )


def _measure(variable: Variable) -> str:
    if variable.kind is Kind.NUMBER:
        return "scale"
    return "ordinal" if variable.kind is Kind.CHOICE and len(variable.codes) > 2 else "nominal"


def _cut(text: str, limit: int = STATA_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _dta(
    coded: pl.DataFrame, variables: Sequence[Variable], notes: ExportNotes, temp: Path
) -> None:
    import pyreadstat

    label = f"q {notes.questionnaire_sha256[:32]} data {notes.data_sha256[:32]}"
    pyreadstat.write_dta(
        coded,
        temp,
        file_label=_cut(label),
        column_labels={v.name: _cut(v.label) for v in variables},
        variable_value_labels=_labels(variables),
    )


def _typed(plain: pl.DataFrame, variables: Sequence[Variable]) -> pl.DataFrame:
    return plain.with_columns(
        pl.col(v.name).cast(pl.Enum(list(v.codes))) for v in variables if v.kind is Kind.CHOICE
    )


def _xlsx(
    plain: pl.DataFrame, variables: Sequence[Variable], notes: ExportNotes, temp: Path
) -> None:
    from xlsxwriter import Workbook

    codebook = pl.DataFrame(
        {
            "variable": [v.name for v in variables],
            "from": [v.source for v in variables],
            "label": [v.label for v in variables],
            "values": [
                "; ".join(f"{c} = {label}" for c, label in zip(v.codes, v.labels, strict=True))
                for v in variables
            ],
        }
    )
    sheet = pl.DataFrame({"notes": notes.lines()})
    with Workbook(temp) as book:
        plain.write_excel(book, worksheet="data", autofit=True, freeze_panes=(1, 0))
        codebook.write_excel(book, worksheet="variables", autofit=True, freeze_panes=(1, 0))
        sheet.write_excel(book, worksheet="notes", autofit=True)
