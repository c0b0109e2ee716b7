"""The notes printed under each table (what its base is, and what else to know)."""

from __future__ import annotations

from localdigital_tui.core.tables.compare import COMPARE_NOTE
from localdigital_tui.core.tables.compute import Options
from localdigital_tui.core.tables.specs import BaseRule, Layout, TableSpec
from localdigital_tui.core.tables.table import LOW_BASE, Split, Table
from localdigital_tui.core.tables.totals import Aggregates
from localdigital_tui.core.tables.view import GroupView
from localdigital_tui.core.tables.weighted import WEIGHTED_NOTE


def _who(group: str, split: Split | None) -> str:
    who = {"council": "council respondents", "supplier": "supplier respondents"}.get(
        group, "respondents"
    )
    if split is not None:
        who += f" with {split.question} {split.label!r}"
    return who


def table_notes(
    spec: TableSpec,
    table: Table,
    view: GroupView,
    rule: BaseRule,
    options: Options,
    compare: bool,
    aggregates: Aggregates,
) -> list[str]:
    """The notes under a table: its base, nets, comparison, low bases, partial
    records left out and weighting."""
    who = _who(table.groups[0] if not compare else "all", table.split)
    bases = sorted({base for row in table.rows for _, base in row.bases})
    span = f"{bases[0]}" if len(bases) == 1 else f"{bases[0]}-{bases[-1]}" if bases else "none"
    if spec.layout is Layout.STATISTICS:
        asked = view.asked(spec.question)
        notes = [f"Statistics over {who} who gave a figure (n = {span}); {asked} were asked."]
    elif rule is BaseRule.ROW:
        notes = [f"Base: {who} who answered the row; each row has its own base ({span})."]
    elif rule is BaseRule.QUESTION:
        notes = [f"Base: {who} who answered the question ({span})."]
    else:
        notes = [f"Base: {who} who were asked the question, answered or not ({span})."]
    if options.net and spec.nets:
        notes.append("Nets add the counts of their categories, then divide by the base.")
    if compare:
        notes.append(COMPARE_NOTE)
    if table.has_low_base():
        notes.append(f"* base under {LOW_BASE}: treat with caution.")
    if aggregates.excluded:
        notes.append(f"{aggregates.excluded} partial record(s) not tabulated.")
    if aggregates.weighted is not None:
        notes.append(WEIGHTED_NOTE.format(source=aggregates.weights_source))
    return notes
