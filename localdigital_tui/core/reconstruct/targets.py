"""The published figures (``data/targets.csv``) and the report's slips (``data/slips.csv``).

A target is one figure as the report prints it. ``column`` is a choice code, a
net (``net_agree`` = agree + strongly agree, ``net_disagree`` = disagree +
strongly disagree, ``net_positive`` = yes + intend), several choice codes joined
by ``|`` (their sum), or a statistic (``n``, ``mean``, ``min``, ``max``,
``mean_above_1000``, ``min_above_1000``, ``pct_of_group``). Percentages are of
the row's own base; every figure is compared at the decimals it is printed with.

A slip is a target the report got wrong. ``reproduced`` is the figure the data
gives instead, at the same precision, and is what generation aims for.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TARGET_HEADER = ("table", "group", "question", "row", "column", "published", "source", "note")
SLIP_HEADER = (
    "table",
    "group",
    "question",
    "row",
    "column",
    "published",
    "reproduced",
    "treatment",
    "problem",
)
NETS: dict[str, tuple[str, ...]] = {
    "net_agree": ("agree", "strongly_agree"),
    "net_disagree": ("disagree", "strongly_disagree"),
    "net_positive": ("yes", "intend"),
}
STATISTICS = frozenset(
    {"n", "mean", "min", "max", "mean_above_1000", "min_above_1000", "pct_of_group"}
)
TREATMENTS = frozenset(
    {"table_stands", "rounded_sum", "nearest_feasible", "trailing_zero", "truncated", "approximate"}
)

Key = tuple[str, str, str, str, str, str]


class TargetFileError(ValueError):
    """A targets or slips file that does not have the documented shape."""


@dataclass(frozen=True)
class Target:
    table: str
    group: str
    question: str
    row: str
    column: str
    published: str
    source: str
    note: str

    @property
    def key(self) -> Key:
        return (self.table, self.group, self.question, self.row, self.column, self.published)

    @property
    def label(self) -> str:
        """How errors name a target: table, group, question/row, column, published."""
        where = f"{self.question}/{self.row}" if self.row else self.question
        return f"{self.table} {self.group} {where} {self.column} = {self.published}"

    @property
    def is_statistic(self) -> bool:
        return self.column in STATISTICS

    def choices(self) -> tuple[str, ...]:
        """The choice codes whose counts this percentage adds up."""
        if self.is_statistic:
            raise ValueError(f"{self.label} is a statistic, not a percentage")
        return NETS.get(self.column) or tuple(self.column.split("|"))


@dataclass(frozen=True)
class Slip:
    table: str
    group: str
    question: str
    row: str
    column: str
    published: str
    reproduced: str
    treatment: str
    problem: str

    @property
    def key(self) -> Key:
        return (self.table, self.group, self.question, self.row, self.column, self.published)


def _rows(path: Path, header: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        try:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != header:
                raise TargetFileError(f"{path}: header must be {','.join(header)}")
            yield from enumerate(reader, start=2)
        except UnicodeDecodeError as exc:
            raise TargetFileError(
                f"{path}: not UTF-8 text (invalid byte 0x{exc.object[exc.start]:02x}): "
                f"expected a CSV file with the header {','.join(header)}"
            ) from None
        except csv.Error as exc:
            raise TargetFileError(f"{path}: not a CSV file ({exc})") from None


def read_targets(path: Path) -> list[Target]:
    """Every target, in file order; duplicates are an error."""
    targets: list[Target] = []
    seen: set[Key] = set()
    for number, row in _rows(path, TARGET_HEADER):
        target = Target(**row)
        if target.key in seen:
            raise TargetFileError(f"{path}:{number}: duplicate target {target.label}")
        seen.add(target.key)
        targets.append(target)
    return targets


def read_slips(path: Path) -> dict[Key, Slip]:
    """The slips keyed like their targets."""
    slips: dict[Key, Slip] = {}
    for number, row in _rows(path, SLIP_HEADER):
        slip = Slip(**row)
        if slip.treatment not in TREATMENTS:
            raise TargetFileError(f"{path}:{number}: unknown treatment {slip.treatment!r}")
        if slip.key in slips:
            raise TargetFileError(f"{path}:{number}: duplicate slip")
        slips[slip.key] = slip
    return slips


def aimed_figure(target: Target, slips: dict[Key, Slip]) -> str:
    """The figure the data must give for this target: the published one, or the slip's."""
    slip = slips.get(target.key)
    return slip.reproduced if slip else target.published
