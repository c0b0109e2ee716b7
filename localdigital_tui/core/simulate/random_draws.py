"""Deterministic random numbers as polars expressions, one stream per record.

Every record ``r`` owns 64-bit words ``splitmix64((r * 256 + k) XOR key)``, where
``key`` is derived from the seed; each word gives four 16-bit draws. A record's
draws therefore depend only on the seed and its index, never on batch size, file
split or thread count, and the arithmetic (wrapping ``UInt64`` multiply, xor,
division by powers of two) is the same in every polars version, so one seed gives
the same bytes everywhere. :func:`splitmix64` is the plain-Python reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

import polars as pl

MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
MIX1 = 0xBF58476D1CE4E5B9
MIX2 = 0x94D049BB133111EB
WORDS_PER_RECORD = 256
DRAW_RANGE = 1 << 16
ROW = "_row"


def splitmix64(value: int) -> int:
    """The splitmix64 finaliser of ``value`` (mod 2**64)."""
    z = (value + GOLDEN) & MASK64
    z = ((z ^ (z >> 30)) * MIX1) & MASK64
    z = ((z ^ (z >> 27)) * MIX2) & MASK64
    return z ^ (z >> 31)


def _u64(value: int) -> pl.Expr:
    return pl.lit(value, dtype=pl.UInt64)


class Draws:
    """Hands out independent 16-bit draws (``UInt64`` expressions in ``[0, 65536)``).

    Draws are numbered in the order they are asked for; build the expressions,
    then add :meth:`word_columns` to a frame holding the record index in ``_row``.
    """

    def __init__(self, seed: int) -> None:
        self.key = splitmix64(seed & MASK64)
        self.count = 0

    def draw(self) -> pl.Expr:
        word, lane = divmod(self.count, 4)
        if word >= WORDS_PER_RECORD:
            raise ValueError(f"more than {WORDS_PER_RECORD * 4} draws per record")
        self.count += 1
        value = pl.col(f"_w{word}")
        if lane:
            value = value // _u64(1 << (16 * lane))
        return value if lane == 3 else value % _u64(DRAW_RANGE)

    def word_stages(self) -> list[list[pl.Expr]]:
        """``with_columns`` stages computing the words from ``_row``.

        One stage per splitmix64 step keeps each intermediate a column: written as
        one nested expression, every step would repeat the whole step before it.
        """
        words = range((self.count + 3) // 4)
        row = pl.col(ROW).cast(pl.UInt64) * _u64(WORDS_PER_RECORD)
        names = [f"_w{k}" for k in words]
        return [
            [
                (((row + _u64(k)) ^ _u64(self.key)) + _u64(GOLDEN)).alias(n)
                for k, n in zip(words, names, strict=True)
            ],
            [_mix(pl.col(n), 30, MIX1).alias(n) for n in names],
            [_mix(pl.col(n), 27, MIX2).alias(n) for n in names],
            [(pl.col(n) ^ (pl.col(n) // _u64(1 << 31))).alias(n) for n in names],
        ]


def _mix(z: pl.Expr, shift: int, multiplier: int) -> pl.Expr:
    return (z ^ (z // _u64(1 << shift))) * _u64(multiplier)


def thresholds(weights: Sequence[float]) -> list[int]:
    """Cumulative cut points in ``[0, 65536]`` for drawing index i with weight[i]."""
    total = float(sum(weights))
    if total <= 0:
        raise ValueError("weights must add up to more than zero")
    cuts = [round(DRAW_RANGE * c / total) for c in accumulate(weights)]
    cuts[-1] = DRAW_RANGE
    return cuts


def choose(draw: pl.Expr, weights: Sequence[float]) -> pl.Expr:
    """The index (``UInt32``) of the outcome a draw picks, outcome i having weight[i].

    One lookup in a 65,536-entry table of outcome indexes (cheaper than comparing
    the draw with every cut point).
    """
    if len(weights) == 1:
        return pl.lit(0, dtype=pl.UInt32)
    return pl.lit(_outcome_table(tuple(weights))).gather(draw).cast(pl.UInt32)


@lru_cache(maxsize=256)
def _outcome_table(weights: tuple[float, ...]) -> pl.Series:
    """Entry d: how many cut points are at or below d, i.e. the outcome of draw d."""
    cuts = pl.Series(thresholds(weights)[:-1], dtype=pl.UInt32)
    table = cuts.search_sorted(pl.int_range(0, DRAW_RANGE, dtype=pl.UInt32, eager=True), "right")
    return table.cast(pl.UInt8 if len(weights) <= 256 else pl.UInt32)


def pick(texts: Sequence[str], index: pl.Expr, prefix: str = "", suffix: str = "") -> pl.Expr:
    """``prefix + texts[index] + suffix`` for every record."""
    if prefix or suffix:
        texts = [prefix + t + suffix for t in texts]
    return pl.lit(pl.Series(texts, dtype=pl.String)).gather(index)
