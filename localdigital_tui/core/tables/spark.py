"""The cells of Parquet inputs computed by Spark (``tables --engine spark``).

The same narwhals expressions as the polars engine (:mod:`.cells`) run on a
PySpark DataFrame over the same Parquet files; the few wide rows come back to
this process and become the same small frames, so both engines print the same
tables, byte for byte. PySpark is an optional extra (``pip install -e ".[spark]"``)
and is imported only here.

The session is Spark's own: ``SparkSession.builder.getOrCreate()`` takes
``spark.master`` and the rest from the usual places (``spark-defaults.conf`` in
``$SPARK_CONF_DIR``, ``PYSPARK_SUBMIT_ARGS="--master spark://host:7077 pyspark-shell"``,
or the session ``spark-submit`` started); with none of them it runs ``local[*]``.
Only flat Parquet files (as ``convert`` writes them) are read, as ``file://``
paths (on a cluster, a file system every executor mounts). Record ids found
more than once are sent back (only those), and :mod:`.copies` then reads the
inputs again to keep one copy of each, as for the polars engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce
from pathlib import Path
from typing import Any

import narwhals as nw
import polars as pl

from localdigital_tui.core.tables.cells import cells, small_frames
from localdigital_tui.core.tables.frame import (
    AUDIENCE,
    FILE,
    RECORD_ID,
    SHA256,
    STATUS,
    FlatColumn,
)
from localdigital_tui.core.tables.queries import SPLIT, Frames, Query
from localdigital_tui.errors import RecordFileError, TableError

SPARK_MISSING = (
    "the spark engine needs PySpark: pip install 'localdigital[spark]' "
    '(pip install -e ".[spark]" in a clone), and Java 17'
)


def session() -> Any:
    """Spark's session, configured the usual ways (see the module's docstring)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise TableError(SPARK_MISSING) from exc
    builder = SparkSession.builder.appName("localdigital tables")
    spark = builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _flat(
    spark: Any, path: str, index: int, columns: Sequence[FlatColumn], split: str | None
) -> Any:
    from pyspark.sql import functions as F

    frame = spark.read.parquet(Path(path).resolve().as_uri())  # file:// on every executor
    present = set(frame.columns)
    if "answers" in present or not {AUDIENCE, STATUS} <= present:
        raise RecordFileError(
            path, "the spark engine reads flat Parquet (as localdigital convert writes it)"
        )

    def string(name: str) -> Any:
        return F.col(name).cast("string") if name in present else F.lit(None).cast("string")

    exprs = [
        F.lit(index).cast("bigint").alias(FILE),
        string(AUDIENCE).alias(AUDIENCE),
        string(STATUS).alias(STATUS),
        string(RECORD_ID).alias(RECORD_ID),
        string("questionnaire_sha256").alias(SHA256),
        (string(split) if split else F.lit(None).cast("string")).alias(SPLIT),
    ]
    for c in columns:
        kind = "string" if c.categorical else ("bigint" if c.dtype.is_integer() else "double")
        value = F.col(c.name) if c.name in present else F.lit(None)
        exprs.append(value.cast(kind).alias(c.name))
    return frame.select(*exprs)


def spark_frames(sources: Sequence[str], query: Query) -> Frames:
    """statuses, counts, summary and the record ids found more than once."""
    if query.weights is not None:
        raise TableError("--weights: weighted tables are computed by polars (not --engine spark)")
    spark = session()
    from pyspark.sql import functions as F

    flat = [_flat(spark, s, i, query.columns, query.split) for i, s in enumerate(sources)]
    whole = reduce(lambda a, b: a.unionByName(b), flat)
    coded = whole.withColumns(
        {  # the index of the code among the choices; -1: not one of them
            c.name: F.array_position(F.array(*map(F.lit, c.choices)), F.col(c.name)) - 1
            for c in query.columns
            if c.categorical
        }
    )
    grouped = cells(nw.from_native(coded), query.columns, query.thresholds, bool_sums=False)
    grouped = grouped.to_native()
    rows = [row.asDict() for row in grouped.collect()]
    if not rows:  # no records: nothing to add up
        empty = pl.DataFrame(schema={AUDIENCE: pl.String, SPLIT: pl.String})
        return empty, empty, empty, pl.Series("id", [], dtype=pl.String)
    wide = pl.DataFrame(rows, infer_schema_length=None)
    repeated = (
        whole.where(F.col(RECORD_ID).isNotNull())
        .groupBy(RECORD_ID)
        .count()
        .where(F.col("count") > 1)
        .select(RECORD_ID)
        .collect()
    )

    def unknown_codes(column: FlatColumn) -> list[str]:
        value = F.col(column.name)
        kept = whole if query.include_partial else whole.where(F.col(STATUS) == "complete")
        odd = kept.where(value.isNotNull() & ~value.isin(list(column.choices)))
        return sorted(row[0] for row in odd.select(value).distinct().collect())

    statuses, counts, summary = small_frames(
        wide, query.columns, query.include_partial, unknown_codes
    )
    ids = [row[0] for row in repeated]
    return statuses, counts, summary, pl.Series("id", ids + ids, dtype=pl.String)
