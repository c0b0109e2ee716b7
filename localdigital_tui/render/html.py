"""HTML: a standalone page with one ``<table>`` per table, every text escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from localdigital_tui.core.records.provenance import Provenance
from localdigital_tui.core.tables.table import Table
from localdigital_tui.render.figures import grid

STYLE = (
    "body{font-family:sans-serif}table{border-collapse:collapse;margin:1em 0}"
    "th,td{border:1px solid #ccc;padding:.2em .5em}td.n{text-align:right}"
    "caption{font-weight:bold;text-align:left}p.note{font-size:small;margin:.2em 0}"
)


def render_table(table: Table) -> str:
    headers, rows = grid(table, human=True)
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "\n".join(
        "<tr>"
        + f'<th scope="row">{escape(row[0])}</th>'
        + "".join(f'<td class="n">{escape(v)}</td>' for v in row[1:])
        + "</tr>"
        for row in rows
    )
    notes = "\n".join(f'<p class="note">{escape(n)}</p>' for n in table.notes)
    return (
        f'<section id="table-{escape(table.id)}">\n<table>\n'
        f"<caption>{escape(table.heading)} ({escape(table.group)})</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n{notes}\n</section>"
    )


def render(tables: Sequence[Table], provenance: Provenance | None = None) -> str:
    sections = "\n".join(render_table(t) for t in tables)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Local Digital Today: tables</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{sections}\n</body>\n</html>\n"
    )
