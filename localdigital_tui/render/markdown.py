"""Markdown: a heading, a pipe table and the notes for each table."""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from localdigital_tui.core.records.provenance import Provenance
from localdigital_tui.core.tables.table import Table
from localdigital_tui.render.figures import grid


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def render_table(table: Table) -> str:
    headers, rows = grid(table, human=True)
    body = tabulate(
        [[_escape(v) for v in row] for row in rows],
        headers=[_escape(h) for h in headers],
        tablefmt="github",
        colalign=("left", *("right",) * (len(headers) - 1)),
        disable_numparse=True,
    )
    notes = [f"*{_escape(note)}*  " for note in table.notes]
    return "\n".join([f"### {_escape(table.heading)} ({table.group})", "", body, "", *notes])


def render(tables: Sequence[Table], provenance: Provenance | None = None) -> str:
    return "\n\n".join(render_table(t) for t in tables) + "\n"
