"""Everything the tables need, added up from the result frames of every part.

:mod:`.queries` asks each part of the input (a block of JSON Lines or a slice of
Parquet) for a few small frames (:mod:`.parts` runs them); this module adds their
rows up (:mod:`.adding`: records of another questionnaire refused, sums exact)
and counts a record found in several inputs once (:mod:`.copies`). Everything
after this module works on these few hundred aggregated numbers
(:mod:`.totals`), never on records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import polars as pl

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.tables.adding import Adding
from localdigital_tui.core.tables.copies import first_copies
from localdigital_tui.core.tables.frame import FlatColumn
from localdigital_tui.core.tables.part_result import Part
from localdigital_tui.core.tables.parts import tabulated
from localdigital_tui.core.tables.queries import Query
from localdigital_tui.core.tables.totals import Aggregates
from localdigital_tui.core.weighting.weights_file import read_weights
from localdigital_tui.errors import TableError


def aggregate(
    parts: Iterable[Part],
    columns: Sequence[FlatColumn],
    *,
    audiences: Sequence[str],
    sha256: str | None = None,
    split: str | None = None,
    thresholds: Mapping[str, int] | None = None,
    include_partial: bool = False,
    jobs: int | None = None,
    weights: Path | None = None,
    progress: Callable[[int], None] | None = None,
    decode_with: LoadedQuestionnaire | None = None,
) -> Aggregates:
    """Run the queries on each part and add up their few rows as exact Python numbers.

    ``jobs``: worker processes for JSON Lines blocks (None picks, see :mod:`.parts`).

    A record naming a questionnaire other than ``sha256`` is refused. A record id
    found more than once is counted once when its copies are the same (a copied
    folder, a file given twice); copies that differ are refused, pointing at merge.

    ``weights``: a ``record_id,weight`` file; every record tabulated must have a
    weight, and the result has weighted and squared layers. The weights are joined
    on in this process (not shipped to worker processes with every block).
    """
    listed = list(parts)
    weights_frame = None if weights is None else read_weights(weights)
    query = Query(
        tuple(columns), split, dict(thresholds or {}), include_partial, weights_frame, decode_with
    )
    source = None if weights is None else str(weights)
    jobs = 1 if weights is not None else jobs

    def adding_parts() -> Adding:
        return Adding(columns, audiences, include_partial, sha256, source)

    adding = adding_parts()
    ids = []
    for part, (statuses, counts, summary, part_ids) in tabulated(listed, query, jobs, progress):
        adding.add(statuses, counts, summary, where=part)
        ids.append(part_ids)
    result = adding.finish()
    if ids and pl.concat(ids).is_duplicated().any():
        whole, copies = first_copies(listed, query)
        adding = adding_parts()
        adding.add(*query.collect(whole)[:3], where=None)
        result = adding.finish()
        result.copies = copies
    if not any(result.records.values()):
        if result.excluded:
            raise TableError(
                f"no complete records to tabulate ({result.excluded} partial; "
                "--include-partial tabulates them)"
            )
        raise TableError("no records to tabulate: the inputs hold no answers records")
    return result
