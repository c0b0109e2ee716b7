"""Validated records, as validation decoded them, straight into convert's columns.

``validate``'s fast check decodes every line it vouches for into a msgspec
struct (:mod:`~localdigital_tui.core.records.structs`); ``convert`` takes those
structs instead of having the JSON parsed a second time. Records of one struct
type (one audience and status) are taken apart together: each struct becomes a
tuple of its fields in C (``msgspec.structs.astuple``), the tuples are turned into
columns by ``zip``, and each column becomes a polars Series of the type
:func:`~.parquet.converted_schema` gives it. Questions a type lacks (asked of the
other audience) are null columns; the rows come back in line order.

The frame is the one polars' own reader gives for the same lines
(:func:`~.parquet.flat_block` with ``typed``), which the tests hold it to. A
line only pydantic vouched for comes as its canonical bytes (a timing written
``"65"``, say, is ``65.0`` there) and is read that way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
import polars as pl
from msgspec.structs import astuple

from localdigital_tui.core.export.parquet import converted_schema, flat_block, flat_name
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire

ROW = "__row"  # the line order, while the groups are put back together
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The tuples made here hold only strings, numbers and None and form no cycles;
    the collector would only rescan them over and over (a third of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _microseconds(values: Sequence[datetime | None]) -> list[int | None]:
    """UTC times as microseconds since 1970 (polars takes aware datetimes ~5x slower)."""
    return [None if v is None else (v - _EPOCH) // _MICROSECOND for v in values]


@dataclass(frozen=True)
class _Nested:
    """A field holding a struct (a grid, a numbers question, the timings): its column
    names in field order, and the all-null tuple standing in where it is absent."""

    names: tuple[str, ...]
    absent: tuple[None, ...]


def _nested(struct: Any, prefix: str) -> _Nested:
    names = tuple(
        flat_name(prefix, f.encode_name) if prefix != "timings" else f"timings__{f.encode_name}"
        for f in msgspec.structs.fields(struct)
    )
    return _Nested(names, (None,) * len(names))


def _is_struct(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, msgspec.Struct)


class DecodedFrame:
    """``frame(records)``: decoded records of one questionnaire as converted columns."""

    def __init__(self, loaded: LoadedQuestionnaire) -> None:
        q = loaded.questionnaire
        self.questionnaire = q
        self.schema = converted_schema(q)
        self._constant = {
            "questionnaire_id": q.id,
            "questionnaire_version": q.version,
            "questionnaire_sha256": loaded.sha256,
        }

    def frame(
        self, records: Sequence[Any], schema: Mapping[str, pl.DataType] | None = None
    ) -> pl.DataFrame:
        """The records (structs, or canonical lines as bytes) as one frame, in order;
        ``schema``: only these of the columns, as these types (codes as ``pl.String``,
        say; default: every column as :func:`~.parquet.converted_schema` types it)."""
        schema = schema or self.schema
        with _no_cycle_collection():
            return self._frame(records, schema)

    def _frame(self, records: Sequence[Any], schema: Mapping[str, pl.DataType]) -> pl.DataFrame:
        groups: dict[type, list[int]] = {}
        for index, record in enumerate(records):
            groups.setdefault(type(record), []).append(index)
        frames = [
            self._group(kind, [records[i] for i in rows], schema) for kind, rows in groups.items()
        ]
        if len(frames) == 1:
            return frames[0]
        positions = [pl.Series(ROW, rows, dtype=pl.UInt32) for rows in groups.values()]
        stacked = pl.concat(
            [f.with_columns(p) for f, p in zip(frames, positions, strict=True)], how="vertical"
        )
        return stacked.sort(ROW).drop(ROW)

    def _group(
        self, kind: type, records: list[Any], schema: Mapping[str, pl.DataType]
    ) -> pl.DataFrame:
        """Records of one struct type (or canonical lines), in order."""
        if kind is bytes:
            lines = flat_block(b"\n".join(records), self.questionnaire, typed=True)
            return lines.cast(self.schema).select(list(schema)).cast(schema)  # type: ignore[arg-type]
        assert issubclass(kind, msgspec.Struct)
        height = len(records)
        columns: dict[str, Sequence[Any]] = {}
        fields = msgspec.structs.fields(kind)
        for field, values in zip(fields, zip(*map(astuple, records), strict=True), strict=True):
            name = field.encode_name
            if name == "answers":
                self._answers(field.type, values, columns)
            elif name == "timings":
                self._take(_nested(field.type, "timings"), values, columns)
            elif name != "questionnaire":
                columns[name] = values
        tag = kind.__struct_config__.tag
        if isinstance(tag, str):  # the audience of a tagged union is the struct's tag
            columns["audience"] = (tag,) * height
        series = []
        for name, dtype in schema.items():
            column = columns.get(name)
            if name in self._constant:
                column = [self._constant[name]] * height
            if column is None:
                series.append(pl.Series(name, dtype=dtype).extend_constant(None, height))
            elif isinstance(dtype, pl.Datetime):
                series.append(pl.Series(name, _microseconds(column), pl.Int64).cast(dtype))
            else:
                series.append(pl.Series(name, column, dtype=dtype))
        return pl.DataFrame(series)

    def _answers(
        self, struct: Any, values: Sequence[Any], columns: dict[str, Sequence[Any]]
    ) -> None:
        fields = msgspec.structs.fields(struct)
        answers = zip(*map(astuple, values), strict=True)
        for field, column in zip(fields, answers, strict=True):
            if _is_struct(field.type):
                self._take(_nested(field.type, field.encode_name), column, columns)
            elif field.encode_name in self.schema:
                columns[field.encode_name] = column

    @staticmethod
    def _take(nested: _Nested, values: Sequence[Any], columns: dict[str, Sequence[Any]]) -> None:
        absent = nested.absent
        rows = [absent if value is None else astuple(value) for value in values]
        for name, column in zip(nested.names, zip(*rows, strict=True), strict=True):
            columns[name] = column
