"""Charts as inline SVG, drawn from the table object: no script, no network.

* a choice table (4.council_type, 4.role, 5.4, 5.6): one horizontal bar a row;
* a grid table (5.1-5.3, 5.4b, 5.6c): one 100% stacked bar a grid row, a colour a
  scale point, with a legend;
* a statistics table: bars of each row's mean (5.5); none when there is one row.

Every chart is ``role="img"`` with a ``<title>`` and ``aria-labelledby``; the table
beside it holds the same figures as text, which is what a screen reader reads.
"""

from __future__ import annotations

from html import escape

from localdigital_tui.core.tables.table import Table

WIDTH = 640
LABEL = 250  # room for row labels on the left
BAR = 18
GAP = 8
PALETTE = ("#b2182b", "#ef8a62", "#d9d9d9", "#67a9cf", "#2166ac", "#7b3294", "#008837")


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _svg(table: Table, height: int, body: str) -> str:
    ident = f"chart-{table.id.replace('.', '-')}-{table.group.replace(' ', '-')}"
    title = escape(f"Chart of table {table.id}: {table.title} ({table.group})")
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{ident}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}">{title}</title>{body}</svg>'
    )


def _bars(table: Table, values: list[tuple[str, float, str]], maximum: float) -> str:
    span = WIDTH - LABEL - 70
    parts = []
    for i, (label, value, shown) in enumerate(values):
        y = GAP + i * (BAR + GAP)
        width = 0 if maximum <= 0 else span * value / maximum
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + BAR - 4}" text-anchor="end" font-size="12">'
            f"{escape(_short(label))}</text>"
            f'<rect x="{LABEL}" y="{y}" width="{width:.1f}" height="{BAR}" fill="{PALETTE[4]}"/>'
            f'<text x="{LABEL + width + 4:.1f}" y="{y + BAR - 4}" font-size="12">'
            f"{escape(shown)}</text>"
        )
    return _svg(table, GAP + len(values) * (BAR + GAP), "".join(parts))


def _stacked(table: Table) -> str:
    choices = [i for i, c in enumerate(table.columns) if c.kind == "choice"]
    span = WIDTH - LABEL - 10
    parts = []
    for r, row in enumerate(table.rows):
        y = GAP + r * (BAR + GAP)
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + BAR - 4}" text-anchor="end" font-size="12">'
            f"{escape(_short(row.label))}</text>"
        )
        x = float(LABEL)
        for k, i in enumerate(choices):
            share = float(row.cells[i].percent or 0) / 100
            width = span * share
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR}" '
                f'fill="{PALETTE[k % len(PALETTE)]}"><title>{escape(table.columns[i].label)}: '
                f"{row.cells[i].percent}%</title></rect>"
            )
            x += width
    legend_y = GAP + len(table.rows) * (BAR + GAP) + 6
    x = 10.0
    for k, i in enumerate(choices):
        label = _short(table.columns[i].label, 24)
        step = 16 + 7 * len(label) + 14
        if x + step > WIDTH:  # the legend goes on to another line
            x, legend_y = 10.0, legend_y + 18
        parts.append(
            f'<rect x="{x:.1f}" y="{legend_y}" width="12" height="12" '
            f'fill="{PALETTE[k % len(PALETTE)]}"/><text x="{x + 16:.1f}" y="{legend_y + 11}" '
            f'font-size="11">{escape(label)}</text>'
        )
        x += step
    return _svg(table, legend_y + 24, "".join(parts))


def chart(table: Table) -> str:
    """The table's chart as an ``<svg>`` element, or "" when a chart would add nothing."""
    kinds = {c.kind for c in table.columns}
    if kinds == {"percent"} or kinds == {"percent", "net"}:
        index = next(i for i, c in enumerate(table.columns) if c.kind == "percent")
        values = [
            (row.label, float(row.cells[index].percent or 0), f"{row.cells[index].percent}%")
            for row in table.rows
            if not row.is_net and row.cells[index].percent is not None
        ]
        return _bars(table, values, 100.0)
    if "choice" in kinds:
        return _stacked(table)
    means = [i for i, c in enumerate(table.columns) if c.code == "mean"]
    if means and len(table.rows) > 1:
        values = [
            (row.label, float(row.cells[means[0]].value or 0), str(row.cells[means[0]].value))
            for row in table.rows
        ]
        return _bars(table, values, max(v for _, v, _ in values) or 1.0)
    return ""
