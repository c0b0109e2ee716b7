"""Plain text for a terminal: each table as the report lays it out, via tabulate."""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from localdigital_tui.core.records.provenance import Provenance
from localdigital_tui.core.tables.table import Table
from localdigital_tui.render.figures import grid

LABEL_WIDTH = 48
HEADING_WIDTH = 13  # long column headings wrap to keep a table within a terminal


def render_table(table: Table) -> str:
    headers, rows = grid(table, human=True, separator="\n")
    widths: list[int | None] = [LABEL_WIDTH] + [None] * (len(headers) - 1)
    body = tabulate(
        rows,
        headers=headers,
        tablefmt="simple",
        stralign="left",
        colalign=("left", *("right",) * (len(headers) - 1)),
        maxcolwidths=widths,
        maxheadercolwidths=[LABEL_WIDTH] + [HEADING_WIDTH] * (len(headers) - 1),
        disable_numparse=True,
    )
    lines = [table.heading, f"({table.group})", "", body, ""]
    lines += table.notes
    return "\n".join(lines)


def render(tables: Sequence[Table], provenance: Provenance | None = None) -> str:
    return "\n\n\n".join(render_table(t) for t in tables) + "\n"
