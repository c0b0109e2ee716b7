"""Plain text for a terminal: each table as the report lays it out, within a width.

The figures' columns take what their figures and the longest word of their
heading need (headings wrap onto more lines); the row labels get the rest and
wrap, their continuation lines indented so that they never read as new rows.
When even a narrow label column leaves no room for every figure (a comparison
of council and supplier on five-point scales), the columns are dealt into
panels, one under the other, each repeating the row labels. Titles and notes
wrap to the width too. tabulate draws each panel.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from tabulate import tabulate

from localdigital_tui.core.records.provenance import Provenance
from localdigital_tui.core.tables.table import Table
from localdigital_tui.render.figures import grid
from localdigital_tui.render.text_chart import text_chart

DEFAULT_WIDTH = 80
MIN_WIDTH = 40
MIN_LABEL = 18  # narrower than this, the figures go into another panel
WIDE_LABEL = 30  # headings stay on one line if the labels keep this much
GAP = 2 + 2  # two spaces between columns, and tabulate pads a heading by two more
INDENT = "  "  # a wrapped label's continuation lines


def _heading_width(text: str, cells: int) -> int:
    return max([cells, *(len(word) for word in text.split())])


def _panels(widths: list[int], width: int) -> list[list[int]]:
    """Indexes of the figure columns in each panel: as many as leave MIN_LABEL."""
    panels: list[list[int]] = [[]]
    used = 0
    for index, column_width in enumerate(widths):
        if panels[-1] and used + GAP + column_width > width - MIN_LABEL:
            panels.append([])
            used = 0
        panels[-1].append(index)
        used += GAP + column_width
    return panels


def _wrapped(text: str, width: int, indent: str = "") -> str:
    """Each line of ``text`` wrapped to ``width``, continuation lines indented."""
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, subsequent_indent=indent) or [""])
        for line in text.splitlines() or [""]
    )


def render_table(table: Table, width: int = DEFAULT_WIDTH, chart: bool = False) -> str:
    width = max(width, MIN_WIDTH)
    headers, rows = grid(table, human=True, separator="\n")  # "Agree" / "council (A)"
    figure_headers = headers[1:]
    cells = [max((len(r[i + 1]) for r in rows), default=1) for i in range(len(figure_headers))]
    widths = [_heading_width(h, c) for h, c in zip(figure_headers, cells, strict=True)]
    whole = [
        max([c, *map(len, h.splitlines())]) for h, c in zip(figure_headers, cells, strict=True)
    ]
    keep = min(max((len(r[0]) for r in rows), default=0), WIDE_LABEL)
    for i, wide in enumerate(whole):  # a heading on one line, where the labels keep room
        if width - sum(GAP + w for w in widths) - (wide - widths[i]) >= keep:
            widths[i] = wide
    blocks = []
    for panel in _panels(widths, width):
        label_width = width - sum(GAP + widths[i] for i in panel)
        panel_headers = [""] + [_wrapped(figure_headers[i], widths[i]) for i in panel]
        panel_rows = [
            [_wrapped(r[0], label_width, INDENT), *(r[i + 1] for i in panel)] for r in rows
        ]
        blocks.append(
            tabulate(
                panel_rows,
                headers=panel_headers,
                tablefmt="simple",
                stralign="left",
                colalign=("left", *("right",) * len(panel)),
                disable_numparse=True,
            )
        )
    lines = [_wrapped(table.heading, width), f"({table.group})", "", "\n\n".join(blocks), ""]
    drawn = text_chart(table, width) if chart else ""
    if drawn:
        lines += [drawn, ""]
    lines += [_wrapped(note, width, INDENT) for note in table.notes]
    return "\n".join(lines)


def terminal_width(requested: int | None, to_terminal: bool) -> int:
    """``requested``, else $COLUMNS, else the terminal's width (when writing to one), else 80."""
    import os
    import sys

    if requested is not None:
        return requested
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0 and to_terminal and sys.stdout.isatty():
        columns = os.get_terminal_size(sys.stdout.fileno()).columns
    return max(columns, MIN_WIDTH) if columns > 0 else DEFAULT_WIDTH


def header(provenance: Provenance, records: int, bundled: bool, width: int) -> str:
    """The lines a text report starts with: the data, the questionnaire, what it is."""
    files = ", ".join(f.path for f in provenance.inputs)
    lines = [
        f"Data: {files}; {records} records tabulated; sha256 {provenance.data_sha256}",
        f"Questionnaire: {provenance.questionnaire_id} {provenance.questionnaire_version}; "
        f"sha256 {provenance.questionnaire_sha256}",
    ]
    if bundled:
        lines.append(
            "The bundled data is a reconstruction consistent with the figures published in "
            "Local Digital Today (2013), not the original responses."
        )
    return "\n".join(_wrapped(line, width, INDENT) for line in lines)


def render(
    tables: Sequence[Table],
    provenance: Provenance | None = None,
    width: int = DEFAULT_WIDTH,
    chart: bool = False,
) -> str:
    return "\n\n\n".join(render_table(t, width, chart) for t in tables) + "\n"
