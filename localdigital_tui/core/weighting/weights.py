"""Weights for the records of answers files: who is weighted, the rake, the report.

The records are read as ``export`` reads them (each record id once; complete
records only unless asked). A record is weighted when its answer to every
weighting question has a target; the others (suppliers for a council-type
weighting, "Other public body", no answer) keep weight 1 and are counted apart.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from localdigital_tui.core.export.records_frame import read_records
from localdigital_tui.core.questionnaire.model import Questionnaire
from localdigital_tui.core.weighting.rake import WEIGHT, RakeResult, rake
from localdigital_tui.errors import WeightingError


@dataclass(frozen=True)
class Weights:
    frame: pl.DataFrame  # record_id, weight (every record read)
    weighted: int
    not_weighted: int
    result: RakeResult

    def csv(self) -> bytes:
        """``record_id,weight``, a line per record, each weight written as the shortest
        decimal that reads back as the same float."""
        buffer = io.BytesIO()
        self.frame.write_csv(buffer)
        return buffer.getvalue()


def weigh(
    files: Sequence[Path],
    questionnaire: Questionnaire,
    margins: Mapping[str, Mapping[str, float]],
    *,
    lower: float | None = None,
    upper: float | None = None,
    include_partial: bool = False,
) -> Weights:
    questions = list(margins)
    records = read_records(files, questionnaire, include_partial, columns=questions).frame
    inside = records.select(
        pl.all_horizontal(pl.col(q).is_in(list(margins[q])).fill_null(False) for q in questions)
    ).to_series()
    chosen = records.select(questions).filter(inside)
    if chosen.height == 0:
        raise WeightingError(
            f"no record answers {', '.join(questions)} with an answer that has a target"
        )
    result = rake(chosen, margins, lower=lower, upper=upper)
    every = pl.repeat(1.0, records.height, dtype=pl.Float64, eager=True)
    weights = every.scatter(inside.arg_true(), result.weights).alias(WEIGHT)
    frame = records.select("record_id").with_columns(weights)
    return Weights(frame, chosen.height, records.height - chosen.height, result)
