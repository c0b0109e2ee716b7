"""Copies of one record in several inputs (a copied folder, a file given twice).

Found from the record id hashes every part gives (:mod:`.queries`); only then
are the inputs read again, whole, to keep the first copy of each record id in
input order. Copies count as the same when they agree on everything the tables
read: the envelope (audience, status, interviewer, device, event, times) and
the answers tabulated. Copies that differ are different versions of a record:
tables cannot pick one, and ``localdigital merge`` is the command that does.
"""

from __future__ import annotations

import polars as pl

from localdigital_tui.core.tables.frame import FILE, RECORD_ID
from localdigital_tui.core.tables.part_result import Part, part_frame
from localdigital_tui.core.tables.parts import source_of
from localdigital_tui.core.tables.queries import Query
from localdigital_tui.errors import TableError

SOURCE = "__source"
VERSION = "__version"
SHOWN = 3  # differing record ids named in the error


def first_copies(parts: list[Part], query: Query) -> tuple[pl.LazyFrame, int]:
    """All records, each record id once (its first copy); and how many copies were left
    out. Raises :class:`TableError` if two copies of a record id differ."""
    frames = []
    for part in parts:
        frame, _ = part_frame(part, query)
        if frame is not None:
            # A Parquet record's file is not its contents; its Enums compare as their codes.
            frame = frame.drop(FILE, strict=False).with_columns(pl.col(pl.Enum).cast(pl.String))
            frames.append(frame.with_columns(pl.lit(source_of(part)).alias(SOURCE)))
    whole = pl.concat(frames, how="vertical_relaxed").collect()
    repeated = whole.filter(pl.col(RECORD_ID).is_not_null() & pl.col(RECORD_ID).is_duplicated())
    differing = (
        repeated.with_columns(pl.struct(pl.exclude(SOURCE)).hash().alias(VERSION))
        .group_by(RECORD_ID, maintain_order=True)
        .agg(
            pl.col(VERSION).n_unique().alias("versions"), pl.col(SOURCE).unique(maintain_order=True)
        )
        .filter(pl.col("versions") > 1)
    )
    if differing.height:
        raise TableError(_differing_message(differing))
    kept = whole.filter(pl.col(RECORD_ID).is_null() | pl.col(RECORD_ID).is_first_distinct())
    return kept.drop(SOURCE).lazy(), whole.height - kept.height


def _differing_message(differing: pl.DataFrame) -> str:
    shown = [
        f"{row[RECORD_ID]} ({', '.join(row[SOURCE])})"
        for row in differing.head(SHOWN).iter_rows(named=True)
    ]
    more = f" and {differing.height - SHOWN} more" if differing.height > SHOWN else ""
    return (
        f"{differing.height} record id(s) have different versions in the inputs: "
        f"{'; '.join(shown)}{more}. tables cannot pick one: merge the inputs first "
        "(localdigital merge INPUTS -o merged/merged.jsonl keeps one version of each and "
        "lists the others in conflicts.jsonl), then tabulate merged/merged.jsonl"
    )
