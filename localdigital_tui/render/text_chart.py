"""Charts in the terminal (``tables --chart``): bars drawn with text characters.

A choice table gets one bar a row, scaled so that 100% fills the bar; a grid table
one stacked bar a row, a character a scale point (``█ ▓ ▒ ░ ·``), with a legend;
a statistics table none. Bars fit the width the text tables fit.
"""

from __future__ import annotations

import textwrap

from localdigital_tui.core.tables.table import Table

SHADES = ("·", "░", "▒", "▓", "█", "#", "=")
LABEL = 28


def _label(text: str, width: int = LABEL) -> str:
    short = text if len(text) <= width else text[: width - 1] + "…"
    return short.ljust(width)


def text_chart(table: Table, width: int) -> str:
    """The table's chart as lines of text, or "" for a statistics table."""
    span = max(width - LABEL - 9, 10)
    kinds = {c.kind for c in table.columns}
    if kinds <= {"percent", "net"} and "percent" in kinds:
        index = next(i for i, c in enumerate(table.columns) if c.kind == "percent")
        lines = []
        for row in table.rows:
            figure = row.cells[index].percent
            if figure is None:
                continue
            bar = "█" * round(span * float(figure) / 100)
            lines.append(f"{_label(row.label)} {bar} {figure}%")
        return "\n".join(lines)
    if "choice" not in kinds:
        return ""
    choices = [i for i, c in enumerate(table.columns) if c.kind == "choice"]
    shades = {i: SHADES[k % len(SHADES)] for k, i in enumerate(choices)}
    lines = []
    for row in table.rows:
        parts = [(shades[i], float(row.cells[i].percent or 0)) for i in choices]
        bar = "".join(shade * round(span * share / 100) for shade, share in parts)
        lines.append(f"{_label(row.label)} {bar[:span]}")
    legend = "   ".join(f"{shades[i]} {table.columns[i].label}" for i in choices)
    lines += textwrap.wrap("Key: " + legend, width, subsequent_indent="     ")
    return "\n".join(lines)
