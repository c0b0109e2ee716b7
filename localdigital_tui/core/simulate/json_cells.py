"""Turn JSON members drawn per record into few, wide text cells.

A simulated line is one ``concat_str`` of text cells, and polars' cost grows with
the number of cells far more than with their width. So members are not written
one by one: consecutive members are grouped into chunks, the chunk's combined
outcome (a mixed-radix number of its members' outcomes) indexes a table holding
the finished JSON text of every combination, commas and braces included. A flag
in the index says whether a member was written earlier in the same object (so the
chunk starts with a comma) and, for an object-valued member such as a grid,
whether it is present at all (so the chunk carries ``"q5":{`` or ``}``).

Chunk numbers are computed in one ``with_columns`` stage (plain integer
arithmetic), so the flags that look at earlier chunks do not recompute them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import polars as pl

from localdigital_tui.core.simulate.random_draws import pick

TABLE_LIMIT = 16384  # entries in one chunk's table, flags included


@dataclass(frozen=True)
class Member:
    """One JSON member a record may carry: ``texts[i]`` is ``"code":value`` for outcome i.

    Outcome 0 is "absent" and its text is ignored. ``index`` is a ``UInt32``-valued
    expression in ``[0, len(texts))``.
    """

    texts: Sequence[str]
    index: pl.Expr


@dataclass(frozen=True)
class ObjectMember:
    """A member whose value is an object of ``rows`` (a grid): absent when no row is."""

    opener: str  # '"q5":{'
    rows: Sequence[Member]


Item = Member | ObjectMember


Cell = tuple[list[str], pl.Expr]  # a table of texts and the index into it


class CellCompiler:
    """Collects the chunk-number columns; :meth:`cells` compiles one object's members."""

    def __init__(self, limit: int = TABLE_LIMIT) -> None:
        self.limit = limit
        self.chunk_columns: list[pl.Expr] = []

    def _chunks(self, members: Sequence[Member], flags: int) -> list[tuple[list[Member], pl.Expr]]:
        """Consecutive members grouped so each table (times ``flags``) fits the limit."""
        groups: list[list[Member]] = []
        for m in members:
            if groups and _size(groups[-1]) * len(m.texts) * flags <= self.limit:
                groups[-1].append(m)
            else:
                groups.append([m])
        chunks = []
        for group in groups:
            number: pl.Expr = pl.lit(0, dtype=pl.UInt32)
            stride = 1
            for m in group:
                number = number + m.index.cast(pl.UInt32) * stride
                stride *= len(m.texts)
            name = f"_k{len(self.chunk_columns)}"
            self.chunk_columns.append(number.alias(name))
            chunks.append((group, pl.col(name)))
        return chunks

    def cells(self, items: Sequence[Item], prefix: str = "", suffix: str = "") -> list[pl.Expr]:
        """Text cells whose concatenation is ``prefix``, the members of one object, ``suffix``."""
        cells: list[Cell] = []
        before: list[pl.Expr] = []  # chunk numbers of everything written earlier
        run: list[Member] = []
        for item in [*items, None]:
            if isinstance(item, Member):
                run.append(item)
                continue
            for group, number in self._chunks(run, 2):
                table = _table(group, lambda bodies, flag: _comma(bodies, bool(flag)), 2)
                cells.append((table, number + _any(before) * _size(group)))
                before.append(number)
            run = []
            if isinstance(item, ObjectMember):
                cells += self._object_cells(item, before)
        if not cells:
            return [pl.lit(prefix + suffix)]
        last = len(cells) - 1
        return [
            pick(table, index, prefix if i == 0 else "", suffix if i == last else "")
            for i, (table, index) in enumerate(cells)
        ]

    def _object_cells(self, item: ObjectMember, before: list[pl.Expr]) -> list[Cell]:
        chunks = self._chunks(item.rows, 4)
        present = _any([number for _, number in chunks])
        lead = _any(before)
        cells = []
        for i, (group, number) in enumerate(chunks):
            first, last = i == 0, i == len(chunks) - 1

            def text(
                bodies: list[str], flag: int, first: bool = first, last: bool = last
            ) -> list[str]:
                shown, earlier = flag & 1, flag >> 1
                head = (("," if earlier else "") + item.opener) if first and shown else ""
                tail = "}" if last and shown else ""
                return [head + b + tail for b in _comma(bodies, bool(earlier) and not first)]

            inside = lead if first else _any([n for _, n in chunks[:i]])
            flags = present + inside * 2
            cells.append((_table(group, text, 4), number + flags * _size(group)))
        before.extend(number for _, number in chunks)
        return cells


def _size(group: Sequence[Member]) -> int:
    return math.prod(len(m.texts) for m in group)


def _any(numbers: Sequence[pl.Expr]) -> pl.Expr:
    if not numbers:
        return pl.lit(0, dtype=pl.UInt32)
    return pl.any_horizontal([n > 0 for n in numbers]).cast(pl.UInt32)


def _comma(bodies: list[str], comma: bool) -> list[str]:
    """``bodies`` each led by a comma if ``comma`` (an empty body stays empty)."""
    return [("," + b) if b else b for b in bodies] if comma else bodies


def _table(
    group: Sequence[Member], text: Callable[[list[str], int], list[str]], flags: int
) -> list[str]:
    """Text of every (flag, combination) in index order: the first member varies fastest.

    ``text`` gets, for one flag, every combination's members joined with commas
    (absent ones left out) and returns the texts. The joins are built member by
    member, from the last: each step puts the member's texts in front of every
    join of the members after it.
    """
    bodies = [""]
    for member in reversed(group):
        texts = ["", *list(member.texts)[1:]]
        bodies = [f"{t},{b}" if t and b else t or b for b in bodies for t in texts]
    return [entry for flag in range(flags) for entry in text(bodies, flag)]
