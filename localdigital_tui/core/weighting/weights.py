"""Weights for the records of answers files: who is weighted, the rake, the report.

The records are read as ``export`` reads them (each record id once; complete
records only unless asked). A record is weighted when its answer to every
weighting question has a target; the others (suppliers for a council-type
weighting, "Other public body", no answer) keep weight 1 and are counted apart.
"""

from __future__ import annotations

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


def weigh(
    files: Sequence[Path],
    questionnaire: Questionnaire,
    margins: Mapping[str, Mapping[str, float]],
    *,
    lower: float | None = None,
    upper: float | None = None,
    include_partial: bool = False,
) -> Weights:
    records = read_records(files, questionnaire, include_partial).frame
    questions = list(margins)
    inside = pl.all_horizontal(
        pl.col(q).is_in(list(margins[q])).fill_null(False) for q in questions
    )
    chosen = records.filter(inside)
    if chosen.height == 0:
        raise WeightingError(
            f"no record answers {', '.join(questions)} with an answer that has a target"
        )
    result = rake(chosen.select(questions), margins, lower=lower, upper=upper)
    weighted = chosen.select("record_id").with_columns(result.weights)
    others = records.filter(~inside).select("record_id").with_columns(pl.lit(1.0).alias(WEIGHT))
    order = records.select("record_id")
    frame = order.join(
        pl.concat([weighted, others]), on="record_id", how="left", maintain_order="left"
    )
    return Weights(frame, chosen.height, others.height, result)
