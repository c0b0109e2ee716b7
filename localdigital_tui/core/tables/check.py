"""Reconcile the tables with the report: every published figure, computed again.

``targets.csv`` holds each figure the report prints (table, group, question, row,
column, published); ``slips.csv`` the ones the report got wrong, with the figure
the data gives instead. Each target is looked up in the same :class:`~.table.Table`
objects the formats render and recomputed from the cell's count and base (or
exact statistic) at the precision it is printed with: ``23`` at 0 decimals,
``92.1`` at 1, ``37.97`` at 2. A target is a **match** when the figures are equal;
a **report slip** when it is listed in ``slips.csv`` and the data gives the listed
figure; otherwise a **mismatch**.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

from localdigital_tui.core.reconstruct.targets import (
    Key,
    Slip,
    Target,
    TargetFileError,
    read_slips,
    read_targets,
)
from localdigital_tui.core.tables.rounding import half_up, places_of
from localdigital_tui.core.tables.table import Table
from localdigital_tui.errors import TableError

MATCH, SLIP, MISMATCH = "match", "report slip", "mismatch"


@dataclass(frozen=True)
class Outcome:
    target: Target
    computed: str  # at the published precision, or why there is no figure
    status: str  # MATCH, SLIP or MISMATCH
    explanation: str = ""


def load_targets(path: Path) -> list[Target]:
    """The published figures (the reader is the reconstruction's: one file format)."""
    try:
        targets = read_targets(path)
    except (OSError, TargetFileError) as exc:
        raise TableError(str(exc)) from exc
    for number, target in enumerate(targets, start=2):
        try:
            Decimal(target.published)
        except InvalidOperation:
            raise TableError(
                f"{path}:{number}: published: not a number: {target.published!r}"
            ) from None
    return targets


def load_slips(path: Path) -> dict[Key, Slip]:
    try:
        return read_slips(path)
    except (OSError, TargetFileError) as exc:
        raise TableError(str(exc)) from exc


def _percent_parts(target: Target, table: Table) -> list[tuple[int, int]] | None:
    """(count, base) of each category the target adds up, or None if not a percentage."""
    codes = target.column.split("|")
    parts = []
    for code in codes:
        try:
            cell = table.cell(code, "percent") if not target.row else table.cell(target.row, code)
        except KeyError:
            return None
        if cell.count is None or cell.base is None or cell.percent is None:
            return None
        parts.append((cell.count, cell.base))
    return parts


def figure(target: Target, table: Table, places: int) -> str | None:
    """The target's figure from the table at ``places`` decimals; None if not tabulated."""
    parts = _percent_parts(target, table)
    if parts is not None:
        count, base = sum(c for c, _ in parts), parts[0][1]
        return format(half_up(Fraction(100 * count, base), places), "f")
    try:
        cell = table.cell(target.row, target.column)
    except KeyError:
        return None
    return None if cell.exact is None else format(half_up(cell.exact, places), "f")


def _components(target: Target, table: Table) -> tuple[str, ...]:
    """The categories a net or ``a|b`` target adds up (empty for a single category)."""
    if "|" in target.column:
        return tuple(target.column.split("|"))
    if target.row:
        return next((c.parts for c in table.columns if c.code == target.column), ())
    return next((r.parts for r in table.rows if r.code == target.column), ())


def _rounded_sum_note(target: Target, table: Table) -> str:
    """``published = 52.8 + 28.4`` when a net is the sum of the table's rounded percentages."""
    codes = _components(target, table)
    if len(codes) < 2:
        return ""
    try:
        if target.row:
            figures = [table.cell(target.row, code).percent for code in codes]
        else:
            figures = [table.cell(code, "percent").percent for code in codes]
    except KeyError:
        return ""
    shown = [f for f in figures if f is not None]
    if len(shown) == len(codes) and sum(shown, Decimal(0)) == Decimal(target.published):
        return "published = " + " + ".join(format(f, "f") for f in shown)
    return ""


def reconcile(
    targets: Sequence[Target], slips: Mapping[Key, Slip], tables: Mapping[tuple[str, str], Table]
) -> list[Outcome]:
    """One outcome per target, in the targets file's order."""
    outcomes = []
    for target in targets:
        table = tables.get((target.table, target.group))
        computed = None if table is None else figure(target, table, places_of(target.published))
        if table is None or computed is None:
            outcomes.append(Outcome(target, "not tabulated", MISMATCH))
            continue
        if Decimal(computed) == Decimal(target.published):
            outcomes.append(Outcome(target, computed, MATCH))
            continue
        slip = slips.get(target.key)
        note = _rounded_sum_note(target, table)
        if slip is not None:
            as_listed = figure(target, table, places_of(slip.reproduced))
            if as_listed is not None and Decimal(as_listed) == Decimal(slip.reproduced):
                why = f"{slip.treatment}: {note}" if note else slip.treatment
                outcomes.append(Outcome(target, computed, SLIP, why))
                continue
        outcomes.append(Outcome(target, computed, MISMATCH, note))
    return outcomes


def summary(outcomes: Sequence[Outcome]) -> str:
    matched = sum(o.status == MATCH for o in outcomes)
    slips = sum(o.status == SLIP for o in outcomes)
    mismatched = sum(o.status == MISMATCH for o in outcomes)
    return (
        f"{matched} of {len(outcomes)} figures reproduced; {slips} report slips as listed; "
        f"{mismatched} mismatch{'es' * (mismatched != 1)}"
    )
