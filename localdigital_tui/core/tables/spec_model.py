"""What a table definition says: its layout, base rule, nets and statistics."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class BaseRule(Enum):
    """Which respondents a percentage is of."""

    ROW = "answered the row"
    QUESTION = "answered the question"
    ASKED = "asked"


class Layout(Enum):
    """How a question becomes a table."""

    CHOICE = "choice"  # single-choice question: one row per choice, one percent column
    GRID = "grid"  # grid question: one row per statement, one column per scale point
    STATISTICS = "statistics"  # numeric question(s): one row per field, statistic columns


@dataclass(frozen=True)
class Net:
    """A column (grid) or row (choice) adding the counts of several choices."""

    code: str
    label: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Statistic:
    """A statistic column: ``code`` is its name in tidy and JSON output and in the
    targets; ``label`` the words a table prints; ``places`` its precision.

    ``places`` maps a row code to the decimals the report prints (``None`` for any
    row not listed: the figure as stored, e.g. a minimum).
    """

    code: str
    places: dict[str, int | None]
    label: str = ""

    def places_for(self, row: str) -> int | None:
        return self.places.get(row, self.places.get("*"))


@dataclass(frozen=True)
class TableSpec:
    id: str
    title: str | None  # None: the question's text as the group reads it
    question: str
    layout: Layout
    group: str  # the group the report publishes the table for
    base_rule: BaseRule
    report_rows: tuple[str, ...]  # grid rows or choices, in the order the report prints them
    sort_by: str | None = None  # the top category the report sorts by; None: fixed order
    nets: tuple[Net, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    column_label: str = "Percent"  # CHOICE tables: the heading of the percent column
    column_labels: tuple[tuple[str, str], ...] = ()  # choice code -> heading as printed
    threshold: int | None = None  # STATISTICS: the "above" threshold (5.6b: £1,000)

    def heading_for(self, choice: str) -> str | None:
        return dict(self.column_labels).get(choice)
