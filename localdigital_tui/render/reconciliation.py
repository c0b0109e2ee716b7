"""The ``--check`` report: each published figure, the figure computed, and the verdict."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from tabulate import tabulate

from localdigital_tui.core.tables.check import Outcome, summary

HEADER = ("table", "group", "question/row", "column", "published", "computed", "result", "note")


def _line(outcome: Outcome) -> tuple[str, ...]:
    t = outcome.target
    return (
        t.table,
        t.group,
        f"{t.question}/{t.row}" if t.row else t.question,
        t.column,
        t.published,
        outcome.computed,
        outcome.status,
        outcome.explanation,
    )


def render_reconciliation(outcomes: Sequence[Outcome], fmt: str = "text") -> str:
    if fmt == "csv":
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\n")
        out.writerow(HEADER)
        out.writerows(_line(o) for o in outcomes)
        return buffer.getvalue()
    body = tabulate(
        [_line(o) for o in outcomes], headers=HEADER, tablefmt="simple", disable_numparse=True
    )
    return f"{body}\n\n{summary(outcomes)}\n"
