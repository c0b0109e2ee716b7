"""A weights file (``record_id,weight``, as ``localdigital weight`` writes) read for tables.

Weights are read as whole millionths (``WEIGHT_MICROS``), and their squares too
(``SQUARED_MICROS``), so the tables add them up as integers: a weighted percentage
is an exact fraction of two integer sums and rounds half-up like an unweighted
one, and with every weight 1 the weighted table is the unweighted table. Every
problem names its line: a header that is not ``record_id,weight``, a weight that
is not a number, negative, or over ``MAX_WEIGHT``, a record id given twice, a
last line with no line end (a file cut short: its last weight may have lost digits).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import polars as pl

from localdigital_tui.errors import WeightingError

HEADER = ("record_id", "weight")
WEIGHT_MICROS = "__weight"
SQUARED_MICROS = "__weight_squared"
MICROS = 10**6
MAX_WEIGHT = 1000.0  # keeps the sums of squared millionths inside 64 bits for 3e6 records


PLAIN_WEIGHT = r"^[0-9]{1,4}(\.[0-9]{1,17})?$"  # what polars and Python read alike
PLAIN_HEADER = b"record_id,weight\n"
BLOCK_BYTES = 1 << 20


def read_weights(path: Path) -> pl.DataFrame:
    """``record_id``, the weight and its square in millionths, one row per record.

    polars reads a file of plain lines (``id,1.25``: no quotes, spaces, blank lines
    or exponents) and checks it as a whole; any other file, and any file with a
    problem, is read line by line (:func:`_read_lines`), which alone words problems."""
    try:
        plain = _read_plain(path)
    except (OSError, pl.exceptions.PolarsError, UnicodeDecodeError):
        plain = None  # let the line reader say what is wrong
    return plain if plain is not None else _read_lines(path)


def _read_plain(path: Path) -> pl.DataFrame | None:
    """The weights of a plain, valid file; None for anything else. polars streams it
    twice (checks, then the weights), so no more than the weights is held."""
    lines = _plain_lines(path)
    if lines is None or lines < 2:
        return None
    plain = pl.scan_csv(path, schema={"record_id": pl.String, "weight": pl.String})
    ids, text = pl.col("record_id"), pl.col("weight")
    weight = text.cast(pl.Float64, strict=False)
    bad = plain.select(
        (pl.len() != lines - 1)
        | ids.is_null().any()
        | text.is_null().any()
        | (ids.str.strip_chars() != ids).any()
        | (ids.str.len_bytes() == 0).any()
        # by hash, so the ids are not held twice: two ids of one hash only send the
        # file to the line reader, which finds no repeat and reads the same weights
        | (ids.hash().n_unique() != pl.len())
        | ~text.str.contains(PLAIN_WEIGHT).all()
        | (weight > MAX_WEIGHT).any()
    )
    if bad.collect(engine="streaming").item():
        return None
    return plain.select(
        ids,
        (weight * MICROS).round(0, mode="half_to_even").cast(pl.Int64).alias(WEIGHT_MICROS),
        (weight * weight * MICROS)
        .round(0, mode="half_to_even")
        .cast(pl.Int64)
        .alias(SQUARED_MICROS),
    ).collect(engine="streaming")


def _plain_lines(path: Path) -> int | None:
    """How many lines a file has that starts with the header and holds no quote,
    carriage return or blank line, ending with a line end; None for any other file."""
    with path.open("rb") as handle:
        if handle.read(len(PLAIN_HEADER)) != PLAIN_HEADER:
            return None
        lines, last = 1, b"\n"
        while block := handle.read(BLOCK_BYTES):
            if b'"' in block or b"\r" in block or b"\n\n" in last + block:
                return None
            lines += block.count(b"\n")
            last = block[-1:]
    return lines if last == b"\n" else None


def _read_lines(path: Path) -> pl.DataFrame:
    """The weights file read line by line with the csv module, every problem named."""
    ids: list[str] = []
    weights: list[int] = []
    squares: list[int] = []
    first_line: dict[str, int] = {}
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = tuple(next(reader, ()))
            if header[:2] != HEADER:
                raise WeightingError(f"{path}:1: the header must be {','.join(HEADER)}")
            for number, row in enumerate(reader, start=2):
                if not row:
                    continue
                record_id, weight = _parsed(path, number, row)
                if record_id in first_line:
                    raise WeightingError(
                        f"{path}:{number}: record_id: {record_id} has a weight on line "
                        f"{first_line[record_id]} already"
                    )
                first_line[record_id] = number
                ids.append(record_id)
                weights.append(round(weight * MICROS))
                squares.append(round(weight * weight * MICROS))
    except UnicodeDecodeError as error:
        raise WeightingError(f"{path}: not a UTF-8 text file ({error.reason})") from None
    except csv.Error as error:
        raise WeightingError(f"{path}: not a CSV file ({error})") from None
    if not ids:
        raise WeightingError(f"{path}: no weights (expected lines of {','.join(HEADER)})")
    if not _ends_with_newline(path):  # its last weight may be cut: 0.44 read as 0.4
        raise WeightingError(
            f"{path}:{number}: the last line has no line end: the file may be cut short "
            "(write it again with localdigital weight)"
        )
    return pl.DataFrame(
        {"record_id": ids, WEIGHT_MICROS: weights, SQUARED_MICROS: squares},
        schema={"record_id": pl.String, WEIGHT_MICROS: pl.Int64, SQUARED_MICROS: pl.Int64},
    )


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(0, 2)
        if handle.tell() == 0:
            return False
        handle.seek(-1, 2)
        return handle.read(1) in (b"\n", b"\r")


def _parsed(path: Path, number: int, row: list[str]) -> tuple[str, float]:
    where = f"{path}:{number}"
    if len(row) < 2 or not row[0].strip():
        raise WeightingError(f"{where}: expected record_id,weight, found {','.join(row)!r}")
    try:
        weight = float(row[1])
    except ValueError:
        raise WeightingError(f"{where}: weight: {row[1]!r} is not a number") from None
    if not math.isfinite(weight) or weight < 0 or weight > MAX_WEIGHT:
        raise WeightingError(
            f"{where}: weight: {row[1]!r} is not a weight (expected 0 to {MAX_WEIGHT:g})"
        )
    return row[0].strip(), weight
