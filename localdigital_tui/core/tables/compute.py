"""Counts, bases, percentages, nets and statistics for one table of one group.

Everything here works on a :class:`~.view.GroupView` (a few aggregated numbers),
never on records. Percentages are ``100 * count / base`` rounded half-up with
integers; nets add counts before dividing (never rounded percentages); means are
exact sums over n, rounded half-up to the report's precision.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Questionnaire,
    SingleChoiceQuestion,
)
from localdigital_tui.core.tables.rounding import as_decimal, percent, share
from localdigital_tui.core.tables.specs import BaseRule, Layout, Statistic, TableSpec
from localdigital_tui.core.tables.table import Cell, Column, Row
from localdigital_tui.core.tables.totals import Numeric
from localdigital_tui.core.tables.view import GroupView
from localdigital_tui.core.tables.weighted import weigh_rows


@dataclass(frozen=True)
class Options:
    net: bool = False
    sort: str = "report"
    base: BaseRule | None = None  # None: each table's own rule


def wording(questionnaire: Questionnaire, group: str) -> str:
    """Whose wording labels a group's table: the supplier's for suppliers, else councils'."""
    codes = questionnaire.audience_codes()
    return group if group in codes else codes[0]


def base_rule(spec: TableSpec, options: Options) -> BaseRule:
    if spec.layout is Layout.STATISTICS or options.base is None:
        return spec.base_rule
    return options.base


def row_codes(spec: TableSpec, questionnaire: Questionnaire, sort: str) -> list[str]:
    """The table's rows before sorting: as printed (report) or as in the questionnaire."""
    question = questionnaire.question(spec.question)
    if isinstance(question, GridQuestion | NumbersQuestion):
        form = [r.code for r in question.rows]
    elif isinstance(question, SingleChoiceQuestion):
        form = question.choice_codes()
    else:
        form = [""]
    if sort == "questionnaire":
        return form
    printed = [code for code in spec.report_rows if code in form]
    return printed + [code for code in form if code not in printed]


def _percent_cell(count: int, base: int) -> Cell:
    return Cell(count=count, base=base, percent=percent(count, base), exact=share(count, base))


def _base(rule: BaseRule, view: GroupView, question: str, counts: dict[str, int]) -> int:
    if rule is BaseRule.ROW:
        return sum(counts.values())
    if rule is BaseRule.QUESTION:
        return view.answered(question)
    return view.asked(question)


def grid_rows(
    spec: TableSpec, view: GroupView, group: str, options: Options
) -> tuple[list[Column], list[Row]]:
    q = view.questionnaire
    question = q.question(spec.question)
    assert isinstance(question, GridQuestion)
    scale = q.scale_of(question)
    audience = wording(q, group)
    columns = [
        Column(c.code, spec.heading_for(c.code) or c.label_for(audience), group, "choice")
        for c in scale
    ]
    nets = spec.nets if options.net else ()
    columns += [Column(n.code, n.label, group, "net", parts=n.choices) for n in nets]
    labels = {r.code: r.label_for(audience) for r in question.rows}
    rule = base_rule(spec, options)
    rows = []
    for code in row_codes(spec, q, options.sort):
        counts = view.counts(spec.question, code)
        base = _base(rule, view, spec.question, counts)
        cells = [_percent_cell(counts.get(c.code, 0), base) for c in scale]
        cells += [_percent_cell(sum(counts.get(c, 0) for c in n.choices), base) for n in nets]
        rows.append(Row(code, labels[code], tuple(cells), ((group, base),)))
    return columns, rows


