"""LaTeX: one ``table`` environment per table (needs ``\\usepackage{booktabs}``)."""

from __future__ import annotations

from collections.abc import Sequence

from localdigital_tui.core.records.provenance import Provenance
from localdigital_tui.core.tables.table import Table
from localdigital_tui.render.figures import grid

SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "£": r"\pounds{}",
}


def escape(text: str) -> str:
    return "".join(SPECIAL.get(ch, ch) for ch in text)


def render_table(table: Table) -> str:
    headers, rows = grid(table, human=True)
    spec = "p{6cm}" + "r" * (len(headers) - 1)
    lines = [
        r"\begin{table}[htbp]",
        r"\centering\small",
        rf"\caption{{{escape(table.heading)} ({escape(table.group)})}}",
        rf"\begin{{tabular}}{{{spec}}}",
        r"\toprule",
        " & ".join(escape(h) for h in headers) + r" \\",
        r"\midrule",
        *(" & ".join(escape(v) for v in row) + r" \\" for row in rows),
        r"\bottomrule",
        r"\end{tabular}",
        *(rf"\par\footnotesize {escape(note)}" for note in table.notes),
        r"\end{table}",
    ]
    return "\n".join(lines)


def render(tables: Sequence[Table], provenance: Provenance | None = None) -> str:
    preamble = "% localdigital tables: needs \\usepackage{booktabs}\n"
    return preamble + "\n\n".join(render_table(t) for t in tables) + "\n"