def choice_rows(
    spec: TableSpec, view: GroupView, group: str, options: Options
) -> tuple[list[Column], list[Row]]:
    q = view.questionnaire
    question = q.question(spec.question)
    assert isinstance(question, SingleChoiceQuestion)
    audience = wording(q, group)
    counts = view.counts(spec.question)
    base = _base(base_rule(spec, options), view, spec.question, counts)
    labels = {c.code: c.label_for(audience) for c in question.choices}
    rows = [
        Row(code, labels[code], (_percent_cell(counts.get(code, 0), base),), ((group, base),))
        for code in row_codes(spec, q, options.sort)
    ]
    for net in spec.nets if options.net else ():
        cell = _percent_cell(sum(counts.get(c, 0) for c in net.choices), base)
        rows.append(Row(net.code, net.label, (cell,), ((group, base),), parts=net.choices))
    return [Column("percent", spec.column_label, group, "percent")], rows


def _statistic_cell(stat: Statistic, row: str, summary: Numeric, records: int, unit: str) -> Cell:
    n, places = summary.n, stat.places_for(row)
    exact: Fraction | None
    if stat.code == "n":
        return Cell(count=n, value=as_decimal(Fraction(n), 0), exact=Fraction(n), unit="count")
    if stat.code == "n_above_1000":
        above = summary.n_above
        return Cell(
            count=above, value=as_decimal(Fraction(above), 0), exact=Fraction(above), unit="count"
        )
    if stat.code == "pct_of_group":
        exact = share(n, records)
        return Cell(
            count=n,
            base=records,
            percent=percent(n, records),
            value=percent(n, records),
            exact=exact,
        )
    exact = {
        "mean": Fraction(summary.total, n) if n else None,
        "min": summary.minimum,
        "max": summary.maximum,
        "mean_above_1000": (
            Fraction(summary.total_above, summary.n_above) if summary.n_above else None
        ),
        "min_above_1000": summary.min_above,
    }[stat.code]
    value = None if exact is None else as_decimal(exact, places)
    return Cell(base=n, value=value, exact=exact, unit=unit)


def statistics_rows(
    spec: TableSpec, view: GroupView, group: str, options: Options
) -> tuple[list[Column], list[Row]]:
    q = view.questionnaire
    question = q.question(spec.question)
    assert isinstance(question, NumbersQuestion | NumberQuestion)
    audience = wording(q, group)
    if isinstance(question, NumbersQuestion):
        labels = {r.code: r.label_for(audience) for r in question.rows}
    else:
        labels = {"": question.text_for(audience)}
    columns = [Column(s.code, s.label or s.code, group, "statistic") for s in spec.statistics]
    records = view.records()
    rows = []
    for code in row_codes(spec, q, options.sort):
        summary = view.numeric(spec.question, code)
        cells = tuple(
            _statistic_cell(s, code, summary, records, question.unit) for s in spec.statistics
        )
        rows.append(Row(code, labels[code], cells, ((group, summary.n),)))
    return columns, rows


def group_rows(
    spec: TableSpec, view: GroupView, group: str, options: Options
) -> tuple[list[Column], list[Row]]:
    """Columns and rows of one group, rows in the form's or the printed order (not sorted);
    weighted when the aggregates are (:mod:`.weighted`)."""
    build = {
        Layout.GRID: grid_rows,
        Layout.CHOICE: choice_rows,
        Layout.STATISTICS: statistics_rows,
    }[spec.layout]
    columns, rows = build(spec, view, group, options)
    weighted, squared = view.aggregates.weighted, view.aggregates.squared
    if weighted is None or squared is None:
        return columns, rows
    _, by_weight = build(spec, view.layer(weighted), group, options)
    _, by_square = build(spec, view.layer(squared), group, options)
    return columns, weigh_rows(rows, by_weight, by_square)


def sort_rows(spec: TableSpec, columns: list[Column], rows: list[Row], sort: str) -> list[Row]:
    """Report order: descending by the top category as printed (one decimal), ties as printed."""
    if sort != "report" or spec.sort_by is None:
        return rows
    index = next(i for i, c in enumerate(columns) if c.code == spec.sort_by)

    def key(position_row: tuple[int, Row]) -> tuple[bool, Decimal, int]:
        position, row = position_row
        figure = row.cells[index].percent
        return (figure is None, -(figure or Decimal(0)), position)

    return [row for _, row in sorted(enumerate(rows), key=key)]
